// Anki packages read as decks.
//
// [SECTION] Unpacking: protocol buffers, zstd, the package's members and its media map.
// [SECTION] The collection: note types (JSON in schema 11, tables in schema 18), decks, notes, cards.
// [SECTION] Templates: fields, sections, filters, clozes, rendered as Anki renders a card's sides.
// [SECTION] Cards: a note's cards as FactDeck cards, pictures unpacked, what is left out counted.
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

namespace factdeck {

namespace {

// [SECTION] Unpacking ------------------------------------------------------------------

constexpr std::uint64_t kMaxCollectionBytes = 1ull << 30; // a collection unpacked: 1 GiB
constexpr size_t kMaxNotes = 2000000;

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
  std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream*)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
  if (!stream) {
    error = "out of memory unpacking " + what;
    return std::nullopt;
  }
  ZSTD_initDStream(stream.get());
  ZSTD_inBuffer in{packed.data(), packed.size(), 0};
  std::string out, chunk(1u << 16, '\0');
  size_t last = 1;
  while (in.pos < in.size) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(stream.get(), &o, &in);
    if (ZSTD_isError(last)) {
      error = what + " is damaged (" + ZSTD_getErrorName(last) + ")";
      return std::nullopt;
    }
    out.append(chunk.data(), o.pos);
    if (out.size() > limit) {
      error = what + " is too large once unpacked (over " + std::to_string(limit >> 20) + " MiB)";
      return std::nullopt;
    }
    if (o.pos == 0 && in.pos < in.size && last != 0) continue;
  }
  // The last frame's end: flush what the stream still holds.
  while (last != 0) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(stream.get(), &o, &in);
    if (ZSTD_isError(last) || o.pos == 0) {
      error = what + " is damaged (it ends early)";
      return std::nullopt;
    }
    out.append(chunk.data(), o.pos);
    if (out.size() > limit) {
      error = what + " is too large once unpacked (over " + std::to_string(limit >> 20) + " MiB)";
      return std::nullopt;
    }
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
  std::optional<std::string> bytes = zip.Read("media", 64u << 20, error);
  if (!bytes) return false;
  if (package.zstdMedia) {
    bytes = Unzstd(*bytes, 256u << 20, "the media map", error);
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
      if (!name.empty()) package.media.emplace(name, std::to_string(legacy ? *legacy : index));
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
    if (name.is_string()) package.media.emplace(name.get<std::string>(), member);
  return true;
}

