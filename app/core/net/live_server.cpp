#include "core/net/live_server.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <microhttpd.h>
#include <net/if.h>
#include <qrencode.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "core/base/shared_library.h"
#include "core/base/threads.h"
#include "core/deck/picture_file.h"

namespace factdeck {

namespace {

// libmicrohttpd, loaded when the first room opens (core/base/shared_library.h).
// clang-format off
#define FACTDECK_MHD_FUNCTIONS(X)                           \
  X(MHD_start_daemon)                                       \
  X(MHD_stop_daemon)                                        \
  X(MHD_get_daemon_info)                                    \
  X(MHD_get_connection_info)                                \
  X(MHD_get_connection_values)                              \
  X(MHD_lookup_connection_value)                            \
  X(MHD_create_response_from_buffer)                        \
  X(MHD_create_response_from_buffer_with_free_callback_cls) \
  X(MHD_add_response_header)                                \
  X(MHD_queue_response)                                     \
  X(MHD_destroy_response)
// clang-format on

FACTDECK_LIBRARY_API(HttpApi, Http, FACTDECK_SONAME_MHD, FACTDECK_MHD_FUNCTIONS)

// libqrencode, loaded with the first code drawn.
#define FACTDECK_QR_FUNCTIONS(X) X(QRcode_encodeString8bit) X(QRcode_free)
FACTDECK_LIBRARY_API(QrApi, Qr, FACTDECK_SONAME_QRENCODE, FACTDECK_QR_FUNCTIONS)

} // namespace

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Milliseconds on a clock of the server's own: network limits run in real time, whatever
// clock the room keeps (tests freeze theirs).
std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// A token bucket per client address.
class RateLimiter {
public:
  RateLimiter(double perSecond, double burst, int joinsPerMinute)
      : m_perSecond(perSecond), m_burst(burst), m_joinsPerMinute(joinsPerMinute) {}

