// Anki packages read as decks.
//
// [SECTION] Unpacking: protocol buffers, zstd, the package's members and its media map.
// [SECTION] The collection: note types (JSON in schema 11, tables in schema 18), decks, notes, cards.
// [SECTION] Templates: fields, sections, filters, clozes, rendered as Anki renders a card's sides.
// [SECTION] Cards: a note's cards as FactDeck cards, pictures unpacked, what is left out counted.
// [SECTION] History: the cards' schedule and review log, for the cards made.
#include "core/base/paths.h"
#include "core/import/anki.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <utf8proc.h>
#include <zstd.h>

#include "core/base/atomic_file.h"
#include "core/base/html_text.h"
#include "core/base/sqlite_db.h"
#include "core/base/text.h"
#include "core/base/zip_archive.h"
#include "core/deck/picture_file.h"

namespace factdeck {

namespace {

// [SECTION] Unpacking ------------------------------------------------------------------

constexpr std::uint64_t kMaxCollectionBytes = 1ull << 30; // a collection unpacked: 1 GiB
constexpr size_t kMaxNotes = 2000000;
constexpr size_t kMaxFields = 1000;         // a note's fields read (note types have far fewer)
constexpr size_t kMaxTags = 100;            // a note's tags kept, each up to 200 bytes
constexpr size_t kMaxCardsPerNote = 100;    // a note's cards (templates or cloze numbers) made
constexpr size_t kMaxJsonBytes = 32u << 20; // note types or decks as JSON (schema 11)
constexpr size_t kMaxTemplateBytes = 256u << 10;
constexpr size_t kMaxSideBytes = 1u << 20;           // a card's side, rendered
constexpr std::uint64_t kMaxMediaBytes = 1ull << 30; // pictures unpacked from one package
constexpr size_t kMaxReviews = 5000000;              // review log entries read (40 bytes each)
constexpr std::int64_t kMaxDue = 10000000000000;     // a card's due (days, or seconds) and a review's time (ms)
constexpr std::int64_t kMaxDays = 100000;            // a card's interval

struct ProtoField {
  std::uint32_t number = 0;
  std::uint64_t varint = 0; // wire type 0
  std::string_view bytes;   // wire type 2
  bool delimited = false;
};

// Calls `each` for every field of the protocol-buffer message `message`; false when it is
// malformed (a field running past the end, an unknown wire type).
template <typename Each> bool ForEachField(std::string_view message, Each&& each) {
  size_t i = 0;
  auto varint = [&](std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (i >= message.size()) return false;
      const auto byte = static_cast<unsigned char>(message[i++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  };
  while (i < message.size()) {
    std::uint64_t key = 0;
    if (!varint(key)) return false;
    ProtoField field;
    field.number = static_cast<std::uint32_t>(key >> 3);
    switch (key & 7) {
    case 0:
      if (!varint(field.varint)) return false;
      break;
    case 1:
      if (message.size() - i < 8) return false;
      i += 8;
      break;
    case 2: {
      std::uint64_t length = 0;
      if (!varint(length) || length > message.size() - i) return false;
      field.bytes = message.substr(i, static_cast<size_t>(length));
      field.delimited = true;
      i += static_cast<size_t>(length);
      break;
    }
    case 5:
      if (message.size() - i < 4) return false;
      i += 4;
      break;
    default: return false;
    }
    each(field);
  }
  return true;
}

// zstd frames unpacked, at most `limit` bytes; nullopt with `error` when damaged or larger.
std::optional<std::string> Unzstd(std::string_view packed, std::uint64_t limit, const std::string& what,
                                  std::string& error) {
  auto tooLarge = [&] {
    error = what + " is too large once unpacked (over " + std::to_string(limit >> 20) + " MiB)";
    return std::nullopt;
  };
  const unsigned long long declared = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR && declared > limit) return tooLarge();
  std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream*)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
  if (!stream || ZSTD_isError(ZSTD_initDStream(stream.get()))) {
    error = "out of memory unpacking " + what;
    return std::nullopt;
  }
  std::string out, chunk(1u << 16, '\0');
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR)
    out.reserve(static_cast<size_t>(declared));
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  size_t last = 1; // 0 once a frame is whole
  while (in.pos < in.size || last != 0) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    const size_t before = in.pos;
    last = ZSTD_decompressStream(stream.get(), &o, &in);
    if (ZSTD_isError(last)) {
      error = what + " is damaged (" + ZSTD_getErrorName(last) + ")";
      return std::nullopt;
    }
    if (o.pos == 0 && in.pos == before && last != 0) {
      error = what + " is damaged (it ends early)";
      return std::nullopt;
    }
    out.append(chunk.data(), o.pos);
    if (out.size() > limit) return tooLarge();
  }
  return out;
}

// The package's parts: its collection's bytes (unpacked), and where each media file is.
struct Package {
  std::string collection;
  std::string collectionName;                         // the member read ("collection.anki21b")
  bool zstdMedia = false;                             // the current format: each media member compressed
  std::unordered_map<std::string, std::string> media; // file name -> member name
};

// The media map: JSON {"0": "name.jpg"} (older packages), or MediaEntries in protocol
// buffers, zstd-compressed, each entry's member its index (current ones).
bool ReadMediaMap(const ZipArchive& zip, Package& package, std::string& error) {
  if (!zip.Has("media")) return true;
  std::optional<std::string> bytes = zip.Read("media", 16u << 20, error);
  if (!bytes) return false;
  if (package.zstdMedia) {
    bytes = Unzstd(*bytes, 64u << 20, "the media map", error);
    if (!bytes) return false;
    size_t index = 0;
    const bool ok = ForEachField(*bytes, [&](const ProtoField& entry) {
      if (entry.number != 1 || !entry.delimited) return;
      std::string name;
      std::optional<std::uint64_t> legacy;
      ForEachField(entry.bytes, [&](const ProtoField& f) {
        if (f.number == 1 && f.delimited) name = std::string(f.bytes);
        if (f.number == 255 && !f.delimited) legacy = f.varint;
      });
      if (!name.empty() && package.media.size() < static_cast<size_t>(ZipArchive::kMaxMembers))
        package.media.emplace(name, std::to_string(legacy ? *legacy : index));
      ++index;
    });
    if (!ok) error = "the media map is damaged";
    return ok;
  }
  const nlohmann::json map = nlohmann::json::parse(*bytes, nullptr, false);
  if (map.is_discarded() || !map.is_object()) {
    error = "the media map is damaged (not a JSON object)";
    return false;
  }
  for (const auto& [member, name] : map.items())
    if (name.is_string() && package.media.size() < static_cast<size_t>(ZipArchive::kMaxMembers))
      package.media.emplace(name.get<std::string>(), member);
  return true;
}

