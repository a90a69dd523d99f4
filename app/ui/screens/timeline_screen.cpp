// The timeline game: place each event into the growing timeline. Keys: Up and Down move the
// marker between placed events, Enter places; or click a "Place here" gap.
#include <GLFW/glfw3.h>
#include <algorithm>

#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

std::string When(const Event& e) { return EventWhen(e); }

} // namespace

void DrawTimelineScreen(UiContext& ui) {
  BackButton(ui, "timeline");
  if (!ui.state.timeline || !ui.state.timeline->game) {
    Heading(ui, "Timeline");
    ImGui::TextWrapped("Choose a deck on the home screen and press Timeline.");
    return;
  }
  const AppState::TimelineState& timeline = *ui.state.timeline;
  const TimelineGame& game = *timeline.game;
  const Deck& deck = *timeline.deck;
  TimelineWidgets& t = ui.widgets.timeline;
  t.slot = std::min(t.slot, game.Timeline().size());
  ImGui::SameLine();
  std::string lives;
  for (int i = 0; i < TimelineGame::kLives; ++i)
    lives += i < game.Lives() ? "\xE2\x97\x8F " : "\xE2\x97\x8B "; // ● ○
  ImGui::Text("Lives %s  ·  score %d%s", lives.c_str(), game.Score(),
              game.PreviousBest() ? ("  ·  best " + std::to_string(*game.PreviousBest())).c_str() : "");
  ui.Track("timeline/status");

  if (const auto& last = game.Last()) {
    const Event& e = deck.events[last->event];
    ImGui::PushStyleColor(ImGuiCol_Text, last->right ? ui.palette->right : ui.palette->wrong);
    ImGui::TextWrapped("%s  %s: %s (%s)", last->right ? kRightMark : kWrongMark, last->right ? "Right" : "Not there",
                       e.name.c_str(), When(e).c_str());
    ImGui::PopStyleColor();
    ui.Track("timeline/last");
  }
  ImGui::Separator();

  if (game.Over()) {
    Heading(ui, game.Lives() == 0 ? "Game over" : "Every event placed");
    ImGui::Text("Score: %d", game.Score());
    if (game.NewBest()) ImGui::TextColored(ui.palette->right, "New high score!");
    ui.Track("timeline/over");
    if (ImGui::Button("Back to the decks") || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false))
      ui.state.Post(GoToScreen{Screen::Home});
    ui.Track("timeline/done");
  } else {
    const Event& next = deck.events[*game.Current()];
    ImGui::TextUnformatted("Place this event:");
    ImGui::PushFont(ui.fonts.title);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(next.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ui.Track("timeline/current");
    const size_t size = game.Timeline().size();
    if (ImGui::IsKeyPressed(GLFW_KEY_UP, false) && t.slot > 0) --t.slot;
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN, false) && t.slot < size) ++t.slot;
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false))
      ui.state.Post(TimelinePlace{t.slot});
  }
  ImGui::Spacing();

  // The timeline, earliest at the top, with a gap to place into before each event and at the end.
  ImGui::BeginChild("timeline", ImVec2(0, 0), false);
  const auto& placed = game.Timeline();
  for (size_t slot = 0; slot <= placed.size(); ++slot) {
    ImGui::PushID(static_cast<int>(slot));
    if (!game.Over()) {
      const bool marked = slot == t.slot;
      if (marked) ImGui::PushStyleColor(ImGuiCol_Button, ui.palette->accent);
      if (ImGui::Button(marked ? "\xE2\x96\xB6 Place here (Enter)" : "Place here", ImVec2(14 * ui.Em(), 0)))
        ui.state.Post(TimelinePlace{slot});
      if (marked) ImGui::PopStyleColor();
      ui.Track("timeline/slot/" + std::to_string(slot));
    }
    if (slot < placed.size()) {
      const Event& e = deck.events[placed[slot]];
      const bool fresh = game.Last() && game.Last()->event == placed[slot];
      ImGui::PushFont(ui.fonts.bold);
      ImGui::TextColored(fresh ? (game.Last()->right ? ui.palette->right : ui.palette->wrong) : ui.palette->accent,
                         "%s", When(e).c_str());
      ImGui::PopFont();
      ImGui::SameLine(10 * ui.Em());
      ImGui::TextWrapped("%s", e.name.c_str());
      ui.Track("timeline/event/" + std::to_string(slot));
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

} // namespace factdeck::ui