  bool Allow(const std::string& address, std::int64_t now, bool join) {
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
    std::int64_t last = 0, minuteStart = 0;
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
  case LiveError::RoomLocked:
  case LiveError::AddressFull:
  case LiveError::Kicked: return 403;
  case LiveError::GameFinished: return 410;
  case LiveError::BadName:
  case LiveError::Undrawable:
  case LiveError::BadOption: return 400;
  case LiveError::UnknownPlayer: return 401;
  case LiveError::NameTaken:
  case LiveError::NotAnswering:
  case LiveError::WrongQuestion:
  case LiveError::Waiting:
  case LiveError::AlreadyAnswered: return 409;
  }
  return 400;
}

const char* ErrorCode(LiveError error) {
  switch (error) {
  case LiveError::None: return "";
  case LiveError::WrongCode: return "wrong-code";
  case LiveError::RoomFull: return "room-full";
  case LiveError::RoomLocked: return "room-locked";
  case LiveError::AddressFull: return "device-full";
  case LiveError::Waiting: return "waiting";
  case LiveError::GameFinished: return "finished";
  case LiveError::BadName: return "bad-name";
  case LiveError::Undrawable: return "undrawable";
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

// One answer: status, content type and body.
struct Reply {
  unsigned status = 200;
  std::string type = "application/json; charset=utf-8";
  std::string body;
  bool page = false; // the player page: with its security headers
  // A question's picture, prepared once and shared by every connection sending it (no copy
  // per request); phones may keep it for the game.
  std::shared_ptr<const PictureBytes> picture;
};

Reply JsonReply(unsigned status, const json& body) {
  Reply reply;
  reply.status = status;
  reply.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return reply;
}

Reply ErrorReply(unsigned status, const std::string& code, const std::string& message) {
  return JsonReply(status, json{{"error", code}, {"message", message}});
}

Reply ErrorReply(LiveError error) {
  return ErrorReply(static_cast<unsigned>(StatusFor(error)), ErrorCode(error), LiveErrorMessage(error));
}

json ViewJson(const LivePlayerView& v) {
  json j{{"phase", LivePhaseName(v.phase)}, {"version", v.version}, {"name", v.name}, {"question", v.question},
         {"questions", v.questionCount},    {"score", v.score},     {"rank", v.rank}, {"players", v.players}};
  if (v.waiting) j["waiting"] = true;
  if (!v.prompt.empty()) {
    j["prompt"] = v.prompt;
    if (!v.picture.empty()) j["picture"] = v.picture;
    j["secondsLeft"] = std::max(0.0, v.secondsLeft);
  }
  if (!v.options.empty()) j["options"] = v.options;
  if (!v.optionPictures.empty()) j["optionPictures"] = v.optionPictures;
  if (!v.prompt.empty()) j["selectAll"] = v.selectAll;
  if (!v.chosen.empty()) j["chosen"] = v.chosen;
  // Only once the question is revealed: what was right, and how this player did.
  if (v.phase == LivePhase::Revealed) {
    j["correctOptions"] = v.correctOptions;
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

// Parses a JSON object body; nullopt when it is not one.
std::optional<json> ParseBody(const std::string& text) {
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  return body;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// True for the media type application/json, in any case, alone or with parameters
// ("application/json; charset=utf-8"), spaces allowed before the semicolon; not for
// "application/jsonfoo" nor "application/json-patch+json".
bool IsJsonMediaType(std::string_view type) {
  auto skipSpace = [&] {
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t'))
      type.remove_prefix(1);
  };
  constexpr std::string_view kJson = "application/json";
  skipSpace();
  if (!StartsWithNoCase(type, kJson)) return false;
  type.remove_prefix(kJson.size());
  skipSpace();
  return type.empty() || type.front() == ';';
}

// libmicrohttpd's own connection cap is this far above ours, so that ours (OnAccept) always
// acts first; and the files the rest of the program may hold open at once.
constexpr unsigned kConnectionMargin = 16, kOtherFiles = 128;
constexpr int kSendBufferBytes = 128 * 1024;

// Raises the process's open-file limit so that `connections` sockets fit beside `reserve`
// other files; returns the connections that fit (fewer when the hard limit is lower).
unsigned FitOpenFileLimit(unsigned connections, unsigned reserve) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return connections;
  const rlim_t need = static_cast<rlim_t>(connections) + reserve;
  if (limit.rlim_cur < need) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? need : std::min(need, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur >= need) return connections;
  return limit.rlim_cur > reserve ? static_cast<unsigned>(limit.rlim_cur - reserve) : 1;
}

// What the server keeps for one request while its body arrives (MHD's request closure).
struct PendingRequest {
  std::string address;
  std::string body;
  bool tooLarge = false;
};

} // namespace

struct LiveServer::Impl {
  std::shared_ptr<LiveRoom> room;
  LiveServerOptions options;
  std::function<srs::TimeMs()> clock;
  MHD_Daemon* daemon = nullptr;
  int port = 0;
  std::string host; // the Host header phones send: ADDRESS:PORT
  RateLimiter limiter;
  mutable std::mutex countersMutex;
  LiveServerCounters counters;

  // The deadline: every connection must deliver a whole request within requestDeadlineMs of
  // opening or of its previous request's end; a watchdog shuts down those that do not.
  struct Tracked {
    int fd = -1;
    std::int64_t since = 0;
    std::int64_t sendingUntil = 0; // while a response is being sent: its own deadline
  };
  // Pictures as phones get them (PictureForPhones), by file, for the room's life: prepared
  // on a thread of their own, question by question in the order they are asked, from the
  // moment the room opens (decoding and scaling a large photograph takes a good part of a
  // second: never on the thread that answers every phone).
  std::mutex picturesMutex;
  std::unordered_map<std::string, std::shared_ptr<const PictureBytes>> pictures; // null: cannot be served
  std::thread preparer;
  std::atomic<bool> stopPreparing{false};

  enum class PictureState { Ready, Preparing, Unservable };
  PictureState PhonePicture(const std::string& file, std::shared_ptr<const PictureBytes>& picture) {
    std::lock_guard lock(picturesMutex);
    auto it = pictures.find(file);
    if (it == pictures.end()) return PictureState::Preparing;
    picture = it->second;
    return picture ? PictureState::Ready : PictureState::Unservable;
  }

  void PreparePictures() {
    for (const Question& q : room->Questions()) {
      std::vector<std::string> files = q.optionImages;
      if (!q.image.empty()) files.insert(files.begin(), q.image);
      for (const std::string& file : files) {
        if (stopPreparing) return;
        {
          std::lock_guard lock(picturesMutex);
          if (pictures.count(file)) continue;
        }
        auto prepared = PictureForPhones(file, options.phonePictureSide, options.phonePictureBytes);
        std::shared_ptr<const PictureBytes> shared;
        if (prepared) shared = std::make_shared<const PictureBytes>(std::move(*prepared));
        std::lock_guard lock(picturesMutex);
        pictures.emplace(file, shared); // a file that cannot be served is not read again either
      }
    }
  }
  std::mutex trackedMutex;
  std::unordered_map<MHD_Connection*, Tracked> tracked;
  std::thread watchdog;
  std::mutex watchdogMutex;
  std::condition_variable watchdogWake;
  bool stopping = false;

  Impl(std::shared_ptr<LiveRoom> r, LiveServerOptions o, std::function<srs::TimeMs()> c)
      : room(std::move(r)), options(std::move(o)), clock(std::move(c)),
        limiter(options.requestsPerSecond, options.requestBurst, options.joinsPerMinute) {}

  void Count(std::uint64_t LiveServerCounters::*field) {
    std::lock_guard lock(countersMutex);
    ++(counters.*field);
  }

  // A request arrived whole: the deadline starts again for the next one on this connection.
  void RequestDone(MHD_Connection* connection) {
    std::lock_guard lock(trackedMutex);
    if (auto it = tracked.find(connection); it != tracked.end()) it->second.since = SteadyMs();
  }
  // A response of `bytes` is queued: until it is sent, the send deadline holds.
  void Sending(MHD_Connection* connection, size_t bytes) {
    const std::int64_t until =
        SteadyMs() + options.sendDeadlineMs +
        static_cast<std::int64_t>(1000 * bytes / std::max<size_t>(1, options.slowestReaderBytesPerSecond));
    std::lock_guard lock(trackedMutex);
    if (auto it = tracked.find(connection); it != tracked.end()) it->second.sendingUntil = until;
  }
  // The response is out: the next request has the request deadline from now.
  void Sent(MHD_Connection* connection) {
    std::lock_guard lock(trackedMutex);
    if (auto it = tracked.find(connection); it != tracked.end()) {
      it->second.since = SteadyMs();
      it->second.sendingUntil = 0;
    }
  }

  void Watch() {
    std::unique_lock lock(watchdogMutex);
    while (!stopping) {
      watchdogWake.wait_for(lock, std::chrono::milliseconds(100));
      const std::int64_t now = SteadyMs();
      std::lock_guard trackedLock(trackedMutex);
      for (auto& [connection, t] : tracked) {
        if (t.fd < 0) continue;
        if (t.sendingUntil != 0 ? now <= t.sendingUntil : now - t.since <= options.requestDeadlineMs) continue;
        // The server's thread sees the socket end and closes the connection itself. The entry
        // leaves the map (under this mutex) before the socket is closed, so the number is ours.
        // Counted first: whoever sees the connection end may read the counter at once.
        Count(&LiveServerCounters::timedOut);
        shutdown(t.fd, SHUT_RDWR);
        t.fd = -1;
      }
    }
  }

  // The checks that need only the request line and headers. A reply when refused.
  std::optional<Reply> Admit(MHD_Connection* connection, std::string_view url, std::string_view method,
                             const std::string& address);
  Reply Route(MHD_Connection* connection, std::string_view url, std::string_view method, const PendingRequest& request);
  MHD_Result Send(MHD_Connection* connection, const Reply& reply);

  static MHD_Result OnRequest(void* cls, MHD_Connection* connection, const char* url, const char* method,
                              const char* version, const char* upload, size_t* uploadSize, void** requestCls);
  static void OnCompleted(void* cls, MHD_Connection* connection, void** requestCls, MHD_RequestTerminationCode code);
  static void OnConnection(void* cls, MHD_Connection* connection, void** socketCls,
                           MHD_ConnectionNotificationCode code);
  static MHD_Result OnAccept(void* cls, const sockaddr* address, socklen_t length);
};

namespace {

const char* Header(MHD_Connection* connection, const char* name) {
  return Http().MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
}

std::string ClientAddress(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info = Http().MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (info == nullptr || info->client_addr == nullptr || info->client_addr->sa_family != AF_INET) return "";
  sockaddr_in address{};
  std::memcpy(&address, info->client_addr, sizeof address);
  char text[INET_ADDRSTRLEN] = {};
  return inet_ntop(AF_INET, &address.sin_addr, text, sizeof text) ? text : "";
}

} // namespace

std::optional<Reply> LiveServer::Impl::Admit(MHD_Connection* connection, std::string_view url, std::string_view method,
                                             const std::string& address) {
  // Only requests for this room's address: a page elsewhere cannot reach it through a name
  // it controls (DNS rebinding).
  const char* hostHeader = Header(connection, "Host");
  if (hostHeader == nullptr || host != hostHeader)
    return ErrorReply(421, "wrong-host", "This server answers only at " + host + ".");
  if (Http().MHD_get_connection_values(connection, MHD_HEADER_KIND, nullptr, nullptr) >
      static_cast<int>(options.maxHeaderCount)) {
    Count(&LiveServerCounters::refusedSize);
    return ErrorReply(431, "too-many-headers", "The request has too many headers.");
  }
  if (!limiter.Allow(address, SteadyMs(), url == "/api/join")) {
    Count(&LiveServerCounters::refusedRate);
    return ErrorReply(429, "slow-down", "Too many requests. Wait a moment.");
  }
  if (method == "POST") {
    const char* type = Header(connection, "Content-Type");
    if (type == nullptr || !IsJsonMediaType(type))
      return ErrorReply(415, "json-only", "Send the request as JSON (Content-Type: application/json).");
  } else if (method != "GET" && method != "HEAD") {
    return ErrorReply(405, "method", "This method is not used here.");
  }
  // A body's size must be known before it is read, so that a large one is refused unread:
  // no chunked bodies, and none over the limit.
  const char* length = Header(connection, "Content-Length");
  if (Header(connection, "Transfer-Encoding") != nullptr || (method == "POST" && length == nullptr))
    return ErrorReply(411, "length-required", "Send the request with its length (Content-Length).");
  if (length != nullptr) {
    char* end = nullptr;
    const unsigned long long bytes = std::strtoull(length, &end, 10);
    if (end == length || *end != '\0' || bytes > options.maxBodyBytes) {
      Count(&LiveServerCounters::refusedSize);
      return ErrorReply(413, "too-large", "The request is too large.");
    }
  }
  return std::nullopt;
}

Reply LiveServer::Impl::Route(MHD_Connection* connection, std::string_view url, std::string_view method,
                              const PendingRequest& request) {
  const std::string& text = request.body;
  const char* tokenHeader = Header(connection, "X-FactDeck-Token");
  const std::string token = tokenHeader ? tokenHeader : "";
  if (method != "POST" && (url == "/" || url == "/index.html")) {
    Reply page;
    page.type = "text/html; charset=utf-8";
    page.body = LivePlayerPage();
    page.page = true;
    return page;
  }
  // A question's picture, while that question is on the screen: prepared for phones ahead
  // (PreparePictures: read within the size limit, so a file that grew since the deck opened
  // is refused), then the same bytes for every phone. One not ready yet: try again in a moment.
  if (method != "POST" && url.rfind("/picture/", 0) == 0) {
    const std::string file = room->PictureFile(url);
    if (file.empty()) return ErrorReply(404, "no-picture", "There is no such picture in this question.");
    std::shared_ptr<const PictureBytes> picture;
    switch (PhonePicture(file, picture)) {
    case PictureState::Preparing:
      return ErrorReply(503, "picture-not-ready", "The picture is being prepared. Try again in a moment.");
    case PictureState::Unservable: return ErrorReply(404, "no-picture", "The picture cannot be served.");
    case PictureState::Ready: break;
    }
    Reply reply;
    reply.type = picture->mediaType;
    reply.picture = std::move(picture);
    return reply;
  }
  if (method != "POST" && url == "/api/state") {
    LivePlayerView view;
    const LiveError error = room->View(token, clock(), view);
    return error == LiveError::None ? JsonReply(200, ViewJson(view)) : ErrorReply(error);
  }
  if (method == "POST" && url == "/api/join") {
    auto body = ParseBody(text);
    if (!body) return ErrorReply(400, "bad-json", "The request is not a JSON object.");
    const json& code = (*body)["code"];
    const json& name = (*body)["name"];
    if (!code.is_string() || !name.is_string()) return ErrorReply(400, "bad-request", "Send a code and a name.");
    const auto joined = room->Join(code.get<std::string>(), name.get<std::string>(), request.address, clock());
    if (joined.error != LiveError::None) return ErrorReply(joined.error);
    return JsonReply(
        200,
        json{{"token", joined.token}, {"player", joined.player}, {"name", joined.name}, {"waiting", joined.waiting}});
  }
  if (method == "POST" && url == "/api/answer") {
    auto body = ParseBody(text);
    if (!body) return ErrorReply(400, "bad-json", "The request is not a JSON object.");
    // {"question": 2, "option": 1}, or for a select-all question {"question": 2, "options": [0, 3]}.
    const json& question = (*body)["question"];
    const json& option = (*body)["option"];
    const json& several = (*body)["options"];
    const auto clamp = [](const json& n) {
      return static_cast<int>(std::clamp<std::int64_t>(n.get<std::int64_t>(), -1, 1 << 20));
    };
    std::vector<int> picked;
    if (option.is_number_integer()) picked.push_back(clamp(option));
    if (several.is_array() && several.size() <= 16)
      for (const json& o : several)
        picked.push_back(o.is_number_integer() ? clamp(o) : -1);
    if (!question.is_number_integer() || picked.empty() || (option.is_number_integer() && several.is_array()))
      return ErrorReply(400, "bad-request", "Send the question and the option (or options), as numbers.");
    const LiveError error = room->Answer(token, clamp(question), picked, clock());
    if (error != LiveError::None) return ErrorReply(error);
    std::sort(picked.begin(), picked.end());
    return JsonReply(200, json{{"ok", true}, {"chosen", picked}});
  }
  return ErrorReply(404, "not-found", "There is nothing here.");
}

MHD_Result LiveServer::Impl::Send(MHD_Connection* connection, const Reply& reply) {
  const HttpApi& http = Http();
  MHD_Response* response = nullptr;
  if (reply.picture) {
    // The prepared picture itself, kept alive by the response until it is sent.
    auto* keep = new std::shared_ptr<const PictureBytes>(reply.picture);
    response = http.MHD_create_response_from_buffer_with_free_callback_cls(
        reply.picture->bytes.size(), const_cast<char*>(reply.picture->bytes.data()),
        [](void* cls) { delete static_cast<std::shared_ptr<const PictureBytes>*>(cls); }, keep);
    if (response == nullptr) delete keep;
  } else {
    response = http.MHD_create_response_from_buffer(reply.body.size(), const_cast<char*>(reply.body.data()),
                                                    MHD_RESPMEM_MUST_COPY);
  }
  if (response == nullptr) return MHD_NO;
  Sending(connection, reply.picture ? reply.picture->bytes.size() : reply.body.size());
  http.MHD_add_response_header(response, "Content-Type", reply.type.c_str());
  // A picture's address is a tag of its own in this room and question: a phone may keep it for the game.
  http.MHD_add_response_header(response, "Cache-Control", reply.picture ? "private, max-age=3600" : "no-store");
  http.MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  if (reply.status == 429 || reply.status == 503) http.MHD_add_response_header(response, "Retry-After", "1");
  if (reply.page) {
    http.MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
    // The page loads nothing from anywhere: its own inline style and script, and requests to this server.
    http.MHD_add_response_header(response, "Content-Security-Policy",
                                 "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                                 "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                                 "frame-ancestors 'none'");
  }
  if (reply.status >= 500 && reply.status != 503) Count(&LiveServerCounters::errors); // 503: a picture not ready yet
  const MHD_Result queued = http.MHD_queue_response(connection, reply.status, response);
  http.MHD_destroy_response(response);
  return queued;
}

MHD_Result LiveServer::Impl::OnRequest(void* cls, MHD_Connection* connection, const char* url, const char* method,
                                       const char*, const char* upload, size_t* uploadSize, void** requestCls) {
  Impl& s = *static_cast<Impl*>(cls);
  if (*requestCls == nullptr) {
    // The request line and headers are in; the body (if any) follows in later calls.
    auto request = std::make_unique<PendingRequest>();
    request->address = ClientAddress(connection);
    s.Count(&LiveServerCounters::requests);
    std::optional<Reply> refused = s.Admit(connection, url, method, request->address);
    *requestCls = request.release();
    if (refused) return s.Send(connection, *refused);
    return MHD_YES;
  }
  auto& request = *static_cast<PendingRequest*>(*requestCls);
  if (*uploadSize != 0) {
    if (request.body.size() + *uploadSize > s.options.maxBodyBytes)
      request.tooLarge = true;
    else
      request.body.append(upload, *uploadSize);
    *uploadSize = 0;
    return MHD_YES;
  }
  s.RequestDone(connection);
  if (request.tooLarge) {
    s.Count(&LiveServerCounters::refusedSize);
    return s.Send(connection, ErrorReply(413, "too-large", "The request is too large."));
  }
  try {
    return s.Send(connection, s.Route(connection, url, method, request));
  } catch (const std::exception&) {
    return s.Send(connection, ErrorReply(500, "error", "The request could not be handled."));
  }
}

void LiveServer::Impl::OnCompleted(void* cls, MHD_Connection* connection, void** requestCls,
                                   MHD_RequestTerminationCode) {
  static_cast<Impl*>(cls)->Sent(connection);
  delete static_cast<PendingRequest*>(*requestCls);
  *requestCls = nullptr;
}

MHD_Result LiveServer::Impl::OnAccept(void* cls, const sockaddr*, socklen_t) {
  // Called on the server's thread for each new connection, before libmicrohttpd counts it:
  // at the cap, the connection is closed at once (libmicrohttpd's own cap, set above ours,
  // would stop accepting instead and leave newcomers waiting in the kernel's queue).
  Impl& s = *static_cast<Impl*>(cls);
  std::lock_guard lock(s.trackedMutex);
  if (s.tracked.size() < s.options.maxConnections) return MHD_YES;
  s.Count(&LiveServerCounters::refusedConnections);
  return MHD_NO;
}

void LiveServer::Impl::OnConnection(void* cls, MHD_Connection* connection, void**,
                                    MHD_ConnectionNotificationCode code) {
  Impl& s = *static_cast<Impl*>(cls);
  std::lock_guard lock(s.trackedMutex);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* info = Http().MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    const int fd = info ? info->connect_fd : -1;
    // A bounded send buffer: a phone that asks for a picture and never reads holds 128 KiB
    // of the system's memory, not megabytes, and the server thread copies no more for it.
    if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &kSendBufferBytes, sizeof kSendBufferBytes);
    s.tracked[connection] = {fd, SteadyMs()};
  } else {
    s.tracked.erase(connection);
  }
}

LiveServer::LiveServer(std::shared_ptr<LiveRoom> room, LiveServerOptions options, std::function<srs::TimeMs()> clock)
    : m_impl(std::make_unique<Impl>(std::move(room), std::move(options), std::move(clock))) {}

LiveServer::~LiveServer() { Stop(); }

std::string LiveServer::Start() {
  Impl& s = *m_impl;
  if (s.daemon != nullptr) return {};
  if (!Http().error.empty()) return "Live games need libmicrohttpd, which could not be loaded: " + Http().error;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(std::clamp(s.options.port, 0, 65535)));
  if (inet_pton(AF_INET, s.options.address.c_str(), &address.sin_addr) != 1)
    return "\"" + s.options.address + "\" is not an IPv4 address of this machine.";
  // Every connection is a file: the open-file limit must fit the cap and the program's own.
  s.options.maxConnections = FitOpenFileLimit(s.options.maxConnections, kConnectionMargin + kOtherFiles);
  // One thread waits on every connection with epoll and answers each request in
  // microseconds: a slow or silent client holds no worker, only a connection, and those are
  // capped in all (OnAccept) and per address. The listening socket gets SO_REUSEADDR
  // (libmicrohttpd's default) and not SO_REUSEPORT, so no second program can bind the same port.
  s.daemon = Http().MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, &Impl::OnAccept, &s, &Impl::OnRequest, &s,
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address), MHD_OPTION_CONNECTION_LIMIT,
      s.options.maxConnections + kConnectionMargin, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
      static_cast<unsigned>(s.options.maxConnectionsPerAddress), MHD_OPTION_CONNECTION_TIMEOUT,
      // libmicrohttpd's own timeout counts idle seconds, sending included: as long
      // as the send deadline's base, so that a phone that stalls a moment on
      // busy Wi-Fi keeps its picture (the watchdog holds the request deadline).
      static_cast<unsigned>(std::max(1, std::max(s.options.requestDeadlineMs, s.options.sendDeadlineMs) / 1000)),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, s.options.maxHeaderBytes, MHD_OPTION_NOTIFY_COMPLETED, &Impl::OnCompleted, &s,
      MHD_OPTION_NOTIFY_CONNECTION, &Impl::OnConnection, &s, MHD_OPTION_END);
  if (s.daemon == nullptr)
    return "Could not listen on " + s.options.address + " port " + std::to_string(s.options.port) +
           ": another program may be using it. Choose another port.";
  const MHD_DaemonInfo* info = Http().MHD_get_daemon_info(s.daemon, MHD_DAEMON_INFO_BIND_PORT);
  s.port = info ? info->port : s.options.port;
  s.host = s.options.address + ":" + std::to_string(s.port);
  s.stopping = false;
  s.watchdog = std::thread([&s] {
    NameThisThread("fd-live-watch");
    s.Watch();
  });
  s.stopPreparing = false;
  s.preparer = std::thread([&s] {
    NameThisThread("fd-live-pictures");
    s.PreparePictures();
  });
  return {};
}

void LiveServer::Stop() {
  Impl& s = *m_impl;
  if (s.daemon == nullptr) return;
  {
    std::lock_guard lock(s.watchdogMutex);
    s.stopping = true;
  }
  s.watchdogWake.notify_all();
  s.watchdog.join();
  s.stopPreparing = true;
  s.preparer.join();
  Http().MHD_stop_daemon(s.daemon);
  s.daemon = nullptr;
}

bool LiveServer::Running() const { return m_impl->daemon != nullptr; }

int LiveServer::Port() const { return m_impl->port; }

unsigned LiveServer::ConnectionLimit() const { return m_impl->options.maxConnections; }

std::string LiveServer::JoinUrl() const { return "http://" + m_impl->host + "/?code=" + m_impl->room->Code(); }

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
  const QrApi& lib = Qr(); // no code (size 0) when libqrencode cannot be loaded
  QrCode qr;
  if (!lib.error.empty()) return qr;
  QRcode* code = lib.QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
  for (size_t i = 0; i < qr.dark.size(); ++i)
    qr.dark[i] = (code->data[i] & 1) != 0;
  lib.QRcode_free(code);
  return qr;
}

} // namespace factdeck