bool OpenPackage(const ZipArchive& zip, Package& package, std::string& error) {
  // The current format says so in `meta` (PackageMetadata: version 3 is the latest).
  if (zip.Has("meta")) {
    std::optional<std::string> meta = zip.Read("meta", 1u << 20, error);
    if (!meta) return false;
    ForEachField(*meta, [&](const ProtoField& f) {
      if (f.number == 1 && !f.delimited && f.varint >= 3) package.zstdMedia = true;
    });
  }
  for (const char* name : {"collection.anki21b", "collection.anki21", "collection.anki2"}) {
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
  std::vector<std::string> fields;   // by ordinal
  std::map<int, Template> templates; // by ordinal
};

struct Note {
  std::int64_t id = 0, type = 0;
  std::vector<std::string> fields, tags;
  std::vector<int> cardOrds; // the cards the collection holds of it
  std::int64_t deck = 0;     // its first card's
};

struct Collection {
  std::unordered_map<std::int64_t, NoteType> types;
  std::unordered_map<std::int64_t, std::string> decks; // id -> name, levels joined by "::"
  std::vector<Note> notes;
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
  const nlohmann::json models = nlohmann::json::parse(col.Text(0), nullptr, false);
  const nlohmann::json decks = nlohmann::json::parse(col.Text(1), nullptr, false);
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

bool ReadCollection(const Package& package, const std::string& name, Collection& c, std::string& error) {
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
      for (const std::string& tag : SplitTags(notes.Text(2)))
        n.tags.push_back(tag);
      const std::string fields = notes.Text(3);
      for (size_t begin = 0;;) {
        const size_t end = fields.find('\x1f', begin);
        n.fields.push_back(fields.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
        if (end == std::string::npos) break;
        begin = end + 1;
      }
      noteAt[n.id] = c.notes.size();
      c.notes.push_back(std::move(n));
    }
    auto cards = db.Prepare("SELECT nid, ord, did FROM cards ORDER BY nid, ord");
    while (cards.Step()) {
      auto at = noteAt.find(cards.Int(0));
      if (at == noteAt.end()) continue;
      Note& n = c.notes[at->second];
      if (n.cardOrds.empty()) n.deck = cards.Int(2);
      n.cardOrds.push_back(static_cast<int>(std::clamp<std::int64_t>(cards.Int(1), -1, 100000)));
    }
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
    return {};
  }
};

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

struct Cloze {
  size_t begin = 0, end = 0; // of "{{cN::...}}" in the text
  int number = 0;
  std::string text, hint;
};

// The clozes of `text`: "{{c1::Paris}}", "{{c2::1889::year}}"; a cloze inside another is
// read as part of its text.
std::vector<Cloze> FindClozes(std::string_view text) {
  std::vector<Cloze> out;
  for (size_t at = text.find("{{c"); at != std::string_view::npos; at = text.find("{{c", at)) {
    size_t i = at + 3, digits = 0;
    int number = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4) {
      number = number * 10 + (text[i++] - '0');
      ++digits;
    }
    if (digits == 0 || text.compare(i, 2, "::") != 0) {
      at += 3;
      continue;
    }
    const size_t body = i + 2;
    size_t depth = 1, j = body;
    while (j + 1 < text.size() && depth > 0) {
      if (text.compare(j, 2, "{{") == 0) {
        ++depth;
        j += 2;
      } else if (text.compare(j, 2, "}}") == 0) {
        --depth;
        j += depth == 0 ? 0 : 2;
      } else {
        ++j;
      }
    }
    if (depth != 0) break;
    Cloze c;
    c.begin = at;
    c.end = j + 2;
    c.number = number;
    std::string_view inside = text.substr(body, j - body);
    const size_t hint = inside.rfind("::");
    c.text = std::string(hint == std::string_view::npos ? inside : inside.substr(0, hint));
    if (hint != std::string_view::npos) c.hint = std::string(inside.substr(hint + 2));
    out.push_back(std::move(c));
    at = c.end;
  }
  return out;
}

// `text` with cloze `number` as a gap ("[...]", or "[hint]") and every other shown.
std::string WithGap(const std::string& text, int number) {
  std::string out;
  size_t from = 0;
  for (const Cloze& c : FindClozes(text)) {
    out += text.substr(from, c.begin - from);
    out += c.number == number ? "[" + (c.hint.empty() ? std::string("...") : c.hint) + "]" : c.text;
    from = c.end;
  }
  return out + text.substr(from);
}

enum class Showing { Question, Answer };

