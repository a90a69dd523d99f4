// Pictures in the facts file: `image` and `image_credit` on entities, events, cards and
// written questions, checked when the deck opens (from the file's header only).
#include <catch2/catch.hpp>
#include <array>
#include <fstream>
#include <stb_image.h>
#include <stb_image_write.h>
#include <vector>

#include "core/deck/deck.h"
#include "core/import/deck_file.h"
#include "core/deck/deck_writer.h"
#include "core/questions/question_checker.h"
#include "core/questions/questions.h"
#include "core/deck/picture_file.h"
#include "support/synthetic_pictures.h"
#include "support/temp_dir.h"

using namespace factdeck;
using factdeck::test::TempDir;
using factdeck::test::Violations;

namespace {

void WritePng(const std::filesystem::path& file, int width, int height, unsigned char shade = 200) {
  std::vector<unsigned char> rgb(static_cast<size_t>(width) * static_cast<size_t>(height) * 3, shade);
  REQUIRE(stbi_write_png(file.c_str(), width, height, 3, rgb.data(), width * 3) != 0);
}

DeckLoad LoadWith(const TempDir& dir, const std::string& items) {
  const auto file = dir / "deck.toml";
  std::ofstream(file) << "[deck]\nid = \"p\"\ntitle = \"Pictures\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n"
                      << items;
  return LoadDeckFile(file.string());
}

bool Says(const DeckLoad& load, Severity severity, const std::string& text, int line = 0) {
  for (const Diagnostic& d : load.diagnostics)
    if (d.severity == severity && d.message.find(text) != std::string::npos && (line == 0 || d.pos.line == line))
      return true;
  return false;
}

} // namespace

TEST_CASE("pictures on entities, events, cards and written questions load, and are written back", "[deck][pictures]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "flags");
  WritePng(dir / "flags" / "fr.png", 30, 20);
  std::vector<unsigned char> rgb(16 * 16 * 3, 90);
  REQUIRE(stbi_write_jpg((dir / "portrait.jpg").c_str(), 16, 16, 3, rgb.data(), 90) != 0);
  const DeckLoad load = LoadWith(dir, R"([[entity]]
id = "fr"
name = "France"
kind = "country"
image = "flags/fr.png"
image_credit = "Drawn for FactDeck, CC0"
source = "s"
[[event]]
id = "e"
name = "Something happens"
date = "1922"
image = "portrait.jpg"
image_credit = "Own photograph, CC BY 4.0"
source = "s"
[[card]]
front = "Which flag is this?"
back = "France"
image = "flags/fr.png"
image_credit = "Drawn for FactDeck, CC0"
source = "s"
[[choice]]
question = "Whose flag is this?"
answer = "France"
wrong = ["Italy", "Chad"]
image = "flags/fr.png"
image_credit = "Drawn for FactDeck, CC0"
)");
  INFO((load.diagnostics.empty() ? "" : load.diagnostics.front().Format()));
  REQUIRE(load.Ok());
  CHECK(load.diagnostics.empty());
  const Deck& deck = load.deck;
  CHECK(deck.entities[0].picture.path == "flags/fr.png");
  CHECK(deck.entities[0].picture.credit == "Drawn for FactDeck, CC0");
  CHECK(std::filesystem::equivalent(deck.PictureFile(deck.entities[0].picture), dir / "flags" / "fr.png"));
  CHECK(deck.events[0].picture.path == "portrait.jpg");
  CHECK(deck.cards[0].picture.path == "flags/fr.png");
  CHECK(deck.choices[0].picture.credit == "Drawn for FactDeck, CC0");

  // Written back and read again: the same pictures.
  std::ofstream(dir / "again.toml") << FormatDeckToml(deck);
  const DeckLoad again = LoadDeckFile((dir / "again.toml").string());
  REQUIRE(again.Ok());
  CHECK(again.deck.entities[0].picture.path == "flags/fr.png");
  CHECK(again.deck.events[0].picture.credit == "Own photograph, CC BY 4.0");
  CHECK(again.deck.cards[0].picture.path == "flags/fr.png");
  CHECK(again.deck.choices[0].picture.path == "flags/fr.png");
}

