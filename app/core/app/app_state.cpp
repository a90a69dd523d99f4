#include "core/app/app_state.h"

#include "core/base/atomic_file.h"
#include "core/base/iso_time.h"
#include "core/base/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/paths.h"

namespace factdeck {

const char* ScreenName(Screen screen) {
  switch (screen) {
  case Screen::Home: return "home";
  case Screen::Study: return "study";
  case Screen::Timeline: return "timeline";
  case Screen::Classroom: return "classroom";
  case Screen::Live: return "live";
  case Screen::Stats: return "stats";
  case Screen::Settings: return "settings";
  }
  return "home";
}

std::optional<Screen> ScreenFromName(std::string_view name) {
  for (Screen screen : kAllScreens)
    if (name == ScreenName(screen)) return screen;
  return std::nullopt;
}

std::string ScreenNames() {
  std::string names;
  for (Screen screen : kAllScreens) {
    if (!names.empty()) names += ", ";
    names += ScreenName(screen);
  }
  return names;
}

namespace {

bool SameAppearance(const Settings& a, const Settings& b) {
  return a.theme == b.theme && a.uiScale == b.uiScale && a.fontSize == b.fontSize && a.projector == b.projector;
}

} // namespace

AppState LoadAppState(const std::filesystem::path& dataDir, const std::filesystem::path& deck) {
  AppState state;
  state.dataDir = dataDir;
  LoadedSettings loaded = LoadSettings(state.SettingsFile());
  state.settings = loaded.settings;
  state.notices = std::move(loaded.warnings);
  ProfileStore::Opened opened = ProfileStore::Open(dataDir, WallClockNow(), LocalStudyDay());
  for (std::string& notice : opened.notices) state.notices.push_back(std::move(notice));
  if (opened.store) {
    state.store = std::move(opened.store);
    state.profile = state.store->DefaultProfile();
  } else {
    state.notices.push_back("Progress will not be saved: " + opened.error);
  }
  state.decks = LoadDeckLibrary(BundledDeckDirs(), deck);
  if (!deck.empty()) state.openedDecks.push_back(deck);
  RefreshProgress(state);
  if (state.screen == Screen::Stats) OpenStats(state);
  return state;
}

void OpenStats(AppState& state) {
  if (!state.store) return;
  state.stats = std::make_unique<StatsView>(LoadStatsView(*state.store, state.profile, state.clock(),
                                                          LocalStudyDay(state.settings.dayStartHour), state.decks));
}

void RefreshProgress(AppState& state) {
  if (!state.store) return;
  state.profiles = state.store->Profiles();
  const srs::TimeMs now = state.clock();
  state.progress = state.store->Progress(state.profile, now);
  state.streak = state.store->Streaks(state.profile, now, LocalStudyDay(state.settings.dayStartHour)).first;
}

namespace {

// Loads a listed deck again for a game run (the file may have changed); null, with a
// notice, when it no longer loads.
std::shared_ptr<const Deck> LoadListedDeck(AppState& state, size_t index) {
  if (index >= state.decks.size()) return nullptr;
  DeckLoad load = LoadDeckFile(state.decks[index].path.string());
  if (!load.Ok()) {
    state.notices.push_back("The deck could not be opened: " + load.diagnostics.front().Format());
    return nullptr;
  }
  return std::make_shared<const Deck>(std::move(load.deck));
}

// Resets what the screen keeps for a new question.
void ShowQuestion(StudyState& study, srs::TimeMs now) {
  study.shownAt = now;
  study.shownPosition = study.session->Position();
  study.revealed = false;
  study.selected = 0;
  study.chosen = -1;
  study.typed.fill('\0');
  study.focusInput = true;
  study.order.clear();
  if (const Question* q = study.session->Current())
    for (size_t i = 0; i < q->options.size(); ++i) study.order.push_back(static_cast<int>(i));
}

// Profiles and opened decks; false when `intent` is none of those.
bool ApplyLibraryIntent(AppState& state, Intent& intent) {
  auto report = [&](const StoreStatus& status) {
    if (!status) state.notices.push_back(status.message);
    RefreshProgress(state);
  };
  if (auto* to = std::get_if<SwitchProfile>(&intent)) {
    state.profile = to->profile;
    RefreshProgress(state);
  } else if (auto* create = std::get_if<CreateProfile>(&intent)) {
    if (!state.store) return true;
    StoreStatus made = state.store->CreateProfile(create->name, state.clock());
    if (made) state.profile = made.id;
    report(made);
  } else if (auto* rename = std::get_if<RenameProfile>(&intent)) {
    if (state.store) report(state.store->RenameProfile(rename->profile, rename->name));
  } else if (auto* remove = std::get_if<DeleteProfile>(&intent)) {
    if (!state.store) return true;
    StoreStatus removed = state.store->DeleteProfile(remove->profile);
    if (removed && state.profile == remove->profile) state.profile = state.store->DefaultProfile();
    report(removed);
  } else if (auto* open = std::get_if<OpenDeck>(&intent)) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(open->path, ec)) {
      state.notices.push_back("Cannot open " + open->path.string() + ": not a file");
      return true;
    }
    if (std::find(state.openedDecks.begin(), state.openedDecks.end(), open->path) == state.openedDecks.end())
      state.openedDecks.push_back(open->path);
    // The library lists the bundled decks and every deck opened this run; the newest first.
    std::vector<DeckEntry> decks = LoadDeckLibrary(BundledDeckDirs(), open->path);
    for (const auto& earlier : state.openedDecks) {
      if (earlier == open->path) continue;
      auto more = LoadDeckLibrary({}, earlier);
      decks.insert(decks.end(), more.begin(), more.end());
    }
    state.decks = std::move(decks);
    state.screen = Screen::Home;
  } else {
    return false;
  }
  return true;
}

