// The UI font: chosen by name, found through fontconfig, rasterised with FreeType into
// ImGui's atlas.
//
// The chain: DejaVu Sans, regular and bold (Debian's fonts-dejavu-core, which scripts/lib.sh
// installs), chosen because one face covers Latin, Greek, Cyrillic and every symbol the
// screens draw, so the look and the layout are the same on every machine. Only when it is
// missing: fontconfig's best scalable sans font covering the three scripts, with a symbol
// font merged in for what it lacks. Last: ImGui's built-in font (ASCII only), with a notice.
#pragma once

#include <functional>
#include <string>

#include "core/app/settings.h"

struct ImFont;
struct ImFontAtlas;

namespace factdeck::ui {

// A font file on disk and the face index inside it (for .ttc collections).
struct FontFile {
  std::string path;
  int index = 0;
};

// The text every UI font must cover: Latin-1, Latin Extended-A/B, Greek and Cyrillic.
inline constexpr const char* kCoverageSample = "Röhm, Bažanov, Тухачевский, Ελευθέριος";

// Symbols the screens draw as text: arrows, check and cross marks, answer-tile shapes,
// stars, the warning sign. Text fonts often lack them, so a symbol font is merged in.
inline constexpr const char* kSymbolSample = "\u2190\u2192\u2713\u2717\u25A0\u25B2\u25CF\u2605\u26A0";

// The chosen font: its family and, per style, the file fonts-dejavu-core installs.
inline constexpr const char* kUiFontFamily = "DejaVu Sans";
inline constexpr const char* kUiFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kUiBoldFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// The chosen font's file for the style, as fontconfig finds it by family; empty when the
// family is not installed (fontconfig's nearest match for another family is not taken).
FontFile FindChosenFont(bool bold);
// Asks fontconfig for a scalable sans-serif font (regular or bold) that covers Latin,
// Greek and Cyrillic. Returns an empty path when none is installed.
FontFile FindUiFont(bool bold);
// True when the font file has every symbol of kSymbolSample (no symbol font needed).
bool HasSymbols(const FontFile& file);
// Asks fontconfig for a scalable font that has every symbol of kSymbolSample.
FontFile FindSymbolFont();

// The font files of the UI: text regular and bold, and the symbol font merged into both
// (none when the text font has the symbols).
struct FontFiles {
  FontFile regular, bold, symbols;
  bool chosen = false; // regular and bold are the chosen font (kUiFontFamily)
};
// Walks the chain above.
FontFiles FindFontFiles();

// The fonts of one atlas build. Regular is the default font; bold for emphasis; title
// for headings (larger). When no font file was found all three are ImGui's built-in font.
struct UiFonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* title = nullptr;
  bool fallback = false; // true when ImGui's built-in (ASCII-only) font is in use
};

// What the fonts draw: true for a character every face of `fonts` has (names show in all
// three), for the live room and the team names (AppState::canDraw). Keeps no pointer into
// the atlas, so it stays valid after a rebuild.
std::function<bool(char32_t)> DrawableBy(const UiFonts& fonts);

// The UI font size in pixels: the user's font size x interface scale x the monitor's
// content scale (x 1.5 in projector mode), rounded (FreeType renders whole pixel sizes).
float FontPixelSize(const Settings& settings, float contentScale, bool projector);

// The fonts found and the atlas built from them.
struct FontSet {
  FontFiles files;
  UiFonts fonts;
  float pixelSize = 0.0f; // what the atlas was built for
};

// Finds the UI fonts and builds `atlas` at `pixelSize`. Needs no ImGui context, so it can
// run on another thread while the window opens.
FontSet LoadUiFonts(ImFontAtlas& atlas, float pixelSize);

// Clears `atlas` and fills it with the UI fonts at `pixelSize` (title at 1.6x),
// rasterised by FreeType, the symbol font merged into regular and bold for the glyphs
// the text font lacks.
UiFonts BuildUiFonts(ImFontAtlas& atlas, const FontFiles& files, float pixelSize);

} // namespace factdeck::ui
