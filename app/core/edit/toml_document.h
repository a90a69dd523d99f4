// A facts file as text with the place of every table and key in it, so that an edit changes
// only the bytes of what was edited: a value replaced where it stands, a key line added after
// its table's last key, a table added after the last of its kind or removed with its lines.
// Comments, blank lines, order and formatting elsewhere stay as they were.
//
// The scan reads TOML's structure only as far as edits need it: table headers, `key = value`
// lines, and where each value ends (strings of all four kinds, arrays and inline tables over
// several lines, comments after a value). What the text means is read by ParseDeck.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/text_edit.h"

namespace factdeck::edit {

struct TomlKeySpan {
  std::string key;                     // as written before `=`, trimmed ("id", "image_credit")
  size_t lineBegin = 0;                // the start of the key's line
  size_t valueBegin = 0, valueEnd = 0; // the value's bytes, without a comment after it
  size_t lineEnd = 0;                  // after the newline that ends the value's last line
  int line = 0;                        // 1-based
};

struct TomlTableSpan {
  std::string name;     // "card", "deck.source", "deck"; empty for keys before any header
  bool array = false;   // [[name]]
  size_t begin = 0;     // the start of the header's line
  size_t headerEnd = 0; // after the header line's newline
  size_t end = 0;       // after the last key line's newline (headerEnd without keys)
  int line = 0;         // of the header, 1-based
  std::vector<TomlKeySpan> keys;
  const TomlKeySpan* Key(std::string_view key) const;
};

class TomlDocument {
public:
  explicit TomlDocument(std::string text = {});
  const std::string& Text() const { return m_text; }
  const std::vector<TomlTableSpan>& Tables() const { return m_tables; }
  // The table whose header is on `line`, or -1.
  std::ptrdiff_t TableAtLine(int line) const;
  // The table holding `line` (its header or one of its keys' lines), or -1.
  std::ptrdiff_t TableHolding(int line) const;
  // The line (1-based) of byte `offset`.
  int LineOf(size_t offset) const;

  // The edits, computed on the text as it is (not applied):
  // `key = value` set to the TOML text `value`: replaced where it stands, else added after
  // the table's last key.
  TextEdit SetValue(size_t table, std::string_view key, std::string_view value) const;
  // The key's lines taken out (nothing when the table has no such key).
  std::optional<TextEdit> RemoveKey(size_t table, std::string_view key) const;
  // `tableText` ("[[card]]\nid = ...\n") added after table `after` with a blank line between,
  // or at the end of the file when `after` is -1.
  TextEdit InsertTable(std::ptrdiff_t after, std::string_view tableText) const;
  // The table's lines taken out, with one blank line after it when there is one.
  TextEdit RemoveTable(size_t table) const;
  // The table's text from its header to its last key line.
  std::string TableText(size_t table) const;

  // Applies an edit and reads the structure again; false when it does not fit the text.
  bool Apply(const TextEdit& edit);
  void Reset(std::string text);

private:
  void Scan();
  std::string m_text;
  std::string m_lineEnd = "\n"; // the file's: "\r\n" when it has any, else "\n"
  std::vector<TomlTableSpan> m_tables;
  std::vector<size_t> m_lineStarts;
};

// The TOML text of a value: a basic string, an array of them, an integer, a boolean.
std::string TomlValue(std::string_view text);
std::string TomlValueList(const std::vector<std::string>& items);
// A value's TOML text read back for a form: a string's contents, an array's strings one per
// line, a number or boolean as written; nullopt when it is none of those.
std::optional<std::string> ReadTomlValue(std::string_view valueText);
// A list field's entries as typed in the editor's form: one a line, trimmed, blank lines left out.
std::vector<std::string> FieldEntries(const std::string& text);

} // namespace factdeck::edit
