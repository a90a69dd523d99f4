// The learner's memory model from the command line: an Anki review log brought in, the
// weights fitted, applied and reset.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/anki_package.h"
#include "support/process.h"
#include "support/temp_dir.h"

using factdeck::test::RunProcess;
using factdeck::test::TempDir;

namespace {

const std::string kExe = FACTDECK_EXE;

// A simulated learner's history (tests/data/fsrs_optimizer_histories.json) written as an
// Anki review log: id (time in ms), cid, usn, ease, ivl, lastIvl, factor, time, type. Days
// from 2025-01-01, reviews at 10:00 local machine time give or take an hour.
void WriteRevlog(const std::string& file, size_t cards, size_t dataset = 1) {
  std::ifstream in(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/fsrs_optimizer_histories.json");
  REQUIRE(in);
  const auto histories = nlohmann::json::parse(in);
  const auto& all = histories["datasets"][dataset]["cards"];
  std::ofstream out(file);
  out << "id,cid,usn,ease,ivl,lastIvl,factor,time,type\n";
  const long long start = 1735725600000LL; // 2025-01-01 10:00 UTC
  for (size_t card = 0; card < std::min(cards, all.size()); ++card) {
    int seq = 0;
    for (size_t k = 0; k < all[card].size(); ++k) {
      const int day = all[card][k][0].get<int>();
      seq = k > 0 && all[card][k - 1][0].get<int>() == day ? seq + 1 : 0;
      const long long id = start + day * 86400000LL + seq * 600000LL + static_cast<long long>(card);
      out << id << ',' << 1600000000000LL + static_cast<long long>(card) << ",-1," << all[card][k][1].get<int>()
          << ",0,0,2500,8000," << all[card][k][2].get<int>() << '\n';
    }
  }
}

// The same learner's history as an Anki package with its scheduling: a basic note per card,
// each card's reviews in the package's log, due three days after its last review.
void WriteHistoryPackage(const std::string& file, size_t dataset) {
  std::ifstream in(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/fsrs_optimizer_histories.json");
  REQUIRE(in);
  const auto histories = nlohmann::json::parse(in);
  const auto& all = histories["datasets"][dataset]["cards"];
  const long long start = 1735725600000LL; // 2025-01-01 10:00 UTC
  const long long firstDay = (start / 1000 - factdeck::test::kAnkiCollectionCreated) / 86400;
  std::vector<factdeck::test::AnkiNote> notes;
  std::vector<factdeck::test::AnkiSchedule> schedule;
  for (size_t card = 0; card < all.size(); ++card) {
    const auto id = static_cast<std::int64_t>(card + 1);
    notes.push_back({id, "basic", {"Question " + std::to_string(id), "Answer " + std::to_string(id)}});
    factdeck::test::AnkiSchedule s;
    s.note = id;
    s.type = s.queue = 2;
    s.ivl = 3;
    int seq = 0;
    for (size_t k = 0; k < all[card].size(); ++k) {
      const int day = all[card][k][0].get<int>();
      seq = k > 0 && all[card][k - 1][0].get<int>() == day ? seq + 1 : 0;
      const bool sameDayNext = k + 1 < all[card].size() && all[card][k + 1][0].get<int>() == day;
      const int nextDay = k + 1 < all[card].size() ? all[card][k + 1][0].get<int>() : day + 3;
      factdeck::test::AnkiReviewRow r;
      r.id = start + day * 86400000LL + seq * 600000LL + static_cast<long long>(card);
      r.ease = all[card][k][1].get<int>();
      r.type = all[card][k][2].get<int>();
      r.ivl = sameDayNext ? -600 : nextDay - day;
      s.reviews.push_back(r);
      s.due = firstDay + day + 3;
    }
    schedule.push_back(std::move(s));
  }
  factdeck::test::WriteAnkiPackage(file, notes, {}, factdeck::test::AnkiFormat::Latest, schedule);
}

} // namespace

TEST_CASE("an Anki package's history comes in once, and srs optimize fits it", "[cli][srs][anki]") {
  TempDir dir;
  const std::string data = (dir / "data").string(), package = (dir / "My collection.colpkg").string();
  WriteHistoryPackage(package, 1);
  auto brought = RunProcess({kExe, "import-anki-history", "--data-dir", data, package});
  INFO(brought.err);
  REQUIRE(brought.exitCode == 0);
  CHECK_THAT(brought.out, Catch::Contains("Brought 10,912 reviews from Anki into Learner's progress; 800 cards keep "
                                          "Anki's schedule.") &&
                              Catch::Contains("The deck's id: my-collection"));
  auto again = RunProcess({kExe, "import-anki-history", "--data-dir", data, package});
  CHECK_THAT(again.out, Catch::Contains("nothing was added"));

  auto fitted = RunProcess({kExe, "srs", "optimize", "--data-dir", data, "--json"});
  INFO(fitted.err);
  REQUIRE(fitted.exitCode == 0);
  const auto fit = nlohmann::json::parse(fitted.out);
  CHECK(fit["imported_reviews"] == 0); // in the learner's own log: no separate import
  CHECK(fit["items"].get<int>() > 5000);
  CHECK(fit["fitted_weights"]["held_out"]["log_loss"].get<double>() <
        fit["default_weights"]["held_out"]["log_loss"].get<double>());

  auto missing = RunProcess({kExe, "import-anki-history", "--data-dir", data, (dir / "none.apkg").string()});
  CHECK(missing.exitCode == 1);
  CHECK_THAT(missing.err, Catch::Contains("none.apkg"));
}

TEST_CASE("an Anki review log comes in, srs optimize fits it, the weights are applied and reset", "[cli][srs]") {
  TempDir dir;
  const std::string data = (dir / "data").string(), revlog = (dir / "revlog.csv").string();

  // Too little history: refused, saying how much more is needed.
  WriteRevlog(revlog, 40);
  auto small = RunProcess({kExe, "import-anki-revlog", "--data-dir", data, revlog});
  INFO(small.err);
  REQUIRE(small.exitCode == 0);
  auto refused = RunProcess({kExe, "srs", "optimize", "--data-dir", data});
  CHECK(refused.exitCode == 1);
  CHECK_THAT(refused.err, Catch::Contains("not enough review history") && Catch::Contains("more"));

  // The whole log; importing it again adds nothing.
  WriteRevlog(revlog, 100000);
  auto imported = RunProcess({kExe, "import-anki-revlog", "--data-dir", data, revlog});
  REQUIRE(imported.exitCode == 0);
  CHECK_THAT(imported.out, Catch::Contains("new, kept apart"));
  auto again = RunProcess({kExe, "import-anki-revlog", "--data-dir", data, revlog});
  CHECK_THAT(again.out, Catch::Contains("; 0 new"));

  auto fitted = RunProcess({kExe, "srs", "optimize", "--data-dir", data, "--json"});
  INFO(fitted.err);
  REQUIRE(fitted.exitCode == 0);
  const auto fit = nlohmann::json::parse(fitted.out);
  CHECK(fit["items"].get<int>() > 5000);
  CHECK(fit["imported_reviews"].get<int>() > fit["items"].get<int>());
  CHECK(fit["weights"].size() == 21);
  CHECK(fit["applied"] == false);
  // The fit predicts its learner better than the defaults, on all items and on unseen ones.
  CHECK(fit["fitted_weights"]["all"]["log_loss"].get<double>() <
        fit["default_weights"]["all"]["log_loss"].get<double>());
  CHECK(fit["fitted_weights"]["held_out"]["log_loss"].get<double>() <
        fit["default_weights"]["held_out"]["log_loss"].get<double>());

  auto before = nlohmann::json::parse(RunProcess({kExe, "srs", "weights", "--data-dir", data, "--json"}).out);
  CHECK(before["fitted"] == false);
  CHECK_FALSE(before["last_fit"].is_null()); // the fit is remembered even when not applied

  auto applied = RunProcess({kExe, "srs", "optimize", "--data-dir", data, "--apply"});
  REQUIRE(applied.exitCode == 0);
  CHECK_THAT(applied.out, Catch::Contains("Training items:") && Catch::Contains("now in use"));
  auto after = nlohmann::json::parse(RunProcess({kExe, "srs", "weights", "--data-dir", data, "--json"}).out);
  CHECK(after["fitted"] == true);
  CHECK(after["weights"] == fit["weights"]); // the same history gives the same weights

  auto reset = RunProcess({kExe, "srs", "weights", "--data-dir", data, "--defaults", "--json"});
  CHECK(nlohmann::json::parse(reset.out)["fitted"] == false);
}

TEST_CASE("import-anki-revlog names each bad row with its line and column and keeps the rest", "[cli][srs]") {
  TempDir dir;
  const std::string data = (dir / "data").string(), revlog = (dir / "revlog.csv").string();
  std::ofstream(revlog) << "id,cid,usn,ease,ivl,lastIvl,factor,time,type\n"
                           "1735725600000,1,-1,3,0,0,0,9000,0\n"
                           "1735812000000,1,-1,7,1,0,2500,6000,1\n"
                           "yesterday,1,-1,3,1,0,2500,6000,1\n"
                           "1735898400000,1,-1,3,2,1,2500,5000,1\n";
  auto result = RunProcess({kExe, "import-anki-revlog", "--data-dir", data, revlog});
  CHECK(result.exitCode == 0);
  CHECK_THAT(result.err, Catch::Contains("revlog.csv:3:") && Catch::Contains("'ease' must be") &&
                             Catch::Contains("revlog.csv:4:1:") && Catch::Contains("'id' must be"));
  CHECK_THAT(result.out, Catch::Contains("Read 2 reviews (2 rows skipped); 2 new"));

  std::ofstream(revlog) << "time,rating\n1,2\n";
  auto wrong = RunProcess({kExe, "import-anki-revlog", "--data-dir", data, revlog});
  CHECK(wrong.exitCode == 1);
  CHECK_THAT(wrong.err, Catch::Contains("no 'id' column"));
}

TEST_CASE("srs optimize fits a learner of the app: answers given in FactDeck's own study sessions", "[cli][srs]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  // 90 days of simulated study of the largest bundled deck, recorded answer by answer as the
  // study screen records them (--sample-days), then the fit on that history alone.
  const char* before = std::getenv("ASAN_OPTIONS");
  const std::string saved = before ? before : "";
  setenv("ASAN_OPTIONS", ((saved.empty() ? "" : saved + ":") + "detect_leaks=0").c_str(), 1); // see RunWindow
  auto studied = RunProcess({kExe, "--data-dir", data, "--sample-days", "90", "--screen", "home", "--screenshot",
                             (dir / "home.png").string(), "--size", "640x480"});
  if (before)
    setenv("ASAN_OPTIONS", saved.c_str(), 1);
  else
    unsetenv("ASAN_OPTIONS");
  INFO(studied.err);
  REQUIRE(studied.exitCode == 0);
  auto fitted = RunProcess({kExe, "srs", "optimize", "--data-dir", data, "--json"});
  INFO(fitted.err);
  REQUIRE(fitted.exitCode == 0);
  const auto fit = nlohmann::json::parse(fitted.out);
  CHECK(fit["imported_reviews"] == 0);
  CHECK(fit["items"].get<int>() >= 400);
  CHECK(fit["fitted_weights"]["all"]["log_loss"].get<double>() <
        fit["default_weights"]["all"]["log_loss"].get<double>());
  CHECK(fit["fitted_weights"]["all"]["items"].get<int>() > 0);
}