TEST_CASE("a picture that is missing, not an image, too large or outside the deck's folder is an error at its key",
          "[deck][pictures]") {
  TempDir dir;
  WritePng(dir / "wide.png", kMaxPictureSide + 1, 1);
  WritePng(dir / "ok.png", 8, 8);
  std::ofstream(dir / "text.png") << "not a picture at all";
  std::ofstream(dir / "cut.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n", 8);
  {
    std::ofstream big(dir / "big.jpg", std::ios::binary);
    big << std::string("\xFF\xD8\xFF", 3) << std::string(kMaxPictureBytes, '\0');
  }
  auto entity = [](const std::string& id, const std::string& image, bool credit = true) {
    return "[[entity]]\nid = \"" + id + "\"\nname = \"" + id + "\"\nkind = \"k\"\nimage = \"" + image + "\"\n" +
           (credit ? "image_credit = \"CC0\"\n" : "");
  };
  // Lines: each entity takes 6 lines (5 without credit) after the 6 of the header.
  const DeckLoad load = LoadWith(dir, entity("a", "missing.png") + entity("b", "text.png") + entity("c", "wide.png") +
                                          entity("d", "../ok.png") + entity("e", "cut.png") + entity("f", "big.jpg") +
                                          entity("g", "ok.png", false));
  CHECK_FALSE(load.Ok());
  CHECK(Says(load, Severity::Error, "image 'missing.png' not found", 11));
  CHECK(Says(load, Severity::Error, "is not a PNG or JPEG file", 17));
  CHECK(Says(load, Severity::Error, "4097 x 1 pixels; the limit is 4096", 23));
  CHECK(Says(load, Severity::Error, "inside its folder", 29));
  CHECK(Says(load, Severity::Error, "image 'cut.png': cannot be read as PNG", 35));
  CHECK(Says(load, Severity::Error, "the limit is 8 MiB", 41));
  CHECK(Says(load, Severity::Warning, "image 'ok.png' has no image_credit", 47));
  for (const Diagnostic& d : load.diagnostics)
    if (d.message.find("image") != std::string::npos) CHECK(d.pos.column == 9); // at the value of `image = `
}

namespace {

// A flag of three vertical stripes, `colours` RGB, saved as PNG.
void WriteStripes(const std::filesystem::path& file, std::array<std::array<unsigned char, 3>, 3> colours) {
  const int w = 30, h = 20;
  std::vector<unsigned char> rgb;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (unsigned char c : colours[static_cast<size_t>(x * 3 / w)])
        rgb.push_back(c);
  REQUIRE(stbi_write_png(file.c_str(), w, h, 3, rgb.data(), w * 3) != 0);
}

} // namespace

