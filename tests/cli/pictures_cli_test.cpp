// Pictures from the command line: `questions --json` names each question's picture (or its
// options' pictures), and a worksheet carries its pictures inside the page.
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
  size_t withPictureOptions = 0;
  for (const auto& q : questions) {
    INFO(q.dump());
    if (q.contains("option_images")) {
      // "Which of these is the flag of X?": four flags, the names held back.
      ++withPictureOptions;
      REQUIRE(q["option_images"].size() == 4);
      CHECK(q["pictures_only"] == true);
      CHECK_FALSE(q.contains("image"));
      for (const auto& file : q["option_images"])
        CHECK(std::filesystem::exists(file.get<std::string>()));
    } else {
      REQUIRE(q.contains("image"));
      CHECK(std::filesystem::exists(q["image"].get<std::string>()));
    }
  }
  CHECK(withPictureOptions >= 3);
  CHECK(withPictureOptions <= 9);

  TempDir dir;
  const auto html = dir / "flags.html";
  auto sheet = RunProcess({kExe, "worksheet", kFlags, "-o", html.string(), "--count", "6", "--seed", "3"});
  INFO(sheet.err);
  REQUIRE(sheet.exitCode == 0);
  std::ifstream in(html);
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
      ++n;
    return n;
  };
  // The kinds take turns: three questions show a flag, three offer four flags (the PNG
  // signature first, nothing fetched from elsewhere).
  const std::string png = "src=\"data:image/png;base64,iVBORw0KGgo";
  CHECK(count("<img class=\"picture\" alt=\"\" " + png) == 3);
  CHECK(count("<img class=\"option\" alt=\"\" " + png) == 12);
  CHECK(count("<ol class=\"options pictures\">") == 3);
  CHECK(text.find("src=\"http") == std::string::npos);
  CHECK(text.find("src=\"/") == std::string::npos);
}