bool OpenPackage(const ZipArchive& zip, Package& package, std::string& error) {
  // The current format says so in `meta` (PackageMetadata: 1 and 2 the older ones, 3 the
  // latest); then the old collection beside it is only a note asking to update Anki.
  std::uint64_t version = 0;
  if (zip.Has("meta")) {
    std::optional<std::string> meta = zip.Read("meta", 1u << 20, error);
    if (!meta) return false;
    ForEachField(*meta, [&](const ProtoField& f) {
      if (f.number == 1 && !f.delimited) version = f.varint;
    });
    if (version > 3) {
      error = "the package was made by a newer Anki (package version " + std::to_string(version) +
              "), which FactDeck cannot read yet";
      return false;
    }
  }
  std::vector<const char*> names = {"collection.anki21b", "collection.anki21", "collection.anki2"};
  if (version == 3) names = {"collection.anki21b"};
  for (const char* name : names) {
    if (!zip.Has(name)) continue;
    package.collectionName = name;
    std::optional<std::string> bytes = zip.Read(name, kMaxCollectionBytes, error);
    if (!bytes) return false;
    if (package.collectionName == "collection.anki21b") {
      bytes = Unzstd(*bytes, kMaxCollectionBytes, "the collection", error);
      if (!bytes) return false;
      package.zstdMedia = true;
    }
    package.collection = std::move(*bytes);
    return ReadMediaMap(zip, package, error);
  }
  error = "not an Anki package: it holds no collection (collection.anki21b, collection.anki21 or collection.anki2)";
  return false;
}

// [SECTION] The collection ---------------------------------------------------------------

struct Template {
  std::string name, question, answer;
};

struct NoteType {
  std::string name;
  bool cloze = false;
  bool badTemplates = false;         // a template or field name not UTF-8, or a template over kMaxTemplateBytes
  std::vector<std::string> fields;   // by ordinal
  std::map<int, Template> templates; // by ordinal
};

struct Note {
  std::int64_t id = 0, type = 0;
  std::vector<std::string> fields, tags;
  std::vector<int> cardOrds; // the cards the collection holds of it, each once
  std::int64_t deck = 0;     // its first card's (the home deck of a card in a filtered deck)
  bool badText = false;      // a field or tag that is not UTF-8
};

// A card's scheduling as the cards table keeps it (read only for the history).
struct ScheduledCard {
  std::int64_t id = 0, note = 0;
  int ord = 0, type = 0, lapses = 0;
  std::int64_t due = 0, ivl = 0; // the home deck's due when in a filtered deck
  std::string data;              // JSON: FSRS's memory ("s", "d") in recent versions
  bool suspended = false;        // queue -1: kept out of study in Anki
};

struct Collection {
  std::unordered_map<std::int64_t, NoteType> types;
  std::unordered_map<std::int64_t, std::string> decks; // id -> name, levels joined by "::"
  std::vector<Note> notes;
  std::int64_t created = 0;             // col.crt: the start of day 0 of review due dates (seconds)
  size_t reviews = 0;                   // rows of the review log
  std::vector<ScheduledCard> scheduled; // with the history: every card
  std::vector<std::pair<std::int64_t, AnkiReviewEntry>> log; // with the history: (card id, entry), by card and time
  size_t logCut = 0;                                         // review log entries past kMaxReviews, not read
};

bool HasTable(sql::Database& db, const char* name) {
  auto st = db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  st.Bind(1, name);
  return st.Step();
}

// Schema 18: note types, fields, templates and decks in tables of their own, their
// settings in protocol buffers.
void ReadTypeTables(sql::Database& db, Collection& c) {
  auto types = db.Prepare("SELECT id, name, config FROM notetypes");
  while (types.Step()) {
    NoteType& t = c.types[types.Int(0)];
    t.name = types.Text(1);
    ForEachField(types.Text(2), [&](const ProtoField& f) {
      if (f.number == 1 && !f.delimited) t.cloze = f.varint == 1;
    });
  }
  auto fields = db.Prepare("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord");
  while (fields.Step()) {
    auto it = c.types.find(fields.Int(0));
    const std::int64_t ord = fields.Int(1);
    if (it == c.types.end() || ord < 0 || ord > 1000) continue;
    if (it->second.fields.size() <= static_cast<size_t>(ord)) it->second.fields.resize(static_cast<size_t>(ord) + 1);
    it->second.fields[static_cast<size_t>(ord)] = fields.Text(2);
  }
  auto templates = db.Prepare("SELECT ntid, ord, name, config FROM templates");
  while (templates.Step()) {
    auto it = c.types.find(templates.Int(0));
    if (it == c.types.end()) continue;
    Template& t = it->second.templates[static_cast<int>(templates.Int(1))];
    t.name = templates.Text(2);
    ForEachField(templates.Text(3), [&](const ProtoField& f) {
      if (f.number == 1 && f.delimited) t.question = std::string(f.bytes);
      if (f.number == 2 && f.delimited) t.answer = std::string(f.bytes);
    });
  }
  auto decks = db.Prepare("SELECT id, name FROM decks");
  while (decks.Step()) {
    std::string name = decks.Text(1);
    for (size_t at = name.find('\x1f'); at != std::string::npos; at = name.find('\x1f', at))
      name.replace(at, 1, "::");
    c.decks[decks.Int(0)] = std::move(name);
  }
}

// Schema 11: note types and decks as JSON in the `col` row.
bool ReadTypeJson(sql::Database& db, Collection& c, std::string& error) {
  auto col = db.Prepare("SELECT models, decks FROM col");
  if (!col.Step()) {
    error = "the collection is damaged: its settings row is missing";
    return false;
  }
  const std::string modelText = col.Text(0), deckText = col.Text(1);
  if (modelText.size() > kMaxJsonBytes || deckText.size() > kMaxJsonBytes) {
    error = "the collection's note types or decks are too large (over " + std::to_string(kMaxJsonBytes >> 20) + " MiB)";
    return false;
  }
  const nlohmann::json models = nlohmann::json::parse(modelText, nullptr, false);
  const nlohmann::json decks = nlohmann::json::parse(deckText, nullptr, false);
  if (!models.is_object() || !decks.is_object()) {
    error = "the collection is damaged: its note types or decks are not readable JSON";
    return false;
  }
  auto text = [](const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto number = [](const nlohmann::json& j, const char* key, std::int64_t otherwise) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : otherwise;
  };
  for (const auto& [id, m] : models.items()) {
    if (!m.is_object()) continue;
    NoteType t;
    t.name = text(m, "name");
    t.cloze = number(m, "type", 0) == 1;
    if (auto flds = m.find("flds"); flds != m.end() && flds->is_array())
      for (const auto& f : *flds) {
        if (!f.is_object()) continue;
        const std::int64_t ord = number(f, "ord", static_cast<std::int64_t>(t.fields.size()));
        if (ord < 0 || ord > 1000) continue;
        if (t.fields.size() <= static_cast<size_t>(ord)) t.fields.resize(static_cast<size_t>(ord) + 1);
        t.fields[static_cast<size_t>(ord)] = text(f, "name");
      }
    if (auto tmpls = m.find("tmpls"); tmpls != m.end() && tmpls->is_array())
      for (const auto& f : *tmpls) {
        if (!f.is_object()) continue;
        const int ord = static_cast<int>(number(f, "ord", static_cast<std::int64_t>(t.templates.size())));
        t.templates[ord] = {text(f, "name"), text(f, "qfmt"), text(f, "afmt")};
      }
    c.types[std::strtoll(id.c_str(), nullptr, 10)] = std::move(t);
  }
  for (const auto& [id, d] : decks.items())
    if (d.is_object()) c.decks[std::strtoll(id.c_str(), nullptr, 10)] = text(d, "name");
  return true;
}

