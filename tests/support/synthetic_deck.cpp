#include "synthetic_deck.h"

#include <random>

namespace factdeck::test {

namespace {

const char* const kKinds[] = {"person", "place", "facility", "organisation", "treaty", "aircraft", "tank", "company"};
constexpr size_t kKindCount = sizeof kKinds / sizeof kKinds[0];
const char* const kScripts[] = {"Entity", "Объект", "Οντότητα", "Größe"};
const char* const kObjectTypes[] = {"entity", "number", "year", "text", "date", "entity"};
constexpr size_t kRelations = 12;

std::string Pad(int value, int width) {
  std::string text = std::to_string(value);
  return std::string(text.size() < static_cast<size_t>(width) ? width - text.size() : 0, '0') + text;
}

} // namespace

std::string SyntheticDeckToml(const SyntheticDeckOptions& options) {
  std::mt19937 random(options.seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  std::string out;
  out.reserve(options.facts * 110 + options.events * 120 + 4096);
  out += "[deck]\nid = \"synthetic-" + std::to_string(options.seed) +
         "\"\ntitle = \"Synthetic deck\"\n"
         "[[deck.source]]\nid = \"gen\"\ntitle = \"Generator\"\n";

  // Enough entities that every (subject, relation) pair is used at most once.
  const size_t entities = options.facts / (kRelations / 2) + 4 * kKindCount;
  for (size_t i = 0; i < entities; ++i) {
    out += "\n[[entity]]\nid = \"e" + std::to_string(i) + "\"\nname = \"" + kScripts[i % 4] + " " + std::to_string(i) +
           "\"\nkind = \"" + kKinds[i % kKindCount] + "\"\nsource = \"gen\"\n";
    if (i % 7 == 0) out += "aliases = [\"E-" + std::to_string(i) + "\"]\n";
  }

  for (size_t r = 0; r < kRelations; ++r) {
    std::string type = kObjectTypes[r % 6];
    if (type == "entity") type = kKinds[(r * 3) % kKindCount];
    out += "\n[[relation]]\nid = \"r" + std::to_string(r) + "\"\nquestion = \"What is r" + std::to_string(r) +
           " of {subject}?\"\nobject = \"" + type + "\"\n";
    if (r % 6 == 0) out += "reverse = \"Which has r" + std::to_string(r) + " {object}?\"\nmany = true\n";
    if (type == "number") out += "unit = \"km\"\n";
  }

  for (size_t f = 0; f < options.facts; ++f) {
    size_t subject = f % entities, relation = (f / entities) % kRelations;
    std::string type = kObjectTypes[relation % 6];
    std::string object;
    if (type == "entity") {
      size_t kind = (relation * 3) % kKindCount;
      object = "\"e" +
               std::to_string(kind +
                              kKindCount * static_cast<size_t>(pick(0, static_cast<int>(entities / kKindCount) - 1))) +
               "\"";
    } else if (type == "number") {
      object = std::to_string(pick(1, 5000));
    } else if (type == "year") {
      object = std::to_string(pick(1000, 2020));
    } else if (type == "text") {
      object = "\"value " + std::to_string(pick(1, 40)) + "\"";
    } else {
      object = "\"" + std::to_string(pick(1000, 2020)) + "-" + Pad(pick(1, 12), 2) + "-" + Pad(pick(1, 28), 2) + "\"";
    }
    out += "\n[[fact]]\nsubject = \"e" + std::to_string(subject) + "\"\nrelation = \"r" + std::to_string(relation) +
           "\"\nobject = " + object + "\nsource = \"gen\"\n";
  }

  for (size_t e = 0; e < options.events; ++e) {
    int year = pick(-500, 2020);
    if (year == 0) year = 1;
    std::string date = year < 0 ? std::to_string(-year) + " BC" : Pad(year, 4);
    int precision = year > 0 ? pick(0, 2) : 0;
    if (precision >= 1) date += "-" + Pad(pick(1, 12), 2);
    if (precision == 2) date += "-" + Pad(pick(1, 28), 2);
    if (pick(0, 9) == 0) date = "c. " + date;
    out += "\n[[event]]\nid = \"ev" + std::to_string(e) + "\"\nname = \"Event " + std::to_string(e) + "\"\ndate = \"" +
           date + "\"\nsource = \"gen\"\n";
    if (precision == 0 && pick(0, 4) == 0 && year > 0) out += "end = \"" + Pad(year + pick(0, 10), 4) + "\"\n";
  }

  for (size_t c = 0; c < options.cards; ++c)
    out += "\n[[card]]\nid = \"c" + std::to_string(c) + "\"\nfront = \"Front " + std::to_string(c) +
           "\"\nback = \"Back " + std::to_string(c) + "\"\nsource = \"gen\"\n";
  return out;
}

} // namespace factdeck::test
