// Runs a program and captures its exit code, standard output and standard error.
#pragma once

#include <string>
#include <vector>

namespace factdeck::test {

struct ProcessResult {
  int exitCode = -1; // -1 when killed by a signal or not started
  std::string out, err;
};

// Runs `argv` (argv[0] is the program path) with standard input from /dev/null.
ProcessResult RunProcess(const std::vector<std::string>& argv);

} // namespace factdeck::test

namespace factdeck::test {

// A program running beside the test (a browser driver, the app itself), its output thrown
// away or its standard output kept to read; killed and reaped when this goes out of scope.
class BackgroundProcess {
public:
  explicit BackgroundProcess(const std::vector<std::string>& argv, bool readOutput = false);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  bool Started() const { return m_pid > 0; }
  int Pid() const { return m_pid; }
  // The next line of its standard output (with readOutput), or empty after `timeoutMs`.
  std::string ReadLine(int timeoutMs);

private:
  int m_pid = -1;
  int m_out = -1;
  std::string m_buffer;
};

} // namespace factdeck::test
