#include "core/edit/toml_document.h"

#include <algorithm>
#include <sstream>

#include <toml++/toml.h>

#include "core/deck/deck_writer.h"

namespace factdeck::edit {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// After a string starting at `i` (its opening quote or quotes): the offset past its close.
size_t SkipString(std::string_view text, size_t i) {
  const char quote = text[i];
  const bool multi = text.compare(i, 3, std::string(3, quote)) == 0;
  i += multi ? 3 : 1;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\' && quote == '"') {
      i += 2;
      continue;
    }
    if (!multi && c == '\n') return i; // an unclosed string ends at its line
    if (c == quote && (!multi || text.compare(i, 3, std::string(3, quote)) == 0)) {
      if (!multi) return i + 1;
      i += 3;
      while (i < text.size() && text[i] == quote) // """a"""" ends with the last three
        ++i;
      return i;
    }
    ++i;
  }
  return i;
}

// From a value's first byte: where it ends (before spaces and a comment) and where its last
// line ends (past the newline).
void ScanValue(std::string_view text, size_t i, size_t& valueEnd, size_t& lineEnd) {
  int depth = 0;
  size_t lastSolid = i;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = SkipString(text, i);
      lastSolid = i;
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
      continue;
    }
    if (c == '\n') {
      if (depth <= 0) break;
      ++i;
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if (!IsBlank(c) && c != '\r') lastSolid = i + 1;
    ++i;
  }
  valueEnd = lastSolid;
  lineEnd = i < text.size() ? i + 1 : i;
}

std::string Trimmed(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && IsBlank(text[b]))
    ++b;
  while (e > b && (IsBlank(text[e - 1]) || text[e - 1] == '\r'))
    --e;
  return std::string(text.substr(b, e - b));
}

} // namespace

const TomlKeySpan* TomlTableSpan::Key(std::string_view key) const {
  for (const TomlKeySpan& k : keys)
    if (k.key == key) return &k;
  return nullptr;
}

TomlDocument::TomlDocument(std::string text) : m_text(std::move(text)) { Scan(); }

void TomlDocument::Reset(std::string text) {
  m_text = std::move(text);
  Scan();
}

void TomlDocument::Scan() {
  m_lineEnd = m_text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  m_tables.clear();
  m_lineStarts.assign(1, 0);
  const std::string_view text = m_text;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') m_lineStarts.push_back(i + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t i = pos;
    while (i < text.size() && IsBlank(text[i]))
      ++i;
    size_t eol = text.find('\n', i);
    const size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    if (i >= text.size() || text[i] == '\n' || text[i] == '\r' || text[i] == '#') {
      pos = next;
      continue;
    }
    if (text[i] == '[') {
      TomlTableSpan table;
      table.array = text.compare(i, 2, "[[") == 0;
      const size_t open = i + (table.array ? 2 : 1);
      const size_t close = text.find(']', open);
      table.name = Trimmed(text.substr(open, std::min(close, next) - open));
      table.begin = pos;
      table.headerEnd = table.end = next;
      table.line = LineOf(pos);
      m_tables.push_back(std::move(table));
      pos = next;
      continue;
    }
    // A key: up to `=` outside quotes.
    size_t eq = i;
    while (eq < text.size() && text[eq] != '=' && text[eq] != '\n') {
      if (text[eq] == '"' || text[eq] == '\'') eq = SkipString(text, eq) - 1;
      ++eq;
    }
    if (eq >= text.size() || text[eq] != '=') { // not TOML; ParseDeck says so
      pos = next;
      continue;
    }
    TomlKeySpan key;
    key.key = Trimmed(text.substr(i, eq - i));
    if (key.key.size() >= 2 && key.key.front() == '"' && key.key.back() == '"')
      key.key = key.key.substr(1, key.key.size() - 2);
    key.lineBegin = pos;
    key.line = LineOf(pos);
    size_t v = eq + 1;
    while (v < text.size() && IsBlank(text[v]))
      ++v;
    key.valueBegin = v;
    ScanValue(text, v, key.valueEnd, key.lineEnd);
    if (m_tables.empty()) m_tables.push_back(TomlTableSpan{});
    m_tables.back().end = key.lineEnd;
    pos = key.lineEnd;
    m_tables.back().keys.push_back(std::move(key));
  }
}

int TomlDocument::LineOf(size_t offset) const {
  return static_cast<int>(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - m_lineStarts.begin());
}

std::ptrdiff_t TomlDocument::TableAtLine(int line) const {
  auto it = std::lower_bound(m_tables.begin(), m_tables.end(), line,
                             [](const TomlTableSpan& t, int l) { return t.line < l; });
  return it != m_tables.end() && it->line == line && !it->name.empty() ? it - m_tables.begin() : -1;
}

