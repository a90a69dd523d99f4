// The common shape of a large facts file's later pieces, read without building toml++'s
// tree: `[[name]]` headers, each followed by `key = value` lines whose values are one-line
// strings, whole numbers, booleans or one-line arrays of strings. That is how items are
// written (and how `factdeck import` writes them), and reading it directly takes a fraction
// of the time and none of the allocations of a general TOML parse. Anything else (dates,
// floats, multi-line strings or arrays, inline tables, dotted or quoted keys, a key given
// twice, an escape TOML does not know) makes ParseFlatToml give up, and the piece is parsed
// by toml++ as before: the flat reader accepts only text toml++ reads, and reads it the same.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factdeck {

struct FlatValue {
  enum class Type : std::uint8_t { String, Integer, Boolean, Array };
  Type type = Type::String;
  std::uint32_t line = 0, column = 0; // 1-based, in the piece, where the value begins
  std::string_view text;              // a string's contents, escapes resolved
  std::int64_t integer = 0;           // an integer; a boolean as 0 or 1
  std::uint32_t first = 0, count = 0; // an array: its strings in FlatPiece::items
};

struct FlatKey {
  std::string_view key;
  FlatValue value;
};

struct FlatTable {
  std::string_view name;              // [[name]]
  std::uint32_t line = 0, column = 0; // where its header begins
  std::uint32_t first = 0, count = 0; // its keys in FlatPiece::keys, in file order
};

struct FlatPiece {
  std::vector<FlatTable> tables;
  std::vector<FlatKey> keys;
  std::vector<FlatValue> items;      // the strings of arrays
  std::deque<std::string> unescaped; // strings that had escapes (the others view the text)
};

// Reads `text` when all of it has the flat shape above; empty otherwise. `text` must
// outlive the result, and be valid UTF-8.
std::optional<FlatPiece> ParseFlatToml(std::string_view text);

} // namespace factdeck