bool HasColumn(sql::Database& db, const char* table, const char* column) {
  auto st = db.Prepare(std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?1");
  st.Bind(1, column);
  return st.Step();
}

// The cards' scheduling and the review log, for ReadCollection.
void ReadSchedule(sql::Database& db, Collection& c, bool history) {
  c.created = std::clamp<std::int64_t>(db.QueryInt("SELECT crt FROM col").value_or(0), 0, kMaxDue / 1000);
  c.reviews = HasTable(db, "revlog") ? static_cast<size_t>(db.QueryInt("SELECT COUNT(*) FROM revlog").value_or(0)) : 0;
  if (!history) return;
  const bool data = HasColumn(db, "cards", "data");
  auto cards = db.Prepare(std::string("SELECT id, nid, ord, type, CASE WHEN odid != 0 AND odue != 0 THEN odue ELSE due "
                                      "END, ivl, lapses, ") +
                          (data ? "data" : "''") + ", queue FROM cards ORDER BY id");
  while (cards.Step())
    c.scheduled.push_back(
        {cards.Int(0), cards.Int(1), static_cast<int>(std::clamp<std::int64_t>(cards.Int(2), -1, 100000)),
         static_cast<int>(std::clamp<std::int64_t>(cards.Int(3), 0, 3)),
         static_cast<int>(std::clamp<std::int64_t>(cards.Int(6), 0, 1000000)),
         std::clamp<std::int64_t>(cards.Int(4), -kMaxDue, kMaxDue),
         std::clamp<std::int64_t>(cards.Int(5), -kMaxDays, kMaxDays), cards.Text(7), cards.Int(8) == -1});
  if (c.reviews == 0) return;
  // The newest first, so that a log over the limit keeps its latest reviews.
  auto log = db.Prepare("SELECT cid, id, ease, type, ivl, factor, time FROM revlog ORDER BY id DESC");
  while (log.Step()) {
    if (c.log.size() >= kMaxReviews) {
      ++c.logCut;
      continue;
    }
    // A review before 1970 or after 2286, or with a button Anki has not, is damage: left out.
    if (log.Int(1) < 0 || log.Int(1) > kMaxDue || log.Int(2) < 0 || log.Int(2) > 4) {
      ++c.logCut;
      continue;
    }
    AnkiReviewEntry e;
    e.id = log.Int(1);
    e.ease = static_cast<int>(log.Int(2));
    e.type = static_cast<int>(std::clamp<std::int64_t>(log.Int(3), 0, 5));
    e.ivl = std::clamp<std::int64_t>(log.Int(4), -(std::int64_t{1} << 40), 1000000);
    e.factor = static_cast<int>(std::clamp<std::int64_t>(log.Int(5), 0, 100000));
    e.timeMs = static_cast<int>(std::clamp<std::int64_t>(log.Int(6), 0, 3600000));
    c.log.emplace_back(log.Int(0), e);
  }
  // By card, then time (the log has no index on its cards: sorted here, faster than by SQLite).
  std::sort(c.log.begin(), c.log.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
  });
}

