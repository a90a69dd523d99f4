// Live game, host side: the room phones join over the school network. Before the room opens,
// the network and port; then the join address, its QR code and the room code beside the
// game: the lobby, each question with its countdown and how many have answered, the reveal
// with how many chose each option and the leaderboard, and the podium. Players beyond the
// class size wait until the host lets them in (or refuses them). The players list lets the
// host remove a player, tick devices to remove together, or link a player to a learner on
// this computer. Keys: Enter starts,
// Space goes on (reveal early, next question), as on the one-screen match.
#include <GLFW/glfw3.h>
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "ui/screens/game_widgets.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

void DrawSetup(UiContext& ui, const AppState::LiveState& l) {
  LiveForm& form = ui.widgets.live;
  Heading(ui, "Live game: players answer on their phones");
  ImGui::TextWrapped(
      "Phones join over this computer's network: they must be on the same network (the school Wi-Fi). "
      "Nothing goes through the internet. The questions follow the classroom set-up: %zu questions, %d s each, %s.",
      l.options.request.count, l.options.secondsPerQuestion,
      l.options.scoring == ClassroomScoring::Speed ? "speed counts" : "accuracy only");
  ImGui::Spacing();
  if (l.interfaces.empty()) {
    ImGui::TextColored(ui.palette->warning, "This computer has no network connection that phones could reach.");
    return;
  }
  std::vector<std::string> labels;
  for (const NetworkInterface& n : l.interfaces)
    labels.push_back(n.address + "  (" + n.name + (n.loopback ? ", this computer only" : "") + ")");
  form.interfaceIndex = std::clamp(form.interfaceIndex, 0, static_cast<int>(labels.size()) - 1);
  ImGui::SetNextItemWidth(22 * ui.Em());
  if (ImGui::BeginCombo("Network", labels[static_cast<size_t>(form.interfaceIndex)].c_str())) {
    for (size_t i = 0; i < labels.size(); ++i)
      if (ImGui::Selectable(labels[i].c_str(), static_cast<int>(i) == form.interfaceIndex))
        form.interfaceIndex = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ui.Track("live/network");
  ImGui::SetNextItemWidth(8 * ui.Em());
  ImGui::InputInt("Port", &form.port, 0, 0);
  form.port = std::clamp(form.port, kMinLivePort, kMaxLivePort);
  ui.Track("live/port");
  if (form.classSize < 0) form.classSize = ui.state.settings.liveClassSize;
  ImGui::SetNextItemWidth(8 * ui.Em());
  ImGui::InputInt("Class size", &form.classSize, 0, 0);
  form.classSize = std::clamp(form.classSize, 0, Settings::kMaxLiveClassSize);
  ui.Track("live/class-size");
  ImGui::SameLine();
  ImGui::TextColored(ui.palette->muted,
                     form.classSize == 0 ? "No limit: anyone with the code joins (up to %d)."
                                         : "Beyond that many players, new phones wait until you let them in.",
                     Settings::kMaxLiveClassSize);
  if (ImGui::Button("Open the room (Enter)", ImVec2(16 * ui.Em(), 2.2f * ui.Em())) || Pressed(GLFW_KEY_ENTER, false))
    ui.Post(OpenLiveRoom{static_cast<size_t>(form.interfaceIndex), form.port, form.classSize});
  ui.Track("live/open");
  if (!l.error.empty()) ImGui::TextColored(ui.palette->warning, "%s", l.error.c_str());
}

// The join address, the QR code and the room code, in a column on the left.
void DrawJoinPanel(UiContext& ui, const AppState::LiveState& l, const LiveHostView& view) {
  ImGui::TextUnformatted("Join on your phone:");
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextWrapped("%s", l.url.c_str());
  ImGui::PopFont();
  ui.Track("live/url");
  if (l.qr.size > 0) {
    // As large as the column allows, up to two fifths of the window's height: phones at the
    // back of a room read it from there.
    const float side =
        std::min(ImGui::GetContentRegionAvail().x, std::max(14 * ui.Em(), ImGui::GetMainViewport()->Size.y * 0.4f));
    const int modules = l.qr.size + 8; // four light modules of quiet zone on each side
    const float cell = std::floor(side / static_cast<float>(modules));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float full = cell * static_cast<float>(modules);
    draw->AddRectFilled(at, {at.x + full, at.y + full}, IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < l.qr.size; ++y)
      for (int x = 0; x < l.qr.size; ++x)
        if (l.qr.Dark(x, y)) {
          const ImVec2 a(at.x + static_cast<float>(x + 4) * cell, at.y + static_cast<float>(y + 4) * cell);
          draw->AddRectFilled(a, {a.x + cell, a.y + cell}, IM_COL32(0, 0, 0, 255));
        }
    ImGui::Dummy(ImVec2(full, full));
    ui.Track("live/qr");
  }
  ImGui::TextUnformatted("Game code");
  // Twice the title's size, for the back of the room; smaller only when the column is narrower.
  const std::string code = l.room->Code().substr(0, 3) + " " + l.room->Code().substr(3);
  ImFont* font = ui.fonts.title;
  float size = font->FontSize * 2.0f;
  ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, code.c_str());
  if (const float avail = ImGui::GetContentRegionAvail().x; extent.x > avail && extent.x > 0) {
    size *= avail / extent.x;
    extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, code.c_str());
  }
  ImGui::GetWindowDrawList()->AddText(font, size, ImGui::GetCursorScreenPos(), ImGui::GetColorU32(ui.palette->accent),
                                      code.c_str());
  ImGui::Dummy(extent);
  ui.Track("live/code");
  const size_t present = view.ranking.size(); // every player in the game, ranked
  if (const size_t expected = l.room->Options().expectedPlayers; expected > 0)
    ImGui::Text("%zu %s (a class of %zu)", present, present == 1 ? "player" : "players", expected);
  else
    ImGui::Text("%zu %s", present, present == 1 ? "player" : "players");
}

