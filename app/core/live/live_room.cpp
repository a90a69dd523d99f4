#include "core/live/live_room.h"

#include <unicode/uspoof.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <random>

#include "core/import/csv.h"
#include "core/games/question_run.h"
#include "core/games/quiz_session.h"
#include "core/base/shared_library.h"
#include "core/base/text.h"

namespace factdeck {

const char* LivePhaseName(LivePhase phase) {
  switch (phase) {
  case LivePhase::Lobby: return "lobby";
  case LivePhase::Reading: return "reading";
  case LivePhase::Answering: return "answering";
  case LivePhase::Revealed: return "revealed";
  case LivePhase::Finished: return "finished";
  }
  return "lobby";
}

const char* LiveErrorMessage(LiveError error) {
  switch (error) {
  case LiveError::None: return "";
  case LiveError::WrongCode: return "There is no game with that code here. Check the code on the screen.";
  case LiveError::RoomFull: return "The game is full.";
  case LiveError::RoomLocked: return "The game is closed to new players. Ask the host.";
  case LiveError::AddressFull: return "This device already has as many players as one device may have.";
  case LiveError::Waiting: return "A player on this device is already waiting for the host to let them in.";
  case LiveError::GameFinished: return "This game has finished.";
  case LiveError::BadName:
    return "Choose a name of 1 to 20 letters, digits or signs, with no blank or invisible characters.";
  case LiveError::Undrawable:
    return "The screen cannot show some characters of this name (emoji, or an alphabet its font lacks). Choose a "
           "name in Latin, Greek, Cyrillic, Armenian or Georgian letters.";
  case LiveError::NameTaken: return "Somebody already has that name, or one that looks the same. Choose another.";
  case LiveError::UnknownPlayer: return "You are not in this game. Join again.";
  case LiveError::Kicked: return "The host removed you from this game.";
  case LiveError::NotAnswering: return "Answers are closed for now.";
  case LiveError::WrongQuestion: return "That answer was for another question.";
  case LiveError::BadOption: return "There is no such answer.";
  case LiveError::AlreadyAnswered: return "You have already answered this question.";
  }
  return "";
}

std::string CleanNickname(std::string_view typed, size_t maxCharacters) {
  if (typed.size() > 4 * maxCharacters + 64) return {};
  utf8proc_uint8_t* composed = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(typed.data()), static_cast<utf8proc_ssize_t>(typed.size()),
                   &composed, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (length < 0) return {}; // not UTF-8
  const std::string nfc(reinterpret_cast<const char*>(composed), static_cast<size_t>(length));
  std::free(composed);
  std::string clean;
  size_t characters = 0, marks = 0;
  bool pendingSpace = false, letterOrDigit = false;
  for (utf8proc_ssize_t at = 0; at < length;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(nfc.data()) + at, length - at, &cp);
    if (n <= 0) return {};
    const utf8proc_category_t category = utf8proc_category(cp);
    // Characters that draw as nothing: the braille blank, the Hangul fillers and every other
    // default-ignorable code point ("Anna" and "Anna" with one of them after it would look
    // the same), except the variation selectors that choose an emoji's form. (utf8proc's
    // `ignorable` is Default_Ignorable_Code_Point for every assigned code point; unassigned
    // ones are refused below as Cn.)
    const bool variationSelector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    if (cp == 0x2800 || (!variationSelector && utf8proc_get_property(cp)->ignorable)) return {};
    // Marks stacked on one character (more than three: written text needs no more) would
    // spill over the names above and below it.
    const bool mark =
        category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
    marks = mark && !variationSelector ? marks + 1 : 0;
    if (marks > kMaxMarksPerCharacter) return {};
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) letterOrDigit = true;
    if (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO) letterOrDigit = true;
    switch (category) {
    case UTF8PROC_CATEGORY_CC: // controls, tab and newline among them
    case UTF8PROC_CATEGORY_CF: // format: bidi overrides, zero-width joiners
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return {};
    case UTF8PROC_CATEGORY_ZS: pendingSpace = !clean.empty(); break;
    default:
      if (pendingSpace) {
        clean += ' ';
        ++characters;
        pendingSpace = false;
      }
      clean.append(nfc, static_cast<size_t>(at), static_cast<size_t>(n));
      ++characters;
    }
    at += n;
  }
  if (clean.empty() || characters > maxCharacters || !letterOrDigit) return {};
  return clean;
}