bool ReadCollection(const Package& package, const std::string& name, Collection& c, std::string& error, bool history) {
  try {
    sql::Database db(sql::Database::Image{package.collection, name});
    if (!HasTable(db, "notes") || !HasTable(db, "cards") || !HasTable(db, "col")) {
      error = "not an Anki collection: the notes, cards or col table is missing";
      return false;
    }
    if (HasTable(db, "notetypes") && HasTable(db, "fields") && HasTable(db, "templates") && HasTable(db, "decks"))
      ReadTypeTables(db, c);
    else if (!ReadTypeJson(db, c, error))
      return false;
    for (auto& [id, type] : c.types) {
      for (const auto& [ord, t] : type.templates)
        type.badTemplates = type.badTemplates || t.question.size() > kMaxTemplateBytes ||
                            t.answer.size() > kMaxTemplateBytes || FirstInvalidUtf8(t.question) ||
                            FirstInvalidUtf8(t.answer);
      for (const std::string& f : type.fields)
        type.badTemplates = type.badTemplates || FirstInvalidUtf8(f);
    }
    std::unordered_map<std::int64_t, size_t> noteAt;
    auto notes = db.Prepare("SELECT id, mid, tags, flds FROM notes ORDER BY id");
    while (notes.Step()) {
      if (c.notes.size() >= kMaxNotes) {
        error = "the collection holds more than " + std::to_string(kMaxNotes) + " notes";
        return false;
      }
      Note n;
      n.id = notes.Int(0);
      n.type = notes.Int(1);
      const std::string tags = notes.Text(2), fields = notes.Text(3);
      n.badText = FirstInvalidUtf8(tags).has_value() || FirstInvalidUtf8(fields).has_value();
      // Tags are separated by spaces (a tag may hold a comma).
      for (size_t begin = tags.find_first_not_of(" \t\n"); begin != std::string::npos && n.tags.size() < kMaxTags;) {
        const size_t end = std::min(tags.find_first_of(" \t\n", begin), tags.size());
        if (end - begin <= 200) n.tags.push_back(tags.substr(begin, end - begin));
        begin = tags.find_first_not_of(" \t\n", end);
      }
      for (size_t begin = 0; n.fields.size() < kMaxFields;) {
        const size_t end = fields.find('\x1f', begin);
        n.fields.push_back(fields.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
        if (end == std::string::npos) break;
        begin = end + 1;
      }
      noteAt[n.id] = c.notes.size();
      c.notes.push_back(std::move(n));
    }
    // A card in a filtered deck (a custom study session) keeps its home deck in odid.
    auto cards = db.Prepare("SELECT DISTINCT nid, ord, CASE WHEN odid != 0 THEN odid ELSE did END FROM cards "
                            "ORDER BY nid, ord");
    while (cards.Step()) {
      auto at = noteAt.find(cards.Int(0));
      if (at == noteAt.end()) continue;
      Note& n = c.notes[at->second];
      const int ord = static_cast<int>(std::clamp<std::int64_t>(cards.Int(1), -1, 100000));
      if (n.cardOrds.empty()) n.deck = cards.Int(2);
      if ((n.cardOrds.empty() || n.cardOrds.back() != ord) && n.cardOrds.size() < kMaxCardsPerNote)
        n.cardOrds.push_back(ord);
    }
    for (auto& [id, deckName] : c.decks)
      if (FirstInvalidUtf8(deckName)) deckName.clear();
    ReadSchedule(db, c, history);
    return true;
  } catch (const sql::SqliteError& e) {
    error = std::string("the collection is damaged: ") + e.what();
    return false;
  }
}

// [SECTION] Templates ------------------------------------------------------------------

struct NoteView {
  const NoteType& type;
  const Note& note;
  const std::string& deck;
  int card = 0; // the card's number (its template's ordinal + 1, or its cloze number)
  std::string Field(std::string_view name) const {
    for (size_t i = 0; i < type.fields.size() && i < note.fields.size(); ++i)
      if (type.fields[i] == name) return note.fields[i];
    if (name == "Tags") {
      std::string tags;
      for (const std::string& t : note.tags)
        tags += (tags.empty() ? "" : " ") + t;
      return tags;
    }
    if (name == "Deck") return deck;
    if (name == "Subdeck") return deck.substr(deck.rfind("::") == std::string::npos ? 0 : deck.rfind("::") + 2);
    if (name == "Type") return type.name;
    // {{#c2}}...{{/c2}}: shown on the card of cloze 2 only.
    if (name.size() >= 2 && name[0] == 'c' && name.find_first_not_of("0123456789", 1) == std::string_view::npos)
      return name.substr(1) == std::to_string(card) ? "1" : "";
    return {};
  }
};

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

// A field's text as clozes: plain text and gaps, gaps within gaps ("{{c1::Canberra is in
// {{c2::Australia}}}}"), a gap for several cards ("{{c1,2::...}}"), a hint after the first
// "::" of a gap's own text.
struct Cloze {
  bool gap = false;
  std::string text;         // plain text (gap false)
  std::vector<int> numbers; // the cards this gap is hidden on
  std::string hint;
  std::vector<Cloze> inner; // what the gap holds
};

constexpr int kMaxClozeDepth = 10;

// Parses from `i` to the end, or (inside a gap) to its closing "}}".
std::vector<Cloze> ParseClozes(std::string_view t, size_t& i, int depth) {
  std::vector<Cloze> out;
  std::string plain;
  auto flush = [&] {
    if (!plain.empty()) out.push_back({false, std::move(plain), {}, {}, {}});
    plain.clear();
  };
  while (i < t.size()) {
    if (depth < kMaxClozeDepth && t.compare(i, 3, "{{c") == 0) {
      size_t j = i + 3;
      std::vector<int> numbers;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') {
        int n = 0;
        size_t digits = 0;
        for (; j < t.size() && t[j] >= '0' && t[j] <= '9' && digits < 4; ++j, ++digits)
          n = n * 10 + (t[j] - '0');
        if (j < t.size() && t[j] >= '0' && t[j] <= '9') break; // five digits or more: not a gap
        if (n > 0) numbers.push_back(n);
        if (j < t.size() && t[j] == ',') ++j;
      }
      if (!numbers.empty() && t.compare(j, 2, "::") == 0) {
        flush();
        i = j + 2;
        Cloze gap;
        gap.gap = true;
        gap.numbers = std::move(numbers);
        gap.inner = ParseClozes(t, i, depth + 1);
        // The hint: what follows the first "::" in the gap's own text.
        for (size_t k = 0; k < gap.inner.size(); ++k) {
          Cloze& part = gap.inner[k];
          const size_t at = part.gap ? std::string::npos : part.text.find("::");
          if (at == std::string::npos) continue;
          gap.hint = part.text.substr(at + 2);
          for (size_t m = k + 1; m < gap.inner.size(); ++m)
            if (!gap.inner[m].gap) gap.hint += gap.inner[m].text;
          part.text.resize(at);
          gap.inner.resize(k + 1);
          break;
        }
        out.push_back(std::move(gap));
        continue;
      }
    }
    if (depth > 0 && t.compare(i, 2, "}}") == 0) {
      i += 2;
      break;
    }
    plain += t[i++];
  }
  flush();
  return out;
}

std::vector<Cloze> ParseClozes(std::string_view text) {
  size_t i = 0;
  return ParseClozes(text, i, 0);
}

void ClozeNumbers(const std::vector<Cloze>& parts, std::set<int>& numbers) {
  for (const Cloze& c : parts)
    if (c.gap) {
      numbers.insert(c.numbers.begin(), c.numbers.end());
      ClozeNumbers(c.inner, numbers);
    }
}

// The text with the gaps of card `number` hidden ("[...]", "[hint]") and every other shown;
// `number` 0 shows them all.
std::string WithGap(const std::vector<Cloze>& parts, int number) {
  std::string out;
  for (const Cloze& c : parts) {
    if (!c.gap)
      out += c.text;
    else if (std::find(c.numbers.begin(), c.numbers.end(), number) != c.numbers.end())
      out += "[" + (c.hint.empty() ? std::string("...") : c.hint) + "]";
    else
      out += WithGap(c.inner, number);
  }
  return out;
}

// What fills the gaps of card `number`, each as written (its own gaps shown).
void GapTexts(const std::vector<Cloze>& parts, int number, std::vector<std::string>& out) {
  for (const Cloze& c : parts) {
    if (!c.gap) continue;
    if (std::find(c.numbers.begin(), c.numbers.end(), number) != c.numbers.end())
      out.push_back(WithGap(c.inner, 0));
    else
      GapTexts(c.inner, number, out);
  }
}

// Anki's reading filters on "漢字[かんじ]" (a space may mark where the word with the reading
// starts): {{kanji:F}} keeps the word, {{kana:F}} the reading, {{furigana:F}} the word (a
// text cannot set the reading above it). "[sound:...]" is no reading.
std::string Readings(const std::string& text, bool kana) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('[', i);
    const size_t close = open == std::string::npos ? open : text.find(']', open);
    if (close == std::string::npos) break;
    if (text.compare(open + 1, 6, "sound:") == 0) {
      out += text.substr(i, close + 1 - i);
      i = close + 1;
      continue;
    }
    // The word: back from the bracket to a space, a tag's end or where this run began.
    size_t word = open;
    while (word > i && text[word - 1] != ' ' && text[word - 1] != '>')
      --word;
    const size_t kept = word > i && text[word - 1] == ' ' ? word - 1 : word; // the marking space goes
    out += text.substr(i, kept - i);
    out += kana ? text.substr(open + 1, close - open - 1) : text.substr(word, open - word);
    i = close + 1;
  }
  return out + text.substr(std::min(i, text.size()));
}

enum class Showing { Question, Answer };

