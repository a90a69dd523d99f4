#include "core/base/text.h"

#include "core/base/date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utf8proc.h>

namespace factdeck {

std::optional<InvalidUtf8> FirstInvalidUtf8(std::string_view text) {
  Position pos{1, 1};
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    if (*bytes < 0x80) { // ASCII, the common case
      if (*bytes == '\n') {
        ++pos.line;
        pos.column = 1;
      } else {
        ++pos.column;
      }
      ++bytes;
      --left;
      continue;
    }
    utf8proc_int32_t codepoint = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes, left, &codepoint);
    if (n <= 0) return InvalidUtf8{pos, *bytes};
    ++pos.column;
    bytes += n;
    left -= n;
  }
  return std::nullopt;
}

std::vector<WrittenWord> WrittenWords(std::string_view text) {
  std::vector<WrittenWord> words;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  WrittenWord word;
  utf8proc_ssize_t start = 0;
  auto flush = [&](utf8proc_ssize_t end) {
    if (end > start) {
      word.text = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
      words.push_back(word);
    }
    word = WrittenWord{};
  };
  utf8proc_ssize_t i = 0;
  while (i < size) {
    utf8proc_ssize_t n = 1;
    bool digit = false, wordChar = false, upper = false;
    if (const unsigned char b = bytes[i]; b < 0x80) { // ASCII, the common case: no table look-up
      digit = b >= '0' && b <= '9';
      upper = b >= 'A' && b <= 'Z';
      wordChar = digit || upper || (b >= 'a' && b <= 'z');
    } else {
      utf8proc_int32_t c = 0;
      n = utf8proc_iterate(bytes + i, size - i, &c);
      if (n <= 0) return words; // the word under way is not whole
      const utf8proc_category_t category = utf8proc_category(c);
      digit = category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_NL || category == UTF8PROC_CATEGORY_NO;
      upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
      wordChar = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME) || digit;
    }
    if (!wordChar) {
      flush(i);
      start = i + n;
    } else {
      if (i == start) word.capital = upper;
      word.lettersOnly = word.lettersOnly && !digit;
    }
    i += n;
  }
  flush(i);
  return words;
}

std::vector<std::string> CapitalisedWords(std::string_view text) {
  std::vector<std::string> names;
  const std::vector<WrittenWord> words = WrittenWords(text);
  for (size_t i = 1; i < words.size(); ++i)
    if (words[i].capital) names.push_back(Fold(words[i].text));
  return names;
}

std::string InvalidUtf8Message(const InvalidUtf8& bad) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", bad.byte);
  return std::string("invalid UTF-8 (byte ") + hex + "); save the file as UTF-8";
}

std::string Slug(std::string_view text, size_t maxBytes) {
  std::string slug;
  bool gap = false;
  // ASCII, the common case: letters and digits lower-cased, the rest a gap.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char c : text) {
      const bool wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!wordChar) {
        gap = !slug.empty();
        continue;
      }
      if (slug.size() + (gap ? 1 : 0) + 1 > maxBytes) break;
      if (gap) slug += '-';
      gap = false;
      slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return slug;
  }
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes, left, &c);
    if (n <= 0) { // not UTF-8: skip the byte
      n = 1;
      c = ' ';
    }
    bytes += n;
    left -= n;
    utf8proc_category_t category = utf8proc_category(c);
    bool wordChar = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                    (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    if (!wordChar) {
      gap = !slug.empty();
      continue;
    }
    utf8proc_uint8_t encoded[4];
    utf8proc_ssize_t size = utf8proc_encode_char(utf8proc_tolower(c), encoded);
    if (slug.size() + (gap ? 1 : 0) + static_cast<size_t>(size) > maxBytes) break;
    if (gap) slug += '-';
    gap = false;
    slug.append(reinterpret_cast<const char*>(encoded), static_cast<size_t>(size));
  }
  return slug;
}

std::string Fold(std::string_view text) {
  // ASCII, the common case, folds to lower case with no table look-up: NFKC, accents and
  // lumping change nothing there.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string spaced;
    spaced.reserve(text.size());
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
      } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) { // controls are ignorable
        spaced += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    }
    if (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
    return spaced;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
  utf8proc_ssize_t size = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                       static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
  std::string result;
  if (size < 0) {
    result.assign(text); // not UTF-8: compare the bytes
  } else {
    result.assign(reinterpret_cast<const char*>(folded), static_cast<size_t>(size));
  }
  std::free(folded);
  std::string spaced;
  spaced.reserve(result.size());
  for (char c : result) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
    } else {
      spaced += c;
    }
  }
  if (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  return spaced;
}

std::vector<std::string> SplitTags(std::string_view text) {
  std::vector<std::string> tags;
  std::string tag;
  for (char c : std::string(text) + " ") {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!tag.empty()) tags.push_back(tag);
      tag.clear();
    } else {
      tag += c;
    }
  }
  return tags;
}

std::string AsQuestion(std::string_view text) {
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == '.' ||
                           text.back() == ',' || text.back() == ':' || text.back() == ';'))
    text.remove_suffix(1);
  std::string question(text);
  if (question.empty() || (question.back() != '?' && question.back() != '!')) question += '?';
  return question;
}