namespace {

// ICU's spoof checker, loaded with the first name a room checks (core/base/shared_library.h).
#define FACTDECK_SPOOF_FUNCTIONS(X) X(uspoof_open) X(uspoof_close) X(uspoof_getSkeletonUTF8)
FACTDECK_LIBRARY_API(SpoofApi, Spoof, FACTDECK_SONAME_ICU_I18N, FACTDECK_SPOOF_FUNCTIONS)

// Unicode's confusables skeleton (UTS #39) of `text`, from ICU; `text` itself when ICU cannot.
std::string Skeleton(const std::string& text) {
  const SpoofApi& icu = Spoof();
  if (!icu.error.empty()) return text;
  // One checker per thread: the room and the server's thread may ask at once.
  thread_local struct Checker {
    const SpoofApi& icu;
    USpoofChecker* checker = nullptr;
    explicit Checker(const SpoofApi& api) : icu(api) {
      UErrorCode status = U_ZERO_ERROR;
      checker = icu.uspoof_open(&status);
      if (U_FAILURE(status)) checker = nullptr;
    }
    ~Checker() {
      if (checker != nullptr) icu.uspoof_close(checker);
    }
  } spoof(icu);
  if (spoof.checker == nullptr) return text;
  std::string skeleton(text.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = icu.uspoof_getSkeletonUTF8(spoof.checker, 0, text.c_str(), static_cast<int32_t>(text.size()),
                                              skeleton.data(), static_cast<int32_t>(skeleton.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    skeleton.assign(static_cast<size_t>(length) + 1, '\0');
    status = U_ZERO_ERROR;
    length = icu.uspoof_getSkeletonUTF8(spoof.checker, 0, text.c_str(), static_cast<int32_t>(text.size()),
                                        skeleton.data(), static_cast<int32_t>(skeleton.size()), &status);
  }
  if (U_FAILURE(status)) return text;
  skeleton.resize(static_cast<size_t>(length));
  return skeleton;
}

} // namespace

LiveNameKeys NameKeysOf(std::string_view name) {
  const std::string text(name);
  // Folded first, so that case and accents do not count ("RÖHM", "Rohm"); and as written
  // first, since the skeleton knows look-alikes that differ in case ("I" and "l").
  return {Skeleton(Fold(text)), Fold(Skeleton(text))};
}

bool LookAlike(std::string_view a, std::string_view b) { return NameKeysOf(a).LookAlike(NameKeysOf(b)); }

bool CanDrawName(std::string_view name, const std::function<bool(char32_t)>& canDraw) {
  if (!canDraw) return true;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  const auto length = static_cast<utf8proc_ssize_t>(name.size());
  for (utf8proc_ssize_t at = 0; at < length;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(bytes + at, length - at, &cp);
    if (step <= 0 || !canDraw(static_cast<char32_t>(cp))) return false;
    at += step;
  }
  return true;
}

namespace {

std::string RandomHex(size_t bytes) {
  std::random_device device; // the system's random source (getrandom / /dev/urandom)
  std::string hex;
  static const char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < bytes; ++i) {
    const unsigned byte = device() & 0xFF;
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 15];
  }
  return hex;
}

} // namespace

std::string NewRoomCode() {
  std::random_device device;
  char code[8];
  std::snprintf(code, sizeof code, "%06u", static_cast<unsigned>(device() % 1000000u));
  return code;
}

std::string NewSecret() { return RandomHex(16); }

