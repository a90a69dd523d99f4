// Classroom: a match on one screen for a projector. Set-up, then each question read for a
// few seconds before its options appear as big coloured tiles with shapes; in buzzer mode
// each team has a key; after the answer a leaderboard with animated rank changes; at the
// end a podium. Keys: team keys buzz, 1-4 answer, Space goes on, Enter starts, Esc leaves.
#include <GLFW/glfw3.h>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/iso_time.h"
#include "ui/screens/game_widgets.h"
#include "core/base/text.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// The matches played with this deck, latest first.
void DrawMatchHistory(UiContext& ui, const AppState::ClassroomState& c) {
  if (c.history.empty()) return;
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted("Match history (latest first)");
  ImGui::PopFont();
  for (const MatchSummary& m : c.history) {
    std::string line = FormatIsoTime(m.started).substr(0, 10) + "  " + m.mode + ":";
    for (const MatchPlayer& p : m.players)
      line += "  " + std::to_string(p.rank) + ". " + p.name + " " + SignedCountText(p.finalScore);
    ImGui::TextUnformatted(line.c_str());
  }
  ui.Track("classroom/history");
}

// The set-up's form; true when some kind chosen can be asked.
bool DrawSetupForm(UiContext& ui, const AppState::ClassroomState& c) {
  ClassroomForm& form = ui.widgets.classroom;
  ImGui::SetNextItemWidth(10 * ui.Em());
  ImGui::SliderInt("Teams", &form.teamCount, 2, static_cast<int>(kMaxClassroomTeams));
  ui.Track("classroom/teams");
  for (size_t i = 0; i < static_cast<size_t>(form.teamCount) && i < kMaxClassroomTeams; ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(16 * ui.Em());
    ImGui::InputText("##name", form.names[i].data(), form.names[i].size());
    ui.Track("classroom/name/" + std::to_string(i));
    ImGui::SameLine();
    ImGui::ColorEdit3("##colour", form.colours[i].data(), ImGuiColorEditFlags_NoInputs);
    ui.Track("classroom/colour/" + std::to_string(i));
    ImGui::SameLine();
    ImGui::Text("buzzer key %c", static_cast<char>(kClassroomBuzzKeys[i]));
    ImGui::PopID();
  }
  int mode = form.mode == ClassroomMode::Buzzer ? 1 : 0, scoring = form.scoring == ClassroomScoring::Speed ? 0 : 1;
  // Each choice on the line while it fits, else on the next (projector mode, small windows).
  auto radio = [&](const char* label, int& value, int option, bool first) {
    if (!first)
      SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x);
    ImGui::RadioButton(label, &value, option);
  };
  radio("Turns (each team its own question)", mode, 0, true);
  radio("Buzzer (first to buzz answers)", mode, 1, false);
  radio("Speed counts (up to 1000 a right answer)", scoring, 0, true);
  radio("Accuracy only (1000 a right answer)", scoring, 1, false);
  form.mode = mode == 1 ? ClassroomMode::Buzzer : ClassroomMode::Turns;
  form.scoring = scoring == 0 ? ClassroomScoring::Speed : ClassroomScoring::Accuracy;
  // Each kind with how many items the deck has for it; a kind it cannot ask is greyed out.
  ImGui::TextUnformatted("Kinds:");
  bool anyAskable = false;
  for (size_t k = 0; k < form.kinds.size(); ++k) {
    const size_t count = k < c.kindCounts.size() ? c.kindCounts[k] : 0;
    // On the line while it fits (the box, its label and count), else on the next.
    const std::string label = KindCheckboxLabel(kClassroomKinds[k], count);
    SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                   ImGui::CalcTextSize(label.c_str()).x);
    anyAskable = KindCheckbox(kClassroomKinds[k], count, form.kinds[k]) || anyAskable;
    ui.Track("classroom/kind/" + std::to_string(k));
  }
  ImGui::SetNextItemWidth(20 * ui.Em());
  ImGui::InputTextWithHint("Tags", c.tagHint.c_str(), form.tags.data(), form.tags.size());
  ui.Track("classroom/tags");
  // Projector mode for matches (kept for the next one); the rest of the app keeps its look.
  // Projector mode everywhere (Settings) leaves nothing to choose here.
  bool projector = ui.state.ProjectorOn();
  ImGui::BeginDisabled(ui.state.settings.projector);
  if (ImGui::Checkbox("Projector: larger type, high contrast (for matches)", &projector)) {
    Settings changed = ui.state.settings;
    changed.classroomProjector = projector;
    ui.Post(ChangeSettings{changed});
  }
  ImGui::EndDisabled();
  ui.Track("classroom/projector");
  ImGui::SetNextItemWidth(10 * ui.Em());
  ImGui::SliderInt("Questions", &form.questions, 1, 50);
  ImGui::SetNextItemWidth(10 * ui.Em());
  ImGui::SliderInt("Seconds per question", &form.seconds, 5, 120);
  ImGui::Checkbox("Streak bonus", &form.streakBonus);
  SameLineIfFits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                 ImGui::CalcTextSize("Hide the leaderboard until the end").x);
  ImGui::Checkbox("Hide the leaderboard until the end", &form.hideLeaderboard);
  DrawMatchHistory(ui, c);
  return anyAskable;
}

