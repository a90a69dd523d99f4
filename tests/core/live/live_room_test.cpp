#include <catch2/catch.hpp>

#include <algorithm>

#include "core/srs/fsrs.h"
#include "core/live/live_room.h"
#include "support/seed_deck.h"
#include "support/temp_dir.h"

using namespace factdeck;

namespace {
constexpr srs::TimeMs kNow = 1767268800000;

// `expectedPlayers`: the class size beyond which new devices wait for the host (0: none).
LiveOptions Options(size_t questions, size_t maxPlayers = 100, size_t expectedPlayers = 0) {
  LiveOptions o;
  o.expectedPlayers = expectedPlayers;
  o.request.count = questions;
  o.request.seed = 11;
  o.readSeconds = 3;
  o.secondsPerQuestion = 20;
  o.maxPlayers = maxPlayers;
  return o;
}

int Wrong(const Question& q) { return (q.answer + 1) % static_cast<int>(q.options.size()); }

LivePlayerView ViewOf(LiveRoom& room, const std::string& token, srs::TimeMs now) {
  LivePlayerView v;
  REQUIRE(room.View(token, now, v) == LiveError::None);
  return v;
}
} // namespace

TEST_CASE("nicknames: NFC, trimmed, 1 to 20 characters, no control or format characters", "[live]") {
  CHECK(CleanNickname("  Röhm  ") == "Röhm");
  CHECK(CleanNickname("Ro\xCC\x88hm") == "Röhm"); // decomposed ö composes
  CHECK(CleanNickname("Тухачевский") == "Тухачевский");
  CHECK(CleanNickname("Anna   Maria") == "Anna Maria");
  CHECK(CleanNickname("<b>Bažanov</b>") == "<b>Bažanov</b>"); // kept as text; every screen shows it as text
  CHECK(CleanNickname("") == "");
  CHECK(CleanNickname("   ") == "");
  CHECK(CleanNickname("a\nb") == "");
  CHECK(CleanNickname("a\tb") == "");
  CHECK(CleanNickname("evil\xE2\x80\xAEgnp") == "");   // right-to-left override
  CHECK(CleanNickname("zero\xE2\x80\x8Bwidth") == ""); // zero-width space (format)
  CHECK(CleanNickname("bad\xFFutf8") == "");
  CHECK(CleanNickname("\xC3") == "");
  CHECK(CleanNickname(std::string(20, 'x')) == std::string(20, 'x'));
  CHECK(CleanNickname(std::string(21, 'x')) == "");
  CHECK(CleanNickname("ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ") == "ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ"); // 20 characters, 40 bytes
}

TEST_CASE("nicknames: no character that draws as nothing, no tower of marks", "[live]") {
  // Blank-looking characters after a name, or as the whole name: the braille blank, the
  // Hangul fillers, a combining grapheme joiner, a Mongolian vowel separator.
  for (const char* blank : {"\u2800", "\u3164", "\u115F", "\u1160", "\uFFA0", "\u034F", "\u180E"}) {
    INFO(blank);
    CHECK(CleanNickname(std::string("Anna") + blank) == "");
    CHECK(CleanNickname(blank) == "");
  }
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3, 3), "123456", kNow);
  REQUIRE(room.Join("123456", "Anna", "10.0.0.1", kNow).error == LiveError::None);
  CHECK(room.Join("123456", "Anna\u2800", "10.0.0.2", kNow).error == LiveError::BadName);
  // Marks: Vietnamese needs two on a letter; five on one is a tower over the names around it.
  CHECK(CleanNickname("Nguye\u0302\u0303n") == "Nguy\u1EC5n");
  CHECK(CleanNickname("Ca\u0301\u0300\u0302") != "");
  CHECK(CleanNickname("Za\u0301\u0300\u0302\u0303\u0304lgo") == "");
  // An emoji with its variation selector stays a name when it has a letter beside it.
  CHECK(CleanNickname("\u2764\uFE0F Anna") == "\u2764\uFE0F Anna");
}