LiveRoom::LiveRoom(const Deck& deck, LiveOptions options, std::string code, srs::TimeMs now)
    : m_options(std::move(options)), m_code(std::move(code)), m_deckId(deck.id), m_started(now) {
  // Phones answer by picking an option: the kinds with options only.
  auto& kinds = m_options.request.kinds;
  if (kinds.empty())
    kinds = {QuestionKind::MultipleChoice, QuestionKind::MultipleChoiceReverse, QuestionKind::When,
             QuestionKind::WhichFirst};
  kinds.erase(std::remove_if(kinds.begin(), kinds.end(),
                             [](QuestionKind k) {
                               return k == QuestionKind::Ordering || k == QuestionKind::TypedYear ||
                                      k == QuestionKind::Flashcard;
                             }),
              kinds.end());
  if (!kinds.empty()) m_questions = QuestionGenerator(deck).Generate(m_options.request);
  for (const Question& q : m_questions) {
    PictureTags tags;
    if (!q.image.empty()) tags.prompt = RandomHex(12);
    for (size_t i = 0; i < q.optionImages.size(); ++i)
      tags.options.push_back(RandomHex(12));
    m_pictureTags.push_back(std::move(tags));
  }
}

LivePlayer* LiveRoom::SeenLocked(std::string_view token, srs::TimeMs now, LiveError& error) {
  TickLocked(now);
  const auto it = m_byToken.find(std::string(token));
  if (it == m_byToken.end()) {
    error = LiveError::UnknownPlayer;
    return nullptr;
  }
  LivePlayer& p = m_players[it->second];
  if (p.kicked) {
    error = LiveError::Kicked;
    return nullptr;
  }
  p.lastSeen = now;
  return &p;
}

size_t LiveRoom::PlayingLocked() const {
  return static_cast<size_t>(
      std::count_if(m_players.begin(), m_players.end(), [](const LivePlayer& p) { return p.Playing(); }));
}

std::vector<const Standing*> LiveRoom::StandingsLocked() const {
  // A removed or waiting player counts below everyone, so nobody's rank depends on them.
  static const Standing out = [] {
    Standing s;
    s.score = std::numeric_limits<int>::min();
    return s;
  }();
  std::vector<const Standing*> all;
  for (const LivePlayer& p : m_players)
    all.push_back(p.Playing() ? &p : &out);
  return all;
}

LiveRoom::Joined LiveRoom::Join(std::string_view code, std::string_view nickname, std::string_view address,
                                srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
  Joined joined;
  // Who plays, who waits, and what this device has in the room already.
  size_t playing = 0, waiting = 0, fromDevice = 0;
  bool devicePlays = false, deviceWaits = false;
  for (const LivePlayer& p : m_players) {
    if (p.kicked) continue;
    (p.waiting ? waiting : playing) += 1;
    if (p.address != address) continue;
    ++fromDevice;
    (p.waiting ? deviceWaits : devicePlays) = true;
  }
  // Beyond the expected class, a new device waits for the host.
  const bool hold = m_options.expectedPlayers > 0 && playing >= m_options.expectedPlayers && !devicePlays;
  if (code != m_code)
    joined.error = LiveError::WrongCode;
  else if (m_phase == LivePhase::Finished)
    joined.error = LiveError::GameFinished;
  else if (m_barred.count(std::string(address)))
    joined.error = LiveError::Kicked;
  else if (m_locked)
    joined.error = LiveError::RoomLocked;
  else if (fromDevice >= m_options.maxPlayersPerAddress)
    joined.error = LiveError::AddressFull;
  else if (deviceWaits)
    joined.error = LiveError::Waiting;
  else if (hold ? waiting >= m_options.maxPlayers : playing >= m_options.maxPlayers)
    joined.error = LiveError::RoomFull;
  if (joined.error != LiveError::None) return joined;
  const std::string name = CleanNickname(nickname);
  if (name.empty()) {
    joined.error = LiveError::BadName;
    return joined;
  }
  if (!CanDrawName(name, m_options.canDraw)) {
    joined.error = LiveError::Undrawable;
    return joined;
  }
  // Each player's keys were made when they joined: a join costs two look-ups, not two per player.
  const LiveNameKeys keys = NameKeysOf(name);
  for (size_t i = 0; i < m_players.size(); ++i)
    if (!m_players[i].kicked && m_nameKeys[i].LookAlike(keys)) {
      joined.error = LiveError::NameTaken;
      return joined;
    }
  LivePlayer player;
  player.id = static_cast<int>(m_players.size()) + 1;
  player.name = name;
  player.address = std::string(address);
  player.waiting = hold;
  do
    player.token = NewSecret();
  while (m_byToken.count(player.token));
  player.joined = player.lastSeen = now;
  m_byToken[player.token] = m_players.size();
  joined.token = player.token;
  joined.player = player.id;
  joined.name = name;
  joined.waiting = hold;
  m_players.push_back(std::move(player));
  m_nameKeys.push_back(keys);
  ChangedLocked();
  return joined;
}