// Team keys for buzzer mode, and colours: far apart on the keyboard and on the wheel.
constexpr int kBuzzKeys[8] = {'Q', 'P', 'Z', 'M', 'T', 'Y', 'C', 'B'};
constexpr const char* kTeamColours[8] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"};

// The questions the classroom set-up asks for: count, kinds, tags.
QuestionRequest SetupRequest(const AppState::ClassroomState& c, srs::TimeMs now) {
  QuestionRequest request;
  request.count = static_cast<size_t>(std::clamp(c.questions, 1, 100));
  const QuestionKind kinds[4] = {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse, QuestionKind::When,
                                 QuestionKind::WhichFirst};
  for (size_t k = 0; k < 4; ++k)
    if (c.kinds[k]) request.kinds.push_back(kinds[k]);
  request.tags = SplitTags(c.tags.data());
  request.seed = static_cast<std::uint64_t>(now);
  return request;
}

// The scheduler as the learner's settings make it.
srs::Fsrs LearnerFsrs(const AppState& state) {
  srs::FsrsParameters parameters;
  parameters.retention = state.settings.retention;
  parameters.fuzz = true;
  return srs::Fsrs(parameters);
}

// Saves the finished live game once: the match, and each linked player's answers as reviews.
void SaveLiveGame(AppState& state, srs::TimeMs now) {
  AppState::LiveState& l = *state.live;
  if (!l.room || l.saved || l.room->Snapshot(now).phase != LivePhase::Finished) return;
  l.saved = true;
  if (!state.store) {
    l.saveMessage = "Progress cannot be saved on this computer, so the game was not saved.";
    return;
  }
  StoreStatus saved = state.store->SaveMatch(l.room->Record(now));
  l.saveMessage = saved ? "Game saved." : "The game could not be saved: " + saved.message;
  for (const LivePlayer& p : l.room->Snapshot(now).players) {
    if (p.kicked || p.profile == 0) continue;
    StoreStatus fed = RecordLivePlayer(*l.room, p.id, p.profile, *state.store, LearnerFsrs(state));
    if (!fed) l.saveMessage += " " + p.name + "'s answers could not be added to study: " + fed.message;
    l.recorded.insert(p.id);
  }
  if (state.classroom) state.classroom->history = state.store->Matches(20);
}

} // namespace