// The room's door: locked, no new players join (those in it play on).
void DrawLock(UiContext& ui, const LiveHostView& view) {
  bool locked = view.locked;
  if (ImGui::Checkbox("Lock the room", &locked)) ui.Post(LiveLock{locked});
  ui.Track("live/lock");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("No new players can join; those in the room play on.");
}

// How many players in the room joined from each address (a device), waiting ones included.
std::map<std::string, int> PlayersPerAddress(const LiveHostView& view) {
  std::map<std::string, int> count;
  for (const LivePlayer& p : view.players)
    if (!p.kicked) ++count[p.address];
  return count;
}

// Players who joined beyond the class size: each let in or refused, or all at once.
void DrawWaiting(UiContext& ui, const LiveHostView& view) {
  std::vector<const LivePlayer*> waiting;
  for (const LivePlayer& p : view.players)
    if (!p.kicked && p.waiting) waiting.push_back(&p);
  if (waiting.empty() || view.phase == LivePhase::Finished) return; // after the end nobody comes in
  ImGui::TextColored(ui.palette->warning, "%zu waiting to be let in", waiting.size());
  ui.Track("live/waiting");
  if (ImGui::SmallButton("Let all in")) ui.Post(LiveAdmit{0});
  ui.Track("live/admit-all");
  ImGui::SameLine();
  if (ImGui::SmallButton("Refuse all")) {
    std::vector<std::string> addresses;
    for (const LivePlayer* p : waiting)
      addresses.push_back(p->address);
    ui.Post(LiveKickAddresses{addresses});
  }
  ui.Track("live/refuse-all");
  // A long queue (a flood) scrolls in a box of its own, the players list stays in sight.
  const float rows = static_cast<float>(std::min<size_t>(waiting.size(), 5));
  ImGui::BeginChild("waiting", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing()), false,
                    ImGuiWindowFlags_NoBackground);
  for (const LivePlayer* p : waiting) {
    ImGui::PushID(p->id);
    if (ImGui::SmallButton("Let in")) ui.Post(LiveAdmit{p->id});
    ui.Track("live/waiting/" + std::to_string(p->id) + "/admit");
    ImGui::SameLine();
    if (ImGui::SmallButton("Refuse")) ui.Post(LiveKick{p->id});
    ImGui::SameLine();
    ImGui::TextUnformatted(p->name.c_str());
    ImGui::SameLine();
    ImGui::TextColored(ui.palette->muted, "%s", p->address.c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::Separator();
}

// Every player: rank, name, score, a box to tick their device for removal with others, and a
// menu to link them to a learner on this computer or remove them from the game.
void DrawPlayers(UiContext& ui, const LiveHostView& view) {
  DrawLock(ui, view);
  DrawWaiting(ui, view);
  if (view.players.empty()) return;
  const std::map<std::string, int> perAddress = PlayersPerAddress(view);
  std::set<std::string>& selected = ui.widgets.live.selectedDevices;
  for (auto it = selected.begin(); it != selected.end();) // a device removed meanwhile is no longer ticked
    it = perAddress.count(*it) ? std::next(it) : selected.erase(it);
  if (!selected.empty()) {
    int players = 0;
    for (const std::string& address : selected)
      players += perAddress.at(address);
    const std::string label = "Remove the " + std::to_string(selected.size()) + " ticked device" +
                              (selected.size() == 1 ? "" : "s") + " (" + std::to_string(players) + " player" +
                              (players == 1 ? "" : "s") + ")";
    if (ImGui::SmallButton(label.c_str())) {
      ui.Post(LiveKickAddresses{{selected.begin(), selected.end()}});
      selected.clear();
    }
    ui.Track("live/remove-ticked");
  }
  // The table scrolls in a child window of its own: no fill behind it (see DrawLiveScreen).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  const bool table = ImGui::BeginTable("players", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                                       ImVec2(0, std::max(6 * ui.Em(), ImGui::GetContentRegionAvail().y)));
  ImGui::PopStyleColor();
  if (!table) return;
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
  ImGui::TableSetupColumn("Player", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, 3.5f * ui.Em());
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ButtonWidth("\xE2\x80\xA6"));
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < view.players.size(); ++i) {
    const LivePlayer& p = view.players[i];
    if (!p.Playing()) continue;
    const std::string id = "live/player/" + std::to_string(p.id);
    ImGui::PushID(p.id);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    bool ticked = selected.count(p.address) > 0;
    if (ImGui::Checkbox("##device", &ticked)) {
      if (ticked)
        selected.insert(p.address);
      else
        selected.erase(p.address);
    }
    ui.Track(id + "/tick");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Tick the devices to remove together: %s", p.address.c_str());
    ImGui::TableNextColumn();
    // Text, never markup: names show exactly as typed. Ranks once the game has begun.
    if (view.phase == LivePhase::Lobby)
      ImGui::TextUnformatted(p.name.c_str());
    else
      ImGui::Text("%d. %s", view.ranks[i], p.name.c_str());
    for (const ProfileInfo& profile : ui.state.profiles)
      if (profile.id == p.profile) ImGui::TextColored(ui.palette->muted, "  learner: %s", profile.name.c_str());
    // Several players from one device: the host sees it (the room allows a few, see docs/live.md).
    if (const int same = perAddress.at(p.address); same > 1)
      ImGui::TextColored(ui.palette->warning, "  %d players from %s", same, p.address.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", p.score);
    ImGui::TableNextColumn();
    if (ImGui::SmallButton("\xE2\x80\xA6")) ImGui::OpenPopup("player");
    ui.Track(id + "/menu");
    if (ImGui::BeginPopup("player")) {
      ImGui::TextDisabled("%s is this learner here:", p.name.c_str());
      if (ImGui::Selectable("(nobody)", p.profile == 0)) ui.Post(LiveLink{p.id, 0});
      for (const ProfileInfo& profile : ui.state.profiles) {
        if (ImGui::Selectable(profile.name.c_str(), profile.id == p.profile)) ui.Post(LiveLink{p.id, profile.id});
        ui.Track(id + "/learner/" + profile.name);
      }
      ImGui::Separator();
      if (ImGui::Selectable("Remove from the game")) ui.Post(LiveKick{p.id});
      ui.Track(id + "/remove");
      const std::string everyone =
          "Remove everyone from " + p.address + " (" + std::to_string(perAddress.at(p.address)) + ")";
      if (ImGui::Selectable(everyone.c_str())) ui.Post(LiveKickAddresses{{p.address}});
      ui.Track(id + "/remove-address");
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void DrawLeaderboard(UiContext& ui, const AppState::LiveState& l, const LiveHostView& view) {
  BigText(ui, "Leaderboard");
  ui.Track("live/leaderboard");
  std::vector<LeaderboardRow> rows;
  for (size_t place = 0; place < view.ranking.size(); ++place) {
    const LivePlayer& p = view.players[view.ranking[place]];
    const auto before = l.placeBefore.find(p.id);
    // A player who joined during the last question slides in from below.
    rows.push_back({p.name, "", p.score, view.ranks[view.ranking[place]],
                    before == l.placeBefore.end() ? static_cast<float>(view.ranking.size()) : before->second});
  }
  Leaderboard(ui, rows, ui.widgets.live.rankChangedAt, 10);
  if (ImGui::Button("Next question (Space)") || Pressed(GLFW_KEY_SPACE, false)) {
    ui.widgets.live.rankChangedAt = 0.0;
    ui.Post(LiveControl{LiveStep::Next});
  }
  ui.Track("live/next");
}

void DrawGame(UiContext& ui, const AppState::LiveState& l, const LiveHostView& view) {
  switch (view.phase) {
  case LivePhase::Lobby:
    BigText(ui, "Waiting for players");
    ImGui::TextWrapped(
        "Scan the code or open the address, type the game code and a name. Latecomers can join during the game.");
    if (ImGui::Button("Start the game (Enter)", ImVec2(16 * ui.Em(), 2.2f * ui.Em())) || Pressed(GLFW_KEY_ENTER, false))
      ui.Post(LiveControl{LiveStep::Start});
    ui.Track("live/start");
    ImGui::Spacing();
    {
      // The players as they join, large enough to read from the back of the room.
      std::string names;
      for (const LivePlayer& p : view.players)
        if (p.Playing()) names += (names.empty() ? "" : "     ") + p.name;
      if (!names.empty()) BigText(ui, names.c_str());
      ui.Track("live/joined");
    }
    return;
  case LivePhase::Reading:
  case LivePhase::Answering:
  case LivePhase::Revealed: {
    if (view.phase == LivePhase::Revealed && l.showingLeaderboard) return DrawLeaderboard(ui, l, view);
    const Question& q = *view.current;
    ImGui::Text("Question %d of %d", view.question + 1, view.questionCount);
    if (view.phase != LivePhase::Revealed) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x - 6 * ui.Em());
      ImGui::PushFont(ui.fonts.title);
      ImGui::TextColored(view.secondsLeft < 5 && view.phase == LivePhase::Answering ? ui.palette->warning
                                                                                    : ui.palette->accent,
                         "%.0f s", std::ceil(std::max(0.0, view.secondsLeft)));
      ImGui::PopFont();
      ui.Track("live/countdown");
    }
    BigText(ui, q.prompt.c_str());
    ui.Track("live/prompt");
    // The picture between the question and the tiles, small enough that the tiles still fit.
    if (!q.image.empty())
      Picture(ui, q.image,
              ImVec2(ImGui::GetContentRegionAvail().x, std::min(10 * ui.Em(), 0.3f * ImGui::GetIO().DisplaySize.y)),
              "live/picture");
    ImGui::Spacing();
    if (view.phase == LivePhase::Reading) {
      ImGui::TextColored(ui.palette->muted, "Read the question: the answers appear in a moment.");
      return;
    }
    const bool revealed = view.phase == LivePhase::Revealed;
    AnswerTiles(ui, "live", q, revealed ? RightOptions(q) : std::vector<int>{},
                revealed ? &view.optionCounts : nullptr);
    const size_t present = view.ranking.size(); // every player in the game, ranked
    if (!revealed) {
      ImGui::Text("%d of %zu answered", view.answered, present);
      ui.Track("live/answered");
      ImGui::SameLine();
      if (ImGui::Button("Reveal now (Space)") || Pressed(GLFW_KEY_SPACE, false)) ui.Post(LiveControl{LiveStep::Reveal});
      ui.Track("live/reveal");
      return;
    }
    ImGui::TextWrapped("%s", q.explanation.c_str());
    ImGui::TextColored(ui.palette->muted, "Source: %s", q.source.c_str());
    ImGui::Spacing();
    const bool last = view.question + 1 >= view.questionCount;
    const char* label = last                ? "Show the podium (Space)"
                        : l.hideLeaderboard ? "Next question (Space)"
                                            : "Leaderboard (Space)";
    if (ImGui::Button(label) || Pressed(GLFW_KEY_SPACE, false)) {
      ui.widgets.live.rankChangedAt = 0.0; // the leaderboard animates afresh
      ui.Post(LiveControl{LiveStep::Next});
    }
    ui.Track("live/next");
    return;
  }
  case LivePhase::Finished: {
    BigText(ui, "Podium");
    ui.Track("live/podium");
    std::vector<PodiumEntry> ranked;
    for (size_t i : view.ranking)
      ranked.push_back({view.players[i].name, "", view.players[i].score, view.ranks[i]});
    Podium(ui, ranked);
    if (!l.saveMessage.empty()) ImGui::TextColored(ui.palette->muted, "%s", l.saveMessage.c_str());
    if (ImGui::Button("Save results as CSV")) ui.Post(LiveControl{LiveStep::Export});
    ui.Track("live/export");
    return;
  }
  }
}

} // namespace

