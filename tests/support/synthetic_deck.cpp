#include "synthetic_deck.h"

#include <algorithm>
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

  // Backs spelled in letters, so that a card's number never gives its back away.
  auto letters = [](size_t n) {
    std::string word;
    do {
      word += static_cast<char>('a' + n % 26);
      n /= 26;
    } while (n > 0);
    return word;
  };
  for (size_t c = 0; c < options.cards; ++c)
    out += "\n[[card]]\nid = \"c" + std::to_string(c) + "\"\nfront = \"Front " + std::to_string(c) +
           "\"\nback = \"Back " + letters(c) + "\"\nsource = \"gen\"\n";
  return out;
}

namespace {

const char* const kMonthWords[] = {"January", "Feb",    "March", "Apr.",    "May", "June",
                                   "Jul",     "August", "Sept.", "October", "Nov", "December"};
const char* const kSeasons[] = {"Spring", "Summer", "Autumn", "Winter", "spring", "fall"};
const char* const kOrdinalSuffix[] = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"};

std::string OrdinalText(int n) {
  return std::to_string(n) + ((n % 100 >= 11 && n % 100 <= 13) ? "th" : kOrdinalSuffix[n % 10]);
}

} // namespace

std::string SyntheticDateText(std::uint32_t seed, int form) {
  std::minstd_rand random(seed + 1); // cheap to seed: one per date
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  const int year = pick(1, 2020), bcYear = pick(1, 4000), day = pick(1, 28);
  const std::string month = kMonthWords[pick(0, 11)];
  switch (((form % kSyntheticDateForms) + kSyntheticDateForms) % kSyntheticDateForms) {
  case 0: return std::to_string(year);
  case 1: return std::to_string(bcYear) + (pick(0, 1) ? " BC" : " BCE");
  case 2: return std::to_string(day) + " " + month + " " + std::to_string(year);
  case 3: return month + " " + std::to_string(day) + ", " + std::to_string(year);
  case 4: return month + " " + std::to_string(year);
  case 5: return Pad(year, 4) + "-" + Pad(pick(1, 12), 2) + "-" + Pad(day, 2);
  case 6: return std::to_string(day) + " " + month + " " + std::to_string(bcYear) + " BC";
  case 7: return std::to_string(year) + "–" + std::to_string(year + pick(1, 30));
  case 8: return std::to_string(year) + "-" + std::to_string(year + pick(1, 30));
  case 9: {
    const int start = pick(1000, 1990);
    return std::to_string(start) + "–" + Pad((start + pick(1, 9)) % 100, 2); // 1914–18
  }
  case 10: return std::to_string(day) + " June – " + std::to_string(pick(1, 31)) + " July " + std::to_string(year);
  case 11:
    return std::to_string(std::min(day, 25)) + "–" + std::to_string(std::min(day, 25) + pick(1, 3)) + " " + month +
           " " + std::to_string(year) + " CE";
  case 12: return "between " + std::to_string(year) + " and " + std::to_string(year + pick(1, 5));
  case 13: return std::to_string(bcYear + pick(10, 80)) + " or " + std::to_string(bcYear) + " BCE";
  case 14: return std::to_string(bcYear + 1) + "/" + std::to_string(bcYear) + " BC";
  case 15: return std::to_string(pick(1, 201) * 10) + "s";
  case 16: return std::to_string(pick(1, 19) * 100) + "s";
  case 17: return OrdinalText(pick(1, 40)) + " century BC";
  case 18: return std::string(pick(0, 1) ? "early " : "late ") + OrdinalText(pick(1, 20)) + " century";
  case 19: return std::string(pick(0, 1) ? "mid-" : "late ") + std::to_string(pick(1, 201) * 10) + "s";
  case 20: return std::string(kSeasons[pick(0, 5)]) + " " + std::to_string(year);
  case 21: return "c. " + std::to_string(pick(1, 50) * 100) + " BCE";
  case 22: return "ca. " + std::to_string(pick(1, 19) * 100) + "s";
  case 23: return "circa " + std::to_string(year);
  }
  return std::to_string(year);
}

std::string SyntheticChronology(size_t events, std::uint32_t seed, bool csv) {
  std::mt19937 random(seed);
  const char* const kWhat[] = {"Treaty of", "Battle of", "Founding of", "Council of",
                               "Siege of",  "Fall of",   "Union of"};
  const char* const kWhere[] = {"Kama", "Тула", "Ἀθῆναι", "Lipetsk", "Zürich", "Kraków", "Volsk", "Fili"};
  std::string out =
      csv ? "date,event,tags\n"
          : "[deck]\nid = \"chronology-" + std::to_string(seed) +
                "\"\ntitle = \"Synthetic chronology\"\n[[deck.source]]\nid = \"gen\"\ntitle = \"Generator\"\n";
  out.reserve(events * 90 + 256);
  for (size_t e = 0; e < events; ++e) {
    const std::string date = SyntheticDateText(static_cast<std::uint32_t>(random()), static_cast<int>(e));
    const std::string name = std::string(kWhat[e % 7]) + " " + kWhere[(e / 7) % 8] + " " + std::to_string(e);
    if (csv)
      out += "\"" + date + "\"," + name + ",gen\n";
    else
      out += "\n[[event]]\nid = \"ev" + std::to_string(e) + "\"\nname = \"" + name + "\"\ndate = \"" + date +
             "\"\nsource = \"gen\"\n";
  }
  return out;
}

} // namespace factdeck::test
