// Home: the decks and the way into every mode.
#include "screens.h"

namespace factdeck::ui {

namespace {

void DrawDeck(UiContext& ui, const DeckEntry& deck, size_t index) {
  ImGui::PushID(static_cast<int>(index));
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(deck.title.c_str());
  ImGui::PopFont();
  ui.Track("home/deck/" + std::to_string(index));
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  const DeckSummary& s = deck.summary;
  ImGui::Text("%zu facts · %zu events · %zu entities · %zu cards", s.facts, s.events, s.entities, s.cards);
  ImGui::TextUnformatted(deck.path.filename().string().c_str());
  ImGui::PopStyleColor();
  if (deck.errors.empty()) {
    for (const DeckProgress& p : ui.state.progress)
      if (p.deck == deck.id) ImGui::Text("%lld due now · %lld learning · %lld learned", static_cast<long long>(p.dueNow),
                                         static_cast<long long>(p.learning), static_cast<long long>(p.learned));
    if (ImGui::Button("Study", ImVec2(8 * ui.Em(), 0))) ui.state.Post(StartStudy{index});
    ui.Track("home/deck/" + std::to_string(index) + "/study");
  }
  if (!deck.errors.empty()) {
    // A broken deck shows what is wrong instead of starting.
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->wrong);
    ImGui::Text("\xE2\x9C\x97 %zu %s: fix the file, then restart FactDeck", deck.errors.size(),
                deck.errors.size() == 1 ? "error" : "errors");
    ImGui::PopStyleColor();
    for (const std::string& error : deck.errors) ImGui::TextWrapped("%s", error.c_str());
    ui.Track("home/deck/" + std::to_string(index) + "/errors");
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PopID();
}

} // namespace

void DrawHomeScreen(UiContext& ui) {
  Heading(ui, "FactDeck");
  ui.Track("home/title");
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted("Quizzes and flashcards from typed facts");
  if (ui.state.streak > 0) {
    ImGui::SameLine();
    ImGui::Text("  ·  day streak: %d", ui.state.streak);
  }
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - 7 * ui.Em());
  if (ImGui::Button("Settings", ImVec2(7 * ui.Em(), 0))) ui.state.Post(GoToScreen{Screen::Settings});
  ui.Track("home/settings");
  ImGui::Separator();
  ImGui::Spacing();

  if (ui.state.decks.empty()) {
    ImGui::TextWrapped("No decks found. Open one with --deck FILE, or put .toml or .csv decks in the questions folder.");
    return;
  }
  ImGui::BeginChild("decks", ImVec2(0, 0), false);
  for (size_t i = 0; i < ui.state.decks.size(); ++i) DrawDeck(ui, ui.state.decks[i], i);
  ImGui::EndChild();
}

} // namespace factdeck::ui