TEST_CASE("pictures go with the prompt, never show the answer, and the same pixels are one prompt",
          "[questions][pictures]") {
  TempDir dir;
  const std::array<std::array<std::array<unsigned char, 3>, 3>, 5> flags{
      {{{{0, 85, 164}, {255, 255, 255}, {239, 65, 53}}},
       {{{0, 146, 70}, {255, 255, 255}, {206, 43, 55}}},
       {{{22, 155, 98}, {255, 255, 255}, {255, 136, 62}}},
       {{{0, 0, 0}, {253, 218, 36}, {239, 51, 64}}},
       {{{0, 43, 127}, {252, 209, 22}, {206, 17, 38}}}}};
  const char* names[] = {"France", "Italy", "Ireland", "Belgium", "Romania"};
  std::string cards;
  for (size_t i = 0; i < 5; ++i) {
    WriteStripes(dir / (std::string(names[i]) + ".png"), flags[i]);
    cards += "[[card]]\nid = \"" + std::string(names[i]) + "\"\nfront = \"Which country's flag is this?\"\nback = \"" +
             names[i] + "\"\nimage = \"" + names[i] + ".png\"\nimage_credit = \"CC0\"\nsource = \"s\"\n";
  }
  // The same flag saved again under another name, for a sixth country: the same pixels, so
  // "Which country's flag is this?" with it has two right answers.
  WriteStripes(dir / "copy.png", flags[0]);
  cards += "[[card]]\nid = \"Lookalike\"\nfront = \"Which country's flag is this?\"\nback = \"Lookalike\"\n"
           "image = \"copy.png\"\nimage_credit = \"CC0\"\nsource = \"s\"\n";
  // An entity with a picture, asked about both ways.
  WritePng(dir / "portrait.png", 12, 16);
  std::string people = "[[relation]]\nid = \"born_in\"\nquestion = \"Where was {subject} born?\"\n"
                       "reverse = \"Who was born in {object}?\"\nobject = \"city\"\n";
  for (const char* p : {"Ada", "Bea", "Cyd", "Dot", "Eve"})
    people += std::string("[[entity]]\nid = \"") + p + "\"\nname = \"" + p + "\"\nkind = \"person\"\n" +
              (std::string(p) == "Ada" ? "image = \"portrait.png\"\nimage_credit = \"CC0\"\n" : "");
  for (const char* c : {"Rome", "Oslo", "Lima", "Bern", "Kiev"})
    people += std::string("[[entity]]\nid = \"") + c + "\"\nname = \"" + c + "\"\nkind = \"city\"\n";
  people += "[[fact]]\nsubject = \"Ada\"\nrelation = \"born_in\"\nobject = \"Rome\"\nsource = \"s\"\n";
  const DeckLoad load = LoadWith(dir, cards + people);
  INFO((load.diagnostics.empty() ? "" : load.diagnostics.front().Format()));
  REQUIRE(load.Ok());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  size_t cardQuestions = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed)
    for (const Card& c : deck.cards) {
      auto q = generator.Make(QuestionKind::MultipleChoice, c.id, seed);
      if (!q) continue;
      ++cardQuestions;
      INFO(c.id);
      CHECK(q->image == deck.PictureFile(c.picture).string());
      CHECK(Violations(deck, *q).empty());
      // France and the lookalike show the same pixels: neither is offered against the other.
      if (c.id == "France") CHECK(std::find(q->options.begin(), q->options.end(), "Lookalike") == q->options.end());
      if (c.id == "Lookalike") CHECK(std::find(q->options.begin(), q->options.end(), "France") == q->options.end());
      auto flash = generator.Make(QuestionKind::Flashcard, c.id, seed);
      REQUIRE(flash);
      CHECK(flash->image == q->image);
    }
  CHECK(cardQuestions > 200);
  // Asked about Ada, her picture shows; asked who was born in Rome, it never does.
  auto forward = generator.Make(QuestionKind::MultipleChoice, "Ada.born_in", 1);
  REQUIRE(forward);
  CHECK(forward->image == deck.PictureFile(deck.FindEntity("Ada")->picture).string());
  auto reverse = generator.Make(QuestionKind::MultipleChoiceReverse, "Ada.born_in", 1);
  REQUIRE(reverse);
  CHECK(reverse->image.empty());
  CHECK(Violations(deck, *reverse).empty());
  // The checker catches the answer's picture in the prompt, and a card's picture on another card.
  Question shown = *reverse;
  shown.image = forward->image;
  auto has = [&](const Question& q, const std::string& rule) {
    auto v = Violations(deck, q);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  CHECK(has(shown, "the picture shows the answer"));
  auto italy = generator.Make(QuestionKind::MultipleChoice, "Italy", 2);
  REQUIRE(italy);
  Question swapped = *italy;
  swapped.image = deck.PictureFile(deck.cards[0].picture).string();
  CHECK(has(swapped, "a picture of another item"));
  // The checker's own pixel comparison: the lookalike offered for France is a second right answer.
  auto france = generator.Make(QuestionKind::MultipleChoice, "France", 3);
  REQUIRE(france);
  Question twice = *france;
  twice.options[twice.answer == 0 ? 1 : 0] = "Lookalike";
  CHECK(has(twice, "a distractor is true"));
}