TEST_CASE("joining: the code, the name, the player limit, a finished game", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3, 3), "123456", kNow);
  CHECK(room.Join("654321", "Anna", "10.0.0.1", kNow).error == LiveError::WrongCode);
  CHECK(room.Join("123456", "a\x01", "10.0.0.1", kNow).error == LiveError::BadName);
  const auto anna = room.Join("123456", "Röhm", "10.0.0.1", kNow);
  REQUIRE(anna.error == LiveError::None);
  CHECK(anna.token.size() == 32);
  CHECK(anna.player == 1);
  CHECK(room.Join("123456", "RÖHM", "10.0.0.2", kNow).error == LiveError::NameTaken);
  CHECK(room.Join("123456", "Rohm", "10.0.0.2", kNow).error == LiveError::NameTaken);
  const auto b = room.Join("123456", "Bažanov", "10.0.0.2", kNow);
  const auto c = room.Join("123456", "Тухачевский", "10.0.0.3", kNow);
  REQUIRE(b.error == LiveError::None);
  REQUIRE(c.error == LiveError::None);
  CHECK(b.token != anna.token);
  CHECK(room.Join("123456", "Seeckt", "10.0.0.4", kNow).error == LiveError::RoomFull);
  room.End(kNow);
  CHECK(room.Join("123456", "Late", "10.0.0.5", kNow).error == LiveError::GameFinished);
  LivePlayerView v;
  CHECK(room.View("not-a-token", kNow, v) == LiveError::UnknownPlayer);
}

TEST_CASE("names need a letter or digit: blank-looking signs and bare marks are refused", "[live]") {
  CHECK(CleanNickname("\u2800") == ""); // braille blank: looks empty
  CHECK(CleanNickname("\u2800\u2800 \u2800") == "");
  CHECK(CleanNickname("\u0301\u0308") == "");       // combining marks alone
  CHECK(CleanNickname("\u2605\u2605") == "");       // symbols only
  CHECK(CleanNickname("\u3000Kim\u3000") == "Kim"); // ideographic spaces trimmed
  CHECK(CleanNickname("R2") == "R2");
  CHECK(CleanNickname("7") == "7");
  CHECK(CleanNickname("\u2605Kim\u2605") == "\u2605Kim\u2605"); // symbols beside a letter are fine
}

TEST_CASE("look-alike names are one name: case, accents, and letters of another script", "[live]") {
  CHECK(LookAlike("Anna", "ANNA"));
  CHECK(LookAlike("Anna", "\u00C1nna")); // Á
  CHECK(LookAlike("Anna", "\u0410nna")); // Cyrillic А
  CHECK(LookAlike("ivan", "\u0456van")); // Cyrillic і
  CHECK(LookAlike("Paul", "PauI"));      // capital i for l
  CHECK(LookAlike("Röhm", "RÖHM"));
  CHECK_FALSE(LookAlike("Anna", "\u0410\u043F\u043F\u0430")); // Cyrillic "Аппа" reads otherwise
  CHECK_FALSE(LookAlike("Anna", "Anne"));
  CHECK_FALSE(LookAlike("Тухачевский", "Тухачевская"));
  CHECK_FALSE(LookAlike("Kim", "Tim"));
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3), "123456", kNow);
  REQUIRE(room.Join("123456", "Anna", "10.0.0.1", kNow).error == LiveError::None);
  CHECK(room.Join("123456", "\u0410nna", "10.0.0.2", kNow).error == LiveError::NameTaken);
  CHECK(room.Join("123456", "Anne", "10.0.0.2", kNow).error == LiveError::None);
}

