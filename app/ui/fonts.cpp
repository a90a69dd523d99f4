#include "ui/fonts.h"

#include <array>
#include <cmath>
#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_freetype.h>

namespace factdeck::ui {

namespace {

// Code points a font must have to be chosen: one letter from each script we promise.
constexpr FcChar32 kRequiredChars[] = {0x00F6 /*ö*/, 0x017E /*ž*/, 0x01A1 /*ơ*/,
                                       0x03A9 /*Ω*/, 0x0416 /*Ж*/, 0x2014 /*—*/};

// Symbols a symbol font must have to be chosen (those of kSymbolSample).
constexpr FcChar32 kRequiredSymbols[] = {0x2190, 0x2192, 0x2713, 0x2717, 0x25A0, 0x25B2, 0x25CF, 0x2605, 0x26A0};

// Glyph ranges loaded into the atlas (pairs, zero-terminated).
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x024F, // Basic Latin, Latin-1, Latin Extended-A and -B
    0x0370, 0x03FF, // Greek and Coptic
    0x0400, 0x052F, // Cyrillic and Cyrillic Supplement
    0x0531, 0x058A, // Armenian
    0x10A0, 0x10FF, // Georgian
    0x1E00, 0x1EFF, // Latin Extended Additional (Vietnamese, Welsh)
    0x2000, 0x206F, // General Punctuation (dashes, quotes, ellipsis)
    0x20AC, 0x20AC, // Euro sign
    0x2212, 0x2212, // Minus sign
    0,
};
constexpr ImWchar kSymbolRanges[] = {
    0x2190, 0x2199, // Arrows
    0x25A0, 0x25CF, // Geometric shapes (answer tile shapes)
    0x2605, 0x2606, // Stars
    0x26A0, 0x26A0, // Warning sign
    0x2713, 0x2718, // Check and cross marks
    0,
};

// Headings and the classroom's big text: letters and punctuation (symbols are merged in).
constexpr ImWchar kTitleRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x0531, 0x058A, 0x10A0, 0x10FF,
    0x1E00, 0x1EFF, 0x2013, 0x2014, 0x2018, 0x201E, 0x2026, 0x2026, 0,
};

// Text ranges followed by the symbol ranges: for a text font that has the symbols itself.
template <size_t N, size_t M>
constexpr std::array<ImWchar, N + M - 1> Joined(const ImWchar (&text)[N], const ImWchar (&symbols)[M]) {
  std::array<ImWchar, N + M - 1> joined{};
  for (size_t i = 0; i + 1 < N; ++i)
    joined[i] = text[i];
  for (size_t i = 0; i < M; ++i)
    joined[N - 1 + i] = symbols[i];
  return joined;
}
constexpr auto kTextAndSymbolRanges = Joined(kTextRanges, kSymbolRanges);
constexpr auto kTitleAndSymbolRanges = Joined(kTitleRanges, kSymbolRanges);

template <size_t N> bool Covers(FcPattern* font, const FcChar32 (&required)[N]) {
  FcCharSet* charset = nullptr;
  if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) return false;
  for (FcChar32 c : required)
    if (!FcCharSetHasChar(charset, c)) return false;
  FcChar8* format = nullptr;
  if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch) {
    std::string f(reinterpret_cast<const char*>(format));
    if (f != "TrueType" && f != "CFF") return false;
  }
  FcBool scalable = FcFalse;
  FcPatternGetBool(font, FC_SCALABLE, 0, &scalable);
  return scalable == FcTrue;
}

FontFile FileOf(FcPattern* font) {
  FontFile result;
  FcChar8* file = nullptr;
  if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) result.path = reinterpret_cast<const char*>(file);
  FcPatternGetInteger(font, FC_INDEX, 0, &result.index);
  return result;
}

// The best font for fontconfig's `name` pattern that has every code point of `required`.
template <size_t N> FontFile FindFont(const char* name, const FcChar32 (&required)[N]) {
  if (!FcInit()) return {};
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name));
  FcCharSet* wanted = FcCharSetCreate();
  for (FcChar32 c : required)
    FcCharSetAddChar(wanted, c);
  FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);

  // The sorted list puts the best-matching family first; take the first that really
  // covers every script (the single best match may lack one of them).
  FontFile found;
  FcResult result = FcResultNoMatch;
  if (FcFontSet* fonts = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result)) {
    for (int i = 0; i < fonts->nfont && found.path.empty(); ++i)
      if (Covers(fonts->fonts[i], required)) found = FileOf(fonts->fonts[i]);
    FcFontSetDestroy(fonts);
  }
  FcCharSetDestroy(wanted);
  FcPatternDestroy(pattern);
  return found;
}

// The font fontconfig matches for `name`, when its family is `family`.
FontFile MatchFamily(const char* name, const char* family) {
  if (!FcInit()) return {};
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FontFile found;
  FcResult result = FcResultNoMatch;
  if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
    FcChar8* matched = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &matched) == FcResultMatch &&
        std::string(reinterpret_cast<const char*>(matched)) == family && Covers(match, kRequiredChars))
      found = FileOf(match);
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return found;
}

} // namespace