TEST_CASE("a CSV term list with an image column: cards with pictures, a bad picture left out with a warning",
          "[deck][pictures][csv]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "pics");
  WritePng(dir / "pics" / "a.png", 10, 10);
  WritePng(dir / "pics" / "b.png", 12, 10);
  std::ofstream(dir / "words.csv") << "front,back,image,credit\n"
                                      "Apple,Apfel,pics/a.png,Own photo CC0\n"
                                      "Pear,Birne,pics/b.png,\n"
                                      "Plum,Pflaume,pics/missing.png,CC0\n"
                                      "Fig,Feige,,\n";
  const DeckLoad load = LoadDeckFile((dir / "words.csv").string());
  REQUIRE(load.Ok());
  REQUIRE(load.deck.cards.size() == 4);
  CHECK(load.deck.cards[0].picture.path == "pics/a.png");
  CHECK(load.deck.cards[0].picture.credit == "Own photo CC0");
  CHECK(std::filesystem::equivalent(load.deck.PictureFile(load.deck.cards[0].picture), dir / "pics" / "a.png"));
  CHECK(load.deck.cards[1].picture.path == "pics/b.png");
  CHECK(load.deck.cards[2].picture.Empty()); // kept, without the picture it names
  CHECK(load.deck.cards[3].picture.Empty());
  CHECK(Says(load, Severity::Warning, "image 'pics/b.png' has no image_credit", 3));
  CHECK(Says(load, Severity::Warning, "image 'pics/missing.png' not found", 4));
  CHECK(Says(load, Severity::Warning, "the row is kept without it", 4));
}

TEST_CASE("show_image = \"none\" keeps a relation's questions without pictures", "[questions][pictures]") {
  TempDir dir;
  WritePng(dir / "ada.png", 12, 16);
  std::string text = "[[relation]]\nid = \"born_in\"\nquestion = \"Where was {subject} born?\"\nobject = \"city\"\n"
                     "show_image = \"none\"\n"
                     "[[relation]]\nid = \"lived_in\"\nquestion = \"Where did {subject} live?\"\nobject = \"city\"\n";
  for (const char* p : {"Ada", "Bea", "Cyd", "Dot"})
    text += std::string("[[entity]]\nid = \"") + p + "\"\nname = \"" + p + "\"\nkind = \"person\"\n" +
            (std::string(p) == "Ada" ? "image = \"ada.png\"\nimage_credit = \"CC0\"\n" : "");
  for (const char* c : {"Rome", "Oslo", "Lima", "Bern", "Kyiv", "Riga"})
    text += std::string("[[entity]]\nid = \"") + c + "\"\nname = \"" + c + "\"\nkind = \"city\"\n";
  text += "[[fact]]\nsubject = \"Ada\"\nrelation = \"born_in\"\nobject = \"Rome\"\nsource = \"s\"\n"
          "[[fact]]\nsubject = \"Ada\"\nrelation = \"lived_in\"\nobject = \"Oslo\"\nsource = \"s\"\n";
  const DeckLoad load = LoadWith(dir, text);
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto born = generator.Make(QuestionKind::MultipleChoice, "Ada.born_in", 1);
  auto lived = generator.Make(QuestionKind::MultipleChoice, "Ada.lived_in", 1);
  REQUIRE(born);
  REQUIRE(lived);
  CHECK(born->image.empty());
  CHECK_FALSE(lived->image.empty());
  CHECK(Violations(load.deck, *born).empty());
  // Written back: the setting stays.
  std::ofstream(dir / "again.toml") << FormatDeckToml(load.deck);
  const DeckLoad again = LoadDeckFile((dir / "again.toml").string());
  REQUIRE(again.Ok());
  CHECK(again.deck.FindRelation("born_in")->showImage == Relation::ShowImage::None);
  CHECK(again.deck.FindRelation("lived_in")->showImage == Relation::ShowImage::Prompt);
  // Anything but "prompt", "options" or "none" is an error at the value.
  const DeckLoad bad = LoadWith(dir, "[[relation]]\nid = \"r\"\nquestion = \"Q {subject}?\"\nobject = \"text\"\n"
                                     "show_image = \"beside\"\n[[card]]\nfront = \"a\"\nback = \"b\"\n");
  CHECK(Says(bad, Severity::Error, "'show_image' must be", 11));
}