TEST_CASE("one device has at most three players, the host can lock the room and remove a whole address", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3), "123456", kNow);
  for (int i = 0; i < 3; ++i)
    REQUIRE(room.Join("123456", "Bot " + std::to_string(i), "10.0.0.9", kNow).error == LiveError::None);
  CHECK(room.Join("123456", "Bot 3", "10.0.0.9", kNow).error == LiveError::AddressFull);
  REQUIRE(room.Join("123456", "Anna", "10.0.0.1", kNow).error == LiveError::None);

  room.Lock(true);
  CHECK(room.Snapshot(kNow).locked);
  CHECK(room.Join("123456", "Late", "10.0.0.2", kNow).error == LiveError::RoomLocked);
  room.Lock(false);
  CHECK(room.Join("123456", "Late", "10.0.0.2", kNow).error == LiveError::None);

  CHECK(room.KickAddresses({"10.0.0.9"}) == 3);
  const LiveHostView view = room.Snapshot(kNow);
  CHECK(std::count_if(view.players.begin(), view.players.end(), [](const LivePlayer& p) { return !p.kicked; }) == 2);
  CHECK(room.Join("123456", "Bot 4", "10.0.0.9", kNow).error == LiveError::Kicked); // the address is barred
}

TEST_CASE("the room tells its listener of every change", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3), "123456", kNow);
  int changes = 0;
  room.SetChangeListener([&] { ++changes; });
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  CHECK(changes == 1);
  room.Join("123456", "", "10.0.0.1", kNow); // refused: no change
  CHECK(changes == 1);
  room.Start(kNow);
  const int started = changes;
  CHECK(started > 1);
  room.Tick(kNow + 3500); // the options appear
  CHECK(changes > started);
  const int open = changes;
  REQUIRE(room.Answer(anna.token, 0, 0, kNow + 4000) == LiveError::None);
  CHECK(changes > open);
  room.SetChangeListener({});
  room.Lock(true);
}

TEST_CASE("a question: read first, then options, the right one only after the reveal", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3), "123456", kNow);
  REQUIRE(room.QuestionCount() == 3);
  const auto a = room.Join("123456", "Anna", "10.0.0.1", kNow);
  const auto b = room.Join("123456", "Ben", "10.0.0.2", kNow);
  auto v = ViewOf(room, a.token, kNow);
  CHECK(v.phase == LivePhase::Lobby);
  CHECK(v.players == 2);
  CHECK(v.prompt.empty());
  CHECK(room.Answer(a.token, 0, 0, kNow) == LiveError::NotAnswering);

  room.Start(kNow);
  const Question& q = room.Questions()[0];
  v = ViewOf(room, a.token, kNow + 1000);
  CHECK(v.phase == LivePhase::Reading);
  CHECK(v.prompt == q.prompt);
  CHECK(v.options.empty());
  CHECK(v.correctOptions.empty());
  CHECK(v.secondsLeft == Approx(2.0));
  CHECK(room.Answer(a.token, 0, q.answer, kNow + 1000) == LiveError::NotAnswering); // before the options

  const srs::TimeMs open = kNow + 3000;
  v = ViewOf(room, a.token, open);
  CHECK(v.phase == LivePhase::Answering);
  CHECK(v.options == q.options);
  CHECK(v.correctOptions.empty());
  CHECK(v.explanation.empty());
  CHECK(room.Answer(a.token, 1, q.answer, open + 100) == LiveError::WrongQuestion);
  CHECK(room.Answer(a.token, 0, 4, open + 100) == LiveError::BadOption);
  CHECK(room.Answer(a.token, 0, -1, open + 100) == LiveError::BadOption);
  CHECK(room.Answer(a.token, 0, q.answer, open + 4000) == LiveError::None);
  CHECK(room.Answer(a.token, 0, Wrong(q), open + 5000) == LiveError::AlreadyAnswered);
  v = ViewOf(room, a.token, open + 5000);
  CHECK(v.chosen == std::vector<int>{q.answer});
  CHECK(v.correctOptions.empty()); // still hidden: Ben has not answered
  CHECK(v.score == 0);             // scores move at the reveal, so ranks give nothing away

  // Ben answers wrong: everyone has answered, so the question is revealed.
  CHECK(room.Answer(b.token, 0, Wrong(q), open + 6000) == LiveError::None);
  v = ViewOf(room, a.token, open + 6000);
  CHECK(v.phase == LivePhase::Revealed);
  CHECK(v.correctOptions == std::vector<int>{q.answer});
  CHECK(v.correct);
  // The server's clock timed the answer: 4 s after the options appeared.
  CHECK(v.points == ClassroomPoints(ClassroomScoring::Speed, 4.0, 20, 0, true));
  CHECK(v.score == v.points);
  CHECK(v.rank == 1);
  CHECK(v.explanation == q.explanation);
  CHECK(v.source == q.source);
  const auto vb = ViewOf(room, b.token, open + 6000);
  CHECK_FALSE(vb.correct);
  CHECK(vb.points == 0);
  CHECK(vb.rank == 2);
  CHECK(room.Answer(b.token, 0, q.answer, open + 7000) == LiveError::NotAnswering); // after the reveal

  const auto host = room.Snapshot(open + 7000);
  CHECK(host.answered == 2);
  CHECK(host.optionCounts[static_cast<size_t>(q.answer)] == 1);
  CHECK(host.optionCounts[static_cast<size_t>(Wrong(q))] == 1);
  CHECK(host.ranking == std::vector<size_t>{0, 1});
  for (const LivePlayer& p : host.players)
    CHECK(p.token.empty());
}