// Renders a template as Anki does for one card: {{Field}}, {{filter:Field}} (type, cloze,
// hint, text; others show the field), {{#Field}}...{{/Field}} and {{^Field}}...{{/Field}},
// {{FrontSide}} (empty: the answer side is taken after <hr id=answer>), HTML comments left
// as written. `budget` bounds the bytes scanned (a template of unclosed sections would
// otherwise be scanned again for each); false when it runs out.
bool Render(std::string_view tmpl, const NoteView& note, Showing side, std::string& out, size_t& budget,
            int depth = 0) {
  size_t from = 0;
  while (from < tmpl.size()) {
    if (depth > 20 || out.size() > kMaxSideBytes) return false;
    const size_t open = tmpl.find("{{", from);
    const size_t comment = tmpl.find("<!--", from);
    if (comment != std::string_view::npos && (open == std::string_view::npos || comment < open)) {
      const size_t end = tmpl.find("-->", comment + 4);
      const size_t stop = end == std::string_view::npos ? tmpl.size() : end + 3;
      out += tmpl.substr(from, stop - from);
      from = stop;
      continue;
    }
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out += tmpl.substr(from, open - from);
    std::string tag = Trim(tmpl.substr(open + 2, close - open - 2));
    from = close + 2;
    if (!tag.empty() && tag[0] == '{' && from < tmpl.size() && tmpl[from] == '}') { // {{{Field}}}
      tag = Trim(std::string_view(tag).substr(1));
      ++from;
    }
    if (!tag.empty() && (tag[0] == '#' || tag[0] == '^')) {
      const std::string name = Trim(std::string_view(tag).substr(1));
      // The matching {{/name}}, spaces allowed inside the braces, sections of the same name nested.
      size_t at = from, level = 1, endAt = std::string_view::npos, endLength = 0;
      while (level > 0) {
        const size_t next = tmpl.find("{{", at);
        const size_t nextClose = next == std::string_view::npos ? next : tmpl.find("}}", next + 2);
        const size_t scanned = (nextClose == std::string_view::npos ? tmpl.size() : nextClose + 2) - at;
        if (budget < scanned) return false;
        budget -= scanned;
        if (nextClose == std::string_view::npos) break;
        const std::string inner = Trim(tmpl.substr(next + 2, nextClose - next - 2));
        if (!inner.empty() && (inner[0] == '#' || inner[0] == '^') && Trim(std::string_view(inner).substr(1)) == name)
          ++level;
        else if (!inner.empty() && inner[0] == '/' && Trim(std::string_view(inner).substr(1)) == name && --level == 0) {
          endAt = next;
          endLength = nextClose + 2 - next;
        }
        at = nextClose + 2;
      }
      if (endAt == std::string_view::npos) continue; // never closed: the tag is dropped
      const std::string value = note.Field(name);
      const bool filled = !Trim(value).empty() && value != "<br>" && value != "<div></div>";
      if (filled == (tag[0] == '#') && !Render(tmpl.substr(from, endAt - from), note, side, out, budget, depth + 1))
        return false;
      from = endAt + endLength;
      continue;
    }
    if (tag.empty() || tag[0] == '/' || tag[0] == '!' || tag == "FrontSide") continue;
    const size_t colon = tag.rfind(':');
    const std::string name =
        Trim(colon == std::string::npos ? std::string_view(tag) : std::string_view(tag).substr(colon + 1));
    const std::string filters = colon == std::string::npos ? std::string() : tag.substr(0, colon);
    if (filters.rfind("tts", 0) == 0) continue; // read aloud: no text of its own
    if (filters.rfind("type", 0) == 0) {        // the typing box: shows nothing asked, the answer when answered
      if (side == Showing::Question) continue;
    } else if (filters.rfind("hint", 0) == 0 && side == Showing::Question) {
      continue; // hidden until asked for: not part of the question
    }
    std::string value = note.Field(name);
    if (filters.find("cloze") != std::string::npos)
      value = WithGap(ParseClozes(value), side == Showing::Question ? note.card : 0);
    if (filters.find("kana") != std::string::npos)
      value = Readings(value, true);
    else if (filters.find("kanji") != std::string::npos || filters.find("furigana") != std::string::npos)
      value = Readings(value, false);
    out += value;
  }
  if (from < tmpl.size()) out += tmpl.substr(from);
  return out.size() <= kMaxSideBytes;
}

// An answer side without the question repeated: what follows <hr id=answer>, as Anki marks it.
std::string AnswerPart(const std::string& html) {
  for (const char* mark : {"<hr id=answer>", "<hr id=\"answer\">", "<hr id='answer'>"})
    if (const size_t at = html.find(mark); at != std::string::npos) return html.substr(at + std::strlen(mark));
  return html;
}

// [SECTION] Cards ------------------------------------------------------------------------

bool ShownPicture(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

bool SafeMediaName(const std::string& name) {
  return !name.empty() && name.size() <= 200 && name[0] != '.' && name.find('/') == std::string::npos &&
         name.find('\\') == std::string::npos && name.find('\0') == std::string::npos && !FirstInvalidUtf8(name);
}

// A deck name as a title: pictographs and marks around it left out ("🎪Advanced ML" is
// "Advanced ML"; the UI's font has no emoji), and spaces trimmed.
std::string TitleOf(const std::string& name) {
  std::vector<std::pair<size_t, size_t>> letters; // byte ranges of characters that are not symbols
  for (size_t i = 0; i < name.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(name.data() + i),
                                                static_cast<utf8proc_ssize_t>(name.size() - i), &cp);
    if (n <= 0) break;
    const utf8proc_category_t c = utf8proc_category(cp);
    const bool symbol = c == UTF8PROC_CATEGORY_SO || c == UTF8PROC_CATEGORY_SK || c == UTF8PROC_CATEGORY_MN ||
                        c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_ZS || cp == ' ';
    if (!symbol) letters.emplace_back(i, i + static_cast<size_t>(n));
    i += static_cast<size_t>(n);
  }
  if (letters.empty()) return {};
  return name.substr(letters.front().first, letters.back().second - letters.front().first);
}

// The deepest deck all of `paths` share ("Languages::Spanish" for its two sub-decks), or "".
std::string SharedDeck(const std::vector<std::string>& paths) {
  if (paths.empty()) return {};
  std::string shared = paths.front();
  for (const std::string& p : paths) {
    size_t n = 0;
    while (n < shared.size() && n < p.size() && shared[n] == p[n])
      ++n;
    // Cut back to a whole level.
    if (!(n == shared.size() && (n == p.size() || p.compare(n, 2, "::") == 0))) {
      const size_t level = shared.rfind("::", n);
      n = level == std::string::npos ? 0 : level;
      if (n > 0 && !(p.compare(0, n, shared, 0, n) == 0)) n = 0;
    }
    shared.resize(n);
    if (shared.empty()) break;
  }
  return shared;
}

class Builder {
public:
  Builder(const ZipArchive& zip, const Package& package, const std::string& name, std::filesystem::path mediaDir,
          std::string mediaPrefix, AnkiImport& out)
      : m_zip(zip), m_package(package), m_name(name), m_mediaDir(std::move(mediaDir)),
        m_mediaPrefix(std::move(mediaPrefix)), m_out(out) {}