namespace {

// Six countries with flags, two of them the same pixels in two files (a flag saved twice),
// and a relation whose object is the picture.
std::string FlagDeck(const TempDir& dir) {
  std::filesystem::create_directories(dir / "flags");
  const std::vector<std::pair<std::string, unsigned char>> flags = {{"cl", 10},  {"pe", 50},  {"fr", 90},
                                                                    {"it", 130}, {"mc", 170}, {"id", 170}};
  std::string text = "[[relation]]\nid = \"flag\"\nquestion = \"Which of these is the flag of {subject}?\"\n"
                     "reverse = \"Which country's flag is this?\"\nobject = \"image\"\n";
  for (const auto& [id, shade] : flags) {
    WritePng(dir / "flags" / (id + ".png"), 24, 16, shade);
    text += "[[entity]]\nid = \"" + id + "\"\nname = \"Country " + id + "\"\nkind = \"country\"\nsource = \"s\"\n";
    text += "[[fact]]\nsubject = \"" + id + "\"\nrelation = \"flag\"\nobject = \"flags/" + id +
            ".png\"\nimage_credit = \"Drawn for the test, CC0\"\nsource = \"s\"\n";
  }
  return text;
}

} // namespace

TEST_CASE("an image relation asks for the picture among four, and the picture's owner from it",
          "[questions][pictures]") {
  TempDir dir;
  const DeckLoad load = LoadWith(dir, FlagDeck(dir));
  INFO((load.diagnostics.empty() ? "" : load.diagnostics.front().Format()));
  REQUIRE(load.Ok());
  CHECK(load.diagnostics.empty());
  const Deck& deck = load.deck;
  QuestionGenerator generator(deck);
  const std::string mc = deck.PictureFile(deck.facts[4].picture).string();
  const std::string id = deck.PictureFile(deck.facts[5].picture).string();
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    // "Which of these is the flag of Country cl?": four pictures, words hidden until answered.
    auto q = generator.Make(QuestionKind::MultipleChoice, "cl.flag", seed);
    REQUIRE(q);
    CHECK(q->picturesOnly);
    REQUIRE(q->optionImages.size() == 4);
    CHECK(q->image.empty());
    CHECK(q->optionImages[static_cast<size_t>(q->answer)] == deck.PictureFile(deck.facts[0].picture).string());
    CHECK(q->options[static_cast<size_t>(q->answer)] == "Country cl");
    // The two flags of the same pixels are never offered together.
    const bool both = std::count(q->optionImages.begin(), q->optionImages.end(), mc) +
                          std::count(q->optionImages.begin(), q->optionImages.end(), id) ==
                      2;
    CHECK_FALSE(both);
    CHECK(q->source.find("Picture: Drawn for the test, CC0") != std::string::npos);
    CHECK(Violations(deck, *q).empty());
    // "Which country's flag is this?" over Monaco's: Indonesia's is the same, never a distractor.
    auto r = generator.Make(QuestionKind::MultipleChoiceReverse, "mc.flag", seed);
    REQUIRE(r);
    CHECK(r->image == mc);
    CHECK(r->optionImages.empty());
    CHECK(r->options[static_cast<size_t>(r->answer)] == "Country mc");
    CHECK(std::find(r->options.begin(), r->options.end(), "Country id") == r->options.end());
    CHECK(Violations(deck, *r).empty());
    // Nor the other way round: Indonesia's flag is right for Monaco, so not a distractor.
    auto m = generator.Make(QuestionKind::MultipleChoice, "mc.flag", seed);
    REQUIRE(m);
    CHECK(std::find(m->optionImages.begin(), m->optionImages.end(), id) == m->optionImages.end());
  }

  // The checker's picture rules, each with a question that breaks it.
  auto q = *generator.Make(QuestionKind::MultipleChoice, "cl.flag", 3);
  const size_t wrong = q.answer == 0 ? 1 : 0, other = q.answer == 2 ? 3 : 2;
  auto says = [&](const Question& broken, const std::string& rule) {
    const auto v = Violations(deck, broken);
    INFO(rule);
    return std::find(v.begin(), v.end(), rule) != v.end();
  };
  Question twins = q; // Monaco's and Indonesia's flags side by side
  twins.optionImages[wrong] = mc;
  twins.options[wrong] = "Country mc";
  twins.optionImages[other] = id;
  twins.options[other] = "Country id";
  CHECK(says(twins, "two options show the same picture"));
  Question renamed = q; // a picture under another country's name
  std::swap(renamed.options[wrong], renamed.options[other]);
  CHECK(says(renamed, "a picture under another's name"));
  Question shown = q; // the answer's own picture over the options
  shown.image = q.optionImages[static_cast<size_t>(q.answer)];
  CHECK(says(shown, "the prompt's picture is an option's"));
  Question twice = q; // the right picture twice: a distractor is true
  twice.optionImages[wrong] = q.optionImages[static_cast<size_t>(q.answer)];
  twice.options[wrong] = q.options[static_cast<size_t>(q.answer)];
  CHECK(says(twice, "a distractor is true"));
  auto r = *generator.Make(QuestionKind::MultipleChoiceReverse, "mc.flag", 3);
  Question twin = r; // Indonesia offered against Monaco's flag, which is the same
  twin.options[r.answer == 0 ? 1 : 0] = "Country id";
  CHECK(says(twin, "a distractor is true"));
}

