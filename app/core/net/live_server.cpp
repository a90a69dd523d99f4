#include "core/net/live_server.h"

#include <arpa/inet.h>
#include <cstring>
#include <httplib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <qrencode.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

namespace factdeck {

namespace {

using nlohmann::json;

// A token bucket per client address.
class RateLimiter {
public:
  RateLimiter(double perSecond, double burst, int joinsPerMinute)
      : m_perSecond(perSecond), m_burst(burst), m_joinsPerMinute(joinsPerMinute) {}

  bool Allow(const std::string& address, srs::TimeMs now, bool join) {
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() > 10000) m_buckets.clear(); // a flood of addresses: start over rather than grow
    Bucket& b = m_buckets[address];
    if (b.last == 0) b.tokens = m_burst;
    b.tokens = std::min(m_burst, b.tokens + static_cast<double>(now - b.last) / 1000.0 * m_perSecond);
    b.last = now;
    if (b.tokens < 1.0) return false;
    if (join) {
      if (now - b.minuteStart >= 60000) {
        b.minuteStart = now;
        b.joins = 0;
      }
      if (b.joins >= m_joinsPerMinute) return false;
      ++b.joins;
    }
    b.tokens -= 1.0;
    return true;
  }

private:
  struct Bucket {
    double tokens = 0;
    srs::TimeMs last = 0, minuteStart = 0;
    int joins = 0;
  };
  std::mutex m_mutex;
  double m_perSecond, m_burst;
  int m_joinsPerMinute;
  std::unordered_map<std::string, Bucket> m_buckets;
};

int StatusFor(LiveError error) {
  switch (error) {
  case LiveError::None: return 200;
  case LiveError::WrongCode: return 404;
  case LiveError::RoomFull:
  case LiveError::Kicked: return 403;
  case LiveError::GameFinished: return 410;
  case LiveError::BadName:
  case LiveError::BadOption: return 400;
  case LiveError::UnknownPlayer: return 401;
  case LiveError::NameTaken:
  case LiveError::NotAnswering:
  case LiveError::WrongQuestion:
  case LiveError::AlreadyAnswered: return 409;
  }
  return 400;
}

const char* ErrorCode(LiveError error) {
  switch (error) {
  case LiveError::None: return "";
  case LiveError::WrongCode: return "wrong-code";
  case LiveError::RoomFull: return "room-full";
  case LiveError::GameFinished: return "finished";
  case LiveError::BadName: return "bad-name";
  case LiveError::NameTaken: return "name-taken";
  case LiveError::UnknownPlayer: return "unknown-player";
  case LiveError::Kicked: return "kicked";
  case LiveError::NotAnswering: return "not-answering";
  case LiveError::WrongQuestion: return "wrong-question";
  case LiveError::BadOption: return "bad-option";
  case LiveError::AlreadyAnswered: return "already-answered";
  }
  return "error";
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  SendJson(res, status, json{{"error", code}, {"message", message}});
}

void SendError(httplib::Response& res, LiveError error) {
  SendError(res, StatusFor(error), ErrorCode(error), LiveErrorMessage(error));
}

json ViewJson(const LivePlayerView& v) {
  json j{{"phase", LivePhaseName(v.phase)}, {"version", v.version}, {"name", v.name}, {"question", v.question},
         {"questions", v.questionCount},    {"score", v.score},     {"rank", v.rank}, {"players", v.players}};
  if (!v.prompt.empty()) {
    j["prompt"] = v.prompt;
    j["secondsLeft"] = std::max(0.0, v.secondsLeft);
  }
  if (!v.options.empty()) j["options"] = v.options;
  if (v.chosen >= 0) j["chosen"] = v.chosen;
  // Only once the question is revealed: what was right, and how this player did.
  if (v.phase == LivePhase::Revealed) {
    j["correctOption"] = v.correctOption;
    j["right"] = v.correct;
    j["points"] = v.points;
    j["explanation"] = v.explanation;
    j["source"] = v.source;
  }
  if (v.phase == LivePhase::Finished) {
    json podium = json::array();
    for (const auto& [name, score] : v.podium)
      podium.push_back({{"name", name}, {"score", score}});
    j["podium"] = podium;
  }
  return j;
}

// Parses a JSON object body, or answers 400 and returns nullopt.
std::optional<json> ParseBody(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    SendError(res, 400, "bad-json", "The request is not a JSON object.");
    return std::nullopt;
  }
  return body;
}

} // namespace

struct LiveServer::Impl {
  std::shared_ptr<LiveRoom> room;
  LiveServerOptions options;
  std::function<srs::TimeMs()> clock;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  RateLimiter limiter;
  mutable std::mutex countersMutex;
  LiveServerCounters counters;

  Impl(std::shared_ptr<LiveRoom> r, LiveServerOptions o, std::function<srs::TimeMs()> c)
      : room(std::move(r)), options(std::move(o)), clock(std::move(c)),
        limiter(options.requestsPerSecond, options.requestBurst, options.joinsPerMinute) {}

  void Count(std::uint64_t LiveServerCounters::*field) {
    std::lock_guard lock(countersMutex);
    ++(counters.*field);
  }

  void Routes();
};

