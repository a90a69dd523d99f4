// Exams from the command line: plan add, plan (text and JSON), plan remove, and what is
// refused with its reason.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/local_date.h"
#include "support/process.h"
#include "support/temp_dir.h"

using factdeck::test::LocalDateIn;
using factdeck::test::RunProcess;
using factdeck::test::TempDir;

namespace {
const std::string kExe = FACTDECK_EXE;
} // namespace

TEST_CASE("plan add plans an exam on a deck file, plan shows it as text and JSON, plan remove removes it",
          "[cli][exam]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  const std::string deck = std::string(FACTDECK_SOURCE_DIR) + "/questions/german-soviet-military-cooperation.toml";

  auto none = RunProcess({kExe, "plan", "--data-dir", data});
  REQUIRE(none.exitCode == 0);
  CHECK_THAT(none.out, Catch::Contains("No exams planned"));

  auto added = RunProcess({kExe, "plan", "add", "--data-dir", data, "--name", "Treaties", "--date", LocalDateIn(10),
                           "--deck", deck, "--tags", "treaty", "--minutes", "15"});
  INFO(added.err);
  REQUIRE(added.exitCode == 0);
  CHECK_THAT(added.out, Catch::Contains("Exam planned: Treaties, in 10 days, 15 minutes a day."));

  auto text = RunProcess({kExe, "plan", "--data-dir", data});
  REQUIRE(text.exitCode == 0);
  CHECK_THAT(text.out, Catch::StartsWith("[1] Treaties in 10 days: ") &&
                           Catch::Contains("likely remembered on the day") && Catch::Contains("new cards"));

  auto json = RunProcess({kExe, "plan", "--data-dir", data, "--json"});
  REQUIRE(json.exitCode == 0);
  const auto out = nlohmann::json::parse(json.out);
  REQUIRE(out["exams"].size() == 1);
  const auto& exam = out["exams"][0];
  CHECK(exam["name"] == "Treaties");
  CHECK(exam["days_left"] == 10);
  CHECK(exam["tags"] == nlohmann::json::array({"treaty"}));
  CHECK(exam["minutes_a_day"] == 15);
  CHECK(exam["cards"].get<int>() > 0);
  CHECK(exam["recall_now"].get<double>() == 0.0);
  CHECK(exam["recall_planned"].get<double>() >= 0.9); // a handful of cards, 15 minutes a day
  CHECK(exam["answers_needed"].is_null());
  // A point a study day: today's session and one a day at this hour while the exam (9:00) is
  // at least an hour later: 10, or 11 when the plan is made before 8:00.
  CHECK(exam["by_day"].size() >= 10);
  CHECK(exam["by_day"].size() <= 11);
  CHECK(out["today"]["new_cards"].get<int>() > 0);
  CHECK(out["today"]["cards"].size() >= out["today"]["new_cards"].get<size_t>());
  CHECK_THAT(out["today"]["cards"][0].get<std::string>(), Catch::StartsWith("german-soviet-military-cooperation/"));

  auto refused = RunProcess({kExe, "plan", "add", "--data-dir", data, "--date", "2020-01-01", "--deck", deck});
  CHECK(refused.exitCode == 1);
  CHECK_THAT(refused.err, Catch::Contains("The exam was not planned: the exam's date has passed."));
  auto both = RunProcess({kExe, "plan", "add", "--data-dir", data, "--date", LocalDateIn(3), "--deck", deck,
                          "--minutes", "20", "--cards", "9"});
  CHECK(both.exitCode == 2);
  CHECK_THAT(both.err, Catch::Contains("give --minutes or --cards, not both"));
  auto unknown = RunProcess({kExe, "plan", "remove", "--data-dir", data, "7"});
  CHECK(unknown.exitCode == 1);
  CHECK_THAT(unknown.err, Catch::Contains("the learner has no exam 7"));

  auto removed = RunProcess({kExe, "plan", "remove", "--data-dir", data, "1"});
  REQUIRE(removed.exitCode == 0);
  auto after = RunProcess({kExe, "plan", "--data-dir", data, "--json"});
  CHECK(nlohmann::json::parse(after.out)["exams"].empty());
}