TEST_CASE("an image relation is written back, refuses {object} in its reverse, and checks its files",
          "[deck][pictures]") {
  TempDir dir;
  const DeckLoad load = LoadWith(dir, FlagDeck(dir));
  REQUIRE(load.Ok());
  std::ofstream(dir / "again.toml") << FormatDeckToml(load.deck);
  const DeckLoad again = LoadDeckFile((dir / "again.toml").string());
  REQUIRE(again.Ok());
  CHECK(again.deck.FindRelation("flag")->objectType == ValueType::Picture);
  CHECK(again.deck.facts[2].picture.path == "flags/fr.png");
  CHECK(again.deck.facts[2].picture.credit == "Drawn for the test, CC0");

  const std::string relation = "[[relation]]\nid = \"portrait\"\nquestion = \"Which of these is {subject}?\"\n"
                               "reverse = \"Who is {object}?\"\nobject = \"image\"\n";
  const DeckLoad named = LoadWith(dir, relation + "[[card]]\nfront = \"a\"\nback = \"b\"\n");
  CHECK(Says(named, Severity::Error, "write it without {object}", 10));
  // A missing picture is an error at the fact's object, with its column.
  const DeckLoad missing =
      LoadWith(dir, "[[relation]]\nid = \"portrait\"\nquestion = \"Which of these is {subject}?\"\n"
                    "object = \"image\"\n[[entity]]\nid = \"a\"\nname = \"A\"\nkind = \"p\"\n"
                    "[[fact]]\nsubject = \"a\"\nrelation = \"portrait\"\nobject = \"a.png\"\n");
  CHECK(Says(missing, Severity::Error, "'a.png' not found", 18));
  bool column = false;
  for (const Diagnostic& d : missing.diagnostics)
    column = column || (d.pos.line == 18 && d.pos.column == 10);
  CHECK(column);
}