// A template rendered for one card: {{Field}}, {{filter:Field}} (text, type, hint, cloze;
// others show the field), {{#Field}}...{{/Field}} and {{^Field}}...{{/Field}}, {{FrontSide}}.
std::string Render(std::string_view tmpl, const NoteView& note, Showing side, int cloze, int depth = 0) {
  std::string out;
  size_t from = 0;
  while (depth < 20) {
    const size_t open = tmpl.find("{{", from);
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out += tmpl.substr(from, open - from);
    const std::string tag = Trim(tmpl.substr(open + 2, close - open - 2));
    from = close + 2;
    if (!tag.empty() && (tag[0] == '#' || tag[0] == '^')) {
      const std::string name = Trim(std::string_view(tag).substr(1));
      const std::string end = "{{/" + name + "}}";
      const size_t endAt = tmpl.find(end, from);
      if (endAt == std::string_view::npos) continue;
      const bool filled = !HtmlToText(note.Field(name)).empty() || !ReadHtml(note.Field(name)).pictures.empty();
      if (filled == (tag[0] == '#')) out += Render(tmpl.substr(from, endAt - from), note, side, cloze, depth + 1);
      from = endAt + end.size();
      continue;
    }
    if (tag.empty() || tag[0] == '/' || tag[0] == '!' || tag == "FrontSide") continue;
    const size_t colon = tag.rfind(':');
    const std::string name =
        Trim(colon == std::string::npos ? std::string_view(tag) : std::string_view(tag).substr(colon + 1));
    const std::string filters = colon == std::string::npos ? std::string() : tag.substr(0, colon);
    if (filters.rfind("tts", 0) == 0) continue; // read aloud: no text of its own
    std::string value = note.Field(name);
    if (filters.find("cloze") != std::string::npos) {
      value = side == Showing::Question ? WithGap(value, cloze) : WithGap(value, -1);
    } else if (filters.find("type") != std::string::npos && side == Showing::Question) {
      continue; // where the student types: the answer is not shown
    }
    out += value;
  }
  out += tmpl.substr(std::min(from, tmpl.size()));
  return out;
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

class Builder {
public:
  Builder(const ZipArchive& zip, const Package& package, const std::string& name, std::filesystem::path mediaDir,
          std::string mediaPrefix, AnkiImport& out)
      : m_zip(zip), m_package(package), m_name(name), m_mediaDir(std::move(mediaDir)),
        m_mediaPrefix(std::move(mediaPrefix)), m_out(out) {}

  void Run(const Collection& c) {
    Deck& deck = m_out.load.deck;
    std::map<std::string, size_t> topDecks;
    bool anyReversed = false;
    for (const Note& note : c.notes) {
      ++m_out.report.notes;
      auto type = c.types.find(note.type);
      if (type == c.types.end()) {
        LeaveOut("its note type is missing from the package");
        continue;
      }
      auto deckName = c.decks.find(note.deck);
      const std::string& deckPath = deckName == c.decks.end() ? m_noDeck : deckName->second;
      const NoteView view{type->second, note, deckPath};
      std::vector<std::string> tags = note.tags;
      for (size_t begin = 0; begin < deckPath.size();) {
        size_t end = deckPath.find("::", begin);
        if (end == std::string::npos) end = deckPath.size();
        const std::string level = Slug(deckPath.substr(begin, end - begin));
        if (!level.empty() && level != "default" && std::find(tags.begin(), tags.end(), level) == tags.end())
          tags.push_back(level);
        begin = end + 2;
      }
      const size_t before = deck.cards.size();
      if (type->second.cloze)
        ClozeCards(view, tags);
      else
        anyReversed = NoteCards(view, tags) || anyReversed;
      if (deck.cards.size() > before && !deckPath.empty()) ++topDecks[deckPath.substr(0, deckPath.find("::"))];
    }
    deck.cardsReverse = anyReversed;
    // The title: the deck most cards come from, unless it is Anki's "Default".
    auto top = std::max_element(topDecks.begin(), topDecks.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top != topDecks.end() && top->first != "Default" && !TitleOf(top->first).empty())
      deck.title = TitleOf(top->first);
  }

private:
  void LeaveOut(const std::string& why) {
    auto& list = m_out.report.leftOut;
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& p) { return p.first == why; });
    if (it == list.end())
      list.emplace_back(why, 1);
    else
      ++it->second;
  }

  // The picture `name` unpacked into the media folder; "" (with the reason counted) when it
  // cannot be shown.
  std::string Unpack(const std::string& name) {
    if (auto done = m_unpacked.find(name); done != m_unpacked.end()) return done->second;
    std::string& path = m_unpacked[name];
    if (m_mediaDir.empty()) return path;
    auto member = m_package.media.find(name);
    if (member == m_package.media.end() || !SafeMediaName(name)) {
      LeaveOut(member == m_package.media.end() ? "a picture is missing from the package"
                                               : "a picture's file name is not safe to write");
      return path;
    }
    std::string error;
    std::optional<std::string> bytes = m_zip.Read(member->second, kMaxPictureBytes, error);
    if (bytes && m_package.zstdMedia) bytes = Unzstd(*bytes, kMaxPictureBytes, "the picture " + name, error);
    if (!bytes) {
      LeaveOut("a picture cannot be unpacked (" + error + ")");
      return path;
    }
    std::error_code ec;
    std::filesystem::create_directories(m_mediaDir, ec);
    const std::filesystem::path file = m_mediaDir / name;
    if (std::filesystem::file_size(file, ec) != bytes->size() || ec)
      if (std::string written = WriteFileAtomically(file, *bytes); !written.empty()) {
        LeaveOut("a picture cannot be written: " + written);
        return path;
      }
    ++m_out.report.pictures;
    path = m_mediaPrefix + name;
    return path;
  }

  struct CardSide {
    std::string text;
    std::vector<std::string> pictures;
  };
  CardSide Clean(const std::string& html) {
    HtmlText read = ReadHtml(html);
    m_out.report.sounds += read.sounds;
    return {std::move(read.text), std::move(read.pictures)};
  }

  // A card from its two sides; false (with the reason counted) when it cannot be asked.
  bool Add(const std::string& id, CardSide front, CardSide back, const std::vector<std::string>& tags, bool cloze) {
    Card card;
    card.id = id;
    card.front = std::move(front.text);
    card.back = std::move(back.text);
    card.tags = tags;
    card.source = "anki";
    card.cloze = cloze;
    for (const std::string& p : front.pictures) {
      if (!ShownPicture(p)) continue;
      if (std::string path = Unpack(p); !path.empty()) {
        card.picture.path = path;
        card.picture.credit = "From the Anki package " + std::filesystem::path(m_name).filename().string();
        break;
      }
    }
    if (card.front.empty() && card.picture.Empty()) {
      LeaveOut(front.pictures.empty() ? "its question side is empty once HTML and sound are taken out"
                                      : "its question is a picture FactDeck cannot show (not PNG or JPEG, or missing)");
      return false;
    }
    if (card.back.empty()) {
      LeaveOut(back.pictures.empty() ? "its answer side is empty once HTML and sound are taken out"
                                     : "its answer is a picture alone (FactDeck shows pictures with the question)");
      return false;
    }
    if (card.front.empty()) card.front = "(picture)";
    m_out.load.deck.cards.push_back(std::move(card));
    ++m_out.report.cards;
    return true;
  }

  // A note of a standard type: its first card as a FactDeck card; another card that asks
  // it the other way round is FactDeck's reverse question, any other its own card. True
  // when the note has a reversed card.
  bool NoteCards(const NoteView& view, const std::vector<std::string>& tags) {
    const Note& note = view.note;
    std::vector<int> ords = note.cardOrds;
    if (ords.empty()) {
      LeaveOut("it has no card in the collection");
      return false;
    }
    bool reversed = false;
    std::string firstFront, firstBack;
    for (size_t k = 0; k < ords.size(); ++k) {
      auto tmpl = view.type.templates.find(ords[k]);
      if (tmpl == view.type.templates.end()) {
        LeaveOut("its card's template is missing from the note type");
        continue;
      }
      CardSide front = Clean(Render(tmpl->second.question, view, Showing::Question, 0));
      CardSide back = Clean(AnswerPart(Render(tmpl->second.answer, view, Showing::Answer, 0)));
      if (k > 0 && !firstFront.empty() && Fold(front.text) == Fold(firstBack) && Fold(back.text) == Fold(firstFront)) {
        reversed = true; // asked as FactDeck's reverse question
        continue;
      }
      if (k == 0) {
        firstFront = front.text;
        firstBack = back.text;
      }
      const std::string id = "note-" + std::to_string(note.id) + (k == 0 ? "" : "-" + std::to_string(ords[k] + 1));
      Add(id, std::move(front), std::move(back), tags, false);
    }
    return reversed;
  }

  // A cloze note: one card per gap number, the text with that gap as the question, what
  // fills it as the answer.
  void ClozeCards(const NoteView& view, const std::vector<std::string>& tags) {
    std::string question;
    for (const auto& [ord, t] : view.type.templates) {
      question = t.question;
      break;
    }
    std::set<int> numbers;
    std::string clozeText; // the fields asked as clozes, together
    for (size_t f = 0; f < view.type.fields.size() && f < view.note.fields.size(); ++f)
      if (question.find("cloze:" + view.type.fields[f]) != std::string::npos) {
        clozeText += view.note.fields[f];
        for (const Cloze& c : FindClozes(view.note.fields[f]))
          numbers.insert(c.number);
      }
    if (clozeText.find("image-occlusion:") != std::string::npos) {
      LeaveOut("it is an image occlusion (a picture with parts masked), which FactDeck does not ask");
      return;
    }
    if (numbers.empty()) {
      LeaveOut("it is a cloze note without a gap ({{c1::...}})");
      return;
    }
    for (int n : numbers) {
      std::string answer;
      for (const Cloze& c : FindClozes(clozeText))
        if (c.number == n) {
          const std::string text = Clean(c.text).text;
          if (!text.empty() && answer.find(text) == std::string::npos) answer += (answer.empty() ? "" : " … ") + text;
        }
      CardSide front = Clean(Render(question, view, Showing::Question, n));
      if (Add("note-" + std::to_string(view.note.id) + "-c" + std::to_string(n), std::move(front), {answer, {}}, tags,
              true))
        ++m_out.report.clozes;
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
};

AnkiImport Read(const ZipArchive& zip, std::string error, const std::string& name,
                const std::filesystem::path& mediaDir, const std::string& mediaPrefix) {
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
  if (error.empty() && OpenPackage(zip, package, error) && ReadCollection(package, name, collection, error)) {
    deck.version = Fingerprint(package.collection);
    Builder(zip, package, name, mediaDir, mediaPrefix, out).Run(collection);
    package.collection.clear();
    deck.Reindex();
    for (const std::string& line : DescribeAnkiReport(out.report))
      if (line.rfind("left out", 0) == 0 || line.find("sound") != std::string::npos)
        out.load.diagnostics.push_back({Severity::Warning, name, {}, line});
    if (out.report.cards == 0)
      out.load.diagnostics.push_back({Severity::Error, name, {}, "no card could be made from the package's notes"});
  } else {
    out.load.diagnostics.push_back({Severity::Error, name, {}, error});
  }
  return out;
}

} // namespace