TEST_CASE("time runs out: the question is revealed and a silent player's streak ends", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(2), "123456", kNow);
  const auto a = room.Join("123456", "Anna", "10.0.0.1", kNow);
  room.Join("123456", "Ben", "10.0.0.2", kNow);
  room.Start(kNow);
  const Question& q = room.Questions()[0];
  REQUIRE(room.Answer(a.token, 0, q.answer, kNow + 3000) == LiveError::None);
  CHECK(ViewOf(room, a.token, kNow + 22999).phase == LivePhase::Answering);
  auto v = ViewOf(room, a.token, kNow + 23000);
  CHECK(v.phase == LivePhase::Revealed);
  CHECK(v.points == 1000);
  auto host = room.Snapshot(kNow + 23000);
  CHECK(host.players[0].streak == 1);
  CHECK(host.players[1].streak == 0);
  room.Next(kNow + 24000);
  CHECK(room.Snapshot(kNow + 24000).phase == LivePhase::Reading);
  CHECK(room.Snapshot(kNow + 24000).question == 1);
  // The host may close answers early.
  room.Reveal(kNow + 28000);
  CHECK(room.Snapshot(kNow + 28000).phase == LivePhase::Revealed);
  room.Next(kNow + 29000);
  v = ViewOf(room, a.token, kNow + 29000);
  CHECK(v.phase == LivePhase::Finished);
  REQUIRE(v.podium.size() == 2);
  CHECK(v.podium[0].first == "Anna");
  CHECK(room.Answer(a.token, 1, 0, kNow + 29000) == LiveError::GameFinished);
}

TEST_CASE("a kicked player is out, cannot come back from the same address, and leaves the ranking", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(2), "123456", kNow);
  const auto a = room.Join("123456", "Anna", "10.0.0.1", kNow);
  const auto rude = room.Join("123456", "Rude", "10.0.0.9", kNow);
  room.Start(kNow);
  const Question& q = room.Questions()[0];
  REQUIRE(room.Answer(rude.token, 0, q.answer, kNow + 3000) == LiveError::None);
  CHECK(room.Kick(rude.player));
  CHECK_FALSE(room.Kick(rude.player));
  CHECK_FALSE(room.Kick(99));
  LivePlayerView v;
  CHECK(room.View(rude.token, kNow + 3100, v) == LiveError::Kicked);
  CHECK(room.Answer(rude.token, 0, q.answer, kNow + 3100) == LiveError::Kicked);
  CHECK(room.Join("123456", "Rude2", "10.0.0.9", kNow + 3200).error == LiveError::Kicked);
  // The name is free again for somebody else, from another address.
  CHECK(room.Join("123456", "Rude", "10.0.0.10", kNow + 3200).error == LiveError::None);
  // Anna is the only one left who must answer... with the newcomer, two.
  REQUIRE(room.Answer(a.token, 0, Wrong(q), kNow + 4000) == LiveError::None);
  room.Reveal(kNow + 5000);
  const auto host = room.Snapshot(kNow + 5000);
  CHECK(host.ranks[1] == 0);
  CHECK(std::find(host.ranking.begin(), host.ranking.end(), size_t{1}) == host.ranking.end());
  CHECK(ViewOf(room, a.token, kNow + 5000).rank == 1); // the kicked player's points do not count against anyone
}

