// Runs a program and captures its exit code, standard output and standard error.
#pragma once

#include <string>
#include <vector>

namespace factdeck::test {

struct ProcessResult {
  int exitCode = -1;  // -1 when killed by a signal or not started
  std::string out, err;
};

// Runs `argv` (argv[0] is the program path) with standard input from /dev/null.
ProcessResult RunProcess(const std::vector<std::string>& argv);

} // namespace factdeck::test
