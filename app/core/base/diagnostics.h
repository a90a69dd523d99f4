// Problems found in a user's file, with where they are.
#pragma once

#include <string>
#include <vector>

namespace factdeck {

struct Position {
  int line = 0, column = 0; // 1-based; 0 when unknown
};

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  Position pos;
  std::string message;

  // "file:line:column: error: message", as compilers print it.
  std::string Format() const;
};

using Diagnostics = std::vector<Diagnostic>;

size_t CountErrors(const Diagnostics& diagnostics);

// Orders by position, keeping the order of problems found at the same place.
void SortByPosition(Diagnostics& diagnostics);

} // namespace factdeck
