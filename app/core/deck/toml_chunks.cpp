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

} // namespace

std::vector<size_t> TomlCutPoints(std::string_view text, size_t pieces) {
  if (pieces < 2) return {};
  std::vector<Header> headers = TopLevelHeaders(text);
  std::vector<size_t> cuts;
  std::set<std::string_view> seen;
  for (const Header& h : headers) {
    // The first [[fact]], [[event]] or [[card]] stays in the piece before any cut at its
    // name, so that piece defines the name as an array of tables.
    if (!h.array || seen.insert(h.name).second) continue;
    size_t target = text.size() * (cuts.size() + 1) / pieces;
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

toml::table ParseTomlInPieces(std::string_view text, const std::string& fileName, size_t pieces) {
  std::vector<size_t> cuts = TomlCutPoints(text, pieces);
  if (cuts.empty()) return toml::parse(text, fileName);

  std::vector<size_t> starts{0};
  starts.insert(starts.end(), cuts.begin(), cuts.end());
  std::vector<std::future<toml::table>> parsed;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t begin = starts[k], end = k + 1 < starts.size() ? starts[k + 1] : text.size();
    parsed.push_back(std::async(std::launch::async, [text, begin, end, &fileName] {
      // Blank lines in front keep every line number what it is in the whole file.
      std::string piece(
          static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin), '\n')), '\n');
      piece.append(text.substr(begin, end - begin));
      return toml::table(toml::parse(piece, fileName));
    }));
  }
  std::vector<toml::table> roots;
  bool failed = false;
  for (auto& future : parsed) {
    try {
      roots.push_back(future.get());
    } catch (const toml::parse_error&) {
      failed = true;
    }
  }
  // The names the first piece defines with [[name]] headers may continue in later pieces.
  std::set<std::string> continuable;
  for (const Header& h : TopLevelHeaders(text.substr(0, cuts.front())))
    if (h.array) continuable.insert(h.name);
  toml::table& whole = roots.front();
  for (size_t k = 1; !failed && k < roots.size(); ++k) {
    for (auto&& [key, node] : roots[k]) {
      toml::array* later = node.as_array();
      toml::node* earlier = whole.get(key.str());
      toml::array* joined = earlier ? earlier->as_array() : nullptr;
      if (later == nullptr ||
          (earlier != nullptr && (joined == nullptr || !continuable.count(std::string(key.str()))))) {
        failed = true; // a key defined twice: the whole-file parse reports it
        break;
      }
      if (joined == nullptr) {
        whole.insert(key, std::move(*later));
        continuable.insert(std::string(key.str()));
        continue;
      }
      for (toml::node& element : *later) {
        if (toml::table* table = element.as_table())
          joined->push_back(std::move(*table));
        else
          failed = true;
      }
    }
  }
  if (failed) return toml::parse(text, fileName);
  return std::move(whole);
}

} // namespace factdeck
