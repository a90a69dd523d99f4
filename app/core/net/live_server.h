// The live room's web server: serves the player page and a small JSON API to phones on the
// school network. It binds to the one address the host picked and nothing else. There is no
// control endpoint at all: the host's app drives the room in-process, so nothing on the
// network can start, reveal, end or kick. API and limits in docs/live.md.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/live/live_room.h"

namespace factdeck {

// The limits that keep one misbehaving device from stalling the room (docs/live.md).
struct LiveServerOptions {
  std::string address = "127.0.0.1"; // the interface to listen on (an IPv4 address)
  int port = kDefaultLivePort;       // 0: any free port
  size_t maxBodyBytes = 2048;        // a larger body (by its Content-Length) gets 413 unread
  size_t maxHeaderBytes = 16384;     // request line and headers; more gets 431
  unsigned maxHeaderCount = 48;      // more header fields get 431
  // Per client address: a token bucket for every request, and a cap on joins. Generous for
  // a phone that polls twice a second; tests that simulate a class from one address raise them.
  double requestsPerSecond = 20, requestBurst = 40;
  int joinsPerMinute = 10;
  // Connections open at once, in all (a hall of 500 phones, two each, and room to spare) and
  // from one address. One more is closed the moment it is accepted, never left waiting in the
  // accept queue; its phone tries again. The process's open-file limit is raised to fit, or
  // the cap lowered to what the system allows (ConnectionLimit). Then the time a connection
  // has to deliver a whole request (headers and body) after it opens or after its previous
  // request.
  unsigned maxConnections = 1200, maxConnectionsPerAddress = 6;
  int requestDeadlineMs = 2000;
  // A response being sent has its own, longer deadline: this much, and a second more for
  // every `slowestReaderBytesPerSecond` of it, so that a slow phone gets a whole picture.
  int sendDeadlineMs = 10000;
  size_t slowestReaderBytesPerSecond = 32 * 1024;
  // Pictures are prepared once per room for phones: no side over this many pixels (the
  // player page shows them at most 640 CSS pixels wide), re-encoded when larger or heavier.
  int phonePictureSide = 1280;
  size_t phonePictureBytes = 400 * 1024;
};

// Counters for the host screen and the tests.
struct LiveServerCounters {
  std::uint64_t requests = 0, refusedRate = 0, refusedSize = 0, errors = 0;
  std::uint64_t timedOut = 0;           // connections shut for missing the request deadline
  std::uint64_t refusedConnections = 0; // closed on arrival: the total cap was reached
};

class LiveServer {
public:
  LiveServer(std::shared_ptr<LiveRoom> room, LiveServerOptions options, std::function<srs::TimeMs()> clock);
  ~LiveServer();
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  // Binds and starts serving on a thread of its own (libmicrohttpd, event-driven). Empty on
  // success, else a sentence for the host.
  std::string Start();
  void Stop();
  bool Running() const;
  int Port() const;
  // Connections served at once: LiveServerOptions::maxConnections, or less when the system's
  // open-file limit cannot be raised that far.
  unsigned ConnectionLimit() const;
  // What phones open: http://ADDRESS:PORT/?code=ROOMCODE
  std::string JoinUrl() const;
  LiveServerCounters Counters() const;

  struct Impl;

private:
  std::unique_ptr<Impl> m_impl;
};

// The IPv4 addresses of this machine's network interfaces, loopback last, for the host to
// pick where phones can reach the room.
struct NetworkInterface {
  std::string name, address;
  bool loopback = false;
};
std::vector<NetworkInterface> ListNetworkInterfaces();

// A QR code of `text` (error correction M): size x size modules, row by row, true for dark.
struct QrCode {
  int size = 0;
  std::vector<bool> dark;
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};
QrCode MakeQrCode(const std::string& text);

// The player page (assets/live/player.html), built into the program.
const std::string& LivePlayerPage();

} // namespace factdeck