size_t AnkiReport::LeftOut() const {
  size_t n = 0;
  for (const auto& [why, count] : leftOut)
    n += count;
  return n;
}

std::vector<std::string> DescribeAnkiReport(const AnkiReport& r) {
  std::vector<std::string> lines;
  lines.push_back("made " + std::to_string(r.cards) + " cards (" + std::to_string(r.clozes) + " clozes) from " +
                  std::to_string(r.notes) + " notes, with " + std::to_string(r.pictures) + " pictures");
  for (const auto& [why, count] : r.leftOut)
    lines.push_back("left out " + std::to_string(count) + (count == 1 ? " card or note: " : " cards or notes: ") + why);
  if (r.sounds > 0)
    lines.push_back(std::to_string(r.sounds) + (r.sounds == 1 ? " sound was" : " sounds were") +
                    " left out (FactDeck plays no sound)");
  return lines;
}

bool IsAnkiPackageFile(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return extension == ".apkg" || extension == ".colpkg";
}

AnkiImport ReadAnkiPackage(const std::string& path, const std::filesystem::path& mediaDir,
                           const std::string& mediaPrefix) {
  std::string error;
  const ZipArchive zip = ZipArchive::FromFile(path, "an Anki package", error);
  return Read(zip, error, path, mediaDir, mediaPrefix);
}

AnkiImport ReadAnkiPackageBytes(const std::string& bytes, const std::string& name,
                                const std::filesystem::path& mediaDir, const std::string& mediaPrefix) {
  std::string error;
  const ZipArchive zip = ZipArchive::FromBytes(bytes, "an Anki package", error);
  return Read(zip, error, name, mediaDir, mediaPrefix);
}

DeckLoad LoadAnkiPackage(const std::string& path, const std::filesystem::path& cacheDir) {
  // The pictures go to a folder named after the package's path and size, made again when
  // the package changes.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const std::filesystem::path media =
      cacheDir.empty()
          ? std::filesystem::path()
          : cacheDir / "anki" /
                Fingerprint(std::filesystem::absolute(path, ec).string() + "\n" + std::to_string(ec ? 0 : size));
  AnkiImport read = ReadAnkiPackage(path, media);
  read.load.deck.pictureFolder = media.string();
  return std::move(read.load);
}

} // namespace factdeck
