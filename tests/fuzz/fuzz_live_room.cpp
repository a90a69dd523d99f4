// Fuzzes the live room with what phones can send: nicknames of any bytes, answers to any
// question and option, in any order with the host's steps between. Checked on every step:
// a kept name is clean (valid UTF-8, 1 to 20 characters, no control or format characters,
// cleaning it again changes nothing); no phone sees the right option before the reveal; a
// player never has two answers to one question.
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "core/deck/deck.h"
#include "core/live/live_room.h"

using namespace factdeck;

namespace {

const Deck& FuzzDeck() {
  static const Deck deck = [] {
    DeckLoad load = ParseDeck(R"([deck]
id = "fuzz"
title = "Fuzz"
language = "en"
[[deck.source]]
id = "s"
title = "Source"
[[entity]]
id = "a"
name = "Alpha"
kind = "place"
[[entity]]
id = "b"
name = "Beta"
kind = "place"
[[entity]]
id = "c"
name = "Gamma"
kind = "place"
[[entity]]
id = "d"
name = "Delta"
kind = "place"
[[entity]]
id = "e"
name = "Epsilon"
kind = "place"
[[event]]
id = "e1"
name = "First"
date = "1901"
source = "s"
[[event]]
id = "e2"
name = "Second"
date = "1920"
source = "s"
[[event]]
id = "e3"
name = "Third"
date = "1950-05"
source = "s"
[[event]]
id = "e4"
name = "Fourth"
date = "1990-01-02"
source = "s"
)",
                              "fuzz.toml");
    if (!load.Ok()) std::abort();
    return std::move(load.deck);
  }();
  return deck;
}

void CheckName(const std::string& name) {
  if (name.empty()) return;
  size_t characters = 0;
  for (utf8proc_ssize_t at = 0; at < static_cast<utf8proc_ssize_t>(name.size());) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(name.data()) + at,
                                    static_cast<utf8proc_ssize_t>(name.size()) - at, &cp);
    if (n <= 0) std::abort(); // not UTF-8
    const auto category = utf8proc_category(cp);
    if (category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF) std::abort();
    at += n;
    ++characters;
  }
  if (characters > kMaxNicknameCharacters || name.front() == ' ' || name.back() == ' ') std::abort();
  if (CleanNickname(name) != name) std::abort(); // cleaning is idempotent
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  LiveOptions options;
  options.request.count = 3;
  options.readSeconds = 1;
  options.secondsPerQuestion = 5;
  options.maxPlayers = 8;
  LiveRoom room(FuzzDeck(), options, "123456", 0);
  std::vector<std::string> tokens;
  std::set<std::pair<int, int>> answered; // player, question
  srs::TimeMs now = 0;
  size_t at = 0;
  auto next = [&]() -> std::uint8_t { return at < size ? data[at++] : 0; };
  while (at < size) {
    const std::uint8_t op = next() % 9;
    now += next() * 37;
    switch (op) {
    case 0: { // a phone joins with the next bytes as its name
      const size_t length = next() % 48;
      std::string name(reinterpret_cast<const char*>(data + at), std::min(length, size - at));
      at += name.size();
      CheckName(CleanNickname(name));
      const auto joined =
          room.Join(next() % 8 ? "123456" : "654321", name, "10.0.0." + std::to_string(next() % 4), now);
      if (joined.error == LiveError::None) {
        CheckName(joined.name);
        if (joined.name.empty()) std::abort();
        tokens.push_back(joined.token);
      }
      break;
    }
    case 1: { // an answer, maybe to the wrong question or option, maybe twice
      if (tokens.empty()) break;
      const size_t player = next() % tokens.size();
      const int question = static_cast<int>(next() % 5) - 1, option = static_cast<int>(next() % 6) - 1;
      if (room.Answer(tokens[player], question, option, now) == LiveError::None &&
          !answered.insert({static_cast<int>(player), question}).second)
        std::abort(); // two answers to one question
      break;
    }
    case 2: { // a poll
      if (tokens.empty()) break;
      LivePlayerView view;
      if (room.View(tokens[next() % tokens.size()], now, view) != LiveError::None) break;
      const bool revealed = view.phase == LivePhase::Revealed;
      if (!revealed && (!view.correctOptions.empty() || !view.explanation.empty() || view.points != 0)) std::abort();
      if (view.phase == LivePhase::Reading && !view.options.empty()) std::abort();
      break;
    }
    case 3: room.Start(now); break;
    case 4: room.Reveal(now); break;
    case 5: room.Next(now); break;
    case 6:
      if (next() % 8 == 0) room.End(now);
      break;
    case 7: room.Kick(next() % 10); break;
    default: room.Tick(now); break;
    }
  }
  // Every answer kept is one of a player's, to a question that exists, once.
  std::set<std::pair<int, int>> seen;
  for (const LiveAnswer& a : room.Answers())
    if (a.question < 0 || a.question >= static_cast<int>(room.QuestionCount()) ||
        !seen.insert({a.player, a.question}).second)
      std::abort();
  return 0;
}
