#include "core/base/diagnostics.h"

#include <algorithm>

namespace factdeck {

std::string Diagnostic::Format() const {
  std::string text = file;
  if (pos.line > 0) {
    text += ':';
    text += std::to_string(pos.line);
    text += ':';
    text += std::to_string(pos.column);
  }
  text += severity == Severity::Error ? ": error: " : ": warning: ";
  text += message;
  return text;
}

size_t CountErrors(const Diagnostics& diagnostics) {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void SortByPosition(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
  });
}

} // namespace factdeck
