#include "core/deck/toml_flat.h"

#include <algorithm>

namespace factdeck {

namespace {

bool IsBareKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Characters TOML forbids in strings and comments: control characters but the tab.
bool IsControl(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// One pass over the piece; every method returns false where the text leaves the flat shape.
class Reader {
public:
  Reader(std::string_view text, FlatPiece& out) : m_text(text), m_out(out) {}

  bool Run() {
    while (m_at < m_text.size()) {
      SkipBlanks();
      if (m_at >= m_text.size()) break;
      const char c = m_text[m_at];
      if (c == '\n' || c == '\r' || c == '#') {
        if (!EndOfLine()) return false;
      } else if (c == '[') {
        if (!Header()) return false;
      } else if (m_out.tables.empty() || !KeyValue()) {
        return false; // a key before any [[name]] belongs to a table the flat form does not have
      }
    }
    return true;
  }

private:
  char Peek(size_t ahead = 0) const { return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0'; }

  void SkipBlanks() {
    while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\t'))
      ++m_at;
  }

  // Columns count characters, as toml++ counts them.
  std::uint32_t Column() const {
    std::uint32_t column = 1;
    for (size_t i = m_lineStart; i < m_at; ++i)
      column += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
    return column;
  }

  // Blanks, a comment, then the end of the line (or of the text).
  bool EndOfLine() {
    SkipBlanks();
    if (Peek() == '#')
      for (++m_at; m_at < m_text.size() && m_text[m_at] != '\n' && m_text[m_at] != '\r'; ++m_at)
        if (IsControl(static_cast<unsigned char>(m_text[m_at]))) return false;
    if (Peek() == '\r') {
      if (Peek(1) != '\n') return false;
      ++m_at;
    }
    if (m_at >= m_text.size()) return true;
    if (m_text[m_at] != '\n') return false;
    ++m_at;
    ++m_line;
    m_lineStart = m_at;
    return true;
  }

  // [[name]], a bare name.
  bool Header() {
    if (Peek(1) != '[') return false;
    FlatTable table;
    table.line = m_line;
    table.column = Column();
    m_at += 2;
    SkipBlanks();
    const size_t begin = m_at;
    while (m_at < m_text.size() && IsBareKeyChar(m_text[m_at]))
      ++m_at;
    table.name = m_text.substr(begin, m_at - begin);
    SkipBlanks();
    if (table.name.empty() || Peek() != ']' || Peek(1) != ']') return false;
    m_at += 2;
    table.first = static_cast<std::uint32_t>(m_out.keys.size());
    m_out.tables.push_back(table);
    return EndOfLine();
  }

  bool KeyValue() {
    const size_t begin = m_at;
    while (m_at < m_text.size() && IsBareKeyChar(m_text[m_at]))
      ++m_at;
    FlatKey entry;
    entry.key = m_text.substr(begin, m_at - begin);
    SkipBlanks();
    if (entry.key.empty() || Peek() != '=') return false;
    ++m_at;
    SkipBlanks();
    FlatTable& table = m_out.tables.back();
    for (size_t k = table.first; k < m_out.keys.size(); ++k)
      if (m_out.keys[k].key == entry.key) return false; // toml++ reports the second
    if (!Value(entry.value)) return false;
    m_out.keys.push_back(entry);
    ++table.count;
    return EndOfLine();
  }

  bool Value(FlatValue& value) {
    value.line = m_line;
    value.column = Column();
    const char c = Peek();
    if (c == '"' || c == '\'') return String(value);
    if (c == '[') return Array(value);
    if (m_text.compare(m_at, 4, "true") == 0 && !IsBareKeyChar(Peek(4))) {
      value.type = FlatValue::Type::Boolean;
      value.integer = 1;
      m_at += 4;
      return true;
    }
    if (m_text.compare(m_at, 5, "false") == 0 && !IsBareKeyChar(Peek(5))) {
      value.type = FlatValue::Type::Boolean;
      m_at += 5;
      return true;
    }
    return Integer(value);
  }

  // A decimal integer without underscores or a leading zero: anything else (a date, a
  // float, hex) is left to toml++.
  bool Integer(FlatValue& value) {
    const bool negative = Peek() == '-';
    if (negative || Peek() == '+') ++m_at;
    const size_t begin = m_at;
    std::int64_t n = 0;
    while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9') {
      if (m_at - begin >= 18) return false; // may overflow: toml++ decides
      n = n * 10 + (m_text[m_at] - '0');
      ++m_at;
    }
    const size_t digits = m_at - begin;
    if (digits == 0 || (digits > 1 && m_text[begin] == '0')) return false;
    const char next = Peek();
    if (next != ' ' && next != '\t' && next != '#' && next != '\n' && next != '\r' && next != '\0') return false;
    value.type = FlatValue::Type::Integer;
    value.integer = negative ? -n : n;
    return true;
  }

  // A one-line basic or literal string.
  bool String(FlatValue& value) {
    const char quote = Peek();
    if (Peek(1) == quote && Peek(2) == quote) return false; // multi-line
    value.type = FlatValue::Type::String;
    const size_t begin = ++m_at;
    bool escaped = false;
    while (m_at < m_text.size() && m_text[m_at] != quote) {
      const unsigned char c = static_cast<unsigned char>(m_text[m_at]);
      if (IsControl(c)) return false;
      if (c == '\\' && quote == '"') {
        escaped = true;
        m_at += 2;
      } else {
        ++m_at;
      }
    }
    if (m_at >= m_text.size()) return false;
    const std::string_view raw = m_text.substr(begin, m_at - begin);
    ++m_at;
    if (!escaped) {
      value.text = raw;
      return true;
    }
    std::string& text = m_out.unescaped.emplace_back();
    text.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        text += raw[i];
        continue;
      }
      if (++i >= raw.size()) return false;
      switch (raw[i]) {
      case 'b': text += '\b'; break;
      case 't': text += '\t'; break;
      case 'n': text += '\n'; break;
      case 'f': text += '\f'; break;
      case 'r': text += '\r'; break;
      case '"': text += '"'; break;
      case '\\': text += '\\'; break;
      case 'u':
      case 'U': {
        const size_t digits = raw[i] == 'u' ? 4 : 8;
        if (i + digits >= raw.size()) return false;
        std::uint32_t cp = 0;
        for (size_t d = 1; d <= digits; ++d) {
          const char h = raw[i + d];
          const int v = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
          if (v < 0) return false;
          cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        AppendUtf8(text, cp);
        i += digits;
        break;
      }
      default: return false; // an escape TOML 1.0 does not have: toml++ says so
      }
    }
    value.text = text;
    return true;
  }

  // A one-line array of strings.
  bool Array(FlatValue& value) {
    value.type = FlatValue::Type::Array;
    value.first = static_cast<std::uint32_t>(m_out.items.size());
    ++m_at;
    SkipBlanks();
    while (Peek() != ']') {
      FlatValue item;
      item.line = m_line;
      item.column = Column();
      if ((Peek() != '"' && Peek() != '\'') || !String(item)) return false;
      m_out.items.push_back(item);
      SkipBlanks();
      if (Peek() == ',') {
        ++m_at;
        SkipBlanks();
      } else if (Peek() != ']') {
        return false;
      }
    }
    ++m_at;
    value.count = static_cast<std::uint32_t>(m_out.items.size()) - value.first;
    return true;
  }

  std::string_view m_text;
  FlatPiece& m_out;
  size_t m_at = 0, m_lineStart = 0;
  std::uint32_t m_line = 1;
};

} // namespace

std::optional<FlatPiece> ParseFlatToml(std::string_view text) {
  FlatPiece piece;
  if (!Reader(text, piece).Run()) return std::nullopt;
  return piece;
}

} // namespace factdeck