void DrawLiveScreen(UiContext& ui) {
  BackButton(ui, "live");
  const AppState::LiveState* l = ui.state.live.get();
  if (l == nullptr) {
    Heading(ui, "Live game");
    ImGui::TextWrapped("Open the classroom set-up from the home screen and press \"Live game on phones\".");
    return;
  }
  ImGui::SameLine();
  ImGui::TextColored(ui.palette->muted, "%s", l->deck ? l->deck->title.c_str() : "");
  if (!l->room) return DrawSetup(ui, *l);
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ButtonWidth("Close the room"));
  if (ImGui::Button("Close the room")) ImGui::OpenPopup("Close the room###close");
  ui.Track("live/close");
  if (ImGui::BeginPopupModal("Close the room###close", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Close the room? Phones are disconnected; a finished game is saved.");
    if (ImGui::Button("Close it")) {
      ui.Post(LiveControl{LiveStep::Close});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("live/close/confirm");
    ImGui::SameLine();
    if (ImGui::Button("Keep playing")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  const LiveHostView view = l->room->Snapshot(ui.state.clock());
  // Phones change the room between frames: the room wakes the window when they do (ui::App
  // listens to it). Only the countdown needs a timer: the next whole second.
  if (view.phase == LivePhase::Reading || view.phase == LivePhase::Answering)
    ui.needs.WakeAt(ui.now + std::fmod(std::max(0.0, view.secondsLeft), 1.0) + 0.02);
  const float side = std::max(13 * ui.Em(), ImGui::GetContentRegionAvail().x * 0.28f);
  // Panels without a background of their own: each full-window fill costs a software
  // renderer a few milliseconds, and the live screen redraws every second of a countdown.
  ImGui::BeginChild("join", ImVec2(side, 0), false, ImGuiWindowFlags_NoBackground);
  DrawJoinPanel(ui, *l, view);
  ImGui::Spacing();
  DrawPlayers(ui, view);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("game", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  DrawGame(ui, *l, view);
  if (view.phase != LivePhase::Finished && view.phase != LivePhase::Lobby) {
    ImGui::Spacing();
    if (ImGui::SmallButton("End the game now")) ui.Post(LiveControl{LiveStep::End});
    ui.Track("live/end");
  }
  ImGui::EndChild();
}

} // namespace factdeck::ui
