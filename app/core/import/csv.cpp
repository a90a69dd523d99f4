// CSV/TSV reading, writing and import.
//
// [SECTION] Splitting: RFC 4180 records with positions; delimiter detection; Anki's
//           "#separator:" style header lines.
// [SECTION] Columns: what each column holds, from a header row or from the data.
// [SECTION] Tables: a table's header words, units and empty cells; whether a file is one.
// [SECTION] Deck: cards or events from the records.
// [SECTION] Typed facts: a table's rows as entities and their facts.
// [SECTION] Quiz spreadsheets: hand-written questions from a teacher's quiz layouts.
#include "core/import/csv.h"

#include "core/deck/numbers.h"
#include "core/deck/picture_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <unordered_map>
#include <unordered_set>

#include "core/base/html_text.h"
#include "core/base/text.h"

namespace factdeck {

namespace {

// [SECTION] Splitting ----------------------------------------------------------------

// Reads records from `text`, which starts at `origin` in the file.
class Splitter {
public:
  Splitter(std::string_view text, char delimiter, Position origin)
      : m_text(text), m_delimiter(delimiter), m_pos(origin) {}

  // Reads up to `limit` records; problems go to `diagnostics` when it is not null.
  std::vector<CsvRecord> Read(size_t limit, const std::string& fileName, Diagnostics* diagnostics) {
    std::vector<CsvRecord> records;
    while (m_i < m_text.size() && records.size() < limit) {
      CsvRecord record = ReadRecord(fileName, diagnostics);
      bool blank = record.fields.size() == 1 && record.fields[0].find_first_not_of(" \t") == std::string::npos;
      if (!blank) records.push_back(std::move(record));
    }
    return records;
  }

private:
  char Peek() const { return m_i < m_text.size() ? m_text[m_i] : '\0'; }
  bool AtEnd() const { return m_i >= m_text.size(); }

  void Advance() {
    char c = m_text[m_i++];
    if (c == '\n') {
      ++m_pos.line;
      m_pos.column = 1;
    } else if (StartsCharacter(c)) {
      ++m_pos.column;
    }
  }

  // True (and consumes it) at a line end: LF, CRLF or a lone CR.
  bool AtLineEnd() {
    if (Peek() == '\n') {
      Advance();
      return true;
    }
    if (Peek() == '\r') {
      ++m_i; // the column does not matter: a line end follows or the line ends here
      if (Peek() == '\n')
        Advance();
      else {
        ++m_pos.line;
        m_pos.column = 1;
      }
      return true;
    }
    return false;
  }

  CsvRecord ReadRecord(const std::string& fileName, Diagnostics* diagnostics) {
    CsvRecord record;
    for (;;) {
      record.positions.push_back(m_pos);
      record.fields.push_back(ReadField(fileName, diagnostics));
      if (AtEnd() || AtLineEnd()) return record;
      Advance(); // the delimiter
    }
  }

  std::string ReadField(const std::string& fileName, Diagnostics* diagnostics) {
    std::string field;
    if (Peek() != '"') {
      while (!AtEnd() && Peek() != m_delimiter && Peek() != '\n' && Peek() != '\r') {
        field += Peek();
        Advance();
      }
      return field;
    }
    Position open = m_pos;
    Advance();
    for (;;) {
      if (AtEnd()) {
        if (diagnostics)
          diagnostics->push_back(
              {Severity::Error, fileName, open, "this quoted field is never closed (a \" is missing)"});
        return field;
      }
      char c = Peek();
      Advance();
      if (c != '"') {
        field += c;
        continue;
      }
      if (Peek() == '"') { // "" is a quote inside the field
        field += '"';
        Advance();
        continue;
      }
      break;
    }
    // After the closing quote only a delimiter or a line end may follow. Anything else is
    // kept as written, as spreadsheet programs do, with a warning.
    if (!AtEnd() && Peek() != m_delimiter && Peek() != '\n' && Peek() != '\r') {
      if (diagnostics)
        diagnostics->push_back({Severity::Warning, fileName, m_pos,
                                "text after a closing quote; quote the whole field and double the quotes inside it"});
      while (!AtEnd() && Peek() != m_delimiter && Peek() != '\n' && Peek() != '\r') {
        field += Peek();
        Advance();
      }
    }
    return field;
  }