void CloseLiveRoom(AppState& state) {
  if (!state.live || !state.live->room) return;
  AppState::LiveState& l = *state.live;
  const srs::TimeMs now = state.clock();
  // A game that has started keeps what was played: it ends here and is saved.
  if (l.room->Snapshot(now).phase != LivePhase::Lobby) {
    l.room->End(now);
    SaveLiveGame(state, now);
  }
  if (l.server) l.server->Stop();
  l.server.reset();
  l.room.reset();
  l.url.clear();
  l.qr = {};
}

namespace {

bool ApplyLiveIntent(AppState& state, Intent& intent, srs::TimeMs now) {
  if (std::holds_alternative<OpenLive>(intent)) {
    if (!state.classroom || !state.classroom->deck) return true;
    const AppState::ClassroomState& c = *state.classroom;
    if (!state.live || !state.live->room) {
      auto live = std::make_unique<AppState::LiveState>();
      live->deck = c.deck;
      live->options.scoring = c.scoring;
      live->options.request = SetupRequest(c, now);
      live->options.secondsPerQuestion = std::clamp(c.seconds, 5, 120);
      live->options.streakBonus = c.streakBonus;
      live->hideLeaderboard = c.hideLeaderboard;
      live->interfaces = ListNetworkInterfaces();
      if (state.live) live->port = state.live->port;
      state.live = std::move(live);
    }
    state.screen = Screen::Live;
    return true;
  }
  if (!state.live) return false;
  AppState::LiveState& l = *state.live;
  if (std::holds_alternative<OpenLiveRoom>(intent)) {
    if (l.room || l.interfaces.empty() || !l.deck) return true;
    if (l.options.request.kinds.empty()) {
      l.error = "Choose at least one kind of question in the classroom set-up.";
      return true;
    }
    auto room = std::make_shared<LiveRoom>(*l.deck, l.options, NewRoomCode(), now);
    if (room->QuestionCount() == 0) {
      l.error = "This deck has no questions of the chosen kinds and tags.";
      return true;
    }
    LiveServerOptions options;
    options.address = l.interfaces[static_cast<size_t>(std::clamp<int>(l.interfaceIndex, 0, static_cast<int>(l.interfaces.size()) - 1))].address;
    options.port = std::clamp(l.port, 0, 65535);
    auto server = std::make_unique<LiveServer>(room, options, state.clock);
    l.error = server->Start();
    if (!l.error.empty()) return true;
    l.room = std::move(room);
    l.server = std::move(server);
    l.url = l.server->JoinUrl();
    l.qr = MakeQrCode(l.url);
    l.saved = false;
    l.saveMessage.clear();
    l.recorded.clear();
    return true;
  }
  if (!l.room) return std::holds_alternative<LiveControl>(intent) || std::holds_alternative<LiveKick>(intent) ||
                       std::holds_alternative<LiveLink>(intent);
  LiveRoom& room = *l.room;
  if (auto* control = std::get_if<LiveControl>(&intent)) {
    switch (control->step) {
    case LiveStep::Start: room.Start(now); break;
    case LiveStep::Reveal: room.Reveal(now); break;
    case LiveStep::Next: {
      // After the reveal: the leaderboard first (unless hidden until the end, or after the
      // last question), then the next question.
      const LiveHostView view = room.Snapshot(now);
      if (view.phase != LivePhase::Revealed) break;
      const bool last = view.question + 1 >= view.questionCount;
      if (!l.showingLeaderboard && !l.hideLeaderboard && !last) {
        l.showingLeaderboard = true;
        return true;
      }
      l.showingLeaderboard = false;
      l.rankChangedAt = 0.0;
      l.placeBefore.clear();
      for (size_t place = 0; place < view.ranking.size(); ++place)
        l.placeBefore[view.players[view.ranking[place]].id] = static_cast<float>(place);
      room.Next(now);
      break;
    }
    case LiveStep::End: room.End(now); break;
    case LiveStep::Close:
      CloseLiveRoom(state);
      state.screen = Screen::Classroom;
      return true;
    case LiveStep::Export: {
      const std::string stamp = FormatIsoTime(now).substr(0, 19);
      const auto file = state.dataDir / "reports" /
                        ("live-" + room.DeckId() + "-" + stamp.substr(0, 10) + "-" + stamp.substr(11, 2) + stamp.substr(14, 2) +
                         stamp.substr(17, 2) + ".csv");
      if (std::string error = WriteFileAtomically(file, room.ResultsCsv()); !error.empty()) state.notices.push_back(error);
      else state.notices.push_back("Results saved: " + file.string());
      return true;
    }
    }
    SaveLiveGame(state, now);
  } else if (auto* kick = std::get_if<LiveKick>(&intent)) {
    room.Kick(kick->player);
  } else if (auto* link = std::get_if<LiveLink>(&intent)) {
    room.LinkProfile(link->player, link->profile);
    // After the end the game is saved already: the answers go to the learner now.
    if (l.saved && state.store && link->profile != 0 && !l.recorded.count(link->player)) {
      StoreStatus fed = RecordLivePlayer(room, link->player, link->profile, *state.store, LearnerFsrs(state));
      l.saveMessage = fed ? "Answers added to the learner's study." : "The answers could not be added: " + fed.message;
      if (fed) l.recorded.insert(link->player);
    }
  } else {
    return false;
  }
  return true;
}

bool ApplyClassroomIntent(AppState& state, Intent& intent, srs::TimeMs now) {
  if (ApplyLiveIntent(state, intent, now)) return true;
  if (auto* open = std::get_if<OpenClassroom>(&intent)) {
    auto deck = LoadListedDeck(state, open->deck);
    if (!deck) return true;
    if (!state.classroom) {
      state.classroom = std::make_unique<AppState::ClassroomState>();
      const char* names[8] = {"Team 1", "Team 2", "Team 3", "Team 4", "Team 5", "Team 6", "Team 7", "Team 8"};
      for (size_t i = 0; i < 8; ++i) {
        std::snprintf(state.classroom->names[i].data(), state.classroom->names[i].size(), "%s", names[i]);
        unsigned r = 0, g = 0, b = 0;
        std::sscanf(kTeamColours[i] + 1, "%02x%02x%02x", &r, &g, &b);
        state.classroom->colours[i] = {r / 255.0f, g / 255.0f, b / 255.0f};
      }
    }
    state.classroom->deckIndex = open->deck;
    state.classroom->deck = std::move(deck);
    state.classroom->match.reset();
    if (state.store) state.classroom->history = state.store->Matches(20);
    state.screen = Screen::Classroom;
    return true;
  }
  if (!state.classroom) return false;
  AppState::ClassroomState& c = *state.classroom;
  if (std::holds_alternative<StartMatch>(intent)) {
    if (!c.deck) return true;
    ClassroomOptions options;
    options.mode = c.mode;
    options.scoring = c.scoring;
    options.request = SetupRequest(c, now);
    if (options.request.kinds.empty()) return true;  // nothing to ask
    options.secondsPerQuestion = std::clamp(c.seconds, 5, 120);
    options.streakBonus = c.streakBonus;
    options.hideLeaderboard = c.hideLeaderboard;
    std::vector<ClassroomTeam> teams;
    for (int i = 0; i < std::clamp(c.teamCount, 2, 8); ++i) {
      const auto& rgb = c.colours[static_cast<size_t>(i)];
      char hex[8];
      std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<unsigned>(std::lround(std::clamp(rgb[0], 0.0f, 1.0f) * 255)),
                    static_cast<unsigned>(std::lround(std::clamp(rgb[1], 0.0f, 1.0f) * 255)),
                    static_cast<unsigned>(std::lround(std::clamp(rgb[2], 0.0f, 1.0f) * 255)));
      teams.push_back({c.names[static_cast<size_t>(i)].data(), hex, kBuzzKeys[i]});
    }
    c.match = std::make_unique<ClassroomMatch>(*c.deck, options, std::move(teams), now);
    c.showingLeaderboard = false;
    c.saved = false;
    c.saveMessage.clear();
    c.previousRanks.clear();
    return true;
  }
  if (!c.match) return std::holds_alternative<ClassroomBuzz>(intent) || std::holds_alternative<ClassroomAnswer>(intent) ||
                       std::holds_alternative<ClassroomNext>(intent) || std::holds_alternative<ClassroomTick>(intent) ||
                       std::holds_alternative<ExportMatch>(intent);
  ClassroomMatch& match = *c.match;
  auto finishIfOver = [&] {
    if (match.GetPhase() != ClassroomMatch::Phase::Finished || c.saved) return;
    c.saved = true;
    if (!state.store) return;
    StoreStatus saved = state.store->SaveMatch(match.Record(c.deck->id, now));
    c.saveMessage = saved ? "Match saved." : "The match could not be saved: " + saved.message;
    c.history = state.store->Matches(20);
  };
  if (auto* buzz = std::get_if<ClassroomBuzz>(&intent)) {
    match.Buzz(buzz->teams, now);
  } else if (auto* answer = std::get_if<ClassroomAnswer>(&intent)) {
    match.Answer(answer->option, now);
  } else if (std::holds_alternative<ClassroomTick>(intent)) {
    match.Tick(now);
  } else if (std::holds_alternative<ClassroomNext>(intent)) {
    if (match.GetPhase() != ClassroomMatch::Phase::Revealed) return true;
    const bool last = match.QuestionIndex() + 1 >= match.QuestionCount();
    if (!c.showingLeaderboard && !match.Options().hideLeaderboard && !last) {
      c.showingLeaderboard = true;
      return true;
    }
    c.showingLeaderboard = false;
    c.previousRanks.clear();
    for (size_t t = 0; t < match.Teams().size(); ++t) c.previousRanks.push_back(match.RankOf(t));
    match.Next(now);
    finishIfOver();
  } else if (std::holds_alternative<ExportMatch>(intent)) {
    const std::string stamp = FormatIsoTime(now).substr(0, 19);
    const auto file = state.dataDir / "reports" /
                      ("match-" + c.deck->id + "-" + stamp.substr(0, 10) + "-" + stamp.substr(11, 2) + stamp.substr(14, 2) +
                       stamp.substr(17, 2) + ".csv");
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) state.notices.push_back(file.string() + " already exists");
    else if (std::string error = WriteFileAtomically(file, match.ResultsCsv()); !error.empty()) state.notices.push_back(error);
    else state.notices.push_back("Results saved: " + file.string());
  } else {
    return false;
  }
  return true;
}