  // False when the cards would hold more text than a deck may (`error` says so).
  bool Run(const Collection& c, std::string& error) {
    Deck& deck = m_out.load.deck;
    std::map<std::string, size_t> topDecks;
    std::vector<std::string> cardDecks; // each note's deck that gave cards (Default left out)
    bool anyReversed = false;
    for (const Note& note : c.notes) {
      ++m_out.report.notes;
      m_reasons.clear();
      const size_t before = deck.cards.size();
      auto type = c.types.find(note.type);
      if (type == c.types.end()) {
        m_reasons.push_back("its note type is missing from the package");
      } else if (note.badText) {
        m_reasons.push_back("its text is not UTF-8");
      } else if (type->second.badTemplates) {
        m_reasons.push_back("its note type's templates are not UTF-8 or too large");
      } else {
        // Deck 1 is Anki's default deck, whatever it is called in the collection's language.
        auto deckName = note.deck == 1 ? c.decks.end() : c.decks.find(note.deck);
        const std::string& deckPath = deckName == c.decks.end() ? m_noDeck : deckName->second;
        std::vector<std::string> tags = note.tags;
        for (size_t begin = 0; begin < deckPath.size();) {
          size_t end = deckPath.find("::", begin);
          if (end == std::string::npos) end = deckPath.size();
          const std::string level = Slug(deckPath.substr(begin, end - begin));
          if (!level.empty() && std::find(tags.begin(), tags.end(), level) == tags.end()) tags.push_back(level);
          begin = end + 2;
        }
        if (type->second.cloze)
          ClozeCards(type->second, note, deckPath, tags);
        else
          anyReversed = NoteCards(type->second, note, deckPath, tags) || anyReversed;
        if (deck.cards.size() > before && !deckPath.empty()) {
          ++topDecks[deckPath.substr(0, deckPath.find("::"))];
          cardDecks.push_back(deckPath);
        }
      }
      if (deck.cards.size() == before) {
        LeaveOut(AnkiReport::Unit::Note, m_reasons.empty() ? "it gave no card" : m_reasons.front());
      } else {
        for (const std::string& why : m_reasons)
          LeaveOut(AnkiReport::Unit::Card, why);
      }
      if (m_textBytes > kMaxDeckFileBytes) {
        error = "the package's cards hold more than " + std::to_string(kMaxDeckFileBytes >> 20) +
                " MiB of text, more than a deck may";
        return false;
      }
    }
    deck.cardsReverse = anyReversed;
    // The title: the deepest deck every card comes from, else the top deck most come from.
    std::string title = SharedDeck(cardDecks);
    if (!title.empty()) {
      const size_t last = title.rfind("::");
      title = title.substr(last == std::string::npos ? 0 : last + 2);
    } else if (auto top = std::max_element(topDecks.begin(), topDecks.end(),
                                           [](const auto& x, const auto& y) { return x.second < y.second; });
               top != topDecks.end()) {
      title = top->first;
    }
    if (!TitleOf(title).empty()) deck.title = TitleOf(title);
    return true;
  }

