#include <catch2/catch.hpp>
#include <set>

#include "core/base/paths.h"
#include "core/import/deck_file.h"
#include "support/seed_deck.h"
#include "core/games/study_session.h"
#include "core/base/sqlite_db.h"
#include "support/temp_dir.h"

using namespace factdeck;

namespace {
constexpr srs::TimeMs kNow = 1767268800000; // 2026-01-01T12:00:00Z

using test::SeedDeck;

// A fresh progress store in its own folder, with its default learner.
struct OpenedStore {
  test::TempDir dir;
  std::unique_ptr<ProfileStore> store;
  std::int64_t profile = 0;
  OpenedStore() {
    auto opened = ProfileStore::Open(dir.Path(), kNow);
    REQUIRE(opened.store);
    store = std::move(opened.store);
    profile = store->DefaultProfile();
  }
};

// Answers the current question right (or wrong), whatever its kind.
void Answer(StudySession& s, bool right, srs::TimeMs now) {
  const Question& q = *s.Current();
  switch (q.kind) {
  case QuestionKind::Ordering: {
    std::vector<int> order = q.order;
    if (!right) std::reverse(order.begin(), order.end());
    s.AnswerOrder(order, 5000, now);
    break;
  }
  case QuestionKind::TypedYear: s.AnswerYear(right ? q.answerText : "1", 4000, now); break;
  case QuestionKind::Flashcard: s.Grade(right ? srs::Rating::Good : srs::Rating::Again, 3000, now); break;
  default: s.AnswerOption(right ? q.answer : (q.answer + 1) % static_cast<int>(q.options.size()), 3000, now);
  }
}
} // namespace

TEST_CASE("a study session: today's new cards, each answer saved before its feedback", "[study_session]") {
  const Deck deck = SeedDeck();
  OpenedStore opened;
  const auto profile = opened.profile;
  StudySession::Options options;
  options.queue.newPerDay = 12;
  StudySession session(deck, opened.store.get(), profile, kNow, options);
  REQUIRE(session.Queued() == 12); // only new cards on the first day, within the limit
  std::set<std::string> kinds, firstKeys, missed;
  std::vector<std::string> asked;
  srs::TimeMs now = kNow;
  int right = 0, answered = 0;
  for (int i = 0; !session.Done(); ++i) {
    const Question& q = *session.Current();
    kinds.insert(QuestionKindName(q.kind));
    // The first time a card is asked, every third is answered wrong; when it comes back, right.
    const bool first = firstKeys.insert(q.key).second;
    asked.push_back(q.key);
    const bool answerRight = !first || firstKeys.size() % 3 != 1;
    if (!answerRight && q.items.size() == 1) missed.insert(q.key);
    Answer(session, answerRight, now += 20000);
    REQUIRE(session.Feedback());
    CHECK(session.Feedback()->saveError.empty());
    CHECK_FALSE(session.Feedback()->explanation.empty());
    CHECK(answerRight == session.Feedback()->correct);
    right += answerRight;
    ++answered;
    session.Next(now);
    REQUIRE(answered < 100);
  }
  CHECK(kinds.size() >= 4); // the kinds take turns in the queue
  CHECK(session.Summary().answered == answered);
  CHECK(session.Summary().correct == right);
  // Twelve cards; whatever was asked more often came back for a learning step (a missed
  // card after a minute, in the middle of the session), and every card missed came back.
  CHECK(firstKeys.size() == 12);
  CHECK(session.Summary().askedAgain == answered - 12);
  for (const std::string& key : missed)
    CHECK(std::count(asked.begin(), asked.end(), key) >= 2);
  CHECK_FALSE(missed.empty());
  StoreStats stats = opened.store->Stats(profile, now);
  CHECK(stats.answersToday == answered);     // an answer counts once,
  CHECK(stats.cardReviewsToday >= answered); // though an ordering reviews each event's card

  // Later the same day: the learning cards from this morning are due again, plus more new
  // ones (the caller passes how many were introduced today); never two cards of one item.
  options.queue.newDoneToday = 12;
  StudySession again(deck, opened.store.get(), profile, now + 15 * srs::kMinuteMs, options);
  CHECK(again.Total() > 0);
  std::set<std::string> items, seen;
  for (size_t i = 0; i < again.Total(); ++i) {
    const Question* q = again.Current();
    REQUIRE(q);
    // The card the queue chose (an ordering question also shows other events, chosen freely).
    const std::string card =
        q->kind == QuestionKind::Ordering || q->kind == QuestionKind::WhichFirst || q->recallOf ? q->key : q->items[0];
    INFO(q->key);
    // (A card in its learning steps comes back: asked again, not a second card.)
    if (seen.insert(q->key).second) CHECK(items.insert(card).second);
    Answer(again, true, now += 20000);
    again.Next(now);
  }
}