void ApplyStudyIntent(AppState& state, Intent& intent) {
  if (ApplyLibraryIntent(state, intent)) return;
  const srs::TimeMs now = state.clock();
  if (auto* start = std::get_if<StartStudy>(&intent)) {
    auto deck = LoadListedDeck(state, start->deck);
    if (!deck) return;
    auto study = std::make_unique<StudyState>();
    study->deck = std::move(deck);
    StudySession::Options options;
    options.day = LocalStudyDay(state.settings.dayStartHour);
    options.fsrs.fuzz = true;
    options.fsrs.retention = state.settings.retention;
    options.queue.newPerDay = state.settings.newPerDay;
    options.queue.reviewsPerDay = state.settings.reviewsPerDay;
    options.seed = static_cast<std::uint64_t>(now);
    if (state.store) {
      // Today's limits count what was already done today, in any session.
      const StoreStats today = state.store->Stats(state.profile, now, options.day);
      options.queue.reviewsDoneToday = static_cast<int>(today.reviewsToday - today.introducedToday);
      options.queue.newDoneToday = static_cast<int>(today.introducedToday);
    }
    auto session = std::make_unique<StudySession>(*study->deck, state.store.get(), state.profile, now, options);
    study->study = session.get();
    study->session = std::move(session);
    ShowQuestion(*study, now);
    state.study = std::move(study);
    state.screen = Screen::Study;
    return;
  }
  if (auto* start = std::get_if<StartTimeline>(&intent)) {
    auto deck = LoadListedDeck(state, start->deck);
    if (!deck) return;
    auto timeline = std::make_unique<AppState::TimelineState>();
    timeline->deck = std::move(deck);
    timeline->game = std::make_unique<TimelineGame>(*timeline->deck, state.store.get(), state.profile, now,
                                                    static_cast<std::uint64_t>(now));
    timeline->slot = 0;
    state.timeline = std::move(timeline);
    state.screen = Screen::Timeline;
    return;
  }
  if (ApplyClassroomIntent(state, intent, now)) return;
  if (auto* place = std::get_if<TimelinePlace>(&intent)) {
    if (state.timeline && state.timeline->game && !state.timeline->game->Over()) {
      state.timeline->game->Place(place->slot, now);
      state.timeline->slot = std::min(state.timeline->slot, state.timeline->game->Timeline().size());
    }
    return;
  }
  if (auto* start = std::get_if<StartQuiz>(&intent)) {
    auto deck = LoadListedDeck(state, start->deck);
    if (!deck) return;
    auto study = std::make_unique<StudyState>();
    study->deck = std::move(deck);
    start->options.request.seed = static_cast<std::uint64_t>(now);
    auto quiz = std::make_unique<QuizSession>(*study->deck, state.store.get(), state.profile, now, start->options);
    study->quiz = quiz.get();
    study->session = std::move(quiz);
    ShowQuestion(*study, now);
    state.study = std::move(study);
    state.screen = Screen::Study;
    return;
  }
  if (!state.study || !state.study->session) return;
  StudyState& study = *state.study;
  QuestionRun& session = *study.session;
  const int responseMs = static_cast<int>(std::min<srs::TimeMs>(now - study.shownAt, 600000));
  if (auto* choose = std::get_if<StudyChoose>(&intent)) {
    if (!session.Feedback()) study.chosen = choose->option;
    session.AnswerOption(choose->option, responseMs, now);
  } else if (auto* order = std::get_if<StudyOrder>(&intent)) {
    session.AnswerOrder(order->order, responseMs, now);
  } else if (auto* typed = std::get_if<StudyTypeYear>(&intent)) {
    session.AnswerYear(typed->text, responseMs, now);
  } else if (std::holds_alternative<StudyReveal>(intent)) {
    study.revealed = true;
  } else if (auto* grade = std::get_if<StudyGrade>(&intent)) {
    if (study.revealed) session.Grade(grade->rating, responseMs, now);
  } else if (std::holds_alternative<StudyNext>(intent)) {
    session.Next(now);
    ShowQuestion(study, now);
  } else if (std::holds_alternative<StudyTick>(intent)) {
    if (study.quiz) study.quiz->Tick(now);
  } else if (auto* report = std::get_if<ExportQuizReport>(&intent)) {
    if (!study.quiz) return;
    // Reports go to DATA_DIR/reports, each under a new name.
    const std::string stamp = FormatIsoTime(now).substr(0, 19);
    std::string name = "exam-" + study.deck->id + "-" + stamp.substr(0, 10) + "-" + stamp.substr(11, 2) + stamp.substr(14, 2) +
                       stamp.substr(17, 2) + (report->html ? ".html" : ".csv");
    const auto file = state.dataDir / "reports" / name;
    const std::string text = report->html ? study.quiz->ReportHtml("Exam: " + study.deck->title) : study.quiz->ReportCsv();
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) state.notices.push_back(file.string() + " already exists");
    else if (std::string error = WriteFileAtomically(file, text); !error.empty()) state.notices.push_back(error);
    else state.notices.push_back("Report saved: " + file.string());
  }
  // An exam moves on by itself after each answer.
  if (study.quiz && !std::holds_alternative<StudyNext>(intent) &&
      study.session->Position() != study.shownPosition)
    ShowQuestion(study, now);
}

} // namespace

