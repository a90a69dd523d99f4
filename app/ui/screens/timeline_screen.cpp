// The timeline game: place each event into the growing timeline. Keys: Up and Down move the
// marker between placed events, Enter places; or click a "Place here" gap.
#include <GLFW/glfw3.h>
#include <algorithm>

#include "ui/screens/game_widgets.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// The placed events' time, widened by circa, from the earliest to the latest.
struct TimeScale {
  double first = 0, last = 1;
  float Map(double day, float x0, float x1) const {
    return x0 + static_cast<float>((day - first) / (last - first)) * (x1 - x0);
  }
};

TimeScale ScaleOf(const Deck& deck, const std::vector<size_t>& placed) {
  TimeScale scale{1e18, -1e18};
  for (size_t i : placed) {
    const Event& e = deck.events[i];
    scale.first = std::min(scale.first, static_cast<double>(e.date.WideFirstDay()));
    scale.last = std::max(scale.last, static_cast<double>(e.end ? e.end->WideLastDay() : e.date.WideLastDay()));
  }
  if (!(scale.last > scale.first)) scale = {scale.first - 365, scale.first + 365};
  const double margin = (scale.last - scale.first) * 0.04;
  return {scale.first - margin, scale.last + margin};
}

// One event on a thin line of time: a span as a solid bar; a date known only to a range (an
// uncertain date, a decade, a century) as a pale outlined bar over it; a point as a dot;
// circa as whiskers to its tolerance.
void DrawTimeBar(UiContext& ui, const Event& e, const TimeScale& scale, ImVec2 min, ImVec2 max, ImVec4 colour) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mid = (min.y + max.y) * 0.5f, radius = std::max(3.0f, (max.y - min.y) * 0.22f);
  const ImU32 line = ImGui::GetColorU32(ui.palette->muted), ink = ImGui::ColorConvertFloat4ToU32(colour);
  ImVec4 paleColour = colour;
  paleColour.w *= 0.45f;
  const ImU32 pale = ImGui::ColorConvertFloat4ToU32(paleColour);
  draw->AddLine(ImVec2(min.x, mid), ImVec2(max.x, mid), line, 1.0f);
  auto x = [&](std::int64_t day) { return scale.Map(static_cast<double>(day), min.x, max.x); };
  const float wideFrom = x(e.date.WideFirstDay());
  const float wideTo = x(e.end ? e.end->WideLastDay() : e.date.WideLastDay());
  const float from = x(e.date.FirstDay());
  const float to = e.ongoing ? max.x : x(e.end ? e.end->LastDay() : e.date.LastDay());
  if (e.date.circa || (e.end && e.end->circa)) { // whiskers: how far "c." reaches
    draw->AddLine(ImVec2(wideFrom, mid), ImVec2(wideTo, mid), pale, 2.0f);
    draw->AddLine(ImVec2(wideFrom, mid - radius), ImVec2(wideFrom, mid + radius), pale, 1.5f);
    draw->AddLine(ImVec2(wideTo, mid - radius), ImVec2(wideTo, mid + radius), pale, 1.5f);
  }
  if (e.end || e.ongoing) {
    draw->AddRectFilled(ImVec2(from, mid - radius), ImVec2(std::max(to, from + 2 * radius), mid + radius), ink, radius);
  } else if (e.date.doubt != DateDoubt::None || to - from > 2 * radius) { // known to a range
    draw->AddRectFilled(ImVec2(from, mid - radius), ImVec2(std::max(to, from + 2 * radius), mid + radius), pale,
                        radius);
    draw->AddRect(ImVec2(from, mid - radius), ImVec2(std::max(to, from + 2 * radius), mid + radius), ink, radius);
  } else {
    draw->AddCircleFilled(ImVec2((from + to) * 0.5f, mid), radius, ink);
  }
}

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
  ImGui::Separator();
  // The game in a column a little wider than the study screen's: the dates, the names and
  // the line of time side by side.
  const ContentColumn column(ui, 60);

  if (const auto& last = game.Last()) {
    const Event& e = deck.events[last->event];
    ImGui::PushStyleColor(ImGuiCol_Text, last->right ? ui.palette->right : ui.palette->wrong);
    ImGui::TextWrapped("%s  %s: %s (%s)", last->right ? kRightMark : kWrongMark, last->right ? "Right" : "Not there",
                       e.name.c_str(), EventWhen(e).c_str());
    ImGui::PopStyleColor();
    ui.Track("timeline/last");
    ImGui::Spacing();
  }

  if (game.Over()) {
    Heading(ui, game.Lives() == 0 ? "Game over" : "Every event placed");
    ImGui::Text("Score: %d", game.Score());
    if (game.NewBest()) ImGui::TextColored(ui.palette->right, "New high score!");
    ui.Track("timeline/over");
    if (ImGui::Button("Back to the decks") || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false))
      ui.Post(GoToScreen{Screen::Home});
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
    // The event's picture on its card, small: the timeline below must stay in view.
    if (!next.picture.Empty())
      Picture(ui, deck.PictureFile(next.picture).string(), ImVec2(ImGui::GetContentRegionAvail().x, 8 * ui.Em()),
              "timeline/picture");
    const size_t size = game.Timeline().size();
    if (ImGui::IsKeyPressed(GLFW_KEY_UP, false) && t.slot > 0) --t.slot;
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN, false) && t.slot < size) ++t.slot;
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false))
      ui.Post(TimelinePlace{t.slot});
  }
  ImGui::Spacing();

  // The timeline, earliest at the top, with a gap to place into before each event and at the end.
  // Each placed event has its date, its name, and its place on a line of time at the right.
  ImGui::BeginChild("timeline", ImVec2(0, 0), false);
  const auto& placed = game.Timeline();
  const TimeScale scale = ScaleOf(deck, placed);
  float dateWidth = 6 * ui.Em();
  for (size_t i : placed)
    dateWidth = std::max(dateWidth, ImGui::CalcTextSize(EventWhen(deck.events[i]).c_str()).x + ui.Em());
  dateWidth = std::min(dateWidth, 16 * ui.Em());
  const float width = ImGui::GetContentRegionAvail().x;
  const float barWidth = std::clamp(width * 0.28f, 6 * ui.Em(), 24 * ui.Em());
  for (size_t slot = 0; slot <= placed.size(); ++slot) {
    ImGui::PushID(static_cast<int>(slot));
    if (!game.Over()) {
      const bool marked = slot == t.slot;
      if (marked) ImGui::PushStyleColor(ImGuiCol_Button, ui.palette->accent);
      if (ImGui::Button(marked ? "\xE2\x96\xB6 Place here (Enter)" : "Place here", ImVec2(14 * ui.Em(), 0)))
        ui.Post(TimelinePlace{slot});
      if (marked) ImGui::PopStyleColor();
      ui.Track("timeline/slot/" + std::to_string(slot));
    }
    if (slot < placed.size()) {
      const Event& e = deck.events[placed[slot]];
      const bool fresh = game.Last() && game.Last()->event == placed[slot];
      const ImVec4 colour = fresh ? (game.Last()->right ? ui.palette->right : ui.palette->wrong) : ui.palette->accent;
      const float rowTop = ImGui::GetCursorScreenPos().y, left = ImGui::GetCursorScreenPos().x;
      ImGui::PushFont(ui.fonts.bold);
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + dateWidth - ui.Em() * 0.5f);
      ImGui::TextColored(colour, "%s", EventWhen(e).c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
      ImGui::SameLine(dateWidth);
      ImGui::PushTextWrapPos(width - barWidth - ui.Em());
      ImGui::TextUnformatted(e.name.c_str());
      ImGui::PopTextWrapPos();
      ui.Track("timeline/event/" + std::to_string(slot));
      const ImVec2 barMin(left + width - barWidth, rowTop), barMax(left + width, rowTop + ImGui::GetTextLineHeight());
      DrawTimeBar(ui, e, scale, barMin, barMax, colour);
      ui.TrackRect("timeline/bar/" + std::to_string(slot), barMin, barMax);
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

} // namespace factdeck::ui
