#include "core/base/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace factdeck {

namespace {

std::string ErrnoMessage(const std::filesystem::path& path, const char* what) {
  return path.string() + ": " + what + ": " + std::strerror(errno);
}

// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

} // namespace

std::string ReadWholeFile(const std::filesystem::path& path, std::string& out) {
  out.clear();
  FdCloser file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return ErrnoMessage(path, "cannot open");
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoMessage(path, errno == EISDIR ? "is a directory" : "cannot read");
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  return {};
}

std::string WriteFileAtomically(const std::filesystem::path& path, const std::string& content) {
  std::error_code ec;
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::filesystem::create_directories(dir, ec);
  if (ec) return path.string() + ": cannot create directory " + dir.string() + ": " + ec.message();

  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    FdCloser file{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (file.fd < 0) return ErrnoMessage(tmp, "cannot create");
    const char* data = content.data();
    size_t left = content.size();
    while (left > 0) {
      ssize_t n = ::write(file.fd, data, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        std::string message = ErrnoMessage(tmp, "cannot write");
        ::unlink(tmp.c_str());
        return message;
      }
      data += n;
      left -= static_cast<size_t>(n);
    }
    if (::fsync(file.fd) != 0) {
      std::string message = ErrnoMessage(tmp, "cannot sync");
      ::unlink(tmp.c_str());
      return message;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string message = ErrnoMessage(path, "cannot replace");
    ::unlink(tmp.c_str());
    return message;
  }
  FdCloser dirFd{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dirFd.fd >= 0) ::fsync(dirFd.fd);
  return {};
}

} // namespace factdeck
