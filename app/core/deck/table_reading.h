// How a table of rows (a delimited file, a spreadsheet's sheet) is read as a deck: what it
// holds, which row names its columns, and what each column is. FactDeck finds a reading
// from the headers and the rows; the import preview lets the learner choose another, which
// is kept for the file (Settings::readings) so that it opens the same way next time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factdeck {

enum class ReadAs : std::uint8_t { Auto, Quiz, Cards, Events, Table };

// What a column holds. Each reading uses some: cards Front, Back (and Tags, Id, Image,
// Credit); events Date, Event (and End, Place, Note, Tags, Id, Image, Credit); quizzes
// Question, Correct and either Option (numbered in column order) or Incorrect (and Time,
// Explanation, Tags, Id, Type); tables Name and Attribute (one relation a column).
enum class ColumnRole : std::uint8_t {
  Ignore,
  Front,
  Back,
  Date,
  Event,
  End,
  Place,
  Note,
  Tags,
  Id,
  Image,
  Credit,
  Question,
  Option,
  Correct,
  Incorrect,
  Time,
  Explanation,
  Type,
  Name,
  Attribute,
};

struct TableReading {
  ReadAs as = ReadAs::Auto;
  // The header row, counted among the rows that are not blank from 0; -1: none. Rows above
  // it (a title, instructions) are left out. Not used with Auto.
  int header = -1;
  std::vector<ColumnRole> roles; // one per column; not used with Auto
  bool operator==(const TableReading& other) const {
    return as == other.as && header == other.header && roles == other.roles;
  }
  bool operator!=(const TableReading& other) const { return !(*this == other); }
};

// How a file was read, for the import preview: the reading (every column's role, Auto
// resolved) and the rows at the top of the file, each cell trimmed and cut to a line.
struct TableShape {
  TableReading reading;
  std::vector<std::vector<std::string>> top; // the first rows, blank ones left out
  std::vector<int> topLines;                 // each one's row (line) in the file, from 1
  size_t width = 0;                          // the widest row's number of cells
  size_t rows = 0;                           // rows that are not blank, header included
};
inline constexpr size_t kShapeTopRows = 12;

// "quiz", "cards", "events", "table" ("auto" for Auto); and back (nullopt for another word).
const char* ReadAsName(ReadAs as);
std::optional<ReadAs> ReadAsNamed(std::string_view name);
// "front", "option", "ignore", ...; and back.
const char* ColumnRoleName(ColumnRole role);
std::optional<ColumnRole> ColumnRoleNamed(std::string_view name);
// What a column of this role is, for people: "Front of the card", "An option".
const char* ColumnRoleLabel(ColumnRole role);
// The roles a reading offers, Ignore first.
std::vector<ColumnRole> RolesOf(ReadAs as);

// "quiz; header 1; question, option, option, correct" (the header row counted from 1,
// "no header" without one): how a reading is kept in the settings file. Auto is "auto".
std::string FormatReading(const TableReading& reading);
// The same read back; nullopt for text that is not one (an unknown word, a bad number).
std::optional<TableReading> ParseReading(std::string_view text);

// `reading` made a reading `as` of a table `width` columns wide: the header row kept (row 1
// when it had none and `as` is a table), each role that `as` offers kept; when that does not
// make a deck, the usual layout of `as`: a question, options and the right answer last; front
// and back; date and event; a column naming the rows and the others about them.
TableReading SwitchReading(const TableReading& reading, ReadAs as, size_t width);

// What is missing for `reading` to make a deck ("no column is the back of the cards"),
// empty when nothing is. Auto is never missing anything.
std::string ReadingProblem(const TableReading& reading);

} // namespace factdeck