LiveError LiveRoom::Answer(std::string_view token, int question, const std::vector<int>& options, srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  LiveError error = LiveError::None;
  LivePlayer* p = SeenLocked(token, now, error);
  if (p == nullptr) return error;
  if (m_phase == LivePhase::Finished) return LiveError::GameFinished;
  if (m_phase != LivePhase::Answering || p->waiting) return LiveError::NotAnswering;
  if (question != m_question) return LiveError::WrongQuestion;
  const Question& q = m_questions[static_cast<size_t>(m_question)];
  // One option, or (select all) several, each once.
  std::vector<int> chosen = options;
  std::sort(chosen.begin(), chosen.end());
  if (chosen.empty() || (chosen.size() > 1 && !SelectAll(q)) ||
      std::adjacent_find(chosen.begin(), chosen.end()) != chosen.end() || chosen.front() < 0 ||
      chosen.back() >= static_cast<int>(q.options.size()))
    return LiveError::BadOption;
  if (p->answeredQuestion == m_question) return LiveError::AlreadyAnswered;
  // The server's clock times the answer, from the moment the options appeared.
  const int responseMs = static_cast<int>(std::max<srs::TimeMs>(0, now - m_optionsAt));
  const Judgement judgement = JudgeOptions(q, chosen);
  const bool correct = judgement.correct;
  const int points = correct ? ClassroomPoints(m_options.scoring, responseMs / 1000.0, LimitSecondsLocked(), p->streak,
                                               m_options.streakBonus)
                             : 0;
  p->answeredQuestion = m_question;
  p->options = chosen;
  p->correct = correct;
  p->points = points;
  p->responseMs = responseMs;
  // The standing changes at the reveal, so ranks shown before it give nothing away.
  m_answers.push_back({p->id, m_question, chosen, judgement.given, correct, now, responseMs, points});
  ChangedLocked();
  const bool everyone = std::all_of(m_players.begin(), m_players.end(), [&](const LivePlayer& other) {
    return !other.Playing() || other.answeredQuestion == m_question;
  });
  if (everyone) RevealLocked();
  return LiveError::None;
}

namespace {
// "/picture/N/TAG": TAG is random, the room's own for question N and that picture.
std::string PicturePath(int question, const std::string& tag) {
  return "/picture/" + std::to_string(question) + "/" + tag;
}
} // namespace

std::string LiveRoom::PictureFile(std::string_view path) const {
  std::lock_guard lock(m_mutex);
  if (m_question < 0 || m_phase == LivePhase::Finished) return {};
  const Question& q = m_questions[static_cast<size_t>(m_question)];
  const PictureTags& tags = m_pictureTags[static_cast<size_t>(m_question)];
  if (!q.image.empty() && path == PicturePath(m_question, tags.prompt)) return q.image;
  // An option's picture, once the options are shown.
  if (m_phase != LivePhase::Reading)
    for (size_t i = 0; i < q.optionImages.size(); ++i)
      if (path == PicturePath(m_question, tags.options[i])) return q.optionImages[i];
  return {};
}