TEST_CASE("portraits ask \"Who is this?\", and show_image = \"options\" puts each option's picture on it",
          "[questions][pictures]") {
  TempDir dir;
  std::string text = "[[relation]]\nid = \"portrait\"\nquestion = \"Which of these is {subject}?\"\n"
                     "reverse = \"Who is this?\"\nobject = \"image\"\n"
                     "[[relation]]\nid = \"born_in\"\nquestion = \"Where was {subject} born?\"\n"
                     "reverse = \"Who was born in {object}?\"\nobject = \"city\"\nshow_image = \"options\"\n";
  const std::vector<std::string> cities = {"Rome", "Oslo", "Lima", "Bern", "Kyiv"};
  unsigned char shade = 20;
  for (const std::string& c : cities) {
    WritePng(dir / (c + ".png"), 16, 16, shade += 30);
    text += "[[entity]]\nid = \"" + c + "\"\nname = \"" + c + "\"\nkind = \"city\"\nimage = \"" + c +
            ".png\"\nimage_credit = \"CC0\"\n";
  }
  const std::vector<std::string> people = {"Röhm", "Bažanov", "Тухачевский", "Ada", "Bea"};
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string id = "p" + std::to_string(i);
    WritePng(dir / (id + ".png"), 12, 16, static_cast<unsigned char>(5 + 40 * i));
    text += "[[entity]]\nid = \"" + id + "\"\nname = \"" + people[i] + "\"\nkind = \"person\"\n";
    text += "[[fact]]\nsubject = \"" + id + "\"\nrelation = \"portrait\"\nobject = \"" + id +
            ".png\"\nimage_credit = \"CC0\"\nsource = \"s\"\n";
    text +=
        "[[fact]]\nsubject = \"" + id + "\"\nrelation = \"born_in\"\nobject = \"" + cities[i] + "\"\nsource = \"s\"\n";
  }
  const DeckLoad load = LoadWith(dir, text);
  INFO((load.diagnostics.empty() ? "" : load.diagnostics.front().Format()));
  REQUIRE(load.Ok());
  QuestionGenerator generator(load.deck);
  auto who = generator.Make(QuestionKind::MultipleChoiceReverse, "p2.portrait", 1);
  REQUIRE(who);
  CHECK(who->prompt == "Who is this?");
  CHECK(who->image == (dir / "p2.png").string());
  CHECK(who->options[static_cast<size_t>(who->answer)] == "Тухачевский");
  CHECK(Violations(load.deck, *who).empty());
  // Born in: the cities' pictures on the options, with their names; none over the prompt.
  auto born = generator.Make(QuestionKind::MultipleChoice, "p0.born_in", 2);
  REQUIRE(born);
  CHECK(born->image.empty());
  CHECK_FALSE(born->picturesOnly);
  REQUIRE(born->optionImages.size() == 4);
  for (size_t i = 0; i < 4; ++i)
    CHECK(born->optionImages[i] == (dir / (born->options[i] + ".png")).string());
  CHECK(Violations(load.deck, *born).empty());
  Question swapped = *born; // a city under another's picture
  std::swap(swapped.optionImages[0], swapped.optionImages[1]);
  const auto v = Violations(load.deck, swapped);
  CHECK(std::find(v.begin(), v.end(), "a picture of another item") != v.end());
  // Reverse: the people have no picture of their own, so the options are words.
  auto whoBorn = generator.Make(QuestionKind::MultipleChoiceReverse, "p0.born_in", 2);
  REQUIRE(whoBorn);
  CHECK(whoBorn->optionImages.empty());
  CHECK(whoBorn->image.empty());
}

TEST_CASE("pictures for phones: scaled to fit, re-encoded small, a small one sent as it is", "[deck][pictures][live]") {
  test::TempDir dir;
  auto sides = [](const PictureBytes& p) {
    int w = 0, h = 0, c = 0;
    REQUIRE(stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(p.bytes.data()), static_cast<int>(p.bytes.size()),
                                  &w, &h, &c) == 1);
    return std::make_pair(w, h);
  };
  const auto big = dir.Path() / "big.png";
  REQUIRE(test::NoisyPicture(big, 2000, 1200, 3, 1)); // 7.2 MB, under the 8 MiB limit
  const auto original = ReadPictureBytes(big);
  REQUIRE(original);
  const auto phone = PictureForPhones(big, 1280, 400 * 1024);
  REQUIRE(phone);
  CHECK(std::string(phone->mediaType) == "image/jpeg");
  CHECK(sides(*phone) == std::make_pair(1280, 768)); // its shape kept
  CHECK(phone->bytes.size() * 4 < original->bytes.size());
  // With transparency: PNG, so the alpha stays.
  const auto clear = dir.Path() / "clear.png";
  REQUIRE(test::NoisyPicture(clear, 1600, 400, 4, 2));
  const auto phoneClear = PictureForPhones(clear, 1280, 400 * 1024);
  REQUIRE(phoneClear);
  CHECK(std::string(phoneClear->mediaType) == "image/png");
  CHECK(sides(*phoneClear) == std::make_pair(1280, 320));
  // Small in pixels and bytes: the file's own bytes.
  const auto small = dir.Path() / "small.png";
  REQUIRE(test::NoisyPicture(small, 120, 80, 3, 3));
  const auto phoneSmall = PictureForPhones(small, 1280, 400 * 1024);
  REQUIRE(phoneSmall);
  CHECK(phoneSmall->bytes == ReadPictureBytes(small)->bytes);
  // Not a picture at all: nothing.
  std::ofstream(dir.Path() / "text.png") << "not a picture";
  CHECK_FALSE(PictureForPhones(dir.Path() / "text.png", 1280, 400 * 1024));
}
