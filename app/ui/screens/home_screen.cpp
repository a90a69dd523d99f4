// Home: the decks and the way into every mode.
#include "screens.h"

namespace factdeck::ui {

void DrawHomeScreen(UiContext& ui) {
  Heading(ui, "FactDeck");
  ui.Track("home/title");
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted("Quizzes and flashcards from typed facts");
  ImGui::PopStyleColor();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - 7 * ui.Em());
  if (ImGui::Button("Settings", ImVec2(7 * ui.Em(), 0))) ui.state.Post(GoToScreen{Screen::Settings});
  ui.Track("home/settings");
  ImGui::Separator();
}

} // namespace factdeck::ui