LiveError LiveRoom::View(std::string_view token, srs::TimeMs now, LivePlayerView& view) {
  std::lock_guard lock(m_mutex);
  LiveError error = LiveError::None;
  LivePlayer* p = SeenLocked(token, now, error);
  if (p == nullptr) return error;
  view = LivePlayerView{};
  view.phase = m_phase;
  view.version = m_version;
  view.name = p->name;
  view.players = static_cast<int>(PlayingLocked());
  if (p->waiting && m_phase != LivePhase::Finished) {
    view.waiting = true; // nothing of the game until the host lets them in: a lobby of their own
    view.phase = LivePhase::Lobby;
    return LiveError::None;
  }
  view.question = m_question;
  view.questionCount = static_cast<int>(m_questions.size());
  view.score = p->score;
  const auto standings = StandingsLocked();
  view.rank = RankOf(standings, static_cast<size_t>(p - m_players.data()));
  if (m_question >= 0 && m_phase != LivePhase::Finished) {
    const Question& q = m_questions[static_cast<size_t>(m_question)];
    view.prompt = q.prompt;
    const PictureTags& tags = m_pictureTags[static_cast<size_t>(m_question)];
    if (!q.image.empty()) view.picture = PicturePath(m_question, tags.prompt);
    view.secondsLeft = SecondsLeftLocked(now);
    if (m_phase != LivePhase::Reading) {
      view.options = q.options;
      for (const std::string& tag : tags.options)
        view.optionPictures.push_back(PicturePath(m_question, tag));
      if (q.picturesOnly && m_phase != LivePhase::Revealed)
        std::fill(view.options.begin(), view.options.end(), std::string());
    }
    view.selectAll = SelectAll(q);
    if (p->answeredQuestion == m_question) view.chosen = p->options;
    if (m_phase == LivePhase::Revealed) {
      view.correctOptions = RightOptions(q);
      view.explanation = q.explanation;
      view.source = q.source;
      if (p->answeredQuestion == m_question) {
        view.correct = p->correct;
        view.points = p->points;
      }
    }
  }
  if (m_phase == LivePhase::Finished) {
    const auto order = RankOrder(standings);
    for (size_t i = 0; i < order.size() && view.podium.size() < 3; ++i)
      if (m_players[order[i]].Playing()) view.podium.emplace_back(m_players[order[i]].name, m_players[order[i]].score);
  }
  return LiveError::None;
}

void LiveRoom::BeginQuestion(srs::TimeMs now) {
  m_phase = LivePhase::Reading;
  m_optionsAt = now + static_cast<srs::TimeMs>(m_options.readSeconds) * 1000;
  ChangedLocked();
}

void LiveRoom::Start(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  if (m_phase != LivePhase::Lobby) return;
  if (m_questions.empty()) {
    m_phase = LivePhase::Finished;
    ChangedLocked();
    return;
  }
  m_started = now;
  m_question = 0;
  BeginQuestion(now);
}

double LiveRoom::SecondsLeftLocked(srs::TimeMs now) const {
  if (m_phase == LivePhase::Reading) return static_cast<double>(m_optionsAt - now) / 1000.0;
  if (m_phase == LivePhase::Answering) return LimitSecondsLocked() - static_cast<double>(now - m_optionsAt) / 1000.0;
  return 0;
}

int LiveRoom::LimitSecondsLocked() const {
  if (m_question < 0 || static_cast<size_t>(m_question) >= m_questions.size()) return m_options.secondsPerQuestion;
  return SecondsFor(m_questions[static_cast<size_t>(m_question)], m_options.secondsPerQuestion);
}

void LiveRoom::TickLocked(srs::TimeMs now) {
  if (m_phase == LivePhase::Reading && now >= m_optionsAt) {
    m_phase = LivePhase::Answering;
    ChangedLocked();
  }
  if (m_phase == LivePhase::Answering && SecondsLeftLocked(now) <= 0) RevealLocked();
}

