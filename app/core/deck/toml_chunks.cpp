#include "core/deck/toml_chunks.h"

#include <algorithm>
#include <future>
#include <set>

namespace factdeck {

namespace {

struct Header {
  size_t offset;    // start of the line
  std::string name; // as written between the brackets, trimmed
  bool array;       // [[name]] rather than [name]
};

bool IsBareName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// The table headers that start a line outside any string, array or inline table.
std::vector<Header> TopLevelHeaders(std::string_view text) {
  std::vector<Header> headers;
  int depth = 0; // open [ and { of values
  size_t i = 0;
  const size_t n = text.size();
  auto skipString = [&](char quote) {
    const bool multiLine = i + 2 < n && text[i + 1] == quote && text[i + 2] == quote;
    i += multiLine ? 3 : 1;
    while (i < n) {
      char c = text[i];
      if (c == '\\' && quote == '"') {
        i += 2;
        continue;
      }
      if (!multiLine && c == '\n') return; // unterminated: the parser will say so
      if (c == quote && (!multiLine || (i + 2 < n && text[i + 1] == quote && text[i + 2] == quote))) {
        i += multiLine ? 3 : 1;
        if (multiLine) // up to two more quotes belong to the string
          for (int extra = 0; extra < 2 && i < n && text[i] == quote; ++extra)
            ++i;
        return;
      }
      ++i;
    }
  };
  bool lineStart = true;
  while (i < n) {
    char c = text[i];
    if (lineStart && depth == 0) {
      lineStart = false;
      size_t j = i;
      while (j < n && (text[j] == ' ' || text[j] == '\t'))
        ++j;
      if (j < n && text[j] == '[') {
        bool array = j + 1 < n && text[j + 1] == '[';
        size_t open = j + (array ? 2 : 1);
        size_t close = text.find(']', open);
        size_t eol = text.find('\n', open);
        if (close != std::string_view::npos && (eol == std::string_view::npos || close < eol)) {
          std::string_view name = text.substr(open, close - open);
          while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
            name.remove_prefix(1);
          while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            name.remove_suffix(1);
          headers.push_back({i, std::string(name), array});
        }
      }
    }
    switch (c) {
    case '\n':
      lineStart = true;
      ++i;
      break;
    case '#':
      while (i < n && text[i] != '\n')
        ++i;
      break;
    case '"':
    case '\'': skipString(c); break;
    case '[':
    case '{':
      ++depth;
      ++i;
      break;
    case ']':
    case '}':
      depth = std::max(0, depth - 1);
      ++i;
      break;
    default: ++i;
    }
  }
  return headers;
}

// Cuts from the scanned headers (see TomlCutPoints).
std::vector<size_t> CutPoints(const std::vector<Header>& headers, size_t size, size_t pieces,
                              std::initializer_list<std::string_view> leading) {
  if (pieces < 2) return {};
  size_t firstAllowed = 0; // after the last header named in `leading`
  for (const Header& h : headers)
    for (std::string_view name : leading)
      if (h.name == name) firstAllowed = h.offset + 1;
  std::vector<size_t> cuts;
  std::set<std::string_view> seen;
  for (const Header& h : headers) {
    // The first [[fact]], [[event]] or [[card]] stays in the piece before any cut at its
    // name, so that piece defines the name as an array of tables.
    if (!h.array || seen.insert(h.name).second || h.offset < firstAllowed) continue;
    size_t target = size * (cuts.size() + 1) / pieces;
    if (h.offset >= target) cuts.push_back(h.offset);
    if (cuts.size() + 1 == pieces) break;
  }
  if (cuts.empty()) return {};
  // After the first cut only [[name]] headers of plain names may appear: each later piece
  // then holds nothing but elements of arrays of tables, which join exactly.
  for (const Header& h : headers)
    if (h.offset >= cuts.front() && (!h.array || !IsBareName(h.name))) return {};
  return cuts;
}

} // namespace

std::vector<size_t> TomlCutPoints(std::string_view text, size_t pieces,
                                  std::initializer_list<std::string_view> leading) {
  return CutPoints(TopLevelHeaders(text), text.size(), pieces, leading);
}

TomlPieces::TomlPieces(std::string_view text, std::string fileName, size_t pieces, size_t ahead,
                       std::initializer_list<std::string_view> leading, std::initializer_list<std::string_view> flat)
    : m_text(text), m_fileName(std::move(fileName)), m_flatNames(flat.begin(), flat.end()),
      m_ahead(std::max<size_t>(ahead, 1)) {
  const std::vector<Header> headers = TopLevelHeaders(text);
  const std::vector<size_t> cuts = CutPoints(headers, text.size(), pieces, leading);
  if (cuts.empty()) return;
  m_starts.push_back(0);
  m_starts.insert(m_starts.end(), cuts.begin(), cuts.end());
  m_lines.push_back(0);
  for (size_t k = 1; k < m_starts.size(); ++k)
    m_lines.push_back(m_lines.back() +
                      static_cast<uint32_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(m_starts[k - 1]),
                                                       text.begin() + static_cast<std::ptrdiff_t>(m_starts[k]), '\n')));
  for (const Header& h : headers) {
    if (!h.array) continue;
    ++m_arrayCounts[h.name];
    // The names the first piece defines with [[name]] headers may continue in later pieces.
    if (h.offset < cuts.front()) m_continuable.insert(h.name);
  }
  LaunchAhead(); // the first pieces parse while the reader checks the text
}

