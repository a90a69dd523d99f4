// An Anki package's review history brought into a learner's progress: each card due when
// Anki has it due, in the state Anki has it, the learner's days (streak) as the log says,
// the reviews in the log the memory model is fitted to, and nothing added the second time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/import/anki.h"
#include "core/import/anki_history.h"
#include "core/store/anki_revlog.h"
#include "core/store/profile_store.h"
#include "support/anki_package.h"
#include "support/temp_dir.h"

using namespace factdeck;
using factdeck::test::AnkiFormat;
using factdeck::test::AnkiNote;
using factdeck::test::AnkiReviewRow;
using factdeck::test::AnkiSchedule;
using factdeck::test::kAnkiCollectionCreated;
using factdeck::test::TempDir;

namespace {

constexpr std::int64_t kDay = 86400;
// Anki's day `d` of the collection, `hours` into it, in ms.
srs::TimeMs AnkiDay(std::int64_t d, double hours = 1.0) {
  return (kAnkiCollectionCreated + d * kDay) * 1000 + static_cast<srs::TimeMs>(hours * 3600 * 1000);
}
constexpr std::int64_t kToday = 2000;
const srs::TimeMs kNow = AnkiDay(kToday, 3.0);

AnkiReviewRow Row(srs::TimeMs at, int ease, int type, std::int64_t ivl, int factor = 2500) {
  AnkiReviewRow r;
  r.id = at;
  r.ease = ease;
  r.type = type;
  r.ivl = ivl;
  r.factor = factor;
  return r;
}

std::vector<AnkiNote> Notes() {
  return {{1, "basic", {"First", "one"}},
          {2, "reversed", {"Second", "two"}},
          {3, "cloze", {"The {{c1::Kama}} school trained {{c2::tank}} crews.", ""}},
          {4, "basic", {"Fourth", "four"}},
          {5, "basic", {"Fifth", "five"}},
          {6, "basic", {"Sixth", "six"}},
          {7, "basic", {"Seventh", "seven"}}};
}

// What Anki's log and schedule say (see each card), and a review of a deleted card.
std::vector<AnkiSchedule> Schedule() {
  std::vector<AnkiSchedule> s(8);
  // Learned on day 1990 (two steps), reviewed on 1991 and 1994: due on day 2002.
  s[0] = {1,
          0,
          2,
          2,
          2002,
          8,
          0,
          "",
          {Row(AnkiDay(1990), 3, 0, -600), Row(AnkiDay(1990, 1.2), 3, 0, 1), Row(AnkiDay(1991), 3, 1, 3),
           Row(AnkiDay(1994), 3, 1, 8)}};
  // Both ways: the forward card due today, the reverse one (forgotten once in its steps) overdue.
  s[1] = {2, 0, 2, 2, kToday, 4, 0, "", {Row(AnkiDay(1996), 3, 0, 4)}};
  s[2] = {2, 1, 2, 2, 1999, 2, 0, "", {Row(AnkiDay(1997), 1, 0, -60), Row(AnkiDay(1997, 1.1), 3, 0, 2)}};
  // A cloze gap scheduled with FSRS: Anki's stability and difficulty are kept.
  s[3] = {3, 1, 2, 2, 2010, 20, 0, R"({"s":30.5,"d":6.2,"dr":0.9})", {Row(AnkiDay(1990, 2.0), 3, 1, 20)}};
  // In its learning steps: due in ten minutes, a time rather than a day.
  s[4] = {4, 0, 1, 1, kNow / 1000 + 600, 0, 0, "", {Row(kNow - 60000, 1, 0, -600)}};
  // Forgotten by hand ("Forget"): new again, its answer still in the log.
  s[5] = {5, 0, 0, 0, 7, 0, 0, "", {Row(AnkiDay(1980), 3, 0, 5), Row(AnkiDay(1985), 0, 4, 0, 0)}};
  // A review, then a cram review in a filtered deck that left the schedule alone; suspended since.
  s[6] = {6, 0, 2, -1, 2008, 10, 0, "", {Row(AnkiDay(1998), 3, 1, 10), Row(AnkiDay(1999), 3, 3, 0, 0)}};
  // A card deleted since: its review is not the learner's answer on any card made.
  s[7] = {0, 0, 0, 0, 0, 0, 0, "", {Row(AnkiDay(1995), 3, 1, 4)}, 999};
  return s;
}

std::unique_ptr<ProfileStore> OpenStore(const std::filesystem::path& dir) {
  auto opened = ProfileStore::Open(dir, kNow, srs::StudyDay{0, 4});
  INFO(opened.error);
  REQUIRE(opened.store);
  return std::move(opened.store);
}

} // namespace