void LiveRoom::Tick(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
}

void LiveRoom::RevealLocked() {
  if (m_phase != LivePhase::Answering && m_phase != LivePhase::Reading) return;
  // Each player's answer counts now; a player who did not answer loses the streak.
  for (LivePlayer& p : m_players) {
    if (!p.Playing()) continue;
    const bool answered = p.answeredQuestion == m_question;
    p.Count(answered && p.correct, answered ? p.points : 0, answered ? p.responseMs : 0);
  }
  m_phase = LivePhase::Revealed;
  ChangedLocked();
}

void LiveRoom::Reveal(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
  RevealLocked();
}

void LiveRoom::Next(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
  if (m_phase != LivePhase::Revealed) return;
  if (m_question + 1 >= static_cast<int>(m_questions.size())) {
    m_phase = LivePhase::Finished;
    ChangedLocked();
    return;
  }
  ++m_question;
  BeginQuestion(now);
}

void LiveRoom::End(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
  if (m_phase == LivePhase::Answering || m_phase == LivePhase::Reading) RevealLocked();
  m_phase = LivePhase::Finished;
  ChangedLocked();
}

bool LiveRoom::Kick(int player) {
  std::lock_guard lock(m_mutex);
  if (player < 1 || player > static_cast<int>(m_players.size())) return false;
  LivePlayer& p = m_players[static_cast<size_t>(player - 1)];
  if (p.kicked) return false;
  p.kicked = true;
  m_barred.insert(p.address);
  ChangedLocked();
  return true;
}

int LiveRoom::KickAddresses(const std::vector<std::string>& addresses) {
  std::lock_guard lock(m_mutex);
  const std::set<std::string> devices(addresses.begin(), addresses.end());
  int removed = 0;
  for (LivePlayer& p : m_players)
    if (!p.kicked && devices.count(p.address)) {
      p.kicked = true;
      ++removed;
    }
  m_barred.insert(devices.begin(), devices.end());
  ChangedLocked();
  return removed;
}

int LiveRoom::Admit(int player) {
  std::lock_guard lock(m_mutex);
  if (m_phase == LivePhase::Finished) return 0; // the game and its record are closed
  size_t playing = PlayingLocked();
  int admitted = 0;
  for (LivePlayer& p : m_players) {
    if (playing >= m_options.maxPlayers) break;
    if (p.kicked || !p.waiting || (player != 0 && p.id != player)) continue;
    p.waiting = false;
    ++playing;
    ++admitted;
  }
  if (admitted > 0) ChangedLocked();
  return admitted;
}

void LiveRoom::Lock(bool locked) {
  std::lock_guard lock(m_mutex);
  if (m_locked == locked) return;
  m_locked = locked;
  ChangedLocked();
}

void LiveRoom::SetChangeListener(std::function<void()> listener) {
  std::lock_guard lock(m_mutex);
  m_listener = std::move(listener);
}

void LiveRoom::ChangedLocked() {
  ++m_version;
  if (m_listener) m_listener();
}

bool LiveRoom::LinkProfile(int player, std::int64_t profile) {
  std::lock_guard lock(m_mutex);
  if (player < 1 || player > static_cast<int>(m_players.size())) return false;
  m_players[static_cast<size_t>(player - 1)].profile = profile;
  ChangedLocked();
  return true;
}

StoreStatus RecordLivePlayer(const LiveRoom& room, int player, std::int64_t profile, ProfileStore& store,
                             const srs::Fsrs& fsrs) {
  StoreStatus result;
  for (const LiveAnswer& a : room.Answers()) {
    if (a.player != player) continue;
    const Question& q = room.Questions()[static_cast<size_t>(a.question)];
    StoreStatus saved =
        RecordQuestionAnswer(store, fsrs, profile, 0, room.DeckId(), q, a.given, a.correct, a.responseMs, a.time, true);
    if (!saved) result = saved;
  }
  return result;
}

