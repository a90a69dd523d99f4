// Pieces the one-screen classroom match and the live room's host screen both draw: the
// answer tiles, big text, the podium.
#pragma once

#include <string>
#include <vector>

#include "core/questions/questions.h"
#include "ui/ui_context.h"

namespace factdeck::ui {

// A picture fitted into `maxSize` (its proportions kept), centred in the width; while it is
// being decoded a quiet box of its place, and a line when it cannot be shown. Tracked as `name`.
void Picture(UiContext& ui, const std::string& file, ImVec2 maxSize, const std::string& name);

// A picture fitted into the box [min, max] on `draw`, faded by `alpha`, with `caption` (when
// not empty) on one line at its foot. Tracked as `name` once decoded ("<name>/loading" before,
// "<name>/caption" for the words).
void PictureInBox(UiContext& ui, ImDrawList* draw, const std::string& file, ImVec2 min, ImVec2 max,
                  const std::string& caption, ImU32 captionColour, const std::string& name, float alpha = 1.0f);

// A question as a student meets it, for an author to look at: "N. prompt", then its options
// with the right ones marked (or the answer a flashcard shows, in order for an ordering).
void QuestionAsSeen(UiContext& ui, const Question& q, size_t number);

// Big text in the title font, wrapped.
void BigText(UiContext& ui, const char* text);

// A key (GLFW_KEY_...) pressed this frame, not held down. `whileTyping`: also while a text
// field has the keyboard (the study and classroom screens take Enter and Space then too);
// otherwise a key typed into a field is never taken as a shortcut.
bool Pressed(int key, bool whileTyping = true);

// The answer options of `q` as big tiles, two by two, told apart by colour and by shape
// (triangle, diamond, circle, square) and numbered 1 to 4; picture options as pictures, with
// their words once revealed when the pictures alone are asked. With `correct` not empty the others fade and
// the right ones are marked; `counts`, when given, shows how many chose each; `marked` tiles
// (a select-all question being answered) are framed and ticked. Tracked as "<name>/tile/N".
// Returns the tile clicked this frame, or -1.
int AnswerTiles(UiContext& ui, const std::string& name, const Question& q, const std::vector<int>& correct,
                const std::vector<int>* counts = nullptr, const std::vector<int>* marked = nullptr);

// The standings as bars, best first. Each row slides from its place before the last question
// (`placeBefore`, 0-based) to its place now, over 0.8 s from `since` (platform seconds; 0
// starts the animation now). At most `maxRows` rows; one coming from further down slides in
// from below.
struct LeaderboardRow {
  std::string name, colour; // colour "#rrggbb"; empty: the theme's accent
  int score = 0, rank = 0;
  float placeBefore = 0;
};
void Leaderboard(UiContext& ui, const std::vector<LeaderboardRow>& rows, double& since, size_t maxRows = 10);

// A podium: second, first and third as coloured blocks, then everyone else as a list.
struct PodiumEntry {
  std::string name, colour; // colour "#rrggbb"; empty: the theme's accent
  int score = 0, rank = 0;
};
void Podium(UiContext& ui, const std::vector<PodiumEntry>& ranked);

} // namespace factdeck::ui