TEST_CASE("an Anki package's history gives the cards due, the states and the streak its log says",
          "[anki][history][store]") {
  const AnkiFormat format = GENERATE(AnkiFormat::Anki21, AnkiFormat::Latest);
  TempDir dir;
  const auto package = dir / "history.apkg";
  test::WriteAnkiPackage(package, Notes(), {}, format, Schedule());
  auto store = OpenStore(dir / "data");
  const std::int64_t profile = store->DefaultProfile();
  const srs::Fsrs fsrs;

  const HistoryBrought brought = BringAnkiHistory(*store, profile, package.string(), dir / "cache", fsrs);
  INFO(brought.error);
  REQUIRE(brought.error.empty());
  CHECK(brought.deck == "history");
  CHECK(brought.reviews == 12); // the answers: the hand-made reset is none
  CHECK(brought.added == 12);
  CHECK(brought.cards == 6); // all but the forgotten card, and the seventh never shown
  CHECK(brought.leftOut == 1);
  CHECK(brought.newCards == 2); // the first gap of the cloze, and the seventh note
  CHECK(brought.suspended == 1);
  CHECK(DescribeHistoryBrought(brought, "Ada") ==
        "Brought 12 reviews from Anki into Ada's progress; 6 cards keep Anki's schedule. 1 card is suspended in "
        "Anki; FactDeck has no suspension, so it comes up for study like the others. 1 review of a card "
        "FactDeck left out of the deck was not brought.");

  auto card = [&](const std::string& item, srs::QuestionKind kind = srs::QuestionKind::Flashcard) {
    auto memory = store->Card(profile, "history", item, kind);
    REQUIRE(memory);
    return *memory;
  };
  const srs::MemoryState first = card("note-1");
  CHECK(first.state == srs::CardState::Review);
  CHECK(first.due == AnkiDay(2002, 0));
  CHECK(first.lastReview == AnkiDay(1994));
  CHECK(first.scheduledDays == 8);
  CHECK(first.reps == 4);
  CHECK(first.stability > 1.0);
  CHECK(card("note-2").due == AnkiDay(kToday, 0));
  const srs::MemoryState reverse = card("note-2", srs::QuestionKind::MultipleChoiceReverse);
  CHECK(reverse.due == AnkiDay(1999, 0));
  CHECK(reverse.lapses == 0); // an Again in its first steps is no lapse
  const srs::MemoryState cloze = card("note-3-c2");
  CHECK(cloze.stability == Approx(30.5));
  CHECK(cloze.difficulty == Approx(6.2));
  CHECK_FALSE(store->Card(profile, "history", "note-3-c1", srs::QuestionKind::Flashcard)); // never shown
  const srs::MemoryState learning = card("note-4");
  CHECK(learning.state == srs::CardState::Learning);
  CHECK(learning.due == (kNow / 1000 + 600) * 1000);
  CHECK(card("note-5").state == srs::CardState::New);
  CHECK(card("note-6").due == AnkiDay(2008, 0));
  CHECK(card("note-6").lastReview == AnkiDay(1998)); // the cram review did not reschedule
  CHECK_FALSE(store->Card(profile, "history", "note-7", srs::QuestionKind::Flashcard));

  // Due now: the forward and the reverse card of note 2; one card in its steps; five learned.
  const std::vector<DeckProgress> progress = store->Progress(profile, kNow);
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].dueNow == 2);
  CHECK(progress[0].learning == 1);
  CHECK(progress[0].learned == 5);
  // Days with answers: 1996 to 2000 in a row (1995's review was of the deleted card).
  CHECK(store->Streaks(profile, kNow, srs::StudyDay{0, 4}).first == 5);
  // The memory model is fitted to them (the cram review as one that did not reschedule).
  const std::vector<srs::LoggedReview> log = store->ReviewLog(profile);
  CHECK(log.size() == 12);
  CHECK(std::count_if(log.begin(), log.end(),
                      [](const srs::LoggedReview& r) { return r.kind == srs::LoggedReviewKind::Filtered; }) == 1);
  CHECK(store->HistoryReviewCount(profile, "history") == 12);

  // Again: nothing new.
  const HistoryBrought again = BringAnkiHistory(*store, profile, package.string(), dir / "cache", fsrs);
  CHECK(again.error.empty());
  CHECK(again.added == 0);
  CHECK(again.cards == 0);
  CHECK(DescribeHistoryBrought(again, "Ada").rfind("The package's 12 reviews are in Ada's progress already", 0) == 0);
  CHECK(store->Streaks(profile, kNow, srs::StudyDay{0, 4}).first == 5);
  CHECK(store->ReviewLog(profile).size() == 12);

  // A newer export of the same collection is another file, so another deck: its reviews are the
  // learner's already. They move to the newer deck's cards, counted once in the days and the log.
  auto answers = [&] {
    std::int64_t total = 0;
    for (const DayActivity& d : store->Activity(profile, 0))
      total += d.answers;
    return total;
  };
  CHECK(answers() == 12);
  const auto newer = dir / "history-2.apkg";
  std::filesystem::copy_file(package, newer);
  const HistoryBrought exported = BringAnkiHistory(*store, profile, newer.string(), dir / "cache", fsrs);
  REQUIRE(exported.error.empty());
  CHECK(exported.deck == "history-2");
  CHECK(exported.added == 0);
  CHECK(exported.moved == 12);
  CHECK_THAT(DescribeHistoryBrought(exported, "Ada"),
             Catch::Contains("12 reviews were in Ada's progress already from another file of the same collection"));
  CHECK(answers() == 12);
  CHECK(store->ReviewLog(profile).size() == 12);
  CHECK(store->HistoryReviewCount(profile, "history-2") == 12);
  CHECK(store->HistoryReviewCount(profile, "history") == 0);
  CHECK(store->Card(profile, "history-2", "note-1", srs::QuestionKind::Flashcard)->due == AnkiDay(2002, 0));
  // Another learner brings the same file: their own reviews, counted in their own days.
  const std::int64_t other = store->CreateProfile("Bažanov", kNow).id;
  const HistoryBrought theirs = BringAnkiHistory(*store, other, package.string(), dir / "cache", fsrs);
  CHECK(theirs.added == 12);
  CHECK(answers() == 12);
  // Back to the first file: its reviews move back, still counted once.
  CHECK(BringAnkiHistory(*store, profile, package.string(), dir / "cache", fsrs).moved == 12);
  CHECK(answers() == 12);

  // The learner answers a card in FactDeck: bringing the history again keeps that answer's schedule.
  AnswerRecord a;
  a.profile = profile;
  a.deck = "history";
  a.item = "note-1";
  a.kind = srs::QuestionKind::Flashcard;
  a.time = kNow;
  a.correct = a.answerCorrect = true;
  a.after = fsrs.Review(first, kNow, srs::Rating::Good).card;
  REQUIRE(store->RecordAnswer(a).ok);
  BringAnkiHistory(*store, profile, package.string(), dir / "cache", fsrs);
  CHECK(card("note-1").lastReview == kNow);
  CHECK(card("note-1").due == a.after.due);
}