TEST_CASE("a study session's size is known at the start and grows only when a card is failed, and says so",
          "[study_session]") {
  const Deck deck = SeedDeck();
  OpenedStore opened;
  const auto profile = opened.profile;
  StudySession::Options options;
  options.queue.newPerDay = 20;
  srs::TimeMs now = kNow;
  {
    // New cards: each is planned with the learning steps it comes back for when answered
    // right, so the size stays put while everything is answered right.
    StudySession first(deck, opened.store.get(), profile, now, options);
    REQUIRE(first.Queued() == 20);
    const size_t total = first.Total();
    CHECK(first.Left() == total);
    CHECK(total > 20); // new cards answered right come back for a step
    size_t answered = 0;
    while (!first.Done()) {
      const size_t left = first.Left();
      Answer(first, true, now += 5000);
      REQUIRE(first.Feedback());
      CHECK(first.Feedback()->addedToSession <= 0);
      CHECK(first.Left() <= left - 1);
      ++answered;
      first.Next(now);
      REQUIRE(answered <= total);
    }
    CHECK(first.Left() == 0);
  }
  // Weeks later, only reviews (no new cards): one question each; a failed one adds one.
  // (The orderings and which-first questions of the first day made cards of the other
  // events they showed: more than twenty reviews.)
  now += 60 * srs::kDayMs;
  options.queue.newPerDay = 0;
  StudySession reviews(deck, opened.store.get(), profile, now, options);
  const size_t due = reviews.Queued();
  REQUIRE(due >= 20);
  REQUIRE(reviews.Left() == due);
  REQUIRE(reviews.Total() == due);
  Answer(reviews, true, now += 5000);
  CHECK(reviews.Left() == due - 1);
  CHECK(reviews.Feedback()->addedToSession == 0);
  reviews.Next(now);
  // The first question about one card in review, failed (one asked from memory is still in
  // its learning steps: an ordering's other events were never asked again).
  size_t answered = 1;
  while (reviews.Current()->items.size() != 1 || reviews.Current()->recallOf) {
    Answer(reviews, true, now += 5000);
    reviews.Next(now);
    ++answered;
  }
  Answer(reviews, false, now += 5000);
  ++answered;
  CHECK(reviews.Feedback()->addedToSession == 1);
  CHECK(reviews.Left() == due - answered + 1); // the rest, and the failed one coming back
  CHECK(reviews.Total() == due + 1);
  reviews.Next(now);
  while (!reviews.Done()) {
    Answer(reviews, true, now += 60000);
    ++answered;
    reviews.Next(now);
    REQUIRE(answered <= due + 1);
  }
  CHECK(answered == due + 1);
}