TEST_CASE("a late joiner plays from the question that is open", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(2), "123456", kNow);
  const auto a = room.Join("123456", "Anna", "10.0.0.1", kNow);
  room.Start(kNow);
  const Question& q = room.Questions()[0];
  const auto late = room.Join("123456", "Late", "10.0.0.2", kNow + 5000);
  REQUIRE(late.error == LiveError::None);
  const auto v = ViewOf(room, late.token, kNow + 5000);
  CHECK(v.phase == LivePhase::Answering);
  CHECK(v.question == 0);
  CHECK(room.Answer(late.token, 0, q.answer, kNow + 6000) == LiveError::None);
  CHECK(room.Answer(a.token, 0, q.answer, kNow + 7000) == LiveError::None);
  CHECK(ViewOf(room, late.token, kNow + 7000).rank == 1); // faster
}

TEST_CASE("the game is saved like a one-screen match, and a linked player's answers feed their study", "[live]") {
  const Deck deck = test::SeedDeck();
  test::TempDir dir;
  auto opened = ProfileStore::Open(dir.Path(), kNow);
  REQUIRE(opened.store);
  ProfileStore& store = *opened.store;
  const std::int64_t learner = store.DefaultProfile();
  LiveRoom room(deck, Options(2), "123456", kNow);
  const auto a = room.Join("123456", "Anna, \"A\"", "10.0.0.1", kNow);
  const auto b = room.Join("123456", "Ben", "10.0.0.2", kNow);
  CHECK(room.LinkProfile(a.player, learner));
  room.Start(kNow);
  for (int i = 0; i < 2; ++i) {
    const srs::TimeMs open = kNow + i * 30000 + 3000;
    const Question& q = room.Questions()[static_cast<size_t>(i)];
    REQUIRE(room.Answer(a.token, i, i == 0 ? q.answer : Wrong(q), open + 1000) == LiveError::None);
    REQUIRE(room.Answer(b.token, i, q.answer, open + 2000) == LiveError::None);
    room.Next(kNow + (i + 1) * 30000);
  }
  CHECK(room.Snapshot(kNow + 60000).phase == LivePhase::Finished);
  const MatchRecord record = room.Record(kNow + 61000);
  CHECK(record.mode == "live");
  REQUIRE(record.players.size() == 2);
  CHECK(record.players[0].profile == learner);
  CHECK(record.answers.size() == 4);
  REQUIRE(store.SaveMatch(record));
  const auto matches = store.Matches();
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].players[0].name == "Ben"); // by rank: two right
  CHECK(room.ResultsCsv().find("\"Anna, \"\"A\"\"\"") != std::string::npos);

  // Anna's two answers become two reviews: the card she missed is due again soon.
  REQUIRE(RecordLivePlayer(room, a.player, learner, store, srs::Fsrs{}));
  const Question& missed = room.Questions()[1];
  const auto card = store.Card(learner, deck.id, missed.items[0], missed.kind);
  REQUIRE(card);
  CHECK(card->reps == 1);
  CHECK(card->lapses == 0);
  CHECK(card->due < kNow + 24LL * 3600 * 1000);
  const auto stats = store.Stats(learner, kNow + 61000);
  CHECK(stats.answersToday == 2);
}