LiveHostView LiveRoom::Snapshot(srs::TimeMs now) {
  std::lock_guard lock(m_mutex);
  TickLocked(now);
  LiveHostView view;
  view.phase = m_phase;
  view.version = m_version;
  view.locked = m_locked;
  view.question = m_question;
  view.questionCount = static_cast<int>(m_questions.size());
  if (m_question >= 0) view.current = &m_questions[static_cast<size_t>(m_question)];
  view.secondsLeft = SecondsLeftLocked(now);
  view.players = m_players;
  for (LivePlayer& p : view.players)
    p.token.clear(); // the screen never needs a secret
  if (view.current) {
    view.optionCounts.assign(view.current->options.size(), 0);
    for (const LivePlayer& p : m_players)
      if (p.Playing() && p.answeredQuestion == m_question) {
        ++view.answered;
        if (m_phase == LivePhase::Revealed || m_phase == LivePhase::Finished)
          for (int option : p.options)
            ++view.optionCounts[static_cast<size_t>(option)];
      }
  }
  const auto standings = StandingsLocked();
  for (size_t i : RankOrder(standings))
    if (m_players[i].Playing()) view.ranking.push_back(i);
  for (size_t i = 0; i < m_players.size(); ++i)
    view.ranks.push_back(m_players[i].Playing() ? RankOf(standings, i) : 0);
  return view;
}

MatchRecord LiveRoom::Record(srs::TimeMs ended) const {
  std::lock_guard lock(m_mutex);
  MatchRecord record;
  record.deck = m_deckId;
  record.mode = "live";
  record.scoring = ClassroomScoringName(m_options.scoring);
  record.started = m_started;
  record.ended = ended;
  const auto standings = StandingsLocked();
  // A removed player is kept with their answers, ranked after everyone who stayed; one the
  // host never let in never played and is not kept (a flood of names stays out of the history).
  const int stayed = static_cast<int>(PlayingLocked());
  std::vector<size_t> recordIndex(m_players.size(), 0); // by player: the place in record.players
  for (size_t i = 0; i < m_players.size(); ++i) {
    if (m_players[i].waiting) continue;
    recordIndex[i] = record.players.size();
    record.players.push_back({m_players[i].name, "", m_players[i].profile, m_players[i].score,
                              m_players[i].Playing() ? RankOf(standings, i) : stayed + 1});
  }
  for (const LiveAnswer& a : m_answers) {
    const Question& q = m_questions[static_cast<size_t>(a.question)];
    record.answers.push_back({recordIndex[static_cast<size_t>(a.player - 1)], a.question, q.card,
                              QuestionKindName(q.kind), a.given, a.correct, a.time, a.responseMs, a.points});
  }
  return record;
}

std::vector<LiveAnswer> LiveRoom::Answers() const {
  std::lock_guard lock(m_mutex);
  return m_answers;
}

std::string LiveRoom::ResultsCsv() const {
  std::lock_guard lock(m_mutex);
  std::string csv = FormatCsvRecord({"question", "player", "answer", "right", "seconds", "points"});
  for (const LiveAnswer& a : m_answers) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", a.responseMs / 1000.0);
    csv += FormatCsvRecord({std::to_string(a.question + 1), m_players[static_cast<size_t>(a.player - 1)].name, a.given,
                            a.correct ? "yes" : "no", seconds, std::to_string(a.points)});
  }
  csv += FormatCsvRecord({});
  csv += FormatCsvRecord({"rank", "player", "score", "right"});
  const auto standings = StandingsLocked();
  for (size_t i : RankOrder(standings))
    if (m_players[i].Playing())
      csv += FormatCsvRecord({std::to_string(RankOf(standings, i)), m_players[i].name,
                              std::to_string(m_players[i].score), std::to_string(m_players[i].right)});
  return csv;
}

} // namespace factdeck
