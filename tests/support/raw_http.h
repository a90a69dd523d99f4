// Plain TCP connections to a server on loopback from a chosen source address (127.0.0.N):
// for tests that play several devices, or a misbehaving one, against the live room.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace factdeck::test {

class RawConnection {
public:
  // Connects from `source` (bound before connecting) to `address`:`port`. A `receiveBuffer`
  // (bytes) keeps the kernel from reading far ahead of a slow reader.
  RawConnection(const std::string& source, const std::string& address, int port, int receiveBuffer = 0);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool Connected() const { return m_fd >= 0; }
  // Sends all of `bytes`; false once the server has closed or reset the connection.
  bool Send(std::string_view bytes);
  // What arrives within `timeoutMs`, or until the server closes (then `closed` is set).
  std::string Receive(int timeoutMs, bool* closed = nullptr);
  // At most `maxBytes` of what arrives within `timeoutMs` (fewer when the server closes).
  std::string ReceiveSome(size_t maxBytes, int timeoutMs, bool* closed = nullptr);
  // True when the server closes the connection within `timeoutMs` (what it sent is dropped).
  bool ClosedWithin(int timeoutMs);

private:
  int m_fd = -1;
};

struct RawResponse {
  int status = 0; // 0: no answer (refused, closed, or out of time)
  std::string body;
  double ms = 0; // from connecting to the whole answer
};

// One whole HTTP/1.1 request from `source` with "Connection: close"; `headers` are full
// lines without the line end ("X-FactDeck-Token: ..."). Host is the server's own unless
// given; a body gets its Content-Length.
RawResponse RawRequest(const std::string& source, int port, const std::string& method, const std::string& path,
                       const std::vector<std::string>& headers = {}, const std::string& body = {},
                       int timeoutMs = 5000);

// The resident memory of a process in MB (VmRSS), or -1.
double ResidentMb(int pid);

} // namespace factdeck::test