size_t FirstSentenceEnd(std::string_view text) {
  static constexpr std::string_view kAbbreviations[] = {
      "st",   "mt", "ft",  "mr",  "mrs", "ms",     "dr",  "jr",  "sr", "no", "vs",  "etc", "gen", "col",
      "capt", "lt", "sgt", "adm", "ca",  "approx", "fig", "vol", "pp", "ed", "eds", "cf",  "al"};
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (text[i + 1] != ' ') continue;
    size_t next = i + 1;
    while (next < text.size() && text[next] == ' ')
      ++next;
    if (next >= text.size()) return std::string_view::npos;
    const unsigned char first = static_cast<unsigned char>(text[next]);
    if (!(std::isupper(first) || std::isdigit(first) || first >= 0x80)) continue;
    if (c == '.') {
      // The word before the full stop: a single letter or an abbreviation ends no sentence.
      size_t start = i;
      while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1])))
        --start;
      std::string word(text.substr(start, i - start));
      for (char& w : word)
        w = static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
      if (word.size() == 1 && i > 0) continue;
      if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations)) continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

namespace {

const char* ScriptOf(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::any_of(text.begin(), text.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; })
               ? "latin"
               : "none";
  int counts[6] = {0, 0, 0, 0, 0, 0}; // latin, greek, cyrillic, hebrew, arabic, cjk
  int other = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes, left, &c);
    if (n <= 0) n = 1, c = 0;
    bytes += n;
    left -= n;
    const utf8proc_category_t category = c > 0 ? utf8proc_category(c) : UTF8PROC_CATEGORY_CN;
    if (category < UTF8PROC_CATEGORY_LU || category > UTF8PROC_CATEGORY_LO) continue; // letters only
    if (c < 0x250 || (c >= 0x1E00 && c < 0x1F00))
      ++counts[0];
    else if ((c >= 0x370 && c < 0x400) || (c >= 0x1F00 && c < 0x2000))
      ++counts[1];
    else if (c >= 0x400 && c < 0x530)
      ++counts[2];
    else if (c >= 0x590 && c < 0x600)
      ++counts[3];
    else if (c >= 0x600 && c < 0x700)
      ++counts[4];
    else if ((c >= 0x3040 && c < 0x3100) || (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7B0))
      ++counts[5];
    else
      ++other;
  }
  static const char* const kNames[] = {"latin", "greek", "cyrillic", "hebrew", "arabic", "cjk"};
  int best = -1, bestCount = other;
  for (int i = 0; i < 6; ++i)
    if (counts[i] > bestCount) best = i, bestCount = counts[i];
  if (bestCount == 0) return "none";
  return best < 0 ? "other" : kNames[best];
}

} // namespace

std::string TextShape(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
    text.remove_suffix(1);
  const std::string script = ScriptOf(text);
  // A number, perhaps with thousands separators, a decimal part and a unit word.
  size_t i = 0, digits = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (text[i] == ',' && digits > 0))) {
    digits += text[i] != ',';
    ++i;
  }
  if (digits > 0) {
    if (i < text.size() && text[i] == '.')
      for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9';)
        ++i;
    if (i == text.size()) return "number:" + std::to_string(digits) + "|" + script;
  }
  // A written date ("44 BC", "16 April 1922") before a number with a unit ("5 km"); every
  // date has a digit, so text without one is not tried.
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    if (auto date = ParseDate(text).date)
      return "date:" + std::to_string(static_cast<int>(date->precision)) + "|" + script;
  if (digits > 0 && i < text.size() && text[i] == ' ') {
    const std::string_view unit = text.substr(i + 1);
    if (!unit.empty() && unit.find(' ') == std::string_view::npos && unit.size() <= 12)
      return "number:" + std::to_string(digits) + " " + Fold(unit) + "|" + script;
  }
  size_t words = 0, characters = 0;
  bool inWord = false;
  for (char c : text) {
    if (StartsCharacter(c)) ++characters;
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !inWord) ++words;
    inWord = !space;
  }
  if (words <= 3 && characters <= 40) return "name|" + script;
  int length = 0;
  for (size_t limit = 30; characters > limit && length < 4; limit *= 2)
    ++length;
  return "text:" + std::to_string(length) + "|" + script;
}

std::string CountText(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string Fingerprint(std::string_view text) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(Fnv1a(text)));
  return hex;
}

std::string SignedCountText(long long n) {
  const auto magnitude = n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  return (n < 0 ? "-" : "") + CountText(static_cast<size_t>(magnitude));
}

namespace {

// Folded text as its words only: "saint-pierre" and "saint pierre" alike.
std::string WordsOnly(const std::string& folded) {
  std::string words;
  words.reserve(folded.size());
  for (char c : folded) {
    if (IsWordChar(c))
      words += c;
    else if (!words.empty() && words.back() != ' ')
      words += ' ';
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  return words;
}

} // namespace

// True when folded `haystack` holds folded `needle` as whole words, whatever stands between
// them ("Saint-Pierre" stands in "Saint Pierre and Miquelon").
bool ContainsWords(const std::string& rawHaystack, const std::string& rawNeedle) {
  const std::string haystack = WordsOnly(rawHaystack), needle = WordsOnly(rawNeedle);
  if (needle.empty()) return false;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
    const bool startOk = at == 0 || !IsWordChar(haystack[at - 1]) || !IsWordChar(needle.front());
    const size_t end = at + needle.size();
    const bool endOk = end == haystack.size() || !IsWordChar(haystack[end]) || !IsWordChar(needle.back());
    if (startOk && endOk) return true;
  }
  return false;
}

std::string FixedText(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

std::string FirstLineCut(std::string_view text, size_t maxBytes) {
  const size_t line = text.find_first_of("\r\n");
  bool cut = line != std::string_view::npos;
  text = text.substr(0, line);
  if (text.size() > maxBytes) {
    size_t end = maxBytes;
    while (end > 0 && !StartsCharacter(text[end]))
      --end;
    text = text.substr(0, end);
    cut = true;
  }
  while (cut && !text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return cut ? std::string(text) + " \u2026" : std::string(text);
}

} // namespace factdeck