// The set-up: the form scrolls; why nothing can be asked, Start and the live game stay at
// the bottom, on the screen at any size and in projector mode.
void DrawSetup(UiContext& ui, const AppState::ClassroomState& c) {
  ClassroomForm& form = ui.widgets.classroom;
  Heading(ui, "Classroom match");
  bool anyAskable = false;
  for (size_t k = 0; k < form.kinds.size(); ++k)
    anyAskable = anyAskable || (form.kinds[k] && k < c.kindCounts.size() && c.kindCounts[k] > 0);
  // Never an empty game: without anything to ask, the set-up says why instead of starting.
  std::string why = c.setupMessage;
  if (why.empty() && !anyAskable && c.deck) {
    std::vector<QuestionKind> kinds;
    for (size_t k = 0; k < form.kinds.size(); ++k)
      if (form.kinds[k]) kinds.push_back(kClassroomKinds[k]);
    why = NothingToAskMessage(
        *c.deck,
        kinds.empty() ? std::vector<QuestionKind>(std::begin(kClassroomKinds), std::end(kClassroomKinds)) : kinds);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttonWidth = 16 * ui.Em(), buttonHeight = 2.2f * ui.Em();
  const float width = ImGui::GetContentRegionAvail().x;
  const bool oneRow = 2 * buttonWidth + style.ItemSpacing.x <= width;
  // What Start will play, on one line above it: the form may be scrolled out of sight.
  const std::string summary = std::to_string(form.questions) + " questions · " + std::to_string(form.seconds) +
                              " s each · " + (form.mode == ClassroomMode::Buzzer ? "buzzer" : "turns") + " · " +
                              (form.scoring == ClassroomScoring::Speed ? "speed counts" : "accuracy only") + " · " +
                              std::to_string(form.teamCount) + " teams";
  float footer = (oneRow ? 1 : 2) * (buttonHeight + style.ItemSpacing.y) + style.ItemSpacing.y;
  footer += ImGui::CalcTextSize(summary.c_str(), nullptr, false, width).y + style.ItemSpacing.y;
  if (!why.empty()) footer += ImGui::CalcTextSize(why.c_str(), nullptr, false, width).y + style.ItemSpacing.y;
  ImGui::BeginChild("setup-form", ImVec2(0, -footer), false);
  anyAskable = DrawSetupForm(ui, c);
  ImGui::EndChild();
  if (!why.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->warning);
    ImGui::TextWrapped("%s", why.c_str());
    ImGui::PopStyleColor();
    ui.Track("classroom/nothing-to-ask");
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextWrapped("%s", summary.c_str());
  ImGui::PopStyleColor();
  ui.Track("classroom/summary");
  const bool liveOpen = ui.state.live && ui.state.live->room;
  ImGui::BeginDisabled(!anyAskable);
  if (ImGui::Button("Start the match (Enter)", ImVec2(buttonWidth, buttonHeight)) ||
      (anyAskable && Pressed(GLFW_KEY_ENTER) && !ImGui::GetIO().WantTextInput))
    ui.Post(StartMatch{form.ToSetup()});
  ui.Track("classroom/start");
  if (oneRow) ImGui::SameLine();
  if (ImGui::Button(liveOpen ? "Back to the live game" : "Live game on phones", ImVec2(buttonWidth, buttonHeight)))
    ui.Post(OpenLive{form.ToSetup()});
  ui.Track("classroom/live");
  ImGui::EndDisabled();
}

void DrawTeams(UiContext& ui, const ClassroomMatch& match) {
  ImGui::Separator();
  const auto& teams = match.Teams();
  const float width = ImGui::GetContentRegionAvail().x / static_cast<float>(teams.size());
  for (size_t i = 0; i < teams.size(); ++i) {
    if (i > 0) ImGui::SameLine(static_cast<float>(i) * width + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    const bool answering = match.Answering() == i;
    // A long name wraps within its column rather than running into the next team's.
    ImGui::PushTextWrapPos(static_cast<float>(i + 1) * width - ui.Em());
    ImGui::PushStyleColor(ImGuiCol_Text, HexColour(teams[i].team.color));
    ImGui::PushFont(answering ? ui.fonts.title : ui.fonts.bold);
    ImGui::TextWrapped("%s%s", answering ? "\xE2\x96\xB6 " : "", teams[i].team.name.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    if (match.Options().mode == ClassroomMode::Buzzer) {
      ImGui::Text("key %c", static_cast<char>(teams[i].team.buzzKey));
      if (match.LockedOut(i)) {
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextColored(ui.palette->warning, "Out of this question");
        ImGui::PopFont();
      }
    }
    if (!match.Options().hideLeaderboard) {
      const int score = teams[i].score; // negative after an early buzz
      ImGui::Text("%s points", SignedCountText(score).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ui.Track("classroom/team/" + std::to_string(i));
  }
}

void DrawQuestion(UiContext& ui, const AppState::ClassroomState& c) {
  const ClassroomMatch& match = *c.match;
  const Question& q = *match.Current();
  const srs::TimeMs now = ui.state.clock();
  const auto phase = match.GetPhase();
  ui.Post(ClassroomTick{});
  ui.needs.WakeAt(ui.now + 0.1);
  // Buzzes this frame, all together: the match draws lots between simultaneous ones.
  if (match.Options().mode == ClassroomMode::Buzzer && phase != ClassroomMatch::Phase::Revealed) {
    std::vector<size_t> pressed;
    for (size_t i = 0; i < match.Teams().size(); ++i)
      if (Pressed(match.Teams()[i].team.buzzKey)) pressed.push_back(i);
    if (!pressed.empty()) ui.Post(ClassroomBuzz{pressed});
  }
  char header[96];
  std::snprintf(header, sizeof header, "Question %zu of %zu", match.QuestionIndex() + 1, match.QuestionCount());
  ImGui::TextUnformatted(header);
  const double left = std::max(0.0, match.SecondsLeft(now));
  char clock[32];
  std::snprintf(clock, sizeof clock, phase == ClassroomMatch::Phase::Reading ? "%.0f" : "%.0f s", std::ceil(left));
  ImGui::SameLine(ImGui::GetContentRegionMax().x - 6 * ui.Em());
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextColored(left < 5 && phase == ClassroomMatch::Phase::Answering ? ui.palette->warning : ui.palette->accent,
                     "%s", phase == ClassroomMatch::Phase::Revealed ? "" : clock);
  ImGui::PopFont();
  ui.Track("classroom/countdown");
  BigText(ui, q.prompt.c_str());
  ui.Track("classroom/prompt");
  // The picture between the question and the tiles, small enough that the tiles still fit.
  if (!q.image.empty())
    Picture(ui, q.image,
            ImVec2(ImGui::GetContentRegionAvail().x, std::min(10 * ui.Em(), 0.3f * ImGui::GetIO().DisplaySize.y)),
            "classroom/picture");
  ImGui::Spacing();

  if (phase == ClassroomMatch::Phase::Reading) {
    ImGui::TextColored(ui.palette->muted, "Read the question: the answers appear in a moment.");
  } else {
    // A select-all question: the team marks tiles (click or 1-4), then locks them in.
    std::vector<int>& marked = ui.widgets.classroom.marked;
    if (ui.widgets.classroom.markedFor != match.QuestionIndex() || !match.Answering()) marked.clear();
    ui.widgets.classroom.markedFor = match.QuestionIndex();
    const bool selectAll = SelectAll(q), open = phase == ClassroomMatch::Phase::Answering;
    const int clicked =
        AnswerTiles(ui, "classroom", q, phase == ClassroomMatch::Phase::Revealed ? RightOptions(q) : std::vector<int>{},
                    nullptr, selectAll ? &marked : nullptr);
    auto pick = [&](int option) {
      if (selectAll)
        ToggleOption(marked, option);
      else
        ui.Post(ClassroomAnswer{{option}});
    };
    if (clicked >= 0 && open && match.Answering()) pick(clicked);
    if (open && match.Answering()) {
      for (int k = 0; k < static_cast<int>(std::min<size_t>(q.options.size(), 4)); ++k)
        if (Pressed(GLFW_KEY_1 + k)) pick(k);
      const std::string& team = match.Teams()[*match.Answering()].team.name;
      const ImVec4 colour = HexColour(match.Teams()[*match.Answering()].team.color);
      if (selectAll) {
        ImGui::TextColored(colour, "%s answers: mark every right answer (1 to %zu), then lock in", team.c_str(),
                           std::min<size_t>(q.options.size(), 4));
        ImGui::BeginDisabled(marked.empty());
        if (ImGui::Button("Lock in (Enter)") || (!marked.empty() && Pressed(GLFW_KEY_ENTER)))
          ui.Post(ClassroomAnswer{marked});
        ImGui::EndDisabled();
        ui.Track("classroom/lock-in");
      } else {
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextColored(colour, "%s answers: press 1 to %zu", team.c_str(), std::min<size_t>(q.options.size(), 4));
        ImGui::PopFont();
      }
    } else if (phase == ClassroomMatch::Phase::Answering) {
      ImGui::PushFont(ui.fonts.title);
      ImGui::TextColored(ui.palette->accent, "Buzz to answer!");
      ImGui::PopFont();
    } else {
      ImGui::TextWrapped("%s", q.explanation.c_str());
      if (Pressed(GLFW_KEY_SPACE) || Pressed(GLFW_KEY_ENTER)) ui.Post(ClassroomNext{});
      ImGui::TextColored(ui.palette->muted, "Space: go on");
    }
    ui.Track("classroom/status");
  }
  DrawTeams(ui, match);
}

void DrawLeaderboard(UiContext& ui, const AppState::ClassroomState& c) {
  const ClassroomMatch& match = *c.match;
  BigText(ui, "Leaderboard");
  ui.Track("classroom/leaderboard");
  std::vector<LeaderboardRow> rows;
  const auto ranking = match.Ranking();
  for (size_t place = 0; place < ranking.size(); ++place) {
    const size_t team = ranking[place];
    // Place before = how many teams had a better rank then.
    float before = static_cast<float>(place);
    if (team < c.previousRanks.size()) {
      int ahead = 0;
      for (size_t other = 0; other < c.previousRanks.size(); ++other)
        if (c.previousRanks[other] < c.previousRanks[team] ||
            (c.previousRanks[other] == c.previousRanks[team] && other < team))
          ++ahead;
      before = static_cast<float>(ahead);
    }
    const auto& state = match.Teams()[team];
    rows.push_back({state.team.name, state.team.color, state.score, match.RankOf(team), before});
  }
  Leaderboard(ui, rows, ui.widgets.classroom.rankChangedAt, rows.size());
  ImGui::TextColored(ui.palette->muted, "Space: next question");
  if (Pressed(GLFW_KEY_SPACE) || Pressed(GLFW_KEY_ENTER)) {
    ui.widgets.classroom.rankChangedAt = 0.0; // the next leaderboard animates afresh
    ui.Post(ClassroomNext{});
  }
}

void DrawPodium(UiContext& ui, const AppState::ClassroomState& c) {
  const ClassroomMatch& match = *c.match;
  BigText(ui, "Podium");
  ui.Track("classroom/podium");
  std::vector<PodiumEntry> ranked;
  for (size_t team : match.Ranking())
    ranked.push_back(
        {match.Teams()[team].team.name, match.Teams()[team].team.color, match.Teams()[team].score, match.RankOf(team)});
  Podium(ui, ranked);
  if (!c.saveMessage.empty()) ImGui::TextColored(ui.palette->muted, "%s", c.saveMessage.c_str());
  if (ImGui::Button("Save results as CSV")) ui.Post(ExportMatch{});
  ui.Track("classroom/export");
  ImGui::SameLine();
  if (ImGui::Button("New match")) ui.Post(NewMatch{});
  ui.Track("classroom/again");
}

} // namespace

// Back (or Esc) during a match asks first: leaving loses the match, which is saved only
// when it ends.
void LeaveMatchButton(UiContext& ui) {
  if (ImGui::Button("\xE2\x86\x90 Back") ||
      (!ImGui::IsPopupOpen("Leave the match###leave-match") && Pressed(GLFW_KEY_ESCAPE)))
    ImGui::OpenPopup("Leave the match###leave-match");
  ui.Track("classroom/back");
  if (ImGui::BeginPopupModal("Leave the match###leave-match", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("The scores are lost: a match is saved when it ends.");
    ImGui::Spacing();
    // Esc again keeps playing (not the press that opened the question).
    if (ImGui::Button("Keep playing") || (!ImGui::IsWindowAppearing() && Pressed(GLFW_KEY_ESCAPE)))
      ImGui::CloseCurrentPopup();
    ui.Track("classroom/leave/cancel");
    ImGui::SameLine();
    if (ImGui::Button("Leave the match")) {
      ui.Post(GoToScreen{Screen::Home});
      ImGui::CloseCurrentPopup();
    }
    ui.Track("classroom/leave/confirm");
    ImGui::EndPopup();
  }
}

void DrawClassroomScreen(UiContext& ui) {
  const bool playing = ui.state.classroom && ui.state.classroom->match &&
                       ui.state.classroom->match->GetPhase() != ClassroomMatch::Phase::Finished;
  if (playing)
    LeaveMatchButton(ui);
  else
    BackButton(ui, "classroom");
  if (!ui.state.classroom) {
    Heading(ui, "Classroom");
    ImGui::TextWrapped("Choose a deck on the home screen and press Classroom.");
    return;
  }
  const AppState::ClassroomState& c = *ui.state.classroom;
  ImGui::SameLine();
  ImGui::TextColored(ui.palette->muted, "%s", c.deck ? c.deck->title.c_str() : "");
  if (!c.match) return DrawSetup(ui, c);
  if (c.match->GetPhase() == ClassroomMatch::Phase::Finished) return DrawPodium(ui, c);
  if (c.showingLeaderboard) return DrawLeaderboard(ui, c);
  DrawQuestion(ui, c);
}

} // namespace factdeck::ui
