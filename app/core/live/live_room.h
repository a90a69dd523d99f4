// A live classroom room: players answer from their own phones while the projector shows the
// question. The model only, safe to call from the HTTP server's threads and the host's frame
// at once; the server (live_server.h) turns requests into these calls and the host screen
// draws from Snapshot(). Rules in docs/live.md; scoring as the one-screen match.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/games/classroom.h"

namespace factdeck {

struct LiveOptions {
  ClassroomScoring scoring = ClassroomScoring::Speed;
  QuestionRequest request; // deck questions: count, kinds, tags, seed
  int secondsPerQuestion = 20;
  int readSeconds = 3;
  bool streakBonus = true;
  size_t maxPlayers = 500;         // players in the game at most (a school hall); as many may wait
  size_t maxPlayersPerAddress = 3; // players from one device (one network address) at most
  // The class the host expects (0: no limit). Once that many play, a player joining from a
  // device with nobody in the game waits in the lobby until the host lets them in (Admit):
  // a flood of devices cannot take a class's places. One waiting player per device.
  size_t expectedPlayers = 0;
  // The characters the projector's fonts draw (AppState::canDraw); a name with another is
  // refused with a reason (Undrawable), never shown as boxes. Unset: any.
  std::function<bool(char32_t)> canDraw;
};

enum class LivePhase { Lobby, Reading, Answering, Revealed, Finished };
const char* LivePhaseName(LivePhase phase); // "lobby", "reading", "answering", "revealed", "finished"

// Why a phone's request was refused. LiveErrorMessage gives the sentence the phone shows.
enum class LiveError {
  None,
  WrongCode,      // no room with that code here
  RoomFull,       // the player limit is reached
  RoomLocked,     // the host closed the room to new players
  AddressFull,    // this device has as many players as one device may have
  Waiting,        // a player from this device is still waiting for the host to let them in
  GameFinished,   // the game is over: nobody joins or answers any more
  BadName,        // empty, too long, not UTF-8, or with control characters
  Undrawable,     // the projector cannot show some of its characters (LiveOptions::canDraw)
  NameTaken,      // another player has that name, or one that looks the same (LookAlike)
  UnknownPlayer,  // no player with that token (an old tab, a restarted room)
  Kicked,         // the host removed this player, or this address
  NotAnswering,   // no question is open for answers now (before the options, after the reveal)
  WrongQuestion,  // the answer was for another question than the open one
  BadOption,      // no such option
  AlreadyAnswered // one answer per player per question
};
const char* LiveErrorMessage(LiveError error);

// The port a live room listens on unless the host picks another (docs/live.md).
inline constexpr int kDefaultLivePort = 8765;

inline constexpr size_t kMaxNicknameCharacters = 20;
inline constexpr size_t kMaxMarksPerCharacter = 3;

// A nickname as typed on a phone, made safe to keep and show: valid UTF-8, NFC, trimmed, runs
// of white space made one space, 1 to `maxCharacters` (20) characters, no control, format (bidi overrides),
// private-use or unassigned characters, no character that draws as nothing (U+2800, the
// Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and every other default-ignorable code point
// but the variation selectors), at most three marks stacked on one character, and at least
// one letter or digit. Empty when the name is not acceptable.
std::string CleanNickname(std::string_view typed, size_t maxCharacters = kMaxNicknameCharacters);

// Whether every character of a (clean) name is one `canDraw` accepts; true when it is unset.
bool CanDrawName(std::string_view name, const std::function<bool(char32_t)>& canDraw);

// Whether two names could be taken for each other on the screen: the same after folding case,
// accents and compatibility forms, or after Unicode's confusables skeleton (UTS #39, from
// ICU), so "Anna", "ANNA", "Ánna" and "Аnna" with a Cyrillic А are one name, and so are
// "Paul" and "PauI" with a capital i.
bool LookAlike(std::string_view a, std::string_view b);

// The two forms LookAlike compares, made once per name.
struct LiveNameKeys {
  std::string folded;  // folded, then skeleton
  std::string written; // skeleton, then folded
  bool LookAlike(const LiveNameKeys& other) const { return folded == other.folded || written == other.written; }
};
LiveNameKeys NameKeysOf(std::string_view name);

struct LivePlayer : Standing {
  int id = 0;          // shown to the host; never secret
  std::string token;   // the player's secret: 128 random bits, hex
  std::string address; // where the phone connects from
  bool kicked = false;
  bool waiting = false; // joined beyond the expected class: not in the game until the host lets them in
  bool Playing() const { return !kicked && !waiting; }
  srs::TimeMs joined = 0, lastSeen = 0;
  int answeredQuestion = -1; // the last question this player answered
  std::vector<int> options;  // what they chose then (several for a select-all question)
  bool correct = false;
  int points = 0, responseMs = 0;
  std::int64_t profile = 0; // the learner this player is, when the host links them (0: none)
};

struct LiveAnswer {
  int player = 0; // LivePlayer::id
  int question = 0;
  std::vector<int> options; // chosen: one, or several for a select-all question
  std::string given;        // the options chosen as text
  bool correct = false;
  srs::TimeMs time = 0;
  int responseMs = 0, points = 0;
};

// What one phone may see. Before the reveal nothing in it tells the right option.
struct LivePlayerView {
  LivePhase phase = LivePhase::Lobby;
  std::uint64_t version = 0; // changes whenever the room does
  std::string name;
  bool waiting = false;                 // the host has not let this player in yet: nothing of the game is shown
  int question = -1, questionCount = 0; // 0-based; -1 in the lobby
  std::string prompt;
  // The question's picture, when it has one: where the phone fetches it (the question's
  // number and a random tag of this room's, so a cached copy is never another picture and
  // the address tells nothing of the picture).
  std::string picture;
  // From the moment the options appear. Picture options come with where each picture is
  // (`optionPictures`, as `picture`); when the pictures alone are asked, their words
  // (whose each is) are empty until the reveal.
  std::vector<std::string> options, optionPictures;
  double secondsLeft = 0;
  bool selectAll = false;  // the question asks for every right option (SelectAll)
  std::vector<int> chosen; // this player's answer to this question, empty when none
  // After the reveal of this question:
  std::vector<int> correctOptions;
  bool correct = false;
  int points = 0;
  std::string explanation, source;
  // Always:
  int score = 0, rank = 0, players = 0;
  std::vector<std::pair<std::string, int>> podium; // when finished: the first three, name and score
};

// What the host screen draws.
struct LiveHostView {
  LivePhase phase = LivePhase::Lobby;
  bool locked = false; // no new players
  std::uint64_t version = 0;
  int question = -1, questionCount = 0;
  const Question* current = nullptr; // valid while the room lives; questions never change
  double secondsLeft = 0;
  int answered = 0;                // answers to the open question
  std::vector<int> optionCounts;   // after the reveal: how many chose each option
  std::vector<LivePlayer> players; // every player, kicked and waiting ones included, by join order
  std::vector<size_t> ranking;     // indices into players, best first, only those Playing()
  std::vector<int> ranks;          // per player, 1-based (0 for kicked and waiting ones)
};

class LiveRoom {
public:
  // `code` is the room code players type (6 digits: see NewRoomCode); `seed` also seeds the
  // questions when the request has none.
  LiveRoom(const Deck& deck, LiveOptions options, std::string code, srs::TimeMs now);

