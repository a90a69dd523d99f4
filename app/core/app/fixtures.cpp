// Sample states for screenshots and --screen (fixtures.h).
#include "core/app/fixtures.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>

#include "core/app/reducer.h"
#include "core/base/calendar.h"
#include "core/base/paths.h"
#include "core/base/text.h"

namespace factdeck {

namespace {
// The sample deck: the listed deck that opens and holds the most (facts, events, cards), so
// every game screen has something to show (a deck of cards has no timeline).
// The deck given on the command line (--deck), else the deck with the most items.
size_t SampleDeck(const AppState& state) {
  std::error_code ec;
  for (size_t i = 0; i < state.decks.size() && !state.launchDeck.empty(); ++i)
    if (state.decks[i].errors.empty() && std::filesystem::equivalent(state.decks[i].path, state.launchDeck, ec))
      return i;
  size_t best = state.decks.size(), most = 0;
  for (size_t i = 0; i < state.decks.size(); ++i) {
    const DeckSummary& s = state.decks[i].summary;
    const size_t items = s.facts + s.events + s.cards + s.choices;
    if (state.decks[i].errors.empty() && (best == state.decks.size() || items > most)) {
      best = i;
      most = items;
    }
  }
  return best;
}
} // namespace

void SimulateStudy(AppState& state, int days, std::uint64_t seed) {
  if (!state.store || state.store->Stats(state.profile, state.clock()).answers > 0) return;
  const size_t index = SampleDeck(state);
  auto deck = reducer::LoadListedDeck(state, index);
  if (!deck) return;
  Random random(seed);
  const srs::TimeMs end = state.clock();
  for (int d = days; d >= 1; --d) {
    if (random.Below(7) == 0) continue; // a day off now and then
    // Mid-afternoon of each past study day.
    srs::TimeMs now = srs::LocalStudyDay(state.settings.dayStartHour).StartOf(end) -
                      static_cast<srs::TimeMs>(d) * srs::kDayMs + 10 * 60 * srs::kMinuteMs;
    StudySession::Options options;
    options.day = srs::LocalStudyDay(state.settings.dayStartHour);
    options.queue.newPerDay = 8;
    options.seed = random.Next();
    StudySession session(*deck, state.store.get(), state.profile, now, options);
    while (!session.Done()) {
      const Question& q = *session.Current();
      const bool right = random.Below(5) != 0;
      now += static_cast<srs::TimeMs>(3000 + random.Below(9000));
      switch (q.kind) {
      case QuestionKind::Ordering: {
        std::vector<int> order = q.order;
        if (!right) std::swap(order[0], order[1]);
        session.AnswerOrder(order, 6000, now);
        break;
      }
      case QuestionKind::TypedYear: session.AnswerYear(right ? q.answerText : "1900", 5000, now); break;
      case QuestionKind::Flashcard: session.Grade(right ? srs::Rating::Good : srs::Rating::Again, 4000, now); break;
      default: session.AnswerOption(right ? q.answer : (q.answer + 1) % static_cast<int>(q.options.size()), 4000, now);
      }
      session.Next(now);
    }
  }
  RefreshProgress(state);
}

const std::vector<std::string>& StartScreenNames() {
  static const std::vector<std::string> names{"home",
                                              "home-exam",
                                              "study",
                                              "practice",
                                              "exam",
                                              "ordering",
                                              "timeline",
                                              "classroom",
                                              "classroom-question",
                                              "classroom-leaderboard",
                                              "classroom-podium",
                                              "live",
                                              "live-lobby",
                                              "live-question",
                                              "live-reveal",
                                              "live-leaderboard",
                                              "live-podium",
                                              "stats",
                                              "settings",
                                              "import",
                                              "editor"};
  return names;
}

namespace {

// The clock of a sample run: still while the sample is played, then, unless a screenshot
// wants it still, running on from there in real time (so a window opened with --screen
// live-lobby is a real room to try: timers run, the server's limits refill).
struct SampleClock {
  srs::TimeMs fake = srs::WallClockNow();
  srs::TimeMs offset = 0;
  std::atomic<bool> running{false};
  void Run() {
    offset = fake - srs::WallClockNow();
    running = true;
  }
};

std::shared_ptr<SampleClock> UseSampleClock(AppState& state) {
  auto clock = std::make_shared<SampleClock>();
  state.clock = [clock] { return clock->running ? srs::WallClockNow() + clock->offset : clock->fake; };
  return clock;
}

// Posts one intent and applies it at once, as a frame would after drawing.
void ApplyNow(AppState& state, Intent intent) {
  state.Post(std::move(intent));
  ApplyIntents(state);
}

// A sample classroom match for screenshots, stopped at `stage`: "question" (the options just
// up), "leaderboard" (after three questions) or "podium" (over). The match runs on a clock of
// its own, which the app then keeps.
void PlaySampleMatch(AppState& state, SampleClock& sample, size_t deck, std::string_view stage) {
  srs::TimeMs* clock = &sample.fake; // state.clock reads it: each intent happens at *clock
  ApplyNow(state, OpenClassroom{deck});
  if (!state.classroom) return;
  AppState::ClassroomState& c = *state.classroom;
  ClassroomSetup setup = DefaultClassroomSetup(4);
  const char* names[4] = {"Red Foxes", "Blue Owls", "Gold Bears", "Green Hawks"};
  for (size_t i = 0; i < 4; ++i)
    setup.teams[i].name = names[i];
  setup.questions = 5;
  ApplyNow(state, StartMatch{setup});
  if (!c.match) return;
  const ClassroomMatch& match = *c.match;
  const size_t rounds = stage == "question" ? 0 : stage == "leaderboard" ? 3 : match.QuestionCount();
  // Who buzzes first each round, and whether they are right: a close match.
  const size_t buzzers[5] = {1, 2, 0, 1, 3};
  const bool right[5] = {true, true, false, true, true};
  for (size_t r = 0; r < rounds; ++r) {
    *clock += 3000;
    ApplyNow(state, ClassroomTick{});
    *clock += 2000 + static_cast<srs::TimeMs>(r) * 700;
    ApplyNow(state, ClassroomBuzz{{buzzers[r % 5]}});
    const Question& q = *match.Current();
    ApplyNow(state, ClassroomAnswer{{right[r % 5] ? q.answer : (q.answer + 1) % static_cast<int>(q.options.size())}});
    if (match.GetPhase() == ClassroomMatch::Phase::Answering) { // a steal
      *clock += 1500;
      ApplyNow(state, ClassroomBuzz{{(buzzers[r % 5] + 2) % 4}});
      ApplyNow(state, ClassroomAnswer{{q.answer}});
    }
    ApplyNow(state, ClassroomNext{}); // to the leaderboard
    if (stage == "leaderboard" && r + 1 == rounds) return;
    ApplyNow(state, ClassroomNext{}); // and on
  }
  if (stage == "question") {
    *clock += 3000;
    ApplyNow(state, ClassroomTick{});
  }
}

// A sample live game for screenshots, on loopback and a free port, stopped at `stage`: "" (the
// room not yet open), "lobby" (six phones joined), "question" (four have answered), "reveal",
// "leaderboard" (after two questions) or "podium". The phones are simulated in-process.
void PlaySampleLive(AppState& state, SampleClock& sample, size_t deck, std::string_view stage) {
  srs::TimeMs* clock = &sample.fake;
  ApplyNow(state, OpenClassroom{deck});
  if (!state.classroom) return;
  ClassroomSetup setup = DefaultClassroomSetup();
  setup.questions = 3;
  ApplyNow(state, OpenLive{setup});
  if (!state.live || stage.empty()) return;
  AppState::LiveState& l = *state.live;
  l.interfaces = {{"lo", "127.0.0.1", true}};
  ApplyNow(state, OpenLiveRoom{0, 0, state.settings.liveClassSize}); // loopback, any free port, the last class size
  if (!l.room) return;
  LiveRoom& room = *l.room;
  const char* names[6] = {"Röhm", "Тухачевский", "Bažanov", "Anna", "Ελευθέριος", "Kim"};
  std::vector<std::string> tokens;
  for (int i = 0; i < 6; ++i)
    tokens.push_back(room.Join(room.Code(), names[i], "10.0.0." + std::to_string(i + 2), *clock).token);
  if (stage == "lobby") return;
  const int rounds = stage == "question"      ? 0
                     : stage == "reveal"      ? 1
                     : stage == "leaderboard" ? 2
                                              : static_cast<int>(room.QuestionCount());
  for (int r = 0; r <= rounds && r < static_cast<int>(room.QuestionCount()); ++r) {
    if (r == 0) ApplyNow(state, LiveControl{LiveStep::Start}); // the host starts; the phones are the network's
    *clock += 3000;
    room.Tick(*clock);
    const Question& q = room.Questions()[static_cast<size_t>(r)];
    for (size_t p = 0; p < tokens.size(); ++p) {
      if (stage == "question" && p >= 4) break;
      *clock += 900;
      const bool right = (p + static_cast<size_t>(r)) % 3 != 2;
      room.Answer(tokens[p], r,
                  right ? q.answer : (q.answer + 1 + static_cast<int>(p)) % static_cast<int>(q.options.size()), *clock);
    }
    if (stage == "question" || (stage == "reveal" && r == 0)) return;
    ApplyNow(state, LiveControl{LiveStep::Next}); // the leaderboard (none after the last question)
    if (stage == "leaderboard" && r == 1) return;
    if (l.showingLeaderboard) ApplyNow(state, LiveControl{LiveStep::Next}); // and on
  }
}
} // namespace

bool StartOnScreen(AppState& state, std::string_view name, bool stillClock) {
  if (std::find(StartScreenNames().begin(), StartScreenNames().end(), name) == StartScreenNames().end()) return false;
  const size_t deck = SampleDeck(state);
  if (name.rfind("classroom-", 0) == 0 || name.rfind("live", 0) == 0) {
    auto clock = UseSampleClock(state);
    if (name.rfind("classroom-", 0) == 0)
      PlaySampleMatch(state, *clock, deck, name.substr(10));
    else
      PlaySampleLive(state, *clock, deck, name.size() > 5 ? name.substr(5) : std::string_view{});
    if (!stillClock) clock->Run();
    return true;
  }
  QuizOptions quiz;
  quiz.request.count = 10;
  if (name == "study") {
    state.Post(StartStudy{deck});
  } else if (name == "practice" || name == "ordering") {
    if (name == "ordering") quiz.request.kinds = {QuestionKind::Ordering};
    state.Post(StartQuiz{deck, quiz});
  } else if (name == "exam") {
    quiz.mode = QuizMode::Exam;
    quiz.timeLimitSeconds = 10 * 60;
    state.Post(StartQuiz{deck, quiz});
  } else if (name == "home-exam") {
    // An exam on the sample deck twelve days ahead, 20 minutes a day.
    int y = 0, m = 0, d = 0;
    const srs::StudyDay day = srs::LocalStudyDay(state.settings.dayStartHour);
    CivilFromDays(day.DayOf(state.clock()) + 12, y, m, d);
    char when[32];
    std::snprintf(when, sizeof when, "%04d-%02d-%02d 09:00", y, m, d);
    state.Post(PlanExam{"History test", when, deck, "", 20, ""});
  } else if (name == "timeline") {
    state.Post(StartTimeline{deck});
  } else if (name == "classroom") {
    state.Post(OpenClassroom{deck});
  } else if (name == "import" || name == "editor") {
    // The preview or the editor of the deck given with --deck (even one with errors), else the sample deck's.
    size_t given = deck;
    std::error_code ec;
    for (size_t i = 0; i < state.decks.size() && !state.launchDeck.empty(); ++i)
      if (std::filesystem::equivalent(state.decks[i].path, state.launchDeck, ec)) given = i;
    if (name == "import") {
      state.Post(PreviewImport{given});
    } else {
      // The first fact (else card, written question, event), with the questions it makes.
      std::string item;
      if (given < state.decks.size()) {
        const DeckLoad load = LoadDeckFile(state.decks[given].path.string(), state.decks[given].reading);
        const Deck& d = load.deck;
        if (!d.facts.empty())
          item = d.facts[0].id;
        else if (!d.cards.empty())
          item = d.cards[0].id;
        else if (!d.choices.empty())
          item = d.choices[0].id;
        else if (!d.events.empty())
          item = d.events[0].id;
      }
      state.Post(OpenEditor{given, item});
    }
  } else {
    state.Post(GoToScreen{*ScreenFromName(name)});
  }
  ApplyIntents(state);
  return true;
}

} // namespace factdeck