std::ptrdiff_t TomlDocument::TableHolding(int line) const {
  auto it = std::upper_bound(m_tables.begin(), m_tables.end(), line,
                             [](int l, const TomlTableSpan& t) { return l < t.line; });
  if (it == m_tables.begin()) return m_tables.empty() || m_tables.front().name.empty() ? 0 : -1;
  --it;
  return LineOf(it->end == 0 ? 0 : it->end - 1) >= line ? it - m_tables.begin() : -1;
}

TextEdit TomlDocument::SetValue(size_t table, std::string_view key, std::string_view value) const {
  const TomlTableSpan& t = m_tables[table];
  if (const TomlKeySpan* k = t.Key(key))
    return {k->valueBegin, m_text.substr(k->valueBegin, k->valueEnd - k->valueBegin), std::string(value)};
  std::string line = std::string(key) + " = " + std::string(value) + m_lineEnd;
  const size_t at = t.end;
  if (at > 0 && m_text[at - 1] != '\n') line.insert(0, m_lineEnd); // the last line had no newline
  return {at, "", line};
}

std::optional<TextEdit> TomlDocument::RemoveKey(size_t table, std::string_view key) const {
  const TomlKeySpan* k = m_tables[table].Key(key);
  if (!k) return std::nullopt;
  return TextEdit{k->lineBegin, m_text.substr(k->lineBegin, k->lineEnd - k->lineBegin), ""};
}

TextEdit TomlDocument::InsertTable(std::ptrdiff_t after, std::string_view tableText) const {
  // In the file's own line ends.
  std::string text;
  for (char c : tableText)
    if (c == '\n')
      text += m_lineEnd;
    else if (c != '\r')
      text += c;
  if (after < 0) {
    std::string lead;
    if (!m_text.empty() && m_text.back() != '\n') lead = m_lineEnd;
    if (!m_text.empty()) lead += m_lineEnd;
    return {m_text.size(), "", lead + text};
  }
  const size_t at = m_tables[static_cast<size_t>(after)].end;
  const bool newline = at > 0 && m_text[at - 1] != '\n';
  return {at, "", (newline ? m_lineEnd + m_lineEnd : m_lineEnd) + text};
}

TextEdit TomlDocument::RemoveTable(size_t table) const {
  const TomlTableSpan& t = m_tables[table];
  size_t end = t.end;
  // One blank line after it goes too, so that the tables around keep their spacing.
  size_t i = end;
  while (i < m_text.size() && (IsBlank(m_text[i]) || m_text[i] == '\r'))
    ++i;
  if (i < m_text.size() && m_text[i] == '\n')
    end = i + 1;
  else if (i >= m_text.size() && t.begin > 0) {
    // The last table: the blank line before it goes instead.
    size_t b = t.begin;
    if (b >= 2 && m_text[b - 1] == '\n' && m_text[b - 2] == '\n') return {b - 1, m_text.substr(b - 1, i - (b - 1)), ""};
  }
  return {t.begin, m_text.substr(t.begin, end - t.begin), ""};
}

std::string TomlDocument::TableText(size_t table) const {
  const TomlTableSpan& t = m_tables[table];
  return m_text.substr(t.begin, t.end - t.begin);
}

bool TomlDocument::Apply(const TextEdit& edit) {
  if (!ApplyTextEdit(m_text, edit)) return false;
  Scan();
  return true;
}

std::string TomlValue(std::string_view text) { return TomlString(text); }

std::string TomlValueList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + TomlString(items[i]);
  return out + "]";
}

std::vector<std::string> FieldEntries(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const size_t b = line.find_first_not_of(" \t\r");
    if (b != std::string::npos) out.push_back(line.substr(b, line.find_last_not_of(" \t\r") - b + 1));
    start = end + 1;
  }
  return out;
}

std::optional<std::string> ReadTomlValue(std::string_view valueText) {
  std::string source = "v = ";
  source += valueText;
  toml::table parsed;
  try {
    parsed = toml::parse(source);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
  const toml::node* node = parsed.get("v");
  if (!node) return std::nullopt;
  if (auto s = node->value<std::string>(); s && node->is_string()) return *s;
  if (node->is_integer()) return std::to_string(*node->value<std::int64_t>());
  if (node->is_boolean()) return *node->value<bool>() ? std::string("true") : std::string("false");
  if (node->is_floating_point()) return std::string(valueText);
  if (const toml::array* array = node->as_array()) {
    std::string out;
    for (const toml::node& item : *array) {
      auto s = item.value<std::string>();
      if (!s) return std::nullopt;
      out += (out.empty() ? "" : "\n") + *s;
    }
    return out;
  }
  return std::nullopt;
}

} // namespace factdeck::edit