void LiveServer::Impl::Routes() {
  const int threads = std::max(2, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // One request per connection: a phone polling on a kept-alive connection would hold a
  // worker thread for as long as it keeps polling, and a class of 100 would starve the pool.
  server.set_keep_alive_max_count(1);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_payload_max_length(options.maxBodyBytes);
  // SO_REUSEADDR only. The library's default adds SO_REUSEPORT, which would let a second
  // program (or a second FactDeck) bind the same port and take some of the phones' requests.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Count(&LiveServerCounters::requests);
    const bool join = req.path == "/api/join";
    if (!limiter.Allow(req.remote_addr, clock(), join)) {
      Count(&LiveServerCounters::refusedRate);
      res.set_header("Retry-After", "1");
      SendError(res, 429, "slow-down", "Too many requests. Wait a moment.");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return; // a handler's own error
    if (res.status == 413) {
      Count(&LiveServerCounters::refusedSize);
      SendError(res, 413, "too-large", "The request is too large.");
    } else if (res.status == 404) {
      SendError(res, 404, "not-found", "There is nothing here.");
    } else {
      Count(&LiveServerCounters::errors);
      SendError(res, res.status, "error", "The request could not be handled.");
    }
  });
  server.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Count(&LiveServerCounters::errors);
    SendError(res, 500, "error", "The request could not be handled.");
  });

  auto page = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    // The page loads nothing from anywhere: its own inline style and script, and requests to this server.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                   "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.set_content(LivePlayerPage(), "text/html; charset=utf-8");
  };
  server.Get("/", page);
  server.Get("/index.html", page);

  server.Post("/api/join", [this](const httplib::Request& req, httplib::Response& res) {
    auto body = ParseBody(req, res);
    if (!body) return;
    const json& code = (*body)["code"];
    const json& name = (*body)["name"];
    if (!code.is_string() || !name.is_string()) return SendError(res, 400, "bad-request", "Send a code and a name.");
    const auto joined = room->Join(code.get<std::string>(), name.get<std::string>(), req.remote_addr, clock());
    if (joined.error != LiveError::None) return SendError(res, joined.error);
    SendJson(res, 200, json{{"token", joined.token}, {"player", joined.player}, {"name", joined.name}});
  });

  server.Get("/api/state", [this](const httplib::Request& req, httplib::Response& res) {
    LivePlayerView view;
    const LiveError error = room->View(req.get_header_value("X-FactDeck-Token"), clock(), view);
    if (error != LiveError::None) return SendError(res, error);
    SendJson(res, 200, ViewJson(view));
  });

  server.Post("/api/answer", [this](const httplib::Request& req, httplib::Response& res) {
    auto body = ParseBody(req, res);
    if (!body) return;
    const json& question = (*body)["question"];
    const json& option = (*body)["option"];
    if (!question.is_number_integer() || !option.is_number_integer())
      return SendError(res, 400, "bad-request", "Send the question and the option, as numbers.");
    const auto clamp = [](const json& n) {
      return static_cast<int>(std::clamp<std::int64_t>(n.get<std::int64_t>(), -1, 1 << 20));
    };
    const LiveError error =
        room->Answer(req.get_header_value("X-FactDeck-Token"), clamp(question), clamp(option), clock());
    if (error != LiveError::None) return SendError(res, error);
    SendJson(res, 200, json{{"ok", true}, {"chosen", clamp(option)}});
  });
}

LiveServer::LiveServer(std::shared_ptr<LiveRoom> room, LiveServerOptions options, std::function<srs::TimeMs()> clock)
    : m_impl(std::make_unique<Impl>(std::move(room), std::move(options), std::move(clock))) {
  m_impl->Routes();
}

LiveServer::~LiveServer() { Stop(); }

std::string LiveServer::Start() {
  Impl& s = *m_impl;
  if (s.thread.joinable()) return {};
  in_addr parsed{};
  if (inet_pton(AF_INET, s.options.address.c_str(), &parsed) != 1)
    return "\"" + s.options.address + "\" is not an IPv4 address of this machine.";
  if (s.options.port == 0) {
    s.port = s.server.bind_to_any_port(s.options.address);
    if (s.port <= 0) return "Could not listen on " + s.options.address + ".";
  } else {
    if (!s.server.bind_to_port(s.options.address, s.options.port))
      return "Could not listen on " + s.options.address + " port " + std::to_string(s.options.port) +
             ": another program may be using it. Choose another port.";
    s.port = s.options.port;
  }
  s.thread = std::thread([&s] { s.server.listen_after_bind(); });
  // Until the loop runs, stop() would find nothing to stop and the thread would accept
  // forever: wait for it (it starts at once; bounded all the same).
  for (int i = 0; i < 5000 && !s.server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return {};
}

void LiveServer::Stop() {
  if (!m_impl->thread.joinable()) return;
  m_impl->server.stop();
  m_impl->thread.join();
}

bool LiveServer::Running() const { return m_impl->thread.joinable() && m_impl->server.is_running(); }

int LiveServer::Port() const { return m_impl->port; }

std::string LiveServer::JoinUrl() const {
  return "http://" + m_impl->options.address + ":" + std::to_string(m_impl->port) + "/?code=" + m_impl->room->Code();
}

LiveServerCounters LiveServer::Counters() const {
  std::lock_guard lock(m_impl->countersMutex);
  return m_impl->counters;
}

std::vector<NetworkInterface> ListNetworkInterfaces() {
  std::vector<NetworkInterface> list;
  ifaddrs* all = nullptr;
  if (getifaddrs(&all) != 0) return list;
  for (ifaddrs* i = all; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP)) continue;
    char text[INET_ADDRSTRLEN] = {};
    sockaddr_in address{};
    std::memcpy(&address, i->ifa_addr, sizeof address);
    if (inet_ntop(AF_INET, &address.sin_addr, text, sizeof text) == nullptr) continue;
    list.push_back({i->ifa_name, text, (i->ifa_flags & IFF_LOOPBACK) != 0});
  }
  freeifaddrs(all);
  std::stable_partition(list.begin(), list.end(), [](const NetworkInterface& n) { return !n.loopback; });
  return list;
}

QrCode MakeQrCode(const std::string& text) {
  QrCode qr;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
  for (size_t i = 0; i < qr.dark.size(); ++i)
    qr.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return qr;
}

} // namespace factdeck