TEST_CASE("a card that could be guessed is asked from memory in its learning steps, and counts as learned then",
          "[study_session]") {
  const Deck deck = SeedDeck();
  OpenedStore opened;
  StudySession::Options options;
  options.queue.newPerDay = 20;
  srs::TimeMs now = kNow;
  std::set<std::string> withOptions;                          // keys first asked with options
  std::vector<std::pair<std::string, QuestionKind>> recalled; // cards asked from memory
  auto run = [&](StudySession& session) {
    for (int answered = 0; !session.Done(); ++answered) {
      const Question& q = *session.Current();
      if (q.recallOf) {
        INFO(q.key << ": " << q.prompt);
        CHECK(q.kind == QuestionKind::Flashcard);
        CHECK(q.options.empty());
        CHECK_FALSE(q.answerText.empty());
        CHECK(q.key == srs::CardKey(deck.id, q.items[0], *q.recallOf));
        CHECK(withOptions.count(q.key) == 1); // met first with its options
        CHECK(session.GradeIntervals(now)[2] != "");
        recalled.emplace_back(q.items[0], *q.recallOf);
      } else if (!q.options.empty()) {
        for (const std::string& item : q.kind == QuestionKind::WhichFirst || q.kind == QuestionKind::Ordering
                                           ? q.items
                                           : std::vector<std::string>{q.items[0]})
          withOptions.insert(srs::CardKey(deck.id, item, q.kind));
      }
      Answer(session, true, now += 5000);
      REQUIRE(session.Feedback());
      CHECK(session.Feedback()->saveError.empty());
      session.Next(now);
      REQUIRE(answered < 200);
    }
  };
  {
    StudySession first(deck, opened.store.get(), opened.profile, now, options);
    run(first);
  }
  const size_t sameDay = recalled.size();
  CHECK(sameDay > 0); // a new card's learning step, minutes later
  // The next session: the orderings' and which-first questions' cards (not asked again in
  // their own session) are in their learning steps; their events' dates are asked from memory.
  now += 15 * srs::kMinuteMs;
  options.queue.newPerDay = 0;
  {
    StudySession later(deck, opened.store.get(), opened.profile, now, options);
    run(later);
  }
  CHECK(std::any_of(recalled.begin() + static_cast<std::ptrdiff_t>(sameDay), recalled.end(), [](const auto& r) {
    return r.second == QuestionKind::WhichFirst || r.second == QuestionKind::Ordering;
  }));
  // Each answer from memory reviewed the card it was made for, which is now learned; no
  // flashcard card was made for an item that has none.
  const std::vector<StoredCard> cards = opened.store->Cards(opened.profile, deck.id);
  for (const auto& [item, kind] : recalled) {
    INFO(item << " " << QuestionKindName(kind));
    auto card =
        std::find_if(cards.begin(), cards.end(), [&](const StoredCard& c) { return c.item == item && c.kind == kind; });
    REQUIRE(card != cards.end());
    CHECK(card->memory.state == srs::CardState::Review);
    CHECK(std::none_of(cards.begin(), cards.end(),
                       [&](const StoredCard& c) { return c.item == item && c.kind == QuestionKind::Flashcard; }));
  }
}

TEST_CASE("a right answer the learner says was a guess is rated Hard, saved again, and counted once",
          "[study_session]") {
  const Deck deck = SeedDeck();
  OpenedStore opened;
  const auto profile = opened.profile;
  StudySession::Options options;
  options.queue.newPerDay = 20;
  StudySession session(deck, opened.store.get(), profile, kNow, options);
  srs::TimeMs now = kNow;
  // Up to the first multiple-choice question about one item (a new card).
  while (!session.Done() && (session.Current()->kind != QuestionKind::MultipleChoice ||
                             session.Current()->items.size() != 1 || SelectAll(*session.Current()))) {
    CHECK_FALSE(session.CanSayGuessed()); // nothing answered yet
    Answer(session, true, now += 5000);
    session.Next(now);
  }
  REQUIRE_FALSE(session.Done());
  const Question q = *session.Current();
  session.AnswerOption(q.answer, 9000, now += 5000);
  REQUIRE(session.Feedback());
  REQUIRE(session.Feedback()->correct);
  const auto saved = opened.store->Card(profile, deck.id, q.items[0], q.kind);
  REQUIRE(saved);
  CHECK(saved->state == srs::CardState::Learning);
  const size_t left = session.Left();
  const int answered = session.Summary().answered, correct = session.Summary().correct;

  REQUIRE(session.CanSayGuessed());
  session.SayGuessed(now + 1000);
  CHECK_FALSE(session.CanSayGuessed()); // once
  REQUIRE(session.Feedback());
  CHECK(session.Feedback()->saidGuessed);
  CHECK(session.Feedback()->correct); // still a right answer
  CHECK(session.Feedback()->saveError.empty());
  CHECK(session.Summary().answered == answered);
  CHECK(session.Summary().correct == correct);
  // The card now holds what FSRS gives a new card rated Hard, and the review says Hard.
  const srs::MemoryState hard = srs::Fsrs{}.Review(srs::MemoryState{}, now, srs::Rating::Hard).card;
  const auto amended = opened.store->Card(profile, deck.id, q.items[0], q.kind);
  REQUIRE(amended);
  CHECK(amended->stability == Approx(hard.stability));
  CHECK(amended->due == hard.due);
  CHECK(amended->lapses == 0);
  sql::Database db(opened.store->File().string(), sql::Database::Mode::ReadOnly);
  CHECK(db.QueryInt("SELECT rating FROM review ORDER BY id DESC LIMIT 1") == 2);
  CHECK(db.QueryInt("SELECT correct FROM review ORDER BY id DESC LIMIT 1") == 1);
  CHECK(opened.store->Stats(profile, now).answersToday == answered); // not counted twice
  // Hard repeats the learning step: the card still comes back, no sooner counted twice.
  CHECK(session.Left() >= left);
  session.Next(now);

  // Not for a wrong answer, nor for a typed year or a flashcard.
  while (!session.Done()) {
    const QuestionKind kind = session.Current()->kind;
    const bool right = kind == QuestionKind::TypedYear || kind == QuestionKind::Flashcard;
    Answer(session, right, now += 5000);
    if (session.Feedback()) {
      CHECK_FALSE(session.CanSayGuessed());
      session.Next(now);
    }
  }
}

