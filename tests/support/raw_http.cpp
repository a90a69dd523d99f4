#include "support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

namespace factdeck::test {

RawConnection::RawConnection(const std::string& source, const std::string& address, int port, int receiveBuffer) {
  m_fd = socket(AF_INET, SOCK_STREAM, 0);
  if (m_fd < 0) return;
  if (receiveBuffer > 0) setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, address.c_str(), &to.sin_addr);
  timeval timeout{2, 0};
  setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (bind(m_fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      connect(m_fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(m_fd);
    m_fd = -1;
  }
}

RawConnection::~RawConnection() {
  if (m_fd >= 0) close(m_fd);
}

bool RawConnection::Send(std::string_view bytes) {
  while (m_fd >= 0 && !bytes.empty()) {
    const ssize_t sent = send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(sent));
  }
  return m_fd >= 0;
}

std::string RawConnection::Receive(int timeoutMs, bool* closed) {
  std::string got;
  if (closed != nullptr) *closed = false;
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (m_fd >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{m_fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buffer[4096];
    const ssize_t n = recv(m_fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      if (closed != nullptr) *closed = true;
      break;
    }
    got.append(buffer, static_cast<size_t>(n));
  }
  return got;
}

std::string RawConnection::ReceiveSome(size_t maxBytes, int timeoutMs, bool* closed) {
  std::string got;
  if (closed != nullptr) *closed = false;
  if (m_fd < 0) return got;
  pollfd p{m_fd, POLLIN, 0};
  if (poll(&p, 1, timeoutMs) <= 0) return got;
  got.resize(maxBytes);
  const ssize_t n = recv(m_fd, got.data(), maxBytes, 0);
  if (n <= 0) {
    if (closed != nullptr) *closed = true;
    got.clear();
  } else {
    got.resize(static_cast<size_t>(n));
  }
  return got;
}

bool RawConnection::ClosedWithin(int timeoutMs) {
  if (m_fd < 0) return true;
  bool closed = false;
  Receive(timeoutMs, &closed);
  return closed;
}

RawResponse RawRequest(const std::string& source, int port, const std::string& method, const std::string& path,
                       const std::vector<std::string>& headers, const std::string& body, int timeoutMs) {
  RawResponse response;
  const auto start = std::chrono::steady_clock::now();
  RawConnection c(source, "127.0.0.1", port);
  if (!c.Connected()) return response;
  std::string request = method + " " + path + " HTTP/1.1\r\n";
  bool host = false;
  for (const std::string& h : headers) {
    request += h + "\r\n";
    host = host || h.rfind("Host:", 0) == 0;
  }
  if (!host) request += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  if (!body.empty()) request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  request += "Connection: close\r\n\r\n" + body;
  if (!c.Send(request)) return response;
  bool closed = false;
  const std::string got = c.Receive(timeoutMs, &closed);
  response.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (got.rfind("HTTP/1.", 0) != 0 || got.size() < 12) return response;
  response.status = std::atoi(got.c_str() + 9);
  const size_t split = got.find("\r\n\r\n");
  if (split != std::string::npos) response.body = got.substr(split + 4);
  return response;
}

double ResidentMb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return -1;
}

} // namespace factdeck::test
