// The smallest change to a deck file's text: some bytes at an offset replaced by others.
// Every edit of the deck editor is a list of these, so it can be undone byte for byte.
#pragma once

#include <string>
#include <vector>

namespace factdeck::edit {

struct TextEdit {
  size_t at = 0;
  std::string removed, inserted;
  TextEdit Inverse() const { return {at, inserted, removed}; }
};

// Applies `edit` to `text`; false (text untouched) when the bytes at `at` are not `removed`.
inline bool ApplyTextEdit(std::string& text, const TextEdit& edit) {
  if (edit.at > text.size() || text.compare(edit.at, edit.removed.size(), edit.removed) != 0) return false;
  text.replace(edit.at, edit.removed.size(), edit.inserted);
  return true;
}

} // namespace factdeck::edit