  std::string_view m_text;
  char m_delimiter;
  size_t m_i = 0;
  Position m_pos;
};

constexpr std::array<char, 3> kDelimiters{'\t', ';', ','}; // preferred in this order on a tie

// The delimiter that gives the first records the same number (> 1) of fields most often.
char DetectDelimiter(std::string_view text, Position origin) {
  char best = ',';
  size_t bestScore = 0;
  for (char delimiter : kDelimiters) {
    auto records = Splitter(text, delimiter, origin).Read(20, {}, nullptr);
    // The rows of the most common width of two or more: a title line or two above the
    // header (one field) do not decide.
    std::unordered_map<size_t, size_t> widths;
    for (const CsvRecord& r : records)
      if (r.fields.size() >= 2) ++widths[r.fields.size()];
    size_t score = 0;
    for (const auto& [width, rows] : widths)
      score = std::max(score, rows);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

std::string_view NextLine(std::string_view text, size_t& i) {
  size_t end = text.find('\n', i);
  std::string_view line = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
  i = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

char SeparatorNamed(std::string_view name) {
  if (name == "tab" || name == "Tab" || name == "\t") return '\t';
  if (name == "comma" || name == "Comma" || name == ",") return ',';
  if (name == "semicolon" || name == "Semicolon" || name == ";") return ';';
  if (name == "pipe" || name == "Pipe" || name == "|") return '|';
  return 0;
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return std::string(text.substr(begin, end - begin + 1));
}

// [SECTION] Columns ------------------------------------------------------------------

enum class Column { Ignore, Front, Back, Date, Event, End, Tags, Id, Note, Place, Image, Credit };

// A column's role by its header name, and how sure the name is: 0 for the name itself
// ("date"), 1 for a name chronologies also use ("date_start", "label").
std::pair<Column, int> ColumnNamed(std::string name) {
  name = Lower(Trimmed(name));
  std::replace(name.begin(), name.end(), '_', ' ');
  std::replace(name.begin(), name.end(), '-', ' ');
  static const std::pair<std::string_view, Column> kNames[] = {
      {"front", Column::Front},  {"question", Column::Front}, {"term", Column::Front},      {"prompt", Column::Front},
      {"back", Column::Back},    {"answer", Column::Back},    {"definition", Column::Back}, {"date", Column::Date},
      {"start", Column::Date},   {"when", Column::Date},      {"year", Column::Date},       {"event", Column::Event},
      {"name", Column::Event},   {"what", Column::Event},     {"end", Column::End},         {"tags", Column::Tags},
      {"tag", Column::Tags},     {"id", Column::Id},          {"note", Column::Note},       {"notes", Column::Note},
      {"place", Column::Place},  {"where", Column::Place},    {"image", Column::Image},     {"picture", Column::Image},
      {"credit", Column::Credit}};
  static const std::pair<std::string_view, Column> kAlso[] = {
      {"date start", Column::Date},      {"start date", Column::Date},  {"year start", Column::Date},
      {"start year", Column::Date},      {"from", Column::Date},        {"begin", Column::Date},
      {"date end", Column::End},         {"end date", Column::End},     {"year end", Column::End},
      {"end year", Column::End},         {"to", Column::End},           {"until", Column::End},
      {"label", Column::Event},          {"title", Column::Event},      {"headline", Column::Event},
      {"location", Column::Place},       {"description", Column::Note}, {"details", Column::Note},
      {"photo", Column::Image},          {"image file", Column::Image}, {"image credit", Column::Credit},
      {"picture credit", Column::Credit}};
  // The same names in the main European languages (German, French, Spanish, Italian, Dutch,
  // Portuguese, Polish), compared folded: "Événement" is "evenement".
  static const std::pair<std::string_view, Column> kEuropean[] = {
      {"begriff", Column::Front},    {"terme", Column::Front},       {"termino", Column::Front},
      {"termine", Column::Front},    {"begrip", Column::Front},      {"termo", Column::Front},
      {"pojecie", Column::Front},    {"frage", Column::Front},       {"pregunta", Column::Front},
      {"domanda", Column::Front},    {"vraag", Column::Front},       {"pergunta", Column::Front},
      {"pytanie", Column::Front},    {"definition", Column::Back},   {"definicion", Column::Back},
      {"definizione", Column::Back}, {"definitie", Column::Back},    {"definicao", Column::Back},
      {"definicja", Column::Back},   {"antwort", Column::Back},      {"reponse", Column::Back},
      {"respuesta", Column::Back},   {"risposta", Column::Back},     {"antwoord", Column::Back},
      {"resposta", Column::Back},    {"odpowiedz", Column::Back},    {"datum", Column::Date},
      {"jahr", Column::Date},        {"annee", Column::Date},        {"fecha", Column::Date},
      {"ano", Column::Date},         {"anno", Column::Date},         {"jaar", Column::Date},
      {"rok", Column::Date},         {"wann", Column::Date},         {"quand", Column::Date},
      {"cuando", Column::Date},      {"quando", Column::Date},       {"wanneer", Column::Date},
      {"kiedy", Column::Date},       {"ereignis", Column::Event},    {"evenement", Column::Event},
      {"evento", Column::Event},     {"gebeurtenis", Column::Event}, {"wydarzenie", Column::Event},
      {"ende", Column::End},         {"fin", Column::End},           {"fine", Column::End},
      {"einde", Column::End},        {"koniec", Column::End},        {"schlagworter", Column::Tags},
      {"etiquettes", Column::Tags},  {"etiquetas", Column::Tags},    {"ort", Column::Place},
      {"lieu", Column::Place},       {"lugar", Column::Place},       {"luogo", Column::Place},
      {"plaats", Column::Place},     {"miejsce", Column::Place},     {"bild", Column::Image},
      {"notiz", Column::Note},       {"anmerkung", Column::Note}};
  for (auto [known, column] : kNames)
    if (name == known) return {column, 0};
  for (auto [known, column] : kAlso)
    if (name == known) return {column, 1};
  const std::string folded = Fold(name);
  for (auto [known, column] : kEuropean)
    if (folded == known) return {column, 0};
  return {Column::Ignore, 2};
}

// A column's role in a reading (table_reading.h), and back.
constexpr std::pair<Column, ColumnRole> kColumnRoles[] = {
    {Column::Front, ColumnRole::Front}, {Column::Back, ColumnRole::Back},    {Column::Date, ColumnRole::Date},
    {Column::Event, ColumnRole::Event}, {Column::End, ColumnRole::End},      {Column::Tags, ColumnRole::Tags},
    {Column::Id, ColumnRole::Id},       {Column::Note, ColumnRole::Note},    {Column::Place, ColumnRole::Place},
    {Column::Image, ColumnRole::Image}, {Column::Credit, ColumnRole::Credit}};

std::vector<ColumnRole> RolesOfColumns(const std::vector<Column>& columns, size_t width) {
  std::vector<ColumnRole> roles(width, ColumnRole::Ignore);
  for (size_t c = 0; c < columns.size() && c < width; ++c)
    for (auto [column, role] : kColumnRoles)
      if (columns[c] == column) roles[c] = role;
  return roles;
}

std::vector<Column> ColumnsOfRoles(const std::vector<ColumnRole>& roles) {
  std::vector<Column> columns(roles.size(), Column::Ignore);
  for (size_t c = 0; c < roles.size(); ++c)
    for (auto [column, role] : kColumnRoles)
      if (roles[c] == role) columns[c] = column;
  return columns;
}

bool Has(const std::vector<Column>& columns, Column column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// A header is a row whose names make a complete pair: front and back, or date and event.
// When two columns could play one role, the surer name wins, then the first.
std::optional<std::vector<Column>> HeaderColumns(const std::vector<std::string>& names) {
  std::vector<Column> columns;
  std::vector<int> ranks;
  for (const std::string& name : names) {
    auto [column, rank] = ColumnNamed(name);
    columns.push_back(column);
    ranks.push_back(rank);
  }
  bool startDropped = false;
  for (size_t c = 0; c < columns.size(); ++c)
    for (size_t d = 0; d < columns.size(); ++d)
      if (d != c && columns[d] == columns[c] && columns[c] != Column::Ignore &&
          (ranks[d] < ranks[c] || (ranks[d] == ranks[c] && d < c))) {
        startDropped = startDropped || columns[c] == Column::Date;
        columns[c] = Column::Ignore;
      }
  // "date, date_start, date_end": the end belongs to the start column left out.
  for (size_t c = 0; c < columns.size(); ++c)
    if (startDropped && columns[c] == Column::End && ranks[c] == 1) columns[c] = Column::Ignore;
  bool cards = Has(columns, Column::Front) && Has(columns, Column::Back);
  bool events = Has(columns, Column::Date) && Has(columns, Column::Event);
  if (!cards && !events) return std::nullopt;
  return columns;
}

bool IsDate(const std::string& field) { return ParseDateOrSpan(field).start.has_value(); }

// A header over two columns of cards that names what each side is rather than its role:
// two languages ("German,English", "Deutsch;Englisch") or two card words ("Word,Meaning").
// Their rows are read as front and back; a further column named "tags" holds tags.
std::optional<std::vector<Column>> SidesNamed(const std::vector<std::string>& names) {
  static const std::unordered_set<std::string_view> kSides = {"english",
                                                              "englisch",
                                                              "anglais",
                                                              "ingles",
                                                              "inglese",
                                                              "engels",
                                                              "angielski",
                                                              "german",
                                                              "deutsch",
                                                              "allemand",
                                                              "aleman",
                                                              "tedesco",
                                                              "duits",
                                                              "niemiecki",
                                                              "french",
                                                              "franzosisch",
                                                              "francais",
                                                              "frances",
                                                              "francese",
                                                              "frans",
                                                              "francuski",
                                                              "spanish",
                                                              "spanisch",
                                                              "espagnol",
                                                              "espanol",
                                                              "spagnolo",
                                                              "spaans",
                                                              "hiszpanski",
                                                              "italian",
                                                              "italienisch",
                                                              "italien",
                                                              "italiano",
                                                              "italiaans",
                                                              "wloski",
                                                              "portuguese",
                                                              "portugiesisch",
                                                              "portugais",
                                                              "portugues",
                                                              "portoghese",
                                                              "portugees",
                                                              "dutch",
                                                              "niederlandisch",
                                                              "nederlands",
                                                              "neerlandais",
                                                              "polish",
                                                              "polnisch",
                                                              "polski",
                                                              "polonais",
                                                              "russian",
                                                              "russisch",
                                                              "russe",
                                                              "ruso",
                                                              "russo",
                                                              "\u0440\u0443\u0441\u0441\u043a\u0438\u0439",
                                                              "swedish",
                                                              "schwedisch",
                                                              "svenska",
                                                              "danish",
                                                              "dansk",
                                                              "norwegian",
                                                              "norsk",
                                                              "finnish",
                                                              "suomi",
                                                              "czech",
                                                              "cestina",
                                                              "hungarian",
                                                              "magyar",
                                                              "greek",
                                                              "turkish",
                                                              "turkce",
                                                              "latin",
                                                              "latein",
                                                              "arabic",
                                                              "hebrew",
                                                              "chinese",
                                                              "chinesisch",
                                                              "\u4e2d\u6587",
                                                              "pinyin",
                                                              "japanese",
                                                              "japanisch",
                                                              "\u65e5\u672c\u8a9e",
                                                              "korean",
                                                              "ukrainian",
                                                              "romanian",
                                                              "polskie",
                                                              "angielskie",
                                                              "niemieckie",
                                                              "francuskie",
                                                              "hiszpanskie",
                                                              "wloskie",
                                                              "rosyjskie",
                                                              "angol",
                                                              "nemet",
                                                              "francia",
                                                              "spanyol",
                                                              "olasz",
                                                              "orosz",
                                                              "word",
                                                              "words",
                                                              "wort",
                                                              "mot",
                                                              "palabra",
                                                              "parola",
                                                              "woord",
                                                              "meaning",
                                                              "bedeutung",
                                                              "translation",
                                                              "ubersetzung",
                                                              "traduction",
                                                              "traduccion",
                                                              "traduzione",
                                                              "vertaling",
                                                              "vocabulary",
                                                              "vokabel",
                                                              "phrase",
                                                              "expression",
                                                              "native",
                                                              "foreign",
                                                              "target",
                                                              "source language",
                                                              "target language",
                                                              "kanji",
                                                              "reading",
                                                              "hanzi"};
  if (names.size() < 2 || names.size() > 6) return std::nullopt;
  const std::string a = Fold(Trimmed(names[0])), b = Fold(Trimmed(names[1]));
  if (a == b || kSides.count(a) == 0 || kSides.count(b) == 0) return std::nullopt;
  std::vector<Column> columns = {Column::Front, Column::Back};
  for (size_t c = 2; c < names.size(); ++c) {
    columns.push_back(ColumnNamed(names[c]).first == Column::Tags ? Column::Tags : Column::Ignore);
  }
  return columns;
}

// A header row of either kind: roles named, or the two sides.
std::optional<std::vector<Column>> NamedColumns(const std::vector<std::string>& names) {
  if (auto columns = HeaderColumns(names)) return columns;
  return SidesNamed(names);
}

// The columns of a quiz spreadsheet (docs/facts-format.md, "Quiz spreadsheets"): numbered
// answers with the right ones by number ("answer 1".."answer 4", "correct answer(s)"), or
// the right answer written out beside numbered wrong ones ("correct answer", "incorrect
// answer 1".."3").
struct QuestionLayout {
  size_t header = 0;   // the header row; rows above it are a title or instructions
  bool named = true;   // false: the file has no header row (a reading chosen so)
  bool chosen = false; // the learner chose the columns: the others are left out without a word
  std::optional<size_t> question, correct, time, explanation, tags, source, id, type;
  std::vector<std::optional<size_t>> options; // by number: "answer 1" is options[0]
  std::vector<size_t> incorrect;
  std::vector<size_t> quiet; // columns left out without a word: "#", "question number"

  bool Uses(size_t c) const {
    for (const auto& column : {question, correct, time, explanation, tags, source, id, type})
      if (column == c) return true;
    return std::find(options.begin(), options.end(), std::optional<size_t>(c)) != options.end() ||
           std::find(incorrect.begin(), incorrect.end(), c) != incorrect.end();
  }
  bool Quiet(size_t c) const { return std::find(quiet.begin(), quiet.end(), c) != quiet.end(); }

  // As a reading: each column's role (numbered options in their numbers' order).
  TableReading Reading(size_t width) const {
    TableReading reading{ReadAs::Quiz, named ? static_cast<int>(header) : -1, std::vector<ColumnRole>(width)};
    auto set = [&](std::optional<size_t> column, ColumnRole role) {
      if (column && *column < width) reading.roles[*column] = role;
    };
    set(question, ColumnRole::Question);
    set(correct, ColumnRole::Correct);
    set(time, ColumnRole::Time);
    set(explanation, ColumnRole::Explanation);
    set(tags, ColumnRole::Tags);
    set(id, ColumnRole::Id);
    set(type, ColumnRole::Type);
    for (const auto& option : options)
      set(option, ColumnRole::Option);
    for (size_t column : incorrect)
      set(column, ColumnRole::Incorrect);
    return reading;
  }

  // From a reading chosen: options numbered in column order.
  static QuestionLayout Chosen(const TableReading& reading) {
    QuestionLayout layout;
    layout.named = reading.header >= 0;
    layout.header = layout.named ? static_cast<size_t>(reading.header) : 0;
    layout.chosen = true;
    for (size_t c = 0; c < reading.roles.size(); ++c) {
      auto one = [&](std::optional<size_t>& slot) {
        if (!slot) slot = c;
      };
      switch (reading.roles[c]) {
      case ColumnRole::Question: one(layout.question); break;
      case ColumnRole::Correct: one(layout.correct); break;
      case ColumnRole::Time: one(layout.time); break;
      case ColumnRole::Explanation: one(layout.explanation); break;
      case ColumnRole::Tags: one(layout.tags); break;
      case ColumnRole::Id: one(layout.id); break;
      case ColumnRole::Type: one(layout.type); break;
      case ColumnRole::Option: layout.options.emplace_back(c); break;
      case ColumnRole::Incorrect: layout.incorrect.push_back(c); break;
      default: break;
      }
    }
    return layout;
  }
};

// A header name as compared: lower case, words single-spaced, without what follows "(" or
// a dash between spaces ("Time limit (sec) – 5, 10, 20" is "time limit").
std::string HeaderKey(std::string_view name) {
  std::string key = Fold(name); // "Réponse" and "reponse", "Richtige Antwort" and "richtige antwort"
  for (std::string_view cut : {"(", " - ", " \u2013 ", " \u2014 ", ":"})
    if (size_t at = key.find(cut); at != std::string::npos && at > 0) key.resize(at);
  std::string words;
  for (char c : key) {
    const bool space = c == ' ' || c == '_' || c == '-' || c == '\t' || c == '.';
    if (!space)
      words += c;
    else if (!words.empty() && words.back() != ' ')
      words += ' ';
  }
  while (!words.empty() && words.back() == ' ')
    words.pop_back();
  return words;
}

// "answer 3" or "answer3": the stem and 3; "answer c" or "c": the stem ("" for a letter
// alone) and 3. The number is 0 when the name ends in neither a number 1..9 nor a letter
// a..f after a space.
std::pair<std::string, size_t> Numbered(const std::string& key) {
  const bool lettered =
      !key.empty() && key.back() >= 'a' && key.back() <= 'f' && (key.size() == 1 || key[key.size() - 2] == ' ');
  if (lettered) {
    std::string stem = key.substr(0, key.size() - 1);
    while (!stem.empty() && stem.back() == ' ')
      stem.pop_back();
    return {stem, static_cast<size_t>(key.back() - 'a') + 1};
  }
  if (key.empty() || key.back() < '1' || key.back() > '9' ||
      (key.size() > 1 && key[key.size() - 2] >= '0' && key[key.size() - 2] <= '9'))
    return {key, 0};
  std::string stem = key.substr(0, key.size() - 1);
  while (!stem.empty() && stem.back() == ' ')
    stem.pop_back();
  return {stem, static_cast<size_t>(key.back() - '0')};
}

// The header words of a quiz spreadsheet, folded, in English and the main European
// languages (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Swedish, Danish,
// Norwegian, Finnish, Czech).
const std::unordered_set<std::string_view> kQuestionWords = {
    "question", "question text", "questions", "q",     "frage",          "fragetext",     "pregunta", "domanda",
    "pergunta", "vraag",         "pytanie",   "fraga", "sp\u00f8rgsmal", "sp\u00f8rsmal", "kysymys",  "otazka"};
const std::unordered_set<std::string_view> kCorrectWords = {"correct answer",
                                                            "correct answers",
                                                            "correct",
                                                            "correct option",
                                                            "correct options",
                                                            "right answer",
                                                            "right answers",
                                                            "answer key",
                                                            "key",
                                                            "solution",
                                                            "richtige antwort",
                                                            "korrekte antwort",
                                                            "losung",
                                                            "richtig",
                                                            "bonne reponse",
                                                            "reponse correcte",
                                                            "bonnes reponses",
                                                            "respuesta correcta",
                                                            "correcta",
                                                            "risposta corretta",
                                                            "risposta esatta",
                                                            "corretta",
                                                            "resposta correta",
                                                            "resposta certa",
                                                            "correta",
                                                            "juiste antwoord",
                                                            "goede antwoord",
                                                            "juist",
                                                            "poprawna odpowiedz",
                                                            "prawidlowa odpowiedz",
                                                            "ratt svar",
                                                            "korrekt svar",
                                                            "riktig svar",
                                                            "rigtigt svar",
                                                            "oikea vastaus",
                                                            "spravna odpoved"};
// A column named only "answer" is the right answer when others hold the options.
const std::unordered_set<std::string_view> kAnswerWords = {"answer",    "answers",  "antwort",  "reponse",
                                                           "respuesta", "risposta", "resposta", "antwoord",
                                                           "odpowiedz", "svar",     "vastaus",  "odpoved"};
const std::unordered_set<std::string_view> kOptionStems = {
    "answer",    "a",      "option",   "choice",     "alternative", "antwort",    "moglichkeit", "reponse", "choix",
    "respuesta", "opcion", "risposta", "opzione",    "resposta",    "opcao",      "antwoord",    "optie",   "keuze",
    "odpowiedz", "opcja",  "svar",     "alternativ", "vastaus",     "vaihtoehto", "odpoved",     "moznost", ""};
const std::unordered_set<std::string_view> kWrongStems = {"incorrect answer",
                                                          "wrong answer",
                                                          "incorrect",
                                                          "wrong",
                                                          "distractor",
                                                          "incorrect option",
                                                          "wrong option",
                                                          "falsche antwort",
                                                          "falsch",
                                                          "mauvaise reponse",
                                                          "reponse incorrecte",
                                                          "respuesta incorrecta",
                                                          "risposta sbagliata",
                                                          "risposta errata",
                                                          "resposta errada",
                                                          "resposta incorreta",
                                                          "fout antwoord",
                                                          "onjuist antwoord",
                                                          "b\u0142edna odpowiedz",
                                                          "fel svar",
                                                          "forkert svar",
                                                          "feil svar",
                                                          "vaara vastaus",
                                                          "spatna odpoved"};
const std::unordered_set<std::string_view> kTimeWords = {"time limit",
                                                         "time",
                                                         "seconds",
                                                         "time in seconds",
                                                         "time limit in seconds",
                                                         "timer",
                                                         "zeit",
                                                         "zeitlimit",
                                                         "sekunden",
                                                         "temps",
                                                         "secondes",
                                                         "tiempo",
                                                         "segundos",
                                                         "tempo",
                                                         "secondi",
                                                         "tijd",
                                                         "seconden",
                                                         "czas",
                                                         "sekundy",
                                                         "tid",
                                                         "sekunder",
                                                         "aika",
                                                         "sekunnit",
                                                         "cas"};

std::optional<QuestionLayout> QuestionHeader(const std::vector<std::string>& names) {
  QuestionLayout layout;
  std::optional<size_t> answer; // a column named "answer", the right one when others are options
  auto one = [](std::optional<size_t>& slot, size_t c) {
    if (!slot) slot = c;
  };
  for (size_t c = 0; c < names.size(); ++c) {
    const std::string key = HeaderKey(names[c]);
    const auto [stem, number] = Numbered(key);
    auto is = [&](std::initializer_list<std::string_view> words) {
      return std::find(words.begin(), words.end(), key) != words.end();
    };
    if (kQuestionWords.count(key) != 0)
      one(layout.question, c);
    else if (kCorrectWords.count(key) != 0)
      one(layout.correct, c);
    else if (kAnswerWords.count(key) != 0)
      one(answer, c);
    else if (kTimeWords.count(key) != 0)
      one(layout.time, c);
    else if (is({"explanation", "answer explanation", "feedback", "erklarung", "explication", "explicacion",
                 "spiegazione", "explicacao", "uitleg"}))
      one(layout.explanation, c);
    else if (is({"tags", "tag"}))
      one(layout.tags, c);
    else if (is({"source"}))
      one(layout.source, c);
    else if (is({"id"}))
      one(layout.id, c);
    else if (is({"question type", "type"}))
      one(layout.type, c);
    else if (is({"#", "no", "number", "question number", "question #", "question no", "nr", "nummer", "numero"}))
      layout.quiet.push_back(c);
    else if (number > 0 && kOptionStems.count(stem) != 0) {
      if (layout.options.size() < number) layout.options.resize(number);
      if (!layout.options[number - 1]) layout.options[number - 1] = c;
    } else if ((number > 0 && kWrongStems.count(stem) != 0) || kWrongStems.count(key) != 0) {
      layout.incorrect.push_back(c);
    }
  }
  if (!layout.correct) layout.correct = answer;
  const size_t numbered = static_cast<size_t>(
      std::count_if(layout.options.begin(), layout.options.end(), [](const auto& o) { return o.has_value(); }));
  const bool byNumber = numbered >= 2 && numbered == layout.options.size();
  if (!layout.question || !layout.correct || (!byNumber && layout.incorrect.empty())) return std::nullopt;
  if (!byNumber) layout.options.clear();
  return layout;
}

// The header of a quiz spreadsheet among the first rows (a template may put a title and
// instructions above it).
std::optional<QuestionLayout> FindQuestionLayout(const std::vector<CsvRecord>& records) {
  for (size_t r = 0; r < records.size() && r < 10; ++r)
    if (auto layout = QuestionHeader(records[r].fields)) {
      layout->header = r;
      return layout;
    }
  return std::nullopt;
}

// [SECTION] Tables -------------------------------------------------------------------

// A cell that stands for no value: "", "n/a", "-", "?", "unknown". It makes no fact.
bool NoValue(const std::string& cell) {
  const std::string v = Lower(Trimmed(cell));
  return v.empty() || v == "n/a" || v == "na" || v == "-" || v == "\u2013" || v == "\u2014" || v == "?" ||
         v == "unknown" || v == "none" || v == "null";
}

// A column header names a time ("year", "founded", "date of birth") when one of its words does.
bool NamesATime(const std::string& header) {
  static const char* const kWords[] = {"year",  "date",    "founded", "established", "born",     "died",
                                       "death", "birth",   "built",   "opened",      "signed",   "independence",
                                       "since", "began",   "ended",   "started",     "released", "published",
                                       "when",  "created", "formed",  "discovered",  "elected",  "crowned"};
  const std::string key = HeaderKey(header);
  std::string word;
  for (char c : key + " ") {
    if (c != ' ') {
      word += c;
      continue;
    }
    for (const char* w : kWords)
      if (word == w) return true;
    word.clear();
  }
  return false;
}

// A header as words for a question: "Capital" -> "capital", "GDP" kept, "Population
// (millions)" -> "population" (the part in brackets is the unit, see TableUnit).
std::string HeaderWords(const std::string& header) {
  std::string words = Trimmed(header.substr(0, header.find('(')));
  const bool allUpper = std::none_of(words.begin(), words.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (allUpper && words.size() > 4) return Lower(words);
  if (!words.empty() && words[0] >= 'A' && words[0] <= 'Z' &&
      std::none_of(words.begin() + 1, words.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    words[0] = static_cast<char>(words[0] - 'A' + 'a');
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string TableUnit(const std::string& header) {
  const size_t open = header.find('('), close = header.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  return Trimmed(std::string_view(header).substr(open + 1, close - open - 1));
}

// "countries" -> "country", "cities" -> "city", "capitals" -> "capital"; other words as they are.
std::string Singular(std::string word) {
  if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's' && word[word.size() - 2] != 'u')
    word.pop_back();
  return word;
}

// A row of three or more named columns over rows of data: a table, one entity per row
// (docs/facts-format.md, "Tables"). The names must all differ and none may be a number
// or a date; with three columns, one column below must hold numbers or dates, so that a
// front, back and tags file without a header is not taken for a table.
bool LooksLikeTableHeader(const std::vector<CsvRecord>& records) {
  if (records.size() < 2 || records[0].fields.size() < 3) return false;
  std::vector<std::string> folded;
  for (const std::string& name : records[0].fields) {
    const std::string t = Trimmed(name);
    if (t.empty() || t.size() > 60 || WrittenNumber(t) || IsDate(t)) return false;
    folded.push_back(Fold(t));
  }
  std::sort(folded.begin(), folded.end());
  if (std::adjacent_find(folded.begin(), folded.end()) != folded.end()) return false;
  const size_t width = records[0].fields.size();
  size_t sameWidth = 0;
  for (size_t r = 1; r < records.size(); ++r)
    sameWidth += records[r].fields.size() == width;
  if (sameWidth * 5 < (records.size() - 1) * 4) return false;
  if (width >= 4) return true;
  for (size_t c = 1; c < width; ++c) {
    size_t filled = 0, measured = 0;
    for (size_t r = 1; r < records.size(); ++r) {
      if (c >= records[r].fields.size() || Trimmed(records[r].fields[c]).empty()) continue;
      ++filled;
      const std::string v = Trimmed(records[r].fields[c]);
      measured += WrittenNumber(v) || IsDate(v);
    }
    if (filled > 0 && measured * 5 >= filled * 4) return true;
  }
  return false;
}

// A question type a quiz spreadsheet may name that FactDeck plays: options to pick.
bool IsChoiceType(const std::string& type) {
  const std::string key = HeaderKey(type);
  for (std::string_view known : {"multiple choice", "quiz", "mcq", "checkbox", "checkboxes", "multiple answers",
                                 "multiple select", "multi select", "select all", "true or false", "true/false",
                                 "true false", "choice", "single choice", "multiple choice question"})
    if (key == known) return true;
  return false;
}

} // namespace

CsvParse ParseCsv(std::string_view text, const std::string& fileName, char hint) {
  CsvParse result;
  Position origin{1, 1};
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  // Anki's export header: lines such as "#separator:tab" and "#html:true" come first.
  char declared = 0;
  size_t i = 0;
  while (i < text.size() && text[i] == '#') {
    size_t lineStart = i;
    std::string_view line = NextLine(text, i);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      i = lineStart; // a comment-like first field, not a directive
      break;
    }
    std::string_view key = line.substr(1, colon - 1), value = line.substr(colon + 1);
    if (key == "separator") {
      declared = SeparatorNamed(value);
      if (declared == 0)
        result.diagnostics.push_back(
            {Severity::Error,
             fileName,
             {origin.line, static_cast<int>(colon) + 2},
             "unknown separator '" + std::string(value) + "' (use tab, comma, semicolon or pipe)"});
    } else if (key == "html") {
      result.table.html = value == "true";
    } else if (key == "columns") {
      auto names = Splitter(value, declared ? declared : '\t', origin).Read(1, {}, nullptr);
      if (!names.empty()) result.table.columnNames = names[0].fields;
    } else if (key.size() > 7 && key.substr(key.size() - 7) == " column") {
      size_t number = 0;
      for (char c : value)
        number = c >= '0' && c <= '9' && number < 1000 ? number * 10 + static_cast<size_t>(c - '0') : number;
      if (number > 0) result.table.columnRoles.emplace_back(number, std::string(key.substr(0, key.size() - 7)));
    }
    ++origin.line;
  }
  text.remove_prefix(i);
  if (auto bad = FirstInvalidUtf8(text)) {
    Position pos = bad->pos;
    if (pos.line == 1) pos.column += origin.column - 1;
    pos.line += origin.line - 1;
    result.diagnostics.push_back({Severity::Error, fileName, pos, InvalidUtf8Message(*bad)});
    return result;
  }
  char delimiter = declared != 0 ? declared : hint != 0 ? hint : DetectDelimiter(text, origin);
  result.table.delimiter = delimiter;
  result.table.records = Splitter(text, delimiter, origin).Read(SIZE_MAX, fileName, &result.diagnostics);
  return result;
}

std::string FormatCsvRecord(const std::vector<std::string>& fields, char delimiter) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += delimiter;
    const std::string& field = fields[i];
    bool quote = field.find_first_of(std::string("\"\r\n") + delimiter) != std::string::npos ||
                 (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
      line += field;
      continue;
    }
    line += '"';
    for (char c : field)
      line += c == '"' ? std::string("\"\"") : std::string(1, c);
    line += '"';
  }
  return line + "\r\n";
}

bool IsDelimitedFile(const std::string& path) {
  std::string extension = Lower(std::filesystem::path(path).extension().string());
  return extension == ".csv" || extension == ".tsv" || extension == ".txt";
}

// [SECTION] Deck ---------------------------------------------------------------------

namespace {

class Importer {
public:
  Importer(std::string fileName, DeckLoad& out, CsvImportOptions options)
      : m_file(std::move(fileName)), m_out(out), m_options(options) {}

  void Run(std::string_view text) {
    std::filesystem::path path(m_file);
    char hint = Lower(path.extension().string()) == ".tsv" ? '\t' : 0;
    CsvParse parse = ParseCsv(text, m_file, hint);
    RunTable(std::move(parse.table), std::move(parse.diagnostics), text.size() > (256u << 10));
  }

  // Builds the deck from records already split (a delimited file's, or a spreadsheet's
  // sheet); `diagnostics` are the reader's. A large table is freed on a worker while the
  // deck is indexed.
  void RunTable(CsvTable table, Diagnostics diagnostics, bool large) {
    Deck& deck = m_out.deck;
    deck.file = m_file;
    std::filesystem::path path(m_file);
    std::string stem = path.stem().string();
    deck.id = Slug(stem);
    if (deck.id.empty()) deck.id = "imported";
    deck.title = stem;
    std::replace_if(
        deck.title.begin(), deck.title.end(), [](char c) { return c == '_' || c == '-'; }, ' ');
    // A title as people write one: "world_capitals.csv" is "World capitals".
    if (!deck.title.empty() && deck.title[0] >= 'a' && deck.title[0] <= 'z')
      deck.title[0] = static_cast<char>(deck.title[0] - 'a' + 'A');
    deck.description = "Imported from " + path.filename().string();
    deck.sources.push_back({"import", path.filename().string(), "", "", {1, 1}, ""});

    m_out.diagnostics = std::move(diagnostics);
    if (CountErrors(m_out.diagnostics) == 0) Build(table);
    // A large table is freed on a worker while the deck is indexed, as the facts file's tree is.
    std::future<void> freed;
    if (large) freed = std::async(std::launch::async, [table = std::move(table)]() mutable { table = {}; });
    deck.Reindex();
    const auto& alike = deck.EventsAlike();
    for (size_t i = 0; i < alike.size(); ++i)
      if (std::string warning = NamedAlikeWarning(deck, i, alike[i]); !warning.empty())
        Warning(deck.events[i].pos, warning);
    SortByPosition(m_out.diagnostics);
    if (freed.valid()) freed.get();
  }

private:
  void Error(Position pos, std::string message) {
    m_out.diagnostics.push_back({Severity::Error, m_file, pos, std::move(message)});
  }
  void Warning(Position pos, std::string message) {
    m_out.diagnostics.push_back({Severity::Warning, m_file, pos, std::move(message)});
  }

  void Build(CsvTable& table) {
    auto& records = table.records;
    if (records.empty()) {
      Error({}, "the file is empty: write one card (front, back) or one event (date, event) per line");
      return;
    }
    if (table.html)
      for (CsvRecord& record : records)
        for (std::string& field : record.fields)
          field = HtmlToText(field);

    TableShape& shape = m_out.shape.emplace(ShapeOf(records));
    if (m_options.reading.as != ReadAs::Auto) return BuildAsChosen(records, m_options.reading);
    if (auto layout = FindQuestionLayout(records)) {
      shape.reading = layout->Reading(shape.width);
      BuildChoices(records, *layout);
      return;
    }
    WarnIfQuizLike(records);
    if (table.columnNames.empty() && table.columnRoles.empty() && !NamedColumns(records[0].fields) &&
        LooksLikeTableHeader(records)) {
      shape.reading = {ReadAs::Table, 0, std::vector<ColumnRole>(shape.width, ColumnRole::Ignore)};
      shape.reading.roles[0] = ColumnRole::Name;
      BuildTable(records, &shape.reading.roles);
      return;
    }
    std::vector<Column> columns;
    size_t first = 0;
    if (auto declared = DeclaredColumns(table, records[0].fields.size())) {
      columns = *declared;
    } else if (auto header = NamedColumns(records[0].fields)) {
      columns = *header;
      first = 1;
      for (size_t c = 0; c < columns.size(); ++c)
        if (columns[c] == Column::Ignore) IgnoredColumn(records[0], c);
    } else {
      // No header: dates in the first column of every row (but perhaps a title row) make a chronology.
      auto dated = [&](size_t from) {
        return from < records.size() &&
               std::all_of(records.begin() + static_cast<std::ptrdiff_t>(from), records.end(),
                           [](const CsvRecord& r) { return r.fields.size() >= 2 && IsDate(r.fields[0]); });
      };
      bool events = dated(0) || (records.size() > 1 && dated(1));
      if (events && !IsDate(records[0].fields[0])) first = 1; // an unnamed header row
      columns = events ? std::vector<Column>{Column::Date, Column::Event, Column::Tags}
                       : std::vector<Column>{Column::Front, Column::Back, Column::Tags};
    }
    shape.reading = {Has(columns, Column::Date) ? ReadAs::Events : ReadAs::Cards, first == 1 ? 0 : -1,
                     RolesOfColumns(columns, shape.width)};
    BuildRows(records, columns, first);
  }

  // The first rows, the width and the number of rows of a table, for the import preview.
  static TableShape ShapeOf(const std::vector<CsvRecord>& records) {
    TableShape shape;
    shape.rows = records.size();
    for (const CsvRecord& record : records)
      shape.width = std::max(shape.width, record.fields.size());
    for (size_t r = 0; r < records.size() && r < kShapeTopRows; ++r) {
      shape.topLines.push_back(records[r].positions.empty() ? static_cast<int>(r) + 1 : records[r].positions[0].line);
      std::vector<std::string>& row = shape.top.emplace_back();
      for (const std::string& field : records[r].fields)
        row.push_back(FirstLineCut(Trimmed(field), 120));
    }
    return shape;
  }

  // The rows read as the learner chose in the import preview (`reading`, not Auto).
  void BuildAsChosen(const std::vector<CsvRecord>& records, TableReading reading) {
    reading.roles.resize(m_out.shape->width, ColumnRole::Ignore);
    m_out.shape->reading = reading;
    if (const std::string problem = ReadingProblem(reading); !problem.empty())
      return Error(records[0].positions[0], "the file cannot be read as chosen: " + problem);
    if (reading.header >= static_cast<int>(records.size()))
      return Error(records[0].positions[0], "the header row chosen (row " + std::to_string(reading.header + 1) +
                                                ") is past the file's last row");
    const size_t first = static_cast<size_t>(reading.header + 1);
    switch (reading.as) {
    case ReadAs::Quiz: return BuildChoices(records, QuestionLayout::Chosen(reading));
    case ReadAs::Cards:
    case ReadAs::Events: return BuildRows(records, ColumnsOfRoles(reading.roles), first);
    case ReadAs::Table: {
      // The header row first and the column that names the rows first, columns left out dropped.
      std::vector<size_t> order;
      for (ColumnRole role : {ColumnRole::Name, ColumnRole::Attribute})
        for (size_t c = 0; c < reading.roles.size(); ++c)
          if (reading.roles[c] == role) order.push_back(c);
      std::vector<CsvRecord> table;
      table.reserve(records.size() - static_cast<size_t>(reading.header));
      for (size_t r = static_cast<size_t>(reading.header); r < records.size(); ++r) {
        CsvRecord& row = table.emplace_back();
        for (size_t c : order) {
          row.fields.push_back(c < records[r].fields.size() ? records[r].fields[c] : std::string());
          row.positions.push_back(c < records[r].positions.size() ? records[r].positions[c] : records[r].positions[0]);
        }
      }
      return BuildTable(table, nullptr);
    }
    case ReadAs::Auto: break;
    }
  }

  // Cards or events (as `columns` has a date column or not) from the rows from `first` on.
  void BuildRows(const std::vector<CsvRecord>& records, const std::vector<Column>& columns, size_t first) {
    const bool events = Has(columns, Column::Date);
    m_ids.reserve(records.size());
    m_out.deck.Reserve({0, events ? records.size() : 0, 0, events ? 0 : records.size()});
    EachRow(records, first, [&](const CsvRecord& record) {
      if (events)
        AddEvent(record, columns);
      else
        AddCard(record, columns);
    });
    NothingRead(m_out.deck.cards.empty() && m_out.deck.events.empty(), records[0].positions[0], "row",
                "the file has a header row but no cards or events under it");
  }

  // A header with a question column among three or more that is not a quiz's layout (its
  // options or right answer not named so): said loudly, with the names that would make it
  // one, before it is read as a table or cards.
  void WarnIfQuizLike(const std::vector<CsvRecord>& records) {
    for (size_t r = 0; r < records.size() && r < 10; ++r) {
      const auto& names = records[r].fields;
      if (names.size() < 3) continue;
      for (size_t c = 0; c < names.size(); ++c)
        if (kQuestionWords.count(HeaderKey(names[c])) != 0) {
          m_out.notice = "column '" + Trimmed(names[c]) +
                         "' holds questions, but no columns are named as a quiz's options and right answer, "
                         "so the file is not read as a quiz; to play it as one, name the columns Question, "
                         "Answer A to Answer D (or Answer 1 to 4) and Correct answer (a letter, a number or "
                         "the answer's text), or Question, Correct answer and Incorrect answer 1 to 3 "
                         "(docs/facts-format.md, \"Quiz spreadsheets\"), or choose Read as: Quiz questions in the "
                         "file's preview (How the file is read)";
          return Warning(records[r].positions[c], m_out.notice);
        }
    }
  }

  // When nothing was read (`none`) and nothing else is wrong: an error saying why.
  void NothingRead(bool none, Position pos, const char* what, const char* empty) {
    if (!none || CountErrors(m_out.diagnostics) != 0) return;
    Error(pos, m_out.skippedRows > 0 ? std::string("no ") + what + " could be read (see the rows left out)"
                                     : std::string(empty));
  }

  // A header column no reading of the file uses.
  void IgnoredColumn(const CsvRecord& header, size_t c) {
    Warning(header.positions[c], "column '" + header.fields[c] + "' is not one FactDeck reads; it is ignored");
  }

  // Adds each record from `first` on with `add`. A row with a problem is left out and
  // reported (what it added is taken back); --strict makes any problem an error.
  template <typename Add> void EachRow(const std::vector<CsvRecord>& records, size_t first, Add&& add) {
    for (size_t r = first; r < records.size(); ++r) {
      const size_t before = m_out.diagnostics.size();
      const size_t cards = m_out.deck.cards.size(), events = m_out.deck.events.size(),
                   choices = m_out.deck.choices.size(), entities = m_out.deck.entities.size(),
                   facts = m_out.deck.facts.size();
      add(records[r]);
      if (m_options.strict) continue;
      bool bad = false;
      for (size_t d = before; d < m_out.diagnostics.size(); ++d) {
        Diagnostic& diagnostic = m_out.diagnostics[d];
        if (diagnostic.severity != Severity::Error) continue;
        diagnostic.severity = Severity::Warning;
        diagnostic.message = "row skipped: " + diagnostic.message;
        bad = true;
      }
      if (!bad) continue;
      m_out.deck.cards.resize(cards);
      m_out.deck.events.resize(events);
      m_out.deck.choices.resize(choices);
      m_out.deck.entities.resize(entities);
      m_out.deck.facts.resize(facts);
      ++m_out.skippedRows;
    }
  }

  // Columns from Anki's header lines: "#columns:" names, or roles by number with front
  // and back in the remaining columns, in order.
  static std::optional<std::vector<Column>> DeclaredColumns(const CsvTable& table, size_t width) {
    if (!table.columnNames.empty()) return HeaderColumns(table.columnNames);
    if (table.columnRoles.empty()) return std::nullopt;
    std::vector<Column> columns(std::max(width, size_t{2}), Column::Ignore);
    std::vector<bool> taken(columns.size(), false);
    for (const auto& [number, role] : table.columnRoles) {
      if (number > columns.size()) continue;
      columns[number - 1] = role == "tags" ? Column::Tags : role == "guid" ? Column::Id : Column::Ignore;
      taken[number - 1] = true;
    }
    Column next = Column::Front;
    for (size_t c = 0; c < columns.size() && next != Column::Ignore; ++c) {
      if (taken[c]) continue;
      columns[c] = next;
      next = next == Column::Front ? Column::Back : Column::Ignore;
    }
    return columns;
  }

  // The field of `column` in `record`, with its position; nullptr when the row is short.
  const std::string* Field(const CsvRecord& record, const std::vector<Column>& columns, Column column,
                           Position* pos = nullptr) const {
    for (size_t c = 0; c < columns.size() && c < record.fields.size(); ++c)
      if (columns[c] == column) {
        if (pos) *pos = record.positions[c];
        return &record.fields[c];
      }
    return nullptr;
  }

  // False, with an error, when the row ends before the columns that must be there.
  bool Complete(const CsvRecord& record, const std::vector<Column>& columns, Column a, Column b) {
    size_t needed = 0;
    for (size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == a || columns[c] == b) needed = c + 1;
    if (record.fields.size() >= needed) return true;
    Error(record.positions[0], "this row has " + std::to_string(record.fields.size()) +
                                   (record.fields.size() == 1 ? " field" : " fields") + ", not " +
                                   std::to_string(needed) + " (is the separator right?)");
    return false;
  }

  // A field that must not be empty.
  std::string Required(const CsvRecord& record, const std::vector<Column>& columns, Column column, const char* what,
                       Position& pos) {
    const std::string* field = Field(record, columns, column, &pos);
    std::string text = field ? Trimmed(*field) : std::string();
    if (text.empty()) Error(pos, std::string("empty ") + what);
    return text;
  }

  static std::vector<std::string> SplitTags(const std::string* field) {
    std::vector<std::string> tags;
    if (field == nullptr) return tags;
    std::string tag;
    for (char c : *field + " ") {
      if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\n' || c == '\r') {
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
        tag.clear();
      } else {
        tag += c;
      }
    }
    return tags;
  }

  // An id from the id column, else from `text`; unique in the deck.
  std::string IdFor(const CsvRecord& record, const std::vector<Column>& columns, const std::string& prefix,
                    const std::string& text) {
    Position pos;
    const std::string* given = Field(record, columns, Column::Id, &pos);
    return UniqueId(given ? Trimmed(*given) : std::string(), pos, prefix, text, record.positions[0].line);
  }

  // The id written in the row (`given`, at `pos`; a duplicate is an error), else one made
  // from `text` ("line-N" when it has no letter or digit) after `prefix`, made unique: from
  // the item's words, so that a row added or moved later keeps every other item's progress.
  std::string UniqueId(const std::string& given, Position pos, const std::string& prefix, const std::string& text,
                       int line) {
    if (!given.empty()) {
      if (!m_ids.insert(given).second) Error(pos, "duplicate id '" + given + "'");
      return given;
    }
    std::string base = Slug(text);
    if (base.empty()) base = "line-" + std::to_string(line);
    base = prefix + base;
    std::string id = base;
    for (int n = 2; !m_ids.insert(id).second; ++n)
      id = base + "-" + std::to_string(n);
    return id;
  }

  // An `image` column: a picture beside the file (with its `credit`). A picture that cannot
  // be shown is left out with a warning at its cell; the row is kept.
  Picture PictureOf(const CsvRecord& record, const std::vector<Column>& columns) {
    Picture picture;
    Position pos;
    const std::string* path = Field(record, columns, Column::Image, &pos);
    if (path == nullptr || Trimmed(*path).empty()) return picture;
    picture.path = Trimmed(*path);
    picture.pos = pos;
    if (const std::string* credit = Field(record, columns, Column::Credit)) picture.credit = Trimmed(*credit);
    const PictureProblems problems = CheckPicture(m_out.deck, picture);
    if (!problems.error.empty()) {
      Warning(pos, problems.error + "; the row is kept without it");
      return {};
    }
    if (!problems.warning.empty()) Warning(pos, problems.warning);
    return picture;
  }

  void AddCard(const CsvRecord& record, const std::vector<Column>& columns) {
    if (!Complete(record, columns, Column::Front, Column::Back)) return;
    Card card;
    Position frontPos, backPos;
    card.front = Required(record, columns, Column::Front, "front", frontPos);
    card.back = Required(record, columns, Column::Back, "back", backPos);
    card.tags = SplitTags(Field(record, columns, Column::Tags));
    card.source = "import";
    card.pos = record.positions[0];
    card.id = IdFor(record, columns, "card-", card.front);
    card.picture = PictureOf(record, columns);
    m_out.deck.cards.push_back(std::move(card));
  }

  void AddEvent(const CsvRecord& record, const std::vector<Column>& columns) {
    if (!Complete(record, columns, Column::Date, Column::Event)) return;
    Event event;
    Position datePos, namePos;
    std::string date = Required(record, columns, Column::Date, "date", datePos);
    event.name = Required(record, columns, Column::Event, "event", namePos);
    if (!date.empty())
      if (std::string error = SetEventDate(event, date); !error.empty()) Error(datePos, error);
    const std::optional<Date> spanEnd = event.end;
    Position endPos;
    const std::string* endField = Field(record, columns, Column::End, &endPos);
    const std::string endText = endField ? Trimmed(*endField) : std::string();
    if (IsOngoingWord(endText)) {
      event.ongoing = !spanEnd; // "ongoing", "present": begun and not over
      if (spanEnd) Error(endPos, "the date \"" + date + "\" is already a span; it cannot also be going on");
    } else if (!endText.empty()) {
      // An end equal to the start says nothing more ("43", "43").
      DateParse parsed = ParseDate(endText);
      if (!parsed.date) {
        Error(endPos, "invalid end date \"" + endText + "\": " + parsed.error);
      } else if (spanEnd && !(*parsed.date == *spanEnd)) {
        Error(endPos, "the date \"" + date + "\" is already a span; its end differs from \"" + endText + "\"");
      } else if (!spanEnd && !(*parsed.date == event.date)) {
        event.end = parsed.date;
        if (event.end->LastDay() < event.date.FirstDay())
          Error(endPos,
                "the event ends (" + event.end->Display() + ") before it begins (" + event.date.Display() + ")");
      }
    }
    if (const std::string* place = Field(record, columns, Column::Place)) event.place = Trimmed(*place);
    if (const std::string* note = Field(record, columns, Column::Note)) event.note = Trimmed(*note);
    // A chronology row often says more than a name: the first sentence names the event, the
    // rest goes to its note (before any note of its own).
    if (const size_t end = FirstSentenceEnd(event.name); end != std::string::npos) {
      std::string rest = Trimmed(std::string_view(event.name).substr(end));
      event.name = Trimmed(std::string_view(event.name).substr(0, end));
      if (!event.name.empty() && event.name.back() == '.') event.name.pop_back();
      event.note = event.note.empty() ? rest : rest + " " + event.note;
    }
    event.tags = SplitTags(Field(record, columns, Column::Tags));
    event.source = "import";
    event.pos = record.positions[0];
    event.id = IdFor(record, columns, "", event.name);
    m_out.deck.events.push_back(std::move(event));
  }

  // [SECTION] Typed facts -------------------------------------------------------------

  // One table column as a relation: its object type read from the values under it.
  struct TableColumn {
    size_t index = 0;
    Relation relation;
    std::unordered_map<std::string, std::string> entityIds; // folded value -> entity id (Entity columns)
    std::unordered_set<std::string> whole;                  // folded cells (Entity and Text columns)
  };

  // A cell's values: "Balboa,US Dollar" is two when one of them is a whole cell elsewhere in
  // the column ("US Dollar"), and "Rand,Rand" one; any other cell is one value as written
  // ("Washington, D.C.", "+1-809,1-829").
  static std::vector<std::string> CellValues(const std::string& cell, const std::unordered_set<std::string>& whole) {
    if (cell.find(',') == std::string::npos) return {cell};
    std::vector<std::string> parts, folds;
    bool known = false;
    for (size_t start = 0, end = 0; end <= cell.size(); ++end) {
      if (end < cell.size() && cell[end] != ',') continue;
      std::string part = Trimmed(std::string_view(cell).substr(start, end - start));
      start = end + 1;
      if (part.empty()) return {cell};
      std::string fold = Fold(part);
      if (std::find(folds.begin(), folds.end(), fold) != folds.end()) continue;
      known = known || whole.count(fold) != 0;
      folds.push_back(std::move(fold));
      parts.push_back(std::move(part));
    }
    return known || parts.size() == 1 ? parts : std::vector<std::string>{cell};
  }

  // What column `c` holds: numbers, years or dates (by the grammar; bare whole numbers only
  // under a header that names a time), names that repeat (entities of a kind named by the
  // header), or text; or why it is left out (`skip`: nothing in it, one value in every row,
  // web addresses). Empty cells say nothing.
  struct ColumnRead {
    ValueType type = ValueType::Text;
    std::string skip;
  };
  static ColumnRead ColumnType(const std::vector<CsvRecord>& records, size_t c, const std::string& header) {
    size_t filled = 0, numbers = 0, wholeNumbers = 0, dates = 0, years = 0, shortNames = 0, names = 0, links = 0;
    std::unordered_set<std::string> distinct;
    for (size_t r = 1; r < records.size(); ++r) {
      if (c >= records[r].fields.size() || NoValue(records[r].fields[c])) continue;
      const std::string v = Trimmed(records[r].fields[c]);
      ++filled;
      const auto number = WrittenNumber(v);
      numbers += number.has_value();
      wholeNumbers += number && number->find('.') == std::string::npos;
      if (const DateParse d = ParseDate(v); d.date) {
        ++dates;
        years += d.date->precision == DatePrecision::Year;
      }
      const size_t words = static_cast<size_t>(std::count(v.begin(), v.end(), ' ')) + 1;
      shortNames += words <= 4 && v.size() <= 40 && !number;
      names += words <= 8 && v.size() <= 60 && !number;
      links += v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
      // Past three in four rows the values cannot make entities: no need to count more.
      if (distinct.size() * 4 <= records.size() * 3) distinct.insert(Fold(v));
    }
    if (filled == 0) return {ValueType::Text, "it is empty"};
    if (links * 5 >= filled * 4) return {ValueType::Text, "it holds web addresses"};
    if (distinct.size() == 1 && filled >= 4)
      return {ValueType::Text, "every row has the same value, so it can ask nothing"};
    const bool time = NamesATime(header);
    if (wholeNumbers == filled && time && dates == filled)
      return {years == filled ? ValueType::Year : ValueType::Date, ""};
    if (numbers == filled) return {ValueType::Number, ""};
    if (dates == filled) return {years == filled ? ValueType::Year : ValueType::Date, ""};
    // Names that come back row after row ("Europe", "Euro") are things of a kind.
    if (shortNames == filled && distinct.size() * 4 <= filled * 3) return {ValueType::Entity, ""};
    // Longer names ("Latin America and the Caribbean") when each comes back twice on average:
    // a category column, not descriptions.
    if (names == filled && distinct.size() * 2 <= filled) return {ValueType::Entity, ""};
    return {ValueType::Text, ""};
  }

  // Question templates from the header, for the author to edit: "What is the capital of
  // {subject}?", "Which country has the capital {object}?", "When was {subject} founded?".
  static void Templates(Relation& r, const std::string& header, const std::string& subjectKind) {
    const std::string words = HeaderWords(header);
    const bool time = r.objectType == ValueType::Year || r.objectType == ValueType::Date;
    std::string participle = words;
    for (const char* lead : {"year ", "date "})
      if (participle.rfind(lead, 0) == 0) participle = participle.substr(std::string_view(lead).size());
    const bool verb = participle.size() > 3 && participle.find(' ') == std::string::npos &&
                      (participle.compare(participle.size() - 2, 2, "ed") == 0 || participle == "born" ||
                       participle == "built" || participle == "begun");
    const size_t by = words.size() > 3 ? words.rfind(" by") : std::string::npos;
    if (by != std::string::npos && by + 3 == words.size() && !time) {
      // "discovered by": "By whom was {subject} discovered?", "Which element was discovered by {object}?"
      const std::string done = words.substr(0, by);
      r.question = "By whom was {subject} " + done + "?";
      if (r.objectType == ValueType::Entity || r.objectType == ValueType::Text)
        r.reverse = "Which " + subjectKind + " was " + done + " by {object}?";
      return;
    }
    if (time && verb)
      r.question = std::string(r.objectType == ValueType::Year ? "In which year was" : "When was") + " {subject} " +
                   participle + "?";
    else if (time)
      r.question = "When was the " + words + " of {subject}?";
    else
      r.question = "What is the " + words + " of {subject}?";
    if (r.objectType != ValueType::Entity && r.objectType != ValueType::Text) return;
    // A place that holds the subject: "Which country is in Western Europe?", not "has the region".
    static const char* const kPlaces[] = {"region",   "continent", "subregion", "sub region", "area",
                                          "province", "state",     "county",    "district",   "country",
                                          "zone",     "territory", "island",    "city",       "location"};
    const bool place = std::find(std::begin(kPlaces), std::end(kPlaces), Lower(words)) != std::end(kPlaces);
    r.reverse = place ? "Which " + subjectKind + " is in {object}?"
                      : "Which " + subjectKind + " has the " + words + " {object}?";
  }

  // A header row and rows of data: each row an entity of the kind the first column names,
  // each other column a relation, each filled cell a fact.
  // The rows of a table whose first row names its columns and whose first column names its
  // rows; `roles`, when given, gets Attribute for each column made a relation.
  void BuildTable(const std::vector<CsvRecord>& records, std::vector<ColumnRole>* roles) {
    Deck& deck = m_out.deck;
    const CsvRecord& header = records[0];
    // The first column's header names the rows' kind ("Country"); a header that names no
    // kind ("name", "title") leaves it to the file's name ("elements.csv": "element").
    std::string kindWords = Singular(HeaderWords(header.fields[0]));
    static const char* const kGeneric[] = {"name", "title", "label", "item", "term", "word", "entry", "subject", "id"};
    if (std::find(std::begin(kGeneric), std::end(kGeneric), Lower(kindWords)) != std::end(kGeneric)) {
      const std::string stem = HeaderWords(std::filesystem::path(m_file).stem().string());
      const bool word = !stem.empty() && stem.size() <= 24 && std::all_of(stem.begin(), stem.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == ' ';
      });
      kindWords = word ? Singular(stem) : "item";
    }
    const std::string kind = Slug(kindWords).empty() ? "item" : Slug(kindWords);
    std::vector<TableColumn> columns;
    std::unordered_set<std::string> relationIds;
    for (size_t c = 1; c < header.fields.size(); ++c) {
      TableColumn column;
      column.index = c;
      Relation& r = column.relation;
      std::string id = Slug(HeaderWords(header.fields[c]));
      std::replace(id.begin(), id.end(), '-', '_');
      if (id.empty()) id = "column_" + std::to_string(c + 1);
      r.id = id;
      for (int n = 2; !relationIds.insert(r.id).second; ++n)
        r.id = id + "_" + std::to_string(n);
      const ColumnRead read = ColumnType(records, c, header.fields[c]);
      if (!read.skip.empty()) {
        Warning(header.positions[c], "column '" + Trimmed(header.fields[c]) + "' is left out: " + read.skip);
        continue;
      }
      r.objectType = read.type;
      r.subjectKind = kind;
      r.pos = header.positions[c];
      if (r.objectType == ValueType::Entity) {
        r.objectKind = Slug(Singular(HeaderWords(header.fields[c])));
        if (r.objectKind.empty() || r.objectKind == kind) r.objectKind = kind + "-" + r.id;
      }
      if (r.objectType == ValueType::Number) r.unit = TableUnit(header.fields[c]);
      Templates(r, header.fields[c], kindWords);
      if (roles && c < roles->size()) (*roles)[c] = ColumnRole::Attribute;
      columns.push_back(std::move(column));
    }
    m_ids.reserve(records.size() * 2);
    deck.Reserve({records.size(), 0, records.size() * columns.size()});
    // An entity's id from its name; a name already taken (a capital named like its country)
    // gets its kind in front.
    auto newEntityId = [&](const std::string& name, const std::string& entityKind) {
      std::string base = Slug(name);
      if (base.empty())
        base = entityKind;
      else if (m_ids.count(base))
        base = entityKind + "-" + base;
      std::string id = base;
      for (int n = 2; !m_ids.insert(id).second; ++n)
        id = base + "-" + std::to_string(n);
      return id;
    };
    for (TableColumn& column : columns)
      if (column.relation.objectType == ValueType::Entity || column.relation.objectType == ValueType::Text)
        for (size_t row = 1; row < records.size(); ++row)
          if (column.index < records[row].fields.size())
            column.whole.insert(Fold(Trimmed(records[row].fields[column.index])));
    std::unordered_map<std::string, int> subjectLines; // folded name -> line
    subjectLines.reserve(records.size());
    EachRow(records, 1, [&](const CsvRecord& record) {
      const std::string name = Trimmed(record.fields[0]);
      if (Fold(name).empty())
        return Error(record.positions[0], "empty " + kindWords + " (the first column names the row)");
      if (auto [at, added] = subjectLines.emplace(Fold(name), record.positions[0].line); !added)
        return Error(record.positions[0],
                     "\"" + name + "\" is already a row of this table (line " + std::to_string(at->second) + ")");
      Entity e;
      e.id = newEntityId(name, kind);
      e.name = name;
      e.kind = kind;
      e.source = "import";
      e.pos = record.positions[0];
      const std::string subject = e.id;
      deck.entities.push_back(std::move(e)); // the row's entity, then the values it names
      for (TableColumn& column : columns) {
        if (column.index >= record.fields.size()) break;
        if (NoValue(record.fields[column.index])) continue; // an empty cell makes no fact
        const std::string cell = Trimmed(record.fields[column.index]);
        Relation& r = column.relation;
        const std::vector<std::string> values =
            column.whole.empty() ? std::vector<std::string>{cell} : CellValues(cell, column.whole);
        r.many = r.many || values.size() > 1;
        for (size_t n = 0; n < values.size(); ++n) {
          const std::string& v = values[n];
          Fact f;
          f.subject = subject;
          f.relation = r.id;
          f.id = subject + "." + r.id + (n == 0 ? "" : "-" + std::to_string(n + 1));
          f.source = "import";
          f.pos = f.subjectPos = f.relationPos = record.positions[column.index];
          f.object.type = r.objectType;
          switch (r.objectType) {
          case ValueType::Number:
            f.object.text = *WrittenNumber(v);
            f.object.number = std::strtod(f.object.text.c_str(), nullptr);
            break;
          case ValueType::Year:
          case ValueType::Date: f.object.date = *ParseDate(v).date; break;
          case ValueType::Text:
          case ValueType::Picture: f.object.text = v; break;
          case ValueType::Entity: {
            auto [at, added] = column.entityIds.emplace(Fold(v), std::string());
            if (added) {
              Entity object;
              object.id = at->second = newEntityId(v, r.objectKind);
              object.name = v;
              object.kind = r.objectKind;
              object.source = "import";
              object.pos = record.positions[column.index];
              deck.entities.push_back(std::move(object));
            }
            f.object.entity = at->second;
            break;
          }
          }
          deck.facts.push_back(std::move(f));
        }
      }
    });
    for (TableColumn& column : columns) {
      m_out.relationColumns.push_back(Trimmed(header.fields[column.index]));
      deck.relations.push_back(std::move(column.relation));
    }
    NothingRead(deck.entities.empty(), header.positions[0], "row", "the table has a header row but no rows under it");
  }

  // [SECTION] Quiz spreadsheets -----------------------------------------------------

  // Adds one question row of a quiz spreadsheet.
  void AddChoice(const CsvRecord& record, const QuestionLayout& layout) {
    auto cell = [&](std::optional<size_t> column) {
      return column && *column < record.fields.size() ? Trimmed(record.fields[*column]) : std::string();
    };
    auto cellPos = [&](std::optional<size_t> column) {
      return column && *column < record.positions.size() ? record.positions[*column] : record.positions[0];
    };
    Choice c;
    c.question = cell(layout.question);
    std::vector<std::pair<std::string, size_t>> numbered; // numbered options given: text, number
    for (size_t n = 0; n < layout.options.size(); ++n)
      if (std::string o = cell(layout.options[n]); !o.empty()) numbered.emplace_back(o, n + 1);
    std::vector<std::string> incorrect;
    for (size_t column : layout.incorrect)
      if (std::string o = cell(column); !o.empty()) incorrect.push_back(o);
    const std::string correct = cell(layout.correct);
    // The rows of an unfilled template (a question number, nothing else) are left out quietly.
    if (c.question.empty() && numbered.empty() && incorrect.empty() && correct.empty()) return;
    if (c.question.empty()) return Error(cellPos(layout.question), "empty question");
    if (const std::string type = cell(layout.type); !type.empty() && !IsChoiceType(type))
      return Error(cellPos(layout.type), "question type \"" + type +
                                             "\" is not one FactDeck plays; only multiple choice and select-all "
                                             "questions (with options) are imported");
    if (correct.empty())
      return Error(cellPos(layout.correct), layout.options.empty()
                                                ? "no correct answer"
                                                : "no correct answer: write the number of the right answer (1 to " +
                                                      std::to_string(layout.options.size()) + "), or several as 1,3");
    if (!layout.options.empty()) {
      std::vector<bool> right(numbered.size(), false);
      if (!ReadCorrectNumbers(correct, numbered, right, cellPos(layout.correct))) return;
      for (size_t i = 0; i < numbered.size(); ++i)
        (right[i] ? c.answers : c.wrong).push_back(numbered[i].first);
    } else {
      c.answers = {correct};
      c.wrong = incorrect;
      // "B" beside wrong answers written out: most likely a key meant for numbered options.
      const bool key = correct.size() == 1 && std::isalnum(static_cast<unsigned char>(correct[0]));
      if (key && !m_keyWarned &&
          std::all_of(incorrect.begin(), incorrect.end(), [](const std::string& w) { return w.size() > 2; })) {
        m_keyWarned = true;
        Warning(cellPos(layout.correct),
                "the right answer \"" + correct +
                    "\" looks like a letter or number naming an option, but the other columns are read as wrong "
                    "answers written out, so \"" +
                    correct + "\" itself is the answer shown; if the columns are the options, read them as options");
      }
    }
    if (const std::string time = cell(layout.time); !time.empty()) {
      size_t digits = 0;
      int seconds = 0;
      while (digits < time.size() && time[digits] >= '0' && time[digits] <= '9' && seconds < 100000)
        seconds = seconds * 10 + (time[digits++] - '0');
      const std::string unit = Lower(Trimmed(std::string_view(time).substr(digits)));
      const bool unitOk =
          unit.empty() || unit == "s" || unit == "sec" || unit == "secs" || unit == "seconds" || unit == "second";
      if (digits == 0 || !unitOk || seconds < kMinChoiceSeconds || seconds > kMaxChoiceSeconds)
        return Error(cellPos(layout.time), "time limit \"" + time + "\": write a number of seconds from " +
                                               std::to_string(kMinChoiceSeconds) + " to " +
                                               std::to_string(kMaxChoiceSeconds));
      c.seconds = seconds;
    }
    c.explanation = cell(layout.explanation);
    c.tags = SplitTags(layout.tags && *layout.tags < record.fields.size() ? &record.fields[*layout.tags] : nullptr);
    for (const std::string& problem : ChoiceProblems(c))
      Error(record.positions[0], problem);
    c.source = "import";
    c.pos = record.positions[0];
    c.id = UniqueId(cell(layout.id), cellPos(layout.id), "q-", c.question, record.positions[0].line);
    m_out.deck.choices.push_back(std::move(c));
  }

  // "2", "1,3", "1 and 3", "B", "Paris": which numbered options are right. False, with an
  // error, when a part names no option given.
  bool ReadCorrectNumbers(const std::string& correct, const std::vector<std::pair<std::string, size_t>>& numbered,
                          std::vector<bool>& right, Position pos) {
    // The text of an option ("Paris"), or of several ("Whale|Bat"), as some write them out.
    if (correct.find_first_not_of("0123456789 ,;|") != std::string::npos) {
      std::vector<bool> named(numbered.size(), false);
      bool all = true;
      size_t start = 0;
      for (size_t end = 0; end <= correct.size(); ++end) {
        if (end < correct.size() && correct[end] != '|' && correct[end] != ';') continue;
        const std::string folded = Fold(std::string_view(correct).substr(start, end - start));
        start = end + 1;
        auto at = std::find_if(numbered.begin(), numbered.end(),
                               [&](const auto& o) { return !folded.empty() && Fold(o.first) == folded; });
        if (at == numbered.end())
          all = false;
        else
          named[static_cast<size_t>(at - numbered.begin())] = true;
      }
      if (all) {
        right = named;
        return true;
      }
    }
    // A number that is also an option's whole text ("1934" among years, "4" beside "22"):
    // read as the option it numbers when there is one, else as the text, said either way.
    const std::string whole = Fold(correct);
    const auto textAt = std::find_if(numbered.begin(), numbered.end(),
                                     [&](const auto& o) { return !whole.empty() && Fold(o.first) == whole; });
    if (textAt != numbered.end()) {
      const bool number = whole.size() < 4 && whole.find_first_not_of("0123456789") == std::string::npos;
      const size_t n = number ? std::stoul(whole) : 0;
      const auto numberAt =
          std::find_if(numbered.begin(), numbered.end(), [&](const auto& o) { return number && o.second == n; });
      if (numberAt == numbered.end()) {
        right[static_cast<size_t>(textAt - numbered.begin())] = true;
        return true;
      }
      if (numberAt != textAt)
        Warning(pos, "correct answer \"" + correct + "\" is both the number of answer " + std::to_string(n) + " (\"" +
                         numberAt->first + "\") and the text of answer " + std::to_string(textAt->second) +
                         "; it is read as the number: write the answer's letter to be sure");
    }
    std::string part;
    bool any = false;
    for (char ch : correct + ",") {
      if (ch != ',' && ch != ';' && ch != ' ' && ch != '/' && ch != '&' && ch != '|') {
        part += ch;
        continue;
      }
      if (part.empty() || Lower(part) == "and" || (part.size() > 1 && kOptionStems.count(Fold(part)) != 0)) {
        // "Answer B": the word before the letter
        part.clear();
        continue;
      }
      size_t number = 0;
      if (part.size() == 1 && ((part[0] >= 'A' && part[0] <= 'F') || (part[0] >= 'a' && part[0] <= 'f')))
        number = static_cast<size_t>(Lower(part)[0] - 'a') + 1; // "B": the second option
      else if (part.find_first_not_of("0123456789") == std::string::npos && part.size() < 4)
        number = std::stoul(part);
      auto at = std::find_if(numbered.begin(), numbered.end(), [&](const auto& o) { return o.second == number; });
      if (number == 0 || at == numbered.end()) {
        Error(pos, "correct answer \"" + correct + "\": \"" + part +
                       "\" is not the letter or number of an answer given in this row");
        return false;
      }
      right[static_cast<size_t>(at - numbered.begin())] = true;
      any = true;
      part.clear();
    }
    if (!any) Error(pos, "correct answer \"" + correct + "\": write the number of the right answer, e.g. 2 or 1,3");
    return any;
  }

  void BuildChoices(const std::vector<CsvRecord>& records, const QuestionLayout& layout) {
    const size_t first = layout.named ? layout.header + 1 : 0;
    if (layout.named && layout.header > 0) {
      Warning(records[0].positions[0], std::to_string(layout.header) + (layout.header == 1 ? " line" : " lines") +
                                           " above the header row (a title or instructions) left out");
      // A title alone on the first line names the deck better than the file name does (but
      // not the name of an empty template: "Blooket Import Template").
      const auto& top = records[0].fields;
      const bool alone =
          std::count_if(top.begin(), top.end(), [](const std::string& f) { return !Trimmed(f).empty(); }) == 1;
      const std::string title = Trimmed(top[0]);
      if (alone && !title.empty() && title.size() <= 120 && title.find('\n') == std::string::npos &&
          Fold(title).find("template") == std::string::npos)
        m_out.deck.title = title;
    }
    for (size_t c = 0; layout.named && !layout.chosen && c < records[layout.header].fields.size(); ++c)
      if (!layout.Uses(c) && !Trimmed(records[layout.header].fields[c]).empty() && !layout.Quiet(c))
        IgnoredColumn(records[layout.header], c);
    m_out.deck.Reserve({0, 0, 0, 0, records.size()});
    EachRow(records, first, [&](const CsvRecord& record) { AddChoice(record, layout); });
    NothingRead(m_out.deck.choices.empty(), records[layout.header].positions[0], "question",
                "the file has a question header but no questions under it");
  }

  std::string m_file;
  DeckLoad& m_out;
  CsvImportOptions m_options;
  std::unordered_set<std::string> m_ids;
  bool m_keyWarned = false; // AddChoice's warning on a one-letter answer beside wrong answers, given once
};

} // namespace

DeckLoad ImportCsv(std::string_view text, const std::string& fileName, const CsvImportOptions& options) {
  DeckLoad result;
  if (text.size() > kMaxDeckFileBytes) {
    result.diagnostics.push_back({Severity::Error, fileName, {}, "the file is too large"});
    return result;
  }
  Importer(fileName, result, options).Run(text);
  result.deck.version = Fingerprint(text);
  return result;
}

DeckLoad ImportTable(CsvTable table, Diagnostics diagnostics, const std::string& fileName,
                     const CsvImportOptions& options) {
  DeckLoad result;
  size_t cells = 0;
  for (const CsvRecord& r : table.records)
    cells += r.fields.size();
  Importer(fileName, result, options).RunTable(std::move(table), std::move(diagnostics), cells > 20000);
  return result;
}

} // namespace factdeck