  // Each Anki card made, by (note, template ordinal or cloze number - 1): the FactDeck card
  // it became and the way it is asked.
  std::map<std::pair<std::int64_t, int>, std::pair<std::string, srs::QuestionKind>> made;

private:
  void LeaveOut(AnkiReport::Unit unit, const std::string& why) {
    auto& list = m_out.report.leftOut;
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& o) { return o.unit == unit && o.why == why; });
    if (it == list.end())
      list.push_back({unit, why, 1});
    else
      ++it->count;
  }

  // The picture `name` unpacked into the media folder, checked as a deck's pictures are;
  // "" (with the reason counted) when it cannot be shown.
  std::string Unpack(const std::string& name) {
    if (auto done = m_unpacked.find(name); done != m_unpacked.end()) return done->second;
    std::string& path = m_unpacked[name];
    if (m_mediaDir.empty()) return path;
    auto fail = [&](const char* why) {
      LeaveOut(AnkiReport::Unit::Picture, why);
      return path;
    };
    if (name.rfind("http://", 0) == 0 || name.rfind("https://", 0) == 0)
      return fail("a picture on the web (FactDeck shows pictures from the package only)");
    auto member = m_package.media.find(name);
    if (member == m_package.media.end()) return fail("a picture is missing from the package");
    if (!SafeMediaName(name)) return fail("a picture's file name is not safe to write");
    std::string error;
    std::optional<std::string> bytes = m_zip.Read(member->second, kMaxPictureBytes, error);
    if (bytes && m_package.zstdMedia) bytes = Unzstd(*bytes, kMaxPictureBytes, "the picture " + name, error);
    if (!bytes) return fail("a picture cannot be unpacked (damaged, or over 8 MiB)");
    if (m_mediaBytes + bytes->size() > kMaxMediaBytes) return fail("the package's pictures are over 1 GiB together");
    m_mediaBytes += bytes->size();
    std::error_code ec;
    std::filesystem::create_directories(m_mediaDir, ec);
    const std::filesystem::path file = m_mediaDir / name;
    std::string existing;
    if (std::filesystem::file_size(file, ec) != bytes->size() || ec || !ReadWholeFile(file, existing).empty() ||
        existing != *bytes)
      if (!WriteFileAtomically(file, *bytes).empty()) return fail("a picture cannot be written");
    const PictureInfo info = ReadPictureInfo(file);
    if (!info.error.empty() || info.width > kMaxPictureSide || info.height > kMaxPictureSide) {
      std::filesystem::remove(file, ec);
      return fail("a picture cannot be shown (not a PNG or JPEG FactDeck reads, or over 4096 pixels a side)");
    }
    ++m_out.report.pictures;
    path = m_mediaPrefix + name;
    return path;
  }

  struct CardSide {
    std::string text;
    std::vector<std::string> pictures;
    size_t sounds = 0;
  };
  static CardSide Clean(const std::string& html) {
    HtmlText read = ReadHtml(html);
    return {std::move(read.text), std::move(read.pictures), read.sounds};
  }

  // A side of a card: its template rendered, then made plain text; nullopt (the reason
  // kept) when the template is too complex or the side too large.
  std::optional<CardSide> SideOf(const std::string& tmpl, const NoteView& view, Showing showing) {
    std::string html;
    size_t budget = 64u << 20;
    if (!Render(tmpl, view, showing, html, budget)) {
      m_reasons.push_back("its card's template is too complex, or its side over 1 MiB");
      return std::nullopt;
    }
    return Clean(showing == Showing::Answer ? AnswerPart(html) : html);
  }

  // A card from its two sides; false (with the reason kept) when it cannot be asked.
  bool Add(const std::string& id, CardSide front, CardSide back, const std::vector<std::string>& tags, bool cloze) {
    Card card;
    card.id = id;
    card.front = std::move(front.text);
    card.back = std::move(back.text);
    card.tags = tags;
    card.source = "anki";
    card.cloze = cloze;
    std::string shown;
    for (const std::string& p : front.pictures)
      if (ShownPicture(p) || p.rfind("http", 0) == 0) {
        shown = Unpack(p);
        if (!shown.empty()) break;
      }
    if (card.front.empty() && shown.empty()) {
      m_reasons.push_back(front.pictures.empty()
                              ? "its question side is empty once HTML and sound are taken out"
                              : "its question is a picture FactDeck cannot show (not PNG or JPEG, or missing)");
      return false;
    }
    if (card.back.empty()) {
      m_reasons.push_back(back.pictures.empty()
                              ? "its answer side is empty once HTML and sound are taken out"
                              : "its answer is a picture alone (FactDeck shows pictures with the question)");
      return false;
    }
    if (!shown.empty()) {
      card.picture.path = shown;
      card.picture.credit = "From the Anki package " + std::filesystem::path(m_name).filename().string();
    }
    if (card.front.empty()) card.front = "(picture)";
    m_out.report.sounds += front.sounds + back.sounds;
    m_textBytes += card.front.size() + card.back.size();
    m_out.load.deck.cards.push_back(std::move(card));
    ++m_out.report.cards;
    return true;
  }

  // A note of a standard type: each of its cards, ids by template ("note-ID" for the first,
  // "note-ID-2" for the second...). A card asking the first one's question the other way
  // round, when the first was made, is FactDeck's reverse question. True when there is one.
  bool NoteCards(const NoteType& type, const Note& note, const std::string& deckPath,
                 const std::vector<std::string>& tags) {
    if (note.cardOrds.empty()) {
      m_reasons.push_back("it has no card in the collection");
      return false;
    }
    bool reversed = false;
    std::optional<std::pair<std::string, std::string>> first; // the first template's sides, when made
    std::string firstId;
    for (const int ord : note.cardOrds) {
      auto tmpl = type.templates.find(ord);
      if (tmpl == type.templates.end()) {
        m_reasons.push_back("its card's template is missing from the note type");
        continue;
      }
      const NoteView view{type, note, deckPath, ord + 1};
      std::optional<CardSide> front = SideOf(tmpl->second.question, view, Showing::Question);
      std::optional<CardSide> back = front ? SideOf(tmpl->second.answer, view, Showing::Answer) : std::nullopt;
      if (!front || !back) continue;
      if (first && front->pictures.empty() && back->pictures.empty() && Fold(front->text) == Fold(first->second) &&
          Fold(back->text) == Fold(first->first)) {
        reversed = true; // asked as FactDeck's reverse question
        made[{note.id, ord}] = {firstId, srs::QuestionKind::MultipleChoiceReverse};
        continue;
      }
      const std::string id = "note-" + std::to_string(note.id) + (ord == 0 ? "" : "-" + std::to_string(ord + 1));
      const std::pair<std::string, std::string> sides{front->text, back->text};
      const bool frontPictures = !front->pictures.empty(), backPictures = !back->pictures.empty();
      if (!Add(id, std::move(*front), std::move(*back), tags, false)) continue;
      made[{note.id, ord}] = {id, srs::QuestionKind::Flashcard};
      if (ord == note.cardOrds.front() && !frontPictures && !backPictures) {
        first = sides;
        firstId = id;
      }
    }
    return reversed;
  }

  // A cloze note: one card per gap number (those the collection holds cards of), the text
  // with that gap as the question, what fills it as the answer.
  void ClozeCards(const NoteType& type, const Note& note, const std::string& deckPath,
                  const std::vector<std::string>& tags) {
    const std::string* question = type.templates.empty() ? nullptr : &type.templates.begin()->second.question;
    if (question == nullptr) {
      m_reasons.push_back("its card's template is missing from the note type");
      return;
    }
    std::set<int> numbers;
    std::vector<Cloze> gaps; // the fields asked as clozes, each parsed
    for (size_t f = 0; f < type.fields.size() && f < note.fields.size(); ++f) {
      const std::string& field = type.fields[f];
      bool asked = false;
      for (size_t at = question->find("cloze:"); at != std::string::npos && !asked;
           at = question->find("cloze:", at + 1)) {
        const size_t close = question->find("}}", at);
        asked = close != std::string::npos && Trim(std::string_view(*question).substr(at + 6, close - at - 6)) == field;
      }
      if (!asked) continue;
      if (note.fields[f].find("image-occlusion:") != std::string::npos) {
        m_reasons.push_back("it is an image occlusion (a picture with parts masked), which FactDeck does not ask");
        return;
      }
      std::vector<Cloze> parsed = ParseClozes(note.fields[f]);
      ClozeNumbers(parsed, numbers);
      gaps.insert(gaps.end(), parsed.begin(), parsed.end());
    }
    if (numbers.empty()) {
      m_reasons.push_back("it is a cloze note without a gap ({{c1::...}})");
      return;
    }
    size_t asked = 0;
    for (int n : numbers) {
      // Only the gaps the collection holds a card of (an export of part of a note's cards).
      if (!note.cardOrds.empty() && !std::binary_search(note.cardOrds.begin(), note.cardOrds.end(), n - 1)) continue;
      if (asked++ >= kMaxCardsPerNote) break;
      std::vector<std::string> texts;
      GapTexts(gaps, n, texts);
      std::string answer;
      std::vector<std::string> seen;
      for (const std::string& t : texts) {
        std::string text = Clean(t).text;
        if (text.empty() || std::find(seen.begin(), seen.end(), text) != seen.end()) continue;
        answer += (answer.empty() ? "" : " … ") + text;
        seen.push_back(std::move(text));
      }
      const NoteView view{type, note, deckPath, n};
      std::optional<CardSide> front = SideOf(*question, view, Showing::Question);
      if (front && front->text == Clean(WithGap(gaps, 0)).text) { // the gap is not shown (in a comment)
        m_reasons.push_back("its gap does not show on the card (inside an HTML comment or hidden)");
        continue;
      }
      const std::string id = "note-" + std::to_string(note.id) + "-c" + std::to_string(n);
      if (front && Add(id, std::move(*front), CardSide{answer, {}, 0}, tags, true)) {
        ++m_out.report.clozes;
        made[{note.id, n - 1}] = {id, srs::QuestionKind::Flashcard};
      }
    }
  }

  const ZipArchive& m_zip;
  const Package& m_package;
  const std::string& m_name;
  const std::filesystem::path m_mediaDir;
  const std::string m_mediaPrefix;
  AnkiImport& m_out;
  const std::string m_noDeck;
  std::unordered_map<std::string, std::string> m_unpacked; // media name -> picture path ("" when not shown)
  std::vector<std::string> m_reasons;                      // why the note's cards were not made
  std::uint64_t m_mediaBytes = 0;
  size_t m_textBytes = 0;
};

// [SECTION] History ---------------------------------------------------------------------

constexpr std::int64_t kDaySeconds = 24 * 60 * 60;

// A card's due: learning cards' is a time (seconds since 1970), review cards' a day counted
// from the collection's first (col.crt, the start of that day).
srs::TimeMs DueTime(std::int64_t due, std::int64_t created) {
  constexpr std::int64_t kTimes = 1000000000; // 2001: no day count is this large
  return (due > kTimes ? due : created + std::clamp<std::int64_t>(due, -kTimes, kTimes) * kDaySeconds) * 1000;
}

