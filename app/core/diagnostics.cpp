#include "diagnostics.h"

#include <algorithm>

namespace factdeck {

std::string Diagnostic::Format() const {
  std::string text = file;
  if (pos.line > 0) text += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  text += severity == Severity::Error ? ": error: " : ": warning: ";
  return text + message;
}

size_t CountErrors(const Diagnostics& diagnostics) {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

} // namespace factdeck