TEST_CASE("flashcard grade buttons show each grade's interval", "[study_session]") {
  DeckLoad load =
      ParseDeck("[deck]\nid = \"c\"\ntitle = \"C\"\n[[card]]\nid = \"a\"\nfront = \"Röhm\"\nback = \"SA\"\n", "c.toml");
  REQUIRE(load.Ok());
  StudySession session(load.deck, nullptr, 0, kNow, {});
  REQUIRE(session.Queued() == 1);
  auto labels = session.GradeIntervals(kNow);
  CHECK(labels[0] == "1 min");
  CHECK(labels[1] == "6 min");
  CHECK(labels[2] == "10 min");
  CHECK(labels[3] == "8 d");
  session.Grade(srs::Rating::Easy, 2000, kNow);
  REQUIRE(session.Feedback());
  CHECK(session.Feedback()->saveError == "progress is not being saved");
}

TEST_CASE("an ordering answer earns Kendall tau credit", "[study_session]") {
  const Deck deck = SeedDeck();
  StudySession::Options options;
  options.queue.newPerDay = 400;
  StudySession session(deck, nullptr, 0, kNow, options);
  while (!session.Done() && session.Current()->kind != QuestionKind::Ordering) {
    Answer(session, true, kNow);
    session.Next(kNow);
  }
  REQUIRE_FALSE(session.Done());
  std::vector<int> order = session.Current()->order;
  std::swap(order[0], order[1]); // one pair out of order
  session.AnswerOrder(order, 4000, kNow);
  REQUIRE(session.Feedback());
  const double n = static_cast<double>(order.size());
  CHECK(session.Feedback()->credit == Approx(1.0 - 1.0 / (n * (n - 1) / 2)));
  CHECK_FALSE(session.Feedback()->correct);
}