// The history of the cards made, from the collection's schedule and log.
void GatherHistory(const Collection& c, const Builder& built, AnkiHistory& h) {
  std::unordered_map<std::int64_t, size_t> cardAt; // Anki card id -> h.cards
  for (const ScheduledCard& sc : c.scheduled) {
    auto made = built.made.find({sc.note, sc.ord});
    if (made == built.made.end()) continue;
    AnkiCardHistory card;
    card.item = made->second.first;
    card.kind = made->second.second;
    card.type = sc.type;
    card.due = sc.type == 0 ? 0 : DueTime(sc.due, c.created);
    card.ivl = std::max<std::int64_t>(0, sc.ivl);
    card.lapses = sc.lapses;
    h.suspended += sc.suspended ? 1 : 0;
    // FSRS's memory, when Anki scheduled with it: {"s": stability, "d": difficulty, ...}.
    const nlohmann::json data =
        sc.data.find("\"s\"") == std::string::npos ? nlohmann::json() : nlohmann::json::parse(sc.data, nullptr, false);
    if (data.is_object() && data.contains("s") && data.contains("d") && data["s"].is_number() &&
        data["d"].is_number()) {
      const double s = data["s"].get<double>(), d = data["d"].get<double>();
      if (std::isfinite(s) && std::isfinite(d) && s > 0 && d >= 1 && d <= 10) {
        card.stability = s;
        card.difficulty = d;
      }
    }
    cardAt[sc.id] = h.cards.size();
    h.cards.push_back(std::move(card));
  }
  for (const auto& [cardId, entry] : c.log) {
    auto at = cardAt.find(cardId);
    if (at == cardAt.end()) {
      ++h.leftOut;
      continue;
    }
    h.cards[at->second].reviews.push_back(entry);
    ++h.reviews;
  }
  const auto never = std::remove_if(h.cards.begin(), h.cards.end(),
                                    [](const AnkiCardHistory& card) { return card.type == 0 && card.reviews.empty(); });
  h.leftOut += c.logCut;
  h.newCards = static_cast<size_t>(h.cards.end() - never);
  h.cards.erase(never, h.cards.end());
}

AnkiImport Read(const ZipArchive& zip, std::string error, const std::string& name,
                const std::filesystem::path& mediaDir, const std::string& mediaPrefix, bool history) {
  AnkiImport out;
  Deck& deck = out.load.deck;
  deck.file = name;
  const std::string stem = std::filesystem::path(name).stem().string();
  deck.id = Slug(stem).empty() ? "anki" : Slug(stem);
  deck.title = stem.empty() ? "Anki deck" : stem;
  deck.description = "Imported from the Anki package " + std::filesystem::path(name).filename().string();
  deck.sources.push_back({"anki", std::filesystem::path(name).filename().string(), "", "", {1, 1}, "Anki package"});
  deck.cardsForward = true;
  Package package;
  Collection collection;
  bool read = false;
  try {
    read =
        error.empty() && OpenPackage(zip, package, error) && ReadCollection(package, name, collection, error, history);
    if (read) {
      deck.version = Fingerprint(package.collection);
      std::string().swap(package.collection); // read: its bytes are not needed any more
      Builder builder(zip, package, name, mediaDir, mediaPrefix, out);
      read = builder.Run(collection, error);
      out.load.historyReviews = collection.reviews;
      if (read && history) GatherHistory(collection, builder, out.history);
    }
  } catch (const std::bad_alloc&) {
    error = "the package is too large to read in this computer's memory";
    read = false;
  }
  if (!read) {
    out.load.deck.cards.clear();
    out.load.diagnostics.push_back({Severity::Error, name, {}, error});
    return out;
  }
  deck.Reindex();
  const std::vector<std::string> lines = DescribeAnkiReport(out.report);
  for (size_t i = 1; i < lines.size(); ++i) // after "made N cards": what was left out
    out.load.diagnostics.push_back({Severity::Warning, name, {}, lines[i]});
  if (out.report.cards == 0)
    out.load.diagnostics.push_back({Severity::Error, name, {}, "no card could be made from the package's notes"});
  return out;
}

} // namespace

size_t AnkiReport::LeftOut(Unit unit) const {
  size_t n = 0;
  for (const Omission& o : leftOut)
    n += o.unit == unit ? o.count : 0;
  return n;
}

std::vector<std::string> DescribeAnkiReport(const AnkiReport& r) {
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::vector<std::string> lines;
  lines.push_back("made " + count(r.cards, "card", "cards") + " (" + count(r.clozes, "cloze", "clozes") + ") from " +
                  count(r.notes, "note", "notes") + ", with " + count(r.pictures, "picture", "pictures"));
  for (const AnkiReport::Omission& o : r.leftOut) {
    const bool note = o.unit == AnkiReport::Unit::Note, card = o.unit == AnkiReport::Unit::Card;
    lines.push_back("left out " +
                    count(o.count,
                          note   ? "note"
                          : card ? "card"
                                 : "picture",
                          note   ? "notes"
                          : card ? "cards"
                                 : "pictures") +
                    (note   ? " (no card made)"
                     : card ? " of notes that gave others"
                            : " (the card kept without it)") +
                    ": " + o.why);
  }
  if (r.sounds > 0)
    lines.push_back(count(r.sounds, "sound was", "sounds were") + " left out (FactDeck plays no sound)");
  return lines;
}

bool IsAnkiPackageFile(const std::string& path) {
  const std::string extension = LowerExtension(path);
  return extension == ".apkg" || extension == ".colpkg";
}

AnkiImport ReadAnkiPackage(const std::string& path, const std::filesystem::path& mediaDir,
                           const std::string& mediaPrefix, bool history) {
  std::string error;
  const ZipArchive zip = ZipArchive::FromFile(path, "an Anki package", error);
  return Read(zip, error, path, mediaDir, mediaPrefix, history);
}

AnkiImport ReadAnkiPackageBytes(const std::string& bytes, const std::string& name,
                                const std::filesystem::path& mediaDir, const std::string& mediaPrefix, bool history) {
  std::string error;
  const ZipArchive zip = ZipArchive::FromBytes(bytes, "an Anki package", error);
  return Read(zip, error, name, mediaDir, mediaPrefix, history);
}

namespace {

// Where a package's pictures are unpacked: a folder named after its path and size, made
// again when the package changes.
std::filesystem::path MediaFolder(const std::string& path, const std::filesystem::path& cacheDir) {
  if (cacheDir.empty()) return {};
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return cacheDir / "anki" /
         Fingerprint(std::filesystem::absolute(path, ec).string() + "\n" + std::to_string(ec ? 0 : size));
}

} // namespace

DeckLoad LoadAnkiPackage(const std::string& path, const std::filesystem::path& cacheDir) {
  const std::filesystem::path media = MediaFolder(path, cacheDir);
  AnkiImport read = ReadAnkiPackage(path, media);
  read.load.deck.pictureFolder = media.string();
  return std::move(read.load);
}

AnkiImport LoadAnkiHistory(const std::string& path, const std::filesystem::path& cacheDir) {
  const std::filesystem::path media = MediaFolder(path, cacheDir);
  AnkiImport read = ReadAnkiPackage(path, media, {}, true);
  read.load.deck.pictureFolder = media.string();
  return read;
}

} // namespace factdeck
