// Parses a large facts file in pieces, on worker threads. The file is cut at `[[fact]]`,
// `[[event]]` or other array-of-tables header lines whose name came before (found by a
// small scanner that knows TOML's strings, comments and brackets); each piece is parsed on
// its own, and its line numbers count from its first line (LineBase says where that is in
// the file). A reader takes the
// pieces in order while the next ones parse, and frees each when it is read, so only a few
// pieces' trees are held at once (the trees are several times the file's size). Joined,
// the pieces' arrays of tables give exactly the whole-file parse. When cutting could change
// the meaning (dotted or plain table headers after the first cut, a key defined inline and
// then as [[key]]), the file is not cut; when a piece does not parse or does not join, the
// reader parses the file whole, so results and error messages are always those of a
// whole-file parse.
#pragma once

#include <cstdint>
#include <deque>
#include <future>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "core/deck/toml_flat.h"

namespace factdeck {

// Byte offsets where `text` may be cut into about `pieces` pieces: starts of `[[name]]`
// lines whose name came before. Every header named in `leading` stays in the first piece.
// Empty when the file should not be cut.
std::vector<size_t> TomlCutPoints(std::string_view text, size_t pieces,
                                  std::initializer_list<std::string_view> leading = {});

// One piece: toml++'s tree of it, or what the flat reader read (toml_flat.h).
struct TomlPiece {
  toml::table tree;
  std::optional<FlatPiece> flat; // when set, `tree` is empty
};

// The pieces of one file, parsed up to `ahead` pieces in front of the reader; the first start
// parsing when it is made. Pieces after the first whose tables are all named in `flat` and
// have the flat shape are read by ParseFlatToml instead of toml++ (the first holds the rest
// of the file's structure and is always parsed whole).
class TomlPieces {
public:
  TomlPieces(std::string_view text, std::string fileName, size_t pieces, size_t ahead,
             std::initializer_list<std::string_view> leading = {}, std::initializer_list<std::string_view> flat = {});
  ~TomlPieces(); // waits for the parses still running
  TomlPieces(const TomlPieces&) = delete;
  TomlPieces& operator=(const TomlPieces&) = delete;

  // How many pieces; 0 when the file is not cut.
  size_t Count() const { return m_starts.size(); }
  // How many [[name]] headers the whole file has (to size what the reader fills).
  size_t ArrayCount(const std::string& name) const;
  // The next piece, in order; throws toml::parse_error as toml::parse would on that piece.
  TomlPiece Next();
  // The lines before the piece Next returned last: add it to its nodes' line numbers.
  uint32_t LineBase() const { return m_taken == 0 ? 0 : m_lines[m_taken - 1]; }
  // Whether `piece` (any but the first) continues the arrays of tables before it as a
  // whole-file parse would join them; false when it redefines a key (the whole-file parse
  // then reports it).
  bool Continues(const TomlPiece& piece);

private:
  void Launch(size_t k);
  void LaunchAhead();                        // up to `ahead` pieces past the next one
  bool ContinuesWith(std::string_view name); // a later piece's [[name]] joins the arrays before it

  std::string_view m_text;
  std::string m_fileName;
  std::vector<size_t> m_starts;  // byte offset of each piece
  std::vector<uint32_t> m_lines; // newlines before each piece
  std::map<std::string, size_t, std::less<>> m_arrayCounts;
  std::set<std::string, std::less<>> m_seen;        // top-level names of the pieces taken so far
  std::set<std::string, std::less<>> m_continuable; // those later pieces may extend ([[name]])
  std::vector<std::string> m_flatNames;
  std::deque<std::future<TomlPiece>> m_parsing;
  size_t m_launched = 0, m_taken = 0, m_ahead = 1;
};

// Parses `text` as toml::parse would (throwing toml::parse_error), in up to `pieces`
// pieces on as many threads, joined into one tree: what a reader taking the pieces one by
// one sees, in one table, with each piece's line numbers counted from its first line (for the
// tests and the differential fuzzer).
toml::table ParseTomlInPieces(std::string_view text, const std::string& fileName, size_t pieces);

} // namespace factdeck