TEST_CASE("study schedules written questions as cards, select-all ones judged by every mark",
          "[study_session][choice]") {
  DeckLoad load = LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/quiz-numbered.csv");
  REQUIRE(load.Ok());
  OpenedStore opened;
  const auto profile = opened.profile;
  StudySession::Options options;
  options.queue.newPerDay = 20;
  StudySession session(load.deck, opened.store.get(), profile, kNow, options);
  REQUIRE(session.Queued() == 20); // one card a question: they are multiple choice only
  srs::TimeMs now = kNow;
  int selectAll = 0;
  std::set<std::string> seen;
  while (!session.Done()) {
    const Question& q = *session.Current();
    CHECK(q.kind == QuestionKind::MultipleChoice);
    if (!seen.insert(q.key).second) { // back for a learning step: answered right this time
      session.AnswerOptions(RightOptions(q), 3000, now += 20000);
      REQUIRE(session.Feedback());
      CHECK(session.Feedback()->correct);
      session.Next(now);
      continue;
    }
    if (SelectAll(q)) {
      ++selectAll;
      session.AnswerOptions({q.answers[0]}, 3000, now += 20000); // half the answer is wrong
      REQUIRE(session.Feedback());
      CHECK_FALSE(session.Feedback()->correct);
    } else {
      session.AnswerOption(q.answer, 3000, now += 20000);
      REQUIRE(session.Feedback());
      CHECK(session.Feedback()->correct);
    }
    CHECK(session.Feedback()->saveError.empty());
    session.Next(now);
  }
  CHECK(seen.size() == 20);
  CHECK(selectAll == 3);
  CHECK(session.Summary().correct == session.Summary().answered - 3);
  CHECK(session.Summary().askedAgain >= 3); // the three missed came back in this session
  CHECK(opened.store->Stats(profile, now).answersToday == session.Summary().answered);
}

TEST_CASE("a study session never asks what an earlier question of it showed", "[study_session][siblings]") {
  const DeckLoad load = LoadDeckFile(std::string(FACTDECK_SOURCE_DIR) + "/tests/data/given-away.toml");
  REQUIRE(load.Ok());
  test::TempDir dir;
  auto opened = ProfileStore::Open(dir.Path(), kNow);
  REQUIRE(opened.store);
  int sessionsWithCard = 0, sessionsWithYear = 0, sessionsWithBoth = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    StudySession::Options options;
    options.seed = seed;
    options.queue.newPerDay = 40;
    // Cram: every card, the schedule untouched, so each seed starts from the same store.
    options.queue.mode = srs::QueueMode::Cram;
    options.queue.seed = seed;
    StudySession session(load.deck, opened.store.get(), opened.store->DefaultProfile(), kNow, options);
    bool card = false, year = false;
    for (srs::TimeMs now = kNow; !session.Done(); session.Next(now)) {
      const Question& q = *session.Current();
      card = card || q.card == "kama-card";
      year = year || (q.card == "kama-opens" && (q.kind == QuestionKind::When || q.kind == QuestionKind::TypedYear));
      Answer(session, true, now += 10000);
    }
    sessionsWithCard += card;
    sessionsWithYear += year;
    sessionsWithBoth += card && year;
  }
  CHECK(sessionsWithCard > 0);
  CHECK(sessionsWithYear > 0);
  CHECK(sessionsWithBoth == 0);
}

TEST_CASE("a reported card is set aside at once and in later sessions until the deck changes",
          "[study_session][report]") {
  Deck deck = SeedDeck();
  deck.version = "1111111111111111";
  OpenedStore opened;
  const auto profile = opened.profile;
  StudySession::Options options;
  options.queue.newPerDay = 5;
  StudySession first(deck, opened.store.get(), profile, kNow, options);
  REQUIRE(first.Queued() == 5);
  const Question reported = *first.Current();
  QuestionReport r;
  r.profile = profile;
  r.deck = deck.id;
  r.deckVersion = deck.version;
  r.item = reported.card;
  r.kind = reported.kind;
  r.mode = "study";
  r.prompt = reported.prompt;
  r.time = kNow;
  REQUIRE(opened.store->AddReport(r));
  first.SetAsideCurrent(kNow);
  CHECK(first.Queued() == 4);
  CHECK(first.Summary().setAside == 1);
  REQUIRE(first.Current());
  CHECK(first.Current()->key != reported.key);

  auto asks = [&](const Deck& d) {
    StudySession later(d, opened.store.get(), profile, kNow + 1000, options);
    bool found = false;
    for (srs::TimeMs now = kNow + 1000; !later.Done(); later.Next(now)) {
      found = found || later.Current()->key == reported.key;
      Answer(later, true, now += 1000);
    }
    return found;
  };
  // New cards come in deck order: without the report this card would be among the first five.
  CHECK_FALSE(asks(deck));
  Deck changed = deck;
  changed.version = "2222222222222222"; // the author edited the deck
  CHECK(asks(changed));
}