void TomlPieces::LaunchAhead() {
  while (m_launched < m_starts.size() && m_launched <= m_taken + m_ahead)
    Launch(m_launched++);
}

TomlPieces::~TomlPieces() {
  for (auto& parse : m_parsing)
    if (parse.valid()) parse.wait();
}

size_t TomlPieces::ArrayCount(const std::string& name) const {
  auto it = m_arrayCounts.find(name);
  return it == m_arrayCounts.end() ? 0 : it->second;
}

void TomlPieces::Launch(size_t k) {
  const size_t begin = m_starts[k], end = k + 1 < m_starts.size() ? m_starts[k + 1] : m_text.size();
  m_parsing.push_back(std::async(std::launch::async, [this, k, begin, end] {
    const std::string_view text = m_text.substr(begin, end - begin);
    TomlPiece piece;
    if (k > 0 && !m_flatNames.empty()) {
      piece.flat = ParseFlatToml(text);
      if (piece.flat && std::all_of(piece.flat->tables.begin(), piece.flat->tables.end(), [this](const FlatTable& t) {
            return std::find(m_flatNames.begin(), m_flatNames.end(), t.name) != m_flatNames.end();
          }))
        return piece;
      piece.flat.reset();
    }
    piece.tree = toml::parse(text, m_fileName);
    return piece;
  }));
}

TomlPiece TomlPieces::Next() {
  LaunchAhead();
  std::future<TomlPiece> parse = std::move(m_parsing.front());
  m_parsing.pop_front();
  TomlPiece piece = parse.get();
  if (m_taken++ == 0)
    for (auto&& [key, node] : piece.tree)
      m_seen.insert(std::string(key.str()));
  return piece;
}

bool TomlPieces::ContinuesWith(std::string_view name) {
  // A name first met in an earlier piece other than by [[name]] was a plain key there.
  if (m_seen.count(name) != 0 && m_continuable.count(name) == 0) return false;
  m_seen.insert(std::string(name));
  m_continuable.insert(std::string(name));
  return true;
}

bool TomlPieces::Continues(const TomlPiece& piece) {
  if (piece.flat) {
    for (const FlatTable& table : piece.flat->tables)
      if (!ContinuesWith(table.name)) return false;
    return true;
  }
  for (auto&& [key, node] : piece.tree) {
    const toml::array* array = node.as_array();
    if (array == nullptr ||
        !std::all_of(array->begin(), array->end(), [](const toml::node& n) { return n.is_table(); }))
      return false;
    if (!ContinuesWith(key.str())) return false;
  }
  return true;
}

toml::table ParseTomlInPieces(std::string_view text, const std::string& fileName, size_t pieces) {
  TomlPieces parts(text, fileName, pieces, pieces);
  if (parts.Count() == 0) return toml::parse(text, fileName);
  try {
    toml::table whole = parts.Next().tree;
    for (size_t k = 1; k < parts.Count(); ++k) {
      TomlPiece piece = parts.Next();
      if (!parts.Continues(piece)) return toml::parse(text, fileName);
      for (auto&& [key, node] : piece.tree) {
        toml::array& later = *node.as_array();
        if (toml::array* joined = whole.get_as<toml::array>(key.str()))
          for (toml::node& element : later)
            joined->push_back(std::move(*element.as_table()));
        else
          whole.insert(key, std::move(later));
      }
    }
    return whole;
  } catch (const toml::parse_error&) {
    return toml::parse(text, fileName); // the whole file's error, where it says it
  }
}

} // namespace factdeck