TEST_CASE("beyond the expected class, new devices wait for the host: one each, nothing of the game shown, let in or "
          "refused",
          "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3, 6, 2), "123456", kNow);
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  const auto ben = room.Join("123456", "Ben", "10.0.0.2", kNow);
  REQUIRE(anna.error == LiveError::None);
  CHECK_FALSE(anna.waiting);
  CHECK_FALSE(ben.waiting);
  // The class is in: a third device waits, and may hold only one waiting player.
  const auto kim = room.Join("123456", "Kim", "10.0.0.3", kNow);
  REQUIRE(kim.error == LiveError::None);
  CHECK(kim.waiting);
  CHECK(room.Join("123456", "Kim 2", "10.0.0.3", kNow).error == LiveError::Waiting);
  // A device already in the game brings a second player without waiting (up to three a device).
  const auto anna2 = room.Join("123456", "Anna's brother", "10.0.0.1", kNow);
  REQUIRE(anna2.error == LiveError::None);
  CHECK_FALSE(anna2.waiting);
  // A waiting name is taken too.
  CHECK(room.Join("123456", "KIM", "10.0.0.4", kNow).error == LiveError::NameTaken);

  room.Start(kNow);
  const srs::TimeMs answering = kNow + 3000;
  LivePlayerView waiting = ViewOf(room, kim.token, answering);
  CHECK(waiting.waiting);
  CHECK(waiting.phase == LivePhase::Lobby);
  CHECK(waiting.prompt.empty());
  CHECK(waiting.options.empty());
  CHECK(waiting.players == 3);
  CHECK(room.Answer(kim.token, 0, 0, answering) == LiveError::NotAnswering);
  LiveHostView host = room.Snapshot(answering);
  CHECK(host.players.size() == 4);
  CHECK(host.ranking.size() == 3); // the waiting player is not ranked
  CHECK(host.ranks[2] == 0);

  // The three in the game answer: the question is revealed without waiting for Kim.
  const Question& q = room.Questions()[0];
  CHECK(room.Answer(anna.token, 0, q.answer, answering) == LiveError::None);
  CHECK(room.Answer(ben.token, 0, q.answer, answering) == LiveError::None);
  CHECK(room.Answer(anna2.token, 0, q.answer, answering) == LiveError::None);
  CHECK(room.Snapshot(answering).phase == LivePhase::Revealed);

  // Let in: Kim plays from the next question.
  CHECK(room.Admit(kim.player) == 1);
  CHECK(room.Admit(kim.player) == 0); // once
  room.Next(answering);
  const LivePlayerView in = ViewOf(room, kim.token, answering + 3000);
  CHECK_FALSE(in.waiting);
  CHECK(in.phase == LivePhase::Answering);
  CHECK_FALSE(in.options.empty());
  CHECK(room.Answer(kim.token, 1, 0, answering + 3000) == LiveError::None);

  // Refused: a waiting player removed bars the device.
  const auto lea = room.Join("123456", "Lea", "10.0.0.5", answering + 3000);
  REQUIRE(lea.waiting);
  CHECK(room.Kick(lea.player));
  CHECK(room.Join("123456", "Lea", "10.0.0.5", answering + 3000).error == LiveError::Kicked);
}

