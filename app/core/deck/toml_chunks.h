// Parses a large facts file on several threads. The file is cut at `[[fact]]`, `[[event]]`
// or other array-of-tables header lines whose name came before (found by a small scanner
// that knows TOML's strings, comments and brackets), each piece
// is parsed on its own thread with blank lines in front so that line numbers stay right,
// and the arrays of tables are joined. When cutting could change the meaning (dotted or
// plain table headers after the first cut, a key defined inline and then as [[key]]), or
// when a piece does not parse, the file is parsed whole, so results and error messages
// are always those of a whole-file parse.
#pragma once

#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace factdeck {

// Byte offsets where `text` may be cut into about `pieces` pieces: starts of `[[name]]`
// lines whose name came before. Empty when the file should not be cut.
std::vector<size_t> TomlCutPoints(std::string_view text, size_t pieces);

// Parses `text` as toml::parse would (throwing toml::parse_error), using up to `pieces`
// threads.
toml::table ParseTomlInPieces(std::string_view text, const std::string& fileName, size_t pieces);

} // namespace factdeck
