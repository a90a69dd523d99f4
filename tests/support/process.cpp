#include "process.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "temp_dir.h"

namespace factdeck::test {

namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv) {
  TempDir dir;
  const std::string outPath = (dir / "out").string(), errPath = (dir / "err").string();
  ProcessResult result;
  pid_t pid = fork();
  if (pid == 0) {
    int in = open("/dev/null", O_RDONLY);
    int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> args;
    for (const std::string& arg : argv)
      args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror("execv");
    _exit(127);
  }
  if (pid < 0) return result;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
  result.out = Slurp(outPath);
  result.err = Slurp(errPath);
  return result;
}

} // namespace factdeck::test

namespace factdeck::test {

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, bool readOutput) {
  int out[2] = {-1, -1};
  if (readOutput && pipe(out) != 0) return;
  m_pid = fork();
  if (m_pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(readOutput ? out[1] : null, 1);
    dup2(null, 2);
    if (readOutput) {
      close(out[0]);
      close(out[1]);
    }
    setpgid(0, 0); // its own group, so that its children go with it
    std::vector<char*> args;
    for (const std::string& arg : argv)
      args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  if (readOutput) {
    close(out[1]);
    m_out = out[0];
  }
}

std::string BackgroundProcess::ReadLine(int timeoutMs) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (m_out >= 0) {
    if (const size_t eol = m_buffer.find('\n'); eol != std::string::npos) {
      std::string line = m_buffer.substr(0, eol);
      m_buffer.erase(0, eol + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    pollfd p{m_out, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char chunk[512];
    const ssize_t n = read(m_out, chunk, sizeof chunk);
    if (n <= 0) break;
    m_buffer.append(chunk, static_cast<size_t>(n));
  }
  return {};
}

BackgroundProcess::~BackgroundProcess() {
  if (m_out >= 0) close(m_out);
  if (m_pid <= 0) return;
  kill(-m_pid, SIGKILL);
  kill(m_pid, SIGKILL);
  waitpid(m_pid, nullptr, 0);
}

} // namespace factdeck::test
