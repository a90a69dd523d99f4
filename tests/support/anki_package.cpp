#include "support/anki_package.h"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <zstd.h>

#include "support/temp_dir.h"
#include "support/zip_file.h"

namespace factdeck::test {

namespace {

struct Type {
  std::int64_t id;
  std::string name;
  bool cloze;
  std::vector<std::string> fields;
  std::vector<std::pair<std::string, std::string>> templates; // question, answer
};

const std::vector<Type>& Types() {
  static const std::vector<Type> types = {
      {1001, "Basic", false, {"Front", "Back"}, {{"{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}}},
      {1002,
       "Basic (and reversed card)",
       false,
       {"Front", "Back"},
       {{"{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"},
        {"{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"}}},
      {1003,
       "Basic (type in the answer)",
       false,
       {"Front", "Back"},
       {{"{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"}}},
      {1004, "Cloze", true, {"Text", "Back Extra"}, {{"{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"}}},
      {1005,
       "Basic (optional reversed card)",
       false,
       {"Front", "Back", "Add Reverse"},
       {{"{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"},
        {"{{#Add Reverse}}{{Back}}{{/Add Reverse}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}"}}},
      {1006,
       "Japanese (readings)",
       false,
       {"Expression", "Meaning"},
       {{"{{kanji:Expression}}", "{{FrontSide}}<hr id=answer>{{kana:Expression}}: {{Meaning}}"}}}};
  return types;
}

const Type& TypeOf(const std::string& name) {
  const char* names[] = {"basic", "reversed", "typed", "cloze", "optional", "reading"};
  for (size_t i = 0; i < 6; ++i)
    if (name == names[i]) return Types()[i];
  throw std::runtime_error("unknown note type " + name);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "?";
    sqlite3_free(error);
    throw std::runtime_error("sqlite: " + message + " in " + sql.substr(0, 80));
  }
}

// Runs `sql` with text and integer parameters, in order.
void Run(sqlite3* db, const std::string& sql, const std::vector<std::string>& texts,
         const std::vector<std::int64_t>& numbers) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
  int i = 1;
  for (const std::string& t : texts)
    sqlite3_bind_text(st, i++, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  for (std::int64_t n : numbers)
    sqlite3_bind_int64(st, i++, n);
  const int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
}

void Varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}
void VarintField(std::string& out, std::uint32_t number, std::uint64_t v) {
  Varint(out, number << 3);
  Varint(out, v);
}
void BytesField(std::string& out, std::uint32_t number, const std::string& bytes) {
  Varint(out, number << 3 | 2);
  Varint(out, bytes.size());
  out += bytes;
}

std::string Zstd(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  if (ZSTD_isError(n)) throw std::runtime_error("zstd failed");
  out.resize(n);
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The collection's SQLite file, in schema 11 (`latest` false) or 18.
std::string Collection(const std::vector<AnkiNote>& notes, bool latest, const std::vector<AnkiSchedule>& schedule) {
  TempDir dir;
  const std::string file = (dir / "collection.db").string();
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot make a collection");
  // Anki's names compare case-insensitively ("unicase"), and its collections are in WAL mode.
  sqlite3_create_collation(db, "unicase", SQLITE_UTF8, nullptr,
                           [](void*, int n1, const void* a, int n2, const void* b) {
                             const std::string x(static_cast<const char*>(a), static_cast<size_t>(n1));
                             const std::string y(static_cast<const char*>(b), static_cast<size_t>(n2));
                             return sqlite3_stricmp(x.c_str(), y.c_str());
                           });
  if (latest) Exec(db, "PRAGMA journal_mode = WAL");
  Exec(db, "BEGIN");
  Exec(db, "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not "
           "null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not "
           "null, models text not null, decks text not null, dconf text not null, tags text not null)");
  Exec(db, "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not "
           "null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer "
           "not null, flags integer not null, data text not null)");
  Exec(db, "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not "
           "null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due "
           "integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer "
           "not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, "
           "data text not null)");
  Exec(db, "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not "
           "null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, "
           "type integer not null)");
  std::map<std::string, std::int64_t> decks{{"Default", 1}};
  for (const AnkiNote& n : notes) {
    decks.emplace(n.deck, static_cast<std::int64_t>(decks.size()) + 1);
    if (!n.filteredDeck.empty()) decks.emplace(n.filteredDeck, static_cast<std::int64_t>(decks.size()) + 1);
  }
  nlohmann::json models = nlohmann::json::object(), deckJson = nlohmann::json::object();
  if (latest) {
    Exec(db, "CREATE TABLE notetypes (id integer not null primary key, name text not null collate unicase, "
             "mtime_secs integer not null, usn integer not null, config blob not null)");
    Exec(db, "CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name)");
    Exec(db, "CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null collate unicase, "
             "config blob not null, primary key (ntid, ord)) without rowid");
    Exec(db, "CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid)");
    Exec(db, "CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null collate "
             "unicase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, "
             "ord)) without rowid");
    Exec(db, "CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid)");
    Exec(db, "CREATE TABLE decks (id integer primary key not null, name text not null collate unicase, mtime_secs "
             "integer not null, usn integer not null, common blob not null, kind blob not null)");
    Exec(db, "CREATE UNIQUE INDEX idx_decks_name ON decks (name)");
    for (const Type& t : Types()) {
      std::string config;
      VarintField(config, 1, t.cloze ? 1 : 0);
      BytesField(config, 3, ".card { font-family: arial; }");
      Run(db, "INSERT INTO notetypes VALUES (?3, ?1, 0, 0, ?2)", {t.name, config}, {t.id});
      for (size_t i = 0; i < t.fields.size(); ++i)
        Run(db, "INSERT INTO fields VALUES (?3, ?4, ?1, ?2)", {t.fields[i], ""}, {t.id, static_cast<std::int64_t>(i)});
      for (size_t i = 0; i < t.templates.size(); ++i) {
        std::string tc;
        BytesField(tc, 1, t.templates[i].first);
        BytesField(tc, 2, t.templates[i].second);
        Run(db, "INSERT INTO templates VALUES (?3, ?4, ?1, 0, 0, ?2)", {"Card " + std::to_string(i + 1), tc},
            {t.id, static_cast<std::int64_t>(i)});
      }
    }
    for (const auto& [name, id] : decks) {
      std::string stored = name;
      for (size_t at = stored.find("::"); at != std::string::npos; at = stored.find("::", at))
        stored.replace(at, 2, "\x1f");
      Run(db, "INSERT INTO decks VALUES (?3, ?1, 0, 0, ?2, X'')", {stored, ""}, {id});
    }
  } else {
    for (const Type& t : Types()) {
      nlohmann::json flds = nlohmann::json::array(), tmpls = nlohmann::json::array();
      for (size_t i = 0; i < t.fields.size(); ++i)
        flds.push_back({{"name", t.fields[i]}, {"ord", i}});
      for (size_t i = 0; i < t.templates.size(); ++i)
        tmpls.push_back({{"name", "Card " + std::to_string(i + 1)},
                         {"ord", i},
                         {"qfmt", t.templates[i].first},
                         {"afmt", t.templates[i].second}});
      models[std::to_string(t.id)] = {{"id", t.id},   {"name", t.name}, {"type", t.cloze ? 1 : 0},
                                      {"flds", flds}, {"tmpls", tmpls}, {"css", ".card {}"}};
    }
    for (const auto& [name, id] : decks)
      deckJson[std::to_string(id)] = {{"id", id}, {"name", name}};
  }
  Run(db, "INSERT INTO col VALUES (1, ?4, 0, 0, ?3, 0, 0, 0, '{}', ?1, ?2, '{}', '{}')",
      {latest ? std::string() : models.dump(), latest ? std::string() : deckJson.dump()},
      {latest ? 18 : 11, kAnkiCollectionCreated});
  std::map<std::pair<std::int64_t, int>, std::int64_t> cardOf; // (note, ord) -> card id
  std::int64_t cardId = 1;
  for (const AnkiNote& n : notes) {
    const Type& t = TypeOf(n.type);
    std::string flds;
    for (size_t i = 0; i < n.fields.size(); ++i)
      flds += (i ? "\x1f" : "") + n.fields[i];
    Run(db, "INSERT INTO notes VALUES (?4, ?1, ?5, 0, 0, ?2, ?3, 0, 0, 0, '')",
        {"g" + std::to_string(n.id), " " + n.tags + " ", flds}, {n.id, t.id});
    std::vector<int> ords = n.cardOrds;
    if (!ords.empty()) {
    } else if (t.name == "Basic (optional reversed card)") {
      ords.push_back(0);
      if (n.fields.size() > 2 && !n.fields[2].empty()) ords.push_back(1);
    } else if (t.cloze) { // a card for each number of a gap: {{c1::...}}, {{c1,2::...}}
      std::set<int> numbers;
      const std::regex gap(R"(\{\{c([0-9]+(,[0-9]+)*)::)");
      for (auto m = std::sregex_iterator(flds.begin(), flds.end(), gap); m != std::sregex_iterator(); ++m) {
        std::stringstream list((*m)[1].str());
        for (std::string number; std::getline(list, number, ',');)
          numbers.insert(std::stoi(number));
      }
      for (int c : numbers)
        ords.push_back(c - 1);
    } else {
      for (size_t i = 0; i < t.templates.size(); ++i)
        ords.push_back(static_cast<int>(i));
    }
    const std::int64_t home = decks.at(n.deck), in = n.filteredDeck.empty() ? home : decks.at(n.filteredDeck);
    for (int ord : ords) {
      cardOf.emplace(std::make_pair(n.id, ord), cardId);
      Run(db, "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, 0, 0, 0, 0, ?1, 0, 0, 0, 0, 0, 0, ?5, 0, '')", {},
          {cardId++, n.id, in, ord, n.filteredDeck.empty() ? 0 : home});
    }
  }
  for (const AnkiSchedule& c : schedule) {
    std::int64_t card = c.card;
    if (c.note != 0) {
      card = cardOf.at({c.note, c.ord});
      // A card in a filtered deck keeps its home deck's due in odue.
      Run(db,
          "UPDATE cards SET type = ?2, queue = ?3, due = CASE WHEN odid != 0 THEN 0 ELSE ?4 END, ivl = ?5, "
          "reps = ?6, lapses = ?7, odue = CASE WHEN odid != 0 THEN ?4 ELSE 0 END, data = ?1 WHERE id = ?8",
          {c.data}, {c.type, c.queue, c.due, c.ivl, static_cast<std::int64_t>(c.reviews.size()), c.lapses, card});
    }
    for (const AnkiReviewRow& r : c.reviews)
      Run(db, "INSERT INTO revlog VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8)", {},
          {r.id, card, r.ease, r.ivl, r.lastIvl, r.factor, r.timeMs, r.type});
  }
  Exec(db, "COMMIT");
  sqlite3_close(db);
  return ReadFile(file);
}

} // namespace

void WriteAnkiPackage(const std::filesystem::path& path, const std::vector<AnkiNote>& notes,
                      const std::vector<AnkiMediaFile>& media, AnkiFormat format,
                      const std::vector<AnkiSchedule>& schedule) {
  const bool latest = format == AnkiFormat::Latest;
  std::vector<std::pair<std::string, std::string>> members;
  if (latest) {
    members.emplace_back("collection.anki21b", Zstd(Collection(notes, true, schedule)));
    // Anki writes a stand-in old collection beside the current one, for old versions.
    members.emplace_back(
        "collection.anki2",
        Collection({{1, "basic", {"Please update to the latest Anki version", ""}, "", "Default"}}, false, {}));
    std::string entries;
    for (size_t i = 0; i < media.size(); ++i) {
      std::string entry;
      BytesField(entry, 1, media[i].name);
      VarintField(entry, 2, media[i].bytes.size());
      BytesField(entry, 3, std::string(20, '\x5a')); // where Anki keeps the file's SHA-1
      BytesField(entries, 1, entry);
      members.emplace_back(std::to_string(i), Zstd(media[i].bytes));
    }
    members.emplace_back("media", Zstd(entries));
    std::string meta;
    VarintField(meta, 1, 3);
    members.emplace_back("meta", meta);
  } else {
    members.emplace_back(format == AnkiFormat::Anki21 ? "collection.anki21" : "collection.anki2",
                         Collection(notes, false, schedule));
    nlohmann::json map = nlohmann::json::object();
    for (size_t i = 0; i < media.size(); ++i) {
      map[std::to_string(i)] = media[i].name;
      members.emplace_back(std::to_string(i), media[i].bytes);
    }
    members.emplace_back("media", map.dump());
  }
  WriteZip(path, members);
}

} // namespace factdeck::test