TEST_CASE("a flood of devices fills the waiting list, never the game: the host lets the latecomer in, or refuses "
          "every device at once",
          "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3, 50, 30), "123456", kNow);
  // 340 devices, three names each: 30 get in (the expected class), one per other device waits
  // until the waiting list holds as many as the game (50), the rest are told the game is full.
  int in = 0, waiting = 0, refused = 0;
  for (int d = 0; d < 340; ++d)
    for (int i = 0; i < 3; ++i) {
      const auto j = room.Join("123456", "Bot " + std::to_string(d) + "-" + std::to_string(i),
                               "10.1." + std::to_string(d / 200) + "." + std::to_string(d % 200), kNow);
      if (j.error != LiveError::None)
        ++refused;
      else
        ++(j.waiting ? waiting : in);
    }
  CHECK(in == 30);
  CHECK(waiting == 50);
  CHECK(refused == 340 * 3 - 80);
  // The real latecomer is told the game is full: the host refuses everyone waiting at once...
  CHECK(room.Join("123456", "Anna", "10.0.0.1", kNow).error == LiveError::RoomFull);
  std::vector<std::string> addresses;
  for (const LivePlayer& p : room.Snapshot(kNow).players)
    if (p.waiting) addresses.push_back(p.address);
  CHECK(room.KickAddresses(addresses) == 50);
  // ...then Anna waits, and is let in.
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  REQUIRE(anna.error == LiveError::None);
  CHECK(anna.waiting);
  CHECK(room.Admit(0) == 1);
  CHECK(ViewOf(room, anna.token, kNow).waiting == false);
}

TEST_CASE("a name the projector cannot draw is refused with a reason, never shown as boxes", "[live]") {
  const Deck deck = test::SeedDeck();
  LiveOptions options = Options(3);
  // The projector's fonts as a test sets them: Latin and Cyrillic only.
  options.canDraw = [](char32_t c) { return (c >= 0x20 && c < 0x250) || (c >= 0x400 && c < 0x530); };
  LiveRoom room(deck, options, "123456", kNow);
  CHECK(room.Join("123456", "Röhm", "10.0.0.1", kNow).error == LiveError::None);
  CHECK(room.Join("123456", "Тухачевский", "10.0.0.2", kNow).error == LiveError::None);
  CHECK(room.Join("123456", "\u05E9\u05E8\u05D4", "10.0.0.3", kNow).error == LiveError::Undrawable); // Hebrew
  CHECK(room.Join("123456", "Anna \U0001F600", "10.0.0.3", kNow).error == LiveError::Undrawable);    // an emoji
  CHECK(room.Join("123456", "\u5F20\u4F1F", "10.0.0.3", kNow).error == LiveError::Undrawable);       // Chinese
  CHECK(std::string(LiveErrorMessage(LiveError::Undrawable)).find("cannot show") != std::string::npos);
  CHECK(room.Join("123456", "Sara", "10.0.0.3", kNow).error == LiveError::None); // the same phone, another name
  CHECK(CanDrawName("anything \U0001F600", {}));                                 // no fonts known: any
}

TEST_CASE("after the game nobody is let in, a waiting phone sees the end, and the saved game keeps only who played",
          "[live]") {
  const Deck deck = test::SeedDeck();
  LiveRoom room(deck, Options(3, 6, 1), "123456", kNow);
  const auto anna = room.Join("123456", "Anna", "10.0.0.1", kNow);
  const auto refused = room.Join("123456", "Troll", "10.0.0.2", kNow);
  const auto late = room.Join("123456", "Ben", "10.0.0.3", kNow);
  REQUIRE(refused.waiting);
  REQUIRE(late.waiting);
  CHECK(room.Kick(refused.player));
  room.Start(kNow);
  CHECK(room.Answer(anna.token, 0, room.Questions()[0].answer, kNow + 3000) == LiveError::None);
  room.End(kNow + 4000);
  CHECK(room.Admit(0) == 0);
  const LivePlayerView view = ViewOf(room, late.token, kNow + 5000);
  CHECK(view.phase == LivePhase::Finished);
  CHECK_FALSE(view.waiting);
  REQUIRE(view.podium.size() == 1);
  CHECK(view.podium[0].first == "Anna");
  const MatchRecord record = room.Record(kNow + 5000);
  REQUIRE(record.players.size() == 1); // neither the refused nor the waiting name
  CHECK(record.players[0].name == "Anna");
  REQUIRE(record.answers.size() == 1);
  CHECK(record.answers[0].player == 0);
}