TEST_CASE("a package without scheduling says it holds no history, and a damaged one says what is wrong",
          "[anki][history][store]") {
  TempDir dir;
  auto store = OpenStore(dir / "data");
  const std::int64_t profile = store->DefaultProfile();
  const auto plain = dir / "shared.apkg";
  test::WriteAnkiPackage(plain, Notes(), {}, AnkiFormat::Latest);
  const HistoryBrought none = BringAnkiHistory(*store, profile, plain.string(), dir / "cache", srs::Fsrs());
  CHECK_THAT(none.error, Catch::Contains("holds no review history"));
  CHECK(store->ReviewLog(profile).empty());

  const auto broken = dir / "broken.apkg";
  std::ofstream(broken) << "not a zip";
  const HistoryBrought damaged = BringAnkiHistory(*store, profile, broken.string(), dir / "cache", srs::Fsrs());
  CHECK_THAT(damaged.error, Catch::Contains("broken.apkg"));
  CHECK(store->ReviewLog(profile).empty());
}

TEST_CASE("a damaged schedule or log is read without harm: absurd dues clamped, impossible reviews left out",
          "[anki][history][store]") {
  TempDir dir;
  auto store = OpenStore(dir / "data");
  const std::int64_t profile = store->DefaultProfile();
  std::vector<AnkiSchedule> schedule(2);
  schedule[0] = {1, 0, 2, 2, 9000000000000000000, 9000000000000000000, 0, "", {Row(AnkiDay(1990), 3, 1, 4)}};
  schedule[1] = {
      2, 0, 2, 2, kToday, 4, 0, "", {Row(-5, 3, 1, 4), Row(AnkiDay(1995), 7, 1, 4), Row(AnkiDay(1996), 3, 1, 4)}};
  const auto package = dir / "damaged.apkg";
  test::WriteAnkiPackage(package, Notes(), {}, AnkiFormat::Latest, schedule);
  const HistoryBrought brought = BringAnkiHistory(*store, profile, package.string(), dir / "cache", srs::Fsrs());
  INFO(brought.error);
  REQUIRE(brought.error.empty());
  CHECK(brought.added == 2);   // the two sound reviews
  CHECK(brought.leftOut == 2); // one before 1970, one with a button 7
  CHECK(store->Card(profile, "damaged", "note-1", srs::QuestionKind::Flashcard)->due > kNow);
  CHECK(store->Streaks(profile, kNow, srs::StudyDay{0, 4}).second == 1); // no day in 1969
}