void SimulateStudy(AppState& state, int days, std::uint64_t seed) {
  if (!state.store || state.store->Stats(state.profile, state.clock()).reviews > 0) return;
  size_t index = 0;
  while (index < state.decks.size() && !state.decks[index].errors.empty()) ++index;
  auto deck = LoadListedDeck(state, index);
  if (!deck) return;
  Random random(seed);
  const srs::TimeMs end = state.clock();
  for (int d = days; d >= 1; --d) {
    if (random.Below(7) == 0) continue;  // a day off now and then
    // Mid-afternoon of each past study day.
    srs::TimeMs now = srs::DayStart(end, state.settings.dayStartHour, LocalStudyDay().utcOffsetMinutes) -
                      static_cast<srs::TimeMs>(d) * srs::kDayMs + 10 * 60 * srs::kMinuteMs;
    StudySession::Options options;
    options.day = LocalStudyDay(state.settings.dayStartHour);
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
  static const std::vector<std::string> names{
      "home",     "study",     "practice", "exam",  "ordering", "timeline", "classroom", "classroom-question",
      "classroom-leaderboard", "classroom-podium", "live", "live-lobby", "live-question", "live-reveal", "live-leaderboard", "live-podium",
      "stats", "settings"};
  return names;
}

namespace {
// A sample classroom match for screenshots, stopped at `stage`: "question" (the options just
// up), "leaderboard" (after three questions) or "podium" (over). The match runs on a clock of
// its own, which the app then keeps.
void PlaySampleMatch(AppState& state, size_t deck, std::string_view stage) {
  auto clock = std::make_shared<srs::TimeMs>(WallClockNow());
  state.clock = [clock] { return *clock; };
  state.Post(OpenClassroom{deck});
  ApplyIntents(state);
  if (!state.classroom) return;
  AppState::ClassroomState& c = *state.classroom;
  const char* names[4] = {"Red Foxes", "Blue Owls", "Gold Bears", "Green Hawks"};
  c.teamCount = 4;
  for (size_t i = 0; i < 4; ++i) std::snprintf(c.names[i].data(), c.names[i].size(), "%s", names[i]);
  c.questions = 5;
  state.Post(StartMatch{});
  ApplyIntents(state);
  if (!c.match) return;
  ClassroomMatch& match = *c.match;
  const size_t rounds = stage == "question" ? 0 : stage == "leaderboard" ? 3 : match.QuestionCount();
  // Who buzzes first each round, and whether they are right: a close match.
  const size_t buzzers[5] = {1, 2, 0, 1, 3};
  const bool right[5] = {true, true, false, true, true};
  for (size_t r = 0; r < rounds; ++r) {
    *clock += 3000;
    match.Tick(*clock);
    *clock += 2000 + static_cast<srs::TimeMs>(r) * 700;
    match.Buzz({buzzers[r % 5]}, *clock);
    const Question& q = *match.Current();
    match.Answer(right[r % 5] ? q.answer : (q.answer + 1) % static_cast<int>(q.options.size()), *clock);
    if (match.GetPhase() == ClassroomMatch::Phase::Answering) {  // a steal
      *clock += 1500;
      match.Buzz({(buzzers[r % 5] + 2) % 4}, *clock);
      match.Answer(q.answer, *clock);
    }
    state.Post(ClassroomNext{});  // to the leaderboard
    ApplyIntents(state);
    if (stage == "leaderboard" && r + 1 == rounds) {
      c.rankChangedAt = -1000.0;  // the rank animation long finished
      return;
    }
    state.Post(ClassroomNext{});  // and on
    ApplyIntents(state);
  }
  if (stage == "question") {
    *clock += 3000;
    match.Tick(*clock);
  }
}

// A sample live game for screenshots, on loopback and a free port, stopped at `stage`: "" (the
// room not yet open), "lobby" (six phones joined), "question" (four have answered), "reveal",
// "leaderboard" (after two questions) or "podium". The phones are simulated in-process.
void PlaySampleLive(AppState& state, size_t deck, std::string_view stage) {
  auto clock = std::make_shared<srs::TimeMs>(WallClockNow());
  state.clock = [clock] { return *clock; };
  state.Post(OpenClassroom{deck});
  ApplyIntents(state);
  if (!state.classroom) return;
  state.classroom->questions = 3;
  state.Post(OpenLive{});
  ApplyIntents(state);
  if (!state.live || stage.empty()) return;
  AppState::LiveState& l = *state.live;
  l.interfaces = {{"lo", "127.0.0.1", true}};
  l.port = 0;
  state.Post(OpenLiveRoom{});
  ApplyIntents(state);
  if (!l.room) return;
  LiveRoom& room = *l.room;
  const char* names[6] = {"Röhm", "Тухачевский", "Bažanov", "Anna", "Ελευθέριος", "Kim"};
  std::vector<std::string> tokens;
  for (int i = 0; i < 6; ++i)
    tokens.push_back(room.Join(room.Code(), names[i], "10.0.0." + std::to_string(i + 2), *clock).token);
  if (stage == "lobby") return;
  const int rounds = stage == "question" ? 0 : stage == "reveal" ? 1 : stage == "leaderboard" ? 2 : static_cast<int>(room.QuestionCount());
  for (int r = 0; r <= rounds && r < static_cast<int>(room.QuestionCount()); ++r) {
    if (r == 0) room.Start(*clock);
    *clock += 3000;
    room.Tick(*clock);
    const Question& q = room.Questions()[static_cast<size_t>(r)];
    for (size_t p = 0; p < tokens.size(); ++p) {
      if (stage == "question" && p >= 4) break;
      *clock += 900;
      const bool right = (p + static_cast<size_t>(r)) % 3 != 2;
      room.Answer(tokens[p], r, right ? q.answer : (q.answer + 1 + static_cast<int>(p)) % static_cast<int>(q.options.size()), *clock);
    }
    if (stage == "question" || (stage == "reveal" && r == 0)) return;
    state.Post(LiveControl{LiveStep::Next});  // the leaderboard (none after the last question)
    ApplyIntents(state);
    if (stage == "leaderboard" && r == 1) {
      l.rankChangedAt = -1000.0;  // the rank animation long finished
      return;
    }
    if (l.showingLeaderboard) {
      state.Post(LiveControl{LiveStep::Next});  // and on
      ApplyIntents(state);
    }
  }
}
} // namespace

bool StartOnScreen(AppState& state, std::string_view name) {
  if (std::find(StartScreenNames().begin(), StartScreenNames().end(), name) == StartScreenNames().end()) return false;
  size_t deck = 0;
  while (deck < state.decks.size() && !state.decks[deck].errors.empty()) ++deck;
  if (name.rfind("classroom-", 0) == 0) {
    PlaySampleMatch(state, deck, name.substr(10));
    return true;
  }
  if (name.rfind("live", 0) == 0) {
    PlaySampleLive(state, deck, name.size() > 5 ? name.substr(5) : std::string_view{});
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
  } else if (name == "timeline") {
    state.Post(StartTimeline{deck});
  } else if (name == "classroom") {
    state.Post(OpenClassroom{deck});
  } else {
    state.Post(GoToScreen{*ScreenFromName(name)});
  }
  ApplyIntents(state);
  return true;
}

AppliedChanges ApplyIntents(AppState& state) {
  AppliedChanges changes;
  // The daily backup runs beside the window; a problem with it is told when it is known.
  if (state.store)
    if (auto problem = state.store->TakeBackupProblem()) state.notices.push_back(std::move(*problem));
  // Intents may post further intents only through the next frame, so iterate a copy.
  std::vector<Intent> intents;
  intents.swap(state.intents);
  for (Intent& intent : intents) {
    if (auto* go = std::get_if<GoToScreen>(&intent)) {
      state.screen = go->screen;
      if (go->screen == Screen::Home) RefreshProgress(state);
      if (go->screen == Screen::Stats) OpenStats(state);
    } else if (auto* change = std::get_if<ChangeSettings>(&intent)) {
      if (!SameAppearance(state.settings, change->settings)) changes.appearanceChanged = true;
      state.settings = change->settings;
      changes.settingsChanged = true;
    } else if (auto* dismiss = std::get_if<DismissNotice>(&intent)) {
      if (dismiss->index < state.notices.size())
        state.notices.erase(state.notices.begin() + static_cast<std::ptrdiff_t>(dismiss->index));
    } else if (std::holds_alternative<Quit>(intent)) {
      state.quitRequested = true;
    } else {
      ApplyStudyIntent(state, intent);
    }
  }
  return changes;
}

} // namespace factdeck