FontFile FindChosenFont(bool bold) {
  const std::string name = std::string(kUiFontFamily) + (bold ? ":style=Bold" : ":style=Book");
  return MatchFamily(name.c_str(), kUiFontFamily);
}

bool HasSymbols(const FontFile& file) {
  if (file.path.empty() || !FcInit()) return false;
  int count = 0;
  FcBlanks* blanks = nullptr;
  FcPattern* font = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.path.c_str()), file.index, blanks, &count);
  if (font == nullptr) return false;
  FcCharSet* charset = nullptr;
  bool all = FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch;
  for (FcChar32 c : kRequiredSymbols)
    all = all && FcCharSetHasChar(charset, c);
  FcPatternDestroy(font);
  return all;
}

FontFiles FindFontFiles() {
  FontFiles files;
  files.regular = FindChosenFont(false);
  files.bold = FindChosenFont(true);
  files.chosen = !files.regular.path.empty() && !files.bold.path.empty();
  if (!files.chosen) files = {FindUiFont(false), FindUiFont(true), {}, false};
  if (!HasSymbols(files.regular)) files.symbols = FindSymbolFont();
  return files;
}

FontFile FindUiFont(bool bold) { return FindFont(bold ? "sans-serif:bold" : "sans-serif", kRequiredChars); }

FontFile FindSymbolFont() { return FindFont("sans-serif", kRequiredSymbols); }

UiFonts BuildUiFonts(ImFontAtlas& atlas, const FontFiles& files, float pixelSize) {
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const float size = std::round(pixelSize);
  const float titleSize = std::round(pixelSize * 1.6f);

  UiFonts fonts;
  auto add = [&](const FontFile& file, float px, const ImWchar* ranges, bool merge = false) -> ImFont* {
    if (file.path.empty()) return nullptr;
    ImFontConfig config;
    config.FontNo = file.index;
    config.OversampleH = 1; // FreeType hints; oversampling buys nothing
    config.OversampleV = 1;
    config.MergeMode = merge; // into the font added last; its own glyphs win
    return atlas.AddFontFromFileTTF(file.path.c_str(), px, &config, ranges);
  };
  const FontFile& boldFile = files.bold.path.empty() ? files.regular : files.bold;
  // The symbols come from the text font when it has them, else from the symbol font merged in.
  const bool merge = !files.symbols.path.empty();
  const ImWchar* text = merge ? kTextRanges : kTextAndSymbolRanges.data();
  const ImWchar* title = merge ? kTitleRanges : kTitleAndSymbolRanges.data();
  fonts.regular = add(files.regular, size, text);
  if (merge) add(files.symbols, size, kSymbolRanges, true);
  if (fonts.regular != nullptr) {
    fonts.bold = add(boldFile, size, text);
    if (merge) add(files.symbols, size, kSymbolRanges, true);
    fonts.title = add(boldFile, titleSize, title);
    if (merge) add(files.symbols, titleSize, kSymbolRanges, true); // the tiles' check mark, in the title font
  }
  const bool built = fonts.regular != nullptr && fonts.bold != nullptr && fonts.title != nullptr && atlas.Build();
  // The font files' bytes (about 0.7 MB a face, loaded once per font) are needed only to
  // build; every rebuild starts again from the files (atlas.Clear above).
  if (built) atlas.ClearInputData();
  if (!built) {
    // Last resort: ImGui's built-in font, scaled. ASCII only.
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    ImFontConfig config;
    config.SizePixels = size;
    fonts.regular = fonts.bold = atlas.AddFontDefault(&config);
    config.SizePixels = titleSize;
    fonts.title = atlas.AddFontDefault(&config);
    fonts.fallback = true;
    atlas.Build();
  }
  return fonts;
}

std::function<bool(char32_t)> DrawableBy(const UiFonts& fonts) {
  // A character every face has (names show in all three); the bitmap outlives the atlas.
  auto drawable = std::make_shared<std::vector<bool>>(0x10000, false);
  if (fonts.fallback || fonts.regular == nullptr) {
    for (char32_t c = 0x20; c < 0x7F; ++c)
      (*drawable)[c] = true;
  } else {
    for (const ImFontGlyph& glyph : fonts.regular->Glyphs)
      if (glyph.Codepoint < drawable->size() &&
          fonts.bold->FindGlyphNoFallback(static_cast<ImWchar>(glyph.Codepoint)) &&
          fonts.title->FindGlyphNoFallback(static_cast<ImWchar>(glyph.Codepoint)))
        (*drawable)[glyph.Codepoint] = true;
  }
  return [drawable = std::shared_ptr<const std::vector<bool>>(drawable)](char32_t c) {
    return c < drawable->size() && (*drawable)[c];
  };
}

float FontPixelSize(const Settings& settings, float contentScale, bool projector) {
  return std::round(settings.fontSize * settings.uiScale * contentScale *
                    (projector ? Settings::kProjectorScale : 1.0f));
}

FontSet LoadUiFonts(ImFontAtlas& atlas, float pixelSize) {
  FontSet set;
  set.files = FindFontFiles();
  set.fonts = BuildUiFonts(atlas, set.files, pixelSize);
  set.pixelSize = pixelSize;
  return set;
}

} // namespace factdeck::ui
