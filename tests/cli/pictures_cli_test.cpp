// Pictures from the command line: `questions --json` names each question's picture, and a
// worksheet carries its pictures inside the page.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.h"
#include "support/temp_dir.h"

using factdeck::test::RunProcess;
using factdeck::test::TempDir;

namespace {
const std::string kExe = FACTDECK_EXE;
const std::string kFlags = std::string(FACTDECK_SOURCE_DIR) + "/questions/flags-of-europe.toml";
} // namespace

TEST_CASE("the flags deck: every question names its picture, and a worksheet embeds them", "[cli][pictures]") {
  auto listed = RunProcess({kExe, "questions", kFlags, "--count", "12", "--seed", "3", "--json"});
  INFO(listed.err);
  REQUIRE(listed.exitCode == 0);
  const auto questions = nlohmann::json::parse(listed.out);
  REQUIRE(questions.size() == 12);
  for (const auto& q : questions) {
    REQUIRE(q.contains("image"));
    CHECK(std::filesystem::exists(q["image"].get<std::string>()));
  }

  TempDir dir;
  const auto html = dir / "flags.html";
  auto sheet = RunProcess({kExe, "worksheet", kFlags, "-o", html.string(), "--count", "5", "--seed", "3"});
  INFO(sheet.err);
  REQUIRE(sheet.exitCode == 0);
  std::ifstream in(html);
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  size_t pictures = 0;
  for (size_t at = text.find("src=\"data:image/png;base64,iVBORw0KGgo"); at != std::string::npos;
       at = text.find("src=\"data:image/png;base64,iVBORw0KGgo", at + 1))
    ++pictures;
  CHECK(pictures == 5); // one per question, the PNG signature first, nothing fetched from elsewhere
  CHECK(text.find("src=\"http") == std::string::npos);
  CHECK(text.find("src=\"/") == std::string::npos);
}
