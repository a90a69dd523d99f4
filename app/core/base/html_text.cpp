#include "core/base/html_text.h"

#include <algorithm>

#include <utf8proc.h>

namespace factdeck {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "&#8211;" or "&#x2013;": the code point and the entity's length; length 0 when not one.
std::pair<utf8proc_int32_t, size_t> NumericEntity(std::string_view text) {
  if (text.substr(0, 2) != "&#") return {0, 0};
  const bool hex = text.size() > 2 && (text[2] == 'x' || text[2] == 'X');
  size_t i = hex ? 3 : 2;
  utf8proc_int32_t value = 0;
  size_t digits = 0;
  for (; i < text.size() && digits < 7; ++i, ++digits) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9'          ? c - '0'
                      : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                    : -1;
    if (digit < 0) break;
    value = value * (hex ? 16 : 10) + digit;
  }
  if (digits == 0 || i >= text.size() || text[i] != ';' || !utf8proc_codepoint_valid(value) || value == 0)
    return {0, 0};
  return {value, i + 1};
}

// Decodes the entities of `text` onto `out`.
void AppendDecoded(std::string_view text, std::string& out) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"},         {"&lt;", "<"},         {"&gt;", ">"},         {"&quot;", "\""},
      {"&apos;", "'"},        {"&nbsp;", " "},       {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"},
      {"&hellip;", "\u2026"}, {"&laquo;", "\u00AB"}, {"&raquo;", "\u00BB"}, {"&lsquo;", "\u2018"},
      {"&rsquo;", "\u2019"},  {"&ldquo;", "\u201C"}, {"&rdquo;", "\u201D"}, {"&deg;", "\u00B0"},
      {"&times;", "\u00D7"},  {"&middot;", "\u00B7"}};
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      bool matched = false;
      for (auto [entity, replacement] : kEntities)
        if (text.compare(i, entity.size(), entity) == 0) {
          out += replacement;
          i += entity.size();
          matched = true;
          break;
        }
      if (matched) continue;
      if (auto [codepoint, length] = NumericEntity(text.substr(i)); length > 0) {
        utf8proc_uint8_t encoded[4];
        out.append(reinterpret_cast<const char*>(encoded),
                   static_cast<size_t>(utf8proc_encode_char(codepoint, encoded)));
        i += length;
        continue;
      }
    }
    out += text[i++];
  }
}

// The value of attribute `name` in a tag's text ("img src=\"a.png\" alt=x"), or "".
std::string Attribute(std::string_view tag, std::string_view name) {
  const std::string lower = Lower(tag);
  for (size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    const bool startsWord = at > 0 && (lower[at - 1] == ' ' || lower[at - 1] == '\t' || lower[at - 1] == '\n');
    size_t i = at + name.size();
    while (i < tag.size() && tag[i] == ' ')
      ++i;
    if (!startsWord || i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && tag[i] == ' ')
      ++i;
    if (i >= tag.size()) return {};
    const char quote = tag[i] == '"' || tag[i] == '\'' ? tag[i] : 0;
    const size_t begin = quote ? i + 1 : i;
    size_t end = begin;
    while (end < tag.size() && (quote ? tag[end] != quote : tag[end] != ' ' && tag[end] != '/'))
      ++end;
    std::string value;
    AppendDecoded(tag.substr(begin, end - begin), value);
    return value;
  }
  return {};
}

// Folds runs of spaces and tabs, trims each line, keeps at most one empty line in a row
// and none at either end.
std::string Tidy(const std::string& raw) {
  std::string out;
  size_t blank = 0;
  size_t begin = 0;
  while (begin <= raw.size()) {
    size_t end = raw.find('\n', begin);
    if (end == std::string::npos) end = raw.size();
    std::string line;
    bool space = false;
    for (size_t i = begin; i < end; ++i) {
      const char c = raw[i];
      if (c == ' ' || c == '\t' || c == '\r') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    if (line.empty()) {
      ++blank;
    } else {
      if (!out.empty()) out += blank > 0 ? "\n\n" : "\n";
      out += line;
      blank = 0;
    }
    begin = end + 1;
  }
  return out;
}

} // namespace

// Where `needle` (lower case) next starts in `text` from `from`, in any case; npos if never.
size_t FindAnyCase(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = text.find('<', from); i != std::string_view::npos; i = text.find('<', i + 1)) {
    size_t k = 0;
    while (k < needle.size() && i + k < text.size() &&
           (text[i + k] == needle[k] || (text[i + k] >= 'A' && text[i + k] <= 'Z' && text[i + k] + 32 == needle[k])))
      ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

HtmlText ReadHtml(std::string_view html) {
  HtmlText out;
  std::string raw;
  // Where the next "[sound:" is, found once and again only when passed: a text without
  // sounds is not searched to its end for every piece of it.
  size_t sound = html.find("[sound:");
  for (size_t i = 0; i < html.size();) {
    const char after = i + 1 < html.size() ? html[i + 1] : ' ';
    const bool tagStart =
        (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') || after == '/' || after == '!';
    if (html[i] == '<' && !tagStart) { // "5 < 6": a sign, not a tag
      raw += html[i++];
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) { // a comment, to its end
      const size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      const std::string_view inside = html.substr(i + 1, close - i - 1);
      const std::string tag = Lower(inside.substr(0, inside.find_first_of(" \t\n/", inside[0] == '/' ? 1 : 0)));
      i = close + 1;
      if (tag == "script" || tag == "style") { // their contents are no text
        const size_t end = FindAnyCase(html, "</" + tag, i);
        i = end == std::string_view::npos ? html.size() : end;
        continue;
      }
      if (tag == "br" || tag == "/div" || tag == "/p" || tag == "/li" || tag == "/tr" || tag == "/h1" || tag == "/h2" ||
          tag == "/h3" || tag == "hr")
        raw += '\n';
      else if (tag == "/td" || tag == "/th")
        raw += ' ';
      else if (tag == "img")
        if (std::string src = Attribute(inside, "src"); !src.empty()) out.pictures.push_back(std::move(src));
      continue;
    }
    if (sound != std::string_view::npos && sound < i) sound = html.find("[sound:", i);
    if (i == sound) {
      const size_t close = html.find(']', i);
      if (close == std::string_view::npos) { // never closed: text, and so is every later one
        raw += html.substr(i);
        break;
      }
      ++out.sounds;
      i = close + 1;
      sound = html.find("[sound:", i);
      continue;
    }
    const size_t stop = std::min({html.find('<', i), sound, html.size()});
    std::string decoded;
    AppendDecoded(html.substr(i, stop - i), decoded);
    for (char& c : decoded)
      if (c == '\n') c = ' '; // a line break in HTML source is a space
    raw += decoded;
    i = stop;
  }
  out.text = Tidy(raw);
  return out;
}

} // namespace factdeck