  const std::string& Code() const { return m_code; }
  const LiveOptions& Options() const { return m_options; }
  const std::string& DeckId() const { return m_deckId; }
  size_t QuestionCount() const { return m_questions.size(); }
  const std::vector<Question>& Questions() const { return m_questions; }

  // Phones. Every call checks the room's clock first (Tick).
  struct Joined {
    LiveError error = LiveError::None;
    std::string token;
    int player = 0;
    std::string name;     // as kept (CleanNickname)
    bool waiting = false; // joined, but waits for the host to be let in
  };
  Joined Join(std::string_view code, std::string_view nickname, std::string_view address, srs::TimeMs now);
  // One option, or for a select-all question every option the player marked.
  LiveError Answer(std::string_view token, int question, const std::vector<int>& options, srs::TimeMs now);
  LiveError Answer(std::string_view token, int question, int option, srs::TimeMs now) {
    return Answer(token, question, std::vector<int>{option}, now);
  }
  LiveError View(std::string_view token, srs::TimeMs now, LivePlayerView& view);
  // The file of the picture at `path` ("/picture/N/TAG"), only while question N is on the
  // screen (never a question to come); "" otherwise.
  std::string PictureFile(std::string_view path) const;

  // The host.
  void Start(srs::TimeMs now);  // lobby: the first question
  void Reveal(srs::TimeMs now); // close answers early (they close by themselves at the time limit)
  void Next(srs::TimeMs now);   // revealed: the next question, or the end after the last
  void End(srs::TimeMs now);    // finish now
  bool Kick(int player); // removes the player (or refuses a waiting one) and bars their address from joining again
  // Removes every player from those addresses (devices) at once and bars them; how many.
  int KickAddresses(const std::vector<std::string>& addresses);
  // Lets a waiting player in (0: every waiting player, in the order they joined), while the
  // game has room; how many came in.
  int Admit(int player);
  void Lock(bool locked); // a locked room takes no new players (those in it play on)
  // Called whenever the room changes (a join, an answer, a step), from whichever thread
  // changed it and with the room's lock held: it must not call the room. The window uses it
  // to draw again only when there is something new.
  void SetChangeListener(std::function<void()> listener);
  bool LinkProfile(int player, std::int64_t profile); // this player is that learner (0 unlinks)
  void Tick(srs::TimeMs now);                         // reading -> answering -> revealed as time passes
  LiveHostView Snapshot(srs::TimeMs now);

