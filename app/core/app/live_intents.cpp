// Intents of the live game on phones: open the live screen from the classroom set-up, open
// the room on an interface and port for a class of a given size, and the host's steps (start,
// reveal, next, end, close, export), letting waiting players in, removing players or whole
// devices, and linking a player to a learner.
#include <algorithm>

#include "core/app/reducer.h"

namespace factdeck {

namespace {

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
    StoreStatus fed = RecordLivePlayer(*l.room, p.id, p.profile, *state.store, reducer::LearnerFsrs(state));
    if (!fed) l.saveMessage += " " + p.name + "'s answers could not be added to study: " + fed.message;
    l.recorded.insert(p.id);
  }
  if (state.classroom) state.classroom->history = state.store->Matches(20);
}

// The open room, or null.
LiveRoom* OpenRoom(AppState& state) { return state.live && state.live->room ? state.live->room.get() : nullptr; }

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

namespace reducer {

void Apply(AppState& state, const OpenLive& open, Context& context) {
  if (!state.classroom || !state.classroom->deck) return;
  if (!state.live || !state.live->room) {
    const ClassroomSetup& setup = open.setup;
    auto live = std::make_unique<AppState::LiveState>();
    live->deck = state.classroom->deck;
    live->options.scoring = setup.scoring;
    live->options.request = SetupRequest(setup, context.now);
    live->options.secondsPerQuestion = std::clamp(setup.seconds, 5, 120);
    live->options.streakBonus = setup.streakBonus;
    live->options.canDraw = state.canDraw;
    live->hideLeaderboard = setup.hideLeaderboard;
    live->interfaces = ListNetworkInterfaces();
    if (state.live) { // the network and port chosen last time
      live->interfaceIndex = state.live->interfaceIndex;
      live->port = state.live->port;
    }
    state.live = std::move(live);
  }
  state.screen = Screen::Live;
}

void Apply(AppState& state, const OpenLiveRoom& open, Context& context) {
  if (!state.live || state.live->room || !state.live->deck) return;
  AppState::LiveState& l = *state.live;
  l.error.clear();
  if (open.interfaceIndex >= l.interfaces.size()) {
    l.error = "Choose a network for the phones.";
    return;
  }
  if (open.port != 0 && (open.port < kMinLivePort || open.port > kMaxLivePort)) {
    l.error = "Choose a port from " + std::to_string(kMinLivePort) + " to " + std::to_string(kMaxLivePort) + ".";
    return;
  }
  if (open.classSize < 0 || open.classSize > Settings::kMaxLiveClassSize) {
    l.error = "Choose a class size from 1 to " + std::to_string(Settings::kMaxLiveClassSize) + ", or 0 for no limit.";
    return;
  }
  l.interfaceIndex = open.interfaceIndex;
  l.port = open.port;
  l.options.expectedPlayers = static_cast<size_t>(open.classSize);
  if (state.settings.liveClassSize != open.classSize) {
    state.settings.liveClassSize = open.classSize; // the next room's default
    context.changes.settingsChanged = true;
  }
  if (l.options.request.kinds.empty()) {
    l.error = "Choose at least one kind of question in the classroom set-up.";
    return;
  }
  auto room = std::make_shared<LiveRoom>(*l.deck, l.options, NewRoomCode(), context.now);
  if (room->QuestionCount() == 0) {
    l.error = "This deck has no questions of the chosen kinds and tags.";
    return;
  }
  LiveServerOptions options;
  options.address = l.interfaces[open.interfaceIndex].address;
  options.port = open.port;
  auto server = std::make_unique<LiveServer>(room, options, state.clock);
  l.error = server->Start();
  if (!l.error.empty()) return;
  l.room = std::move(room);
  l.server = std::move(server);
  l.url = l.server->JoinUrl();
  l.qr = MakeQrCode(l.url);
  l.saved = false;
  l.showingLeaderboard = false;
  l.placeBefore.clear();
  l.saveMessage.clear();
  l.recorded.clear();
}

void Apply(AppState& state, const LiveControl& control, Context& context) {
  LiveRoom* room = OpenRoom(state);
  if (!room) return;
  AppState::LiveState& l = *state.live;
  const srs::TimeMs now = context.now;
  switch (control.step) {
  case LiveStep::Start: room->Start(now); break;
  case LiveStep::Reveal: room->Reveal(now); break;
  case LiveStep::Next: {
    // After the reveal: the leaderboard first (unless hidden until the end, or after the
    // last question), then the next question.
    const LiveHostView view = room->Snapshot(now);
    if (view.phase != LivePhase::Revealed) break;
    const bool last = view.question + 1 >= view.questionCount;
    if (!l.showingLeaderboard && !l.hideLeaderboard && !last) {
      l.showingLeaderboard = true;
      return;
    }
    l.showingLeaderboard = false;
    l.placeBefore.clear();
    for (size_t place = 0; place < view.ranking.size(); ++place)
      l.placeBefore[view.players[view.ranking[place]].id] = static_cast<float>(place);
    room->Next(now);
    break;
  }
  case LiveStep::End: room->End(now); break;
  case LiveStep::Close:
    CloseLiveRoom(state);
    state.screen = Screen::Classroom;
    return;
  case LiveStep::Export: WriteReport(state, "Results", "live", room->DeckId(), "csv", room->ResultsCsv(), now); return;
  }
  SaveLiveGame(state, now);
}

void Apply(AppState& state, const LiveKick& kick, Context&) {
  if (LiveRoom* room = OpenRoom(state)) room->Kick(kick.player);
}

void Apply(AppState& state, const LiveLink& link, Context&) {
  LiveRoom* room = OpenRoom(state);
  if (!room) return;
  AppState::LiveState& l = *state.live;
  room->LinkProfile(link.player, link.profile);
  // After the end the game is saved already: the answers go to the learner now.
  if (l.saved && state.store && link.profile != 0 && !l.recorded.count(link.player)) {
    StoreStatus fed = RecordLivePlayer(*room, link.player, link.profile, *state.store, LearnerFsrs(state));
    l.saveMessage = fed ? "Answers added to the learner's study." : "The answers could not be added: " + fed.message;
    if (fed) l.recorded.insert(link.player);
  }
}

void Apply(AppState& state, const LiveLock& lock, Context&) {
  if (LiveRoom* room = OpenRoom(state)) room->Lock(lock.locked);
}

void Apply(AppState& state, const LiveKickAddresses& kick, Context&) {
  if (LiveRoom* room = OpenRoom(state)) room->KickAddresses(kick.addresses);
}

void Apply(AppState& state, const LiveAdmit& admit, Context&) {
  if (LiveRoom* room = OpenRoom(state)) room->Admit(admit.player);
}

} // namespace reducer

} // namespace factdeck