  // For saving and for a learner's own study.
  MatchRecord Record(srs::TimeMs ended) const;
  std::vector<LiveAnswer> Answers() const;
  std::string ResultsCsv() const;

private:
  void TickLocked(srs::TimeMs now);
  void BeginQuestion(srs::TimeMs now);
  void RevealLocked();
  double SecondsLeftLocked(srs::TimeMs now) const;
  int LimitSecondsLocked() const; // the open question's own time limit, else the room's
  // Ticks, then finds the player with `token` and notes them seen; null with `error` set
  // for an unknown token or a removed player.
  LivePlayer* SeenLocked(std::string_view token, srs::TimeMs now, LiveError& error);
  std::vector<const Standing*> StandingsLocked() const; // removed and waiting players rank last
  size_t PlayingLocked() const;                         // players in the game (not removed, not waiting)

  mutable std::mutex m_mutex;
  LiveOptions m_options;
  std::string m_code, m_deckId;
  std::vector<Question> m_questions;
  // Where each question's pictures are served: a random tag per question and picture (the
  // prompt's, then each option's), made when the room opens, so that nothing in an address
  // tells which picture it is: not its file, not its place, not another question's tag.
  struct PictureTags {
    std::string prompt;
    std::vector<std::string> options;
  };
  std::vector<PictureTags> m_pictureTags;
  std::vector<LivePlayer> m_players;
  std::vector<LiveNameKeys> m_nameKeys; // per player, as m_players
  std::unordered_map<std::string, size_t> m_byToken;
  std::set<std::string> m_barred; // addresses of kicked players
  std::vector<LiveAnswer> m_answers;
  LivePhase m_phase = LivePhase::Lobby;
  int m_question = -1;
  srs::TimeMs m_started = 0, m_optionsAt = 0;
  std::uint64_t m_version = 1;
  bool m_locked = false;
  std::function<void()> m_listener;
  void ChangedLocked(); // a new version; tells the listener
};

// Feeds one player's answers into a learner's own study: each answer becomes a review of its
// card, rated Good or Again and rescheduled, so the game's mistakes come back in study.
StoreStatus RecordLivePlayer(const LiveRoom& room, int player, std::int64_t profile, ProfileStore& store,
                             const srs::Fsrs& fsrs);

// A fresh 6-digit room code and a fresh secret (128 bits, hex), from the system's random source.
std::string NewRoomCode();
std::string NewSecret();

} // namespace factdeck
