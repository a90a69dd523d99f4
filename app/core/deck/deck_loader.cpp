// Reads a TOML facts file into a Deck and checks it, collecting every problem with its
// position. See docs/facts-format.md for the format.
//
// [SECTION] Reading: one function per table kind; values are checked for type and shape.
// [SECTION] Checking: references between items, fact objects against relation types,
//           templates, duplicates and warnings that need the whole deck.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <future>
#include <thread>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "core/base/atomic_file.h"
#include "core/deck/deck.h"
#include "core/deck/picture_file.h"
#include "core/base/text.h"
#include "core/deck/toml_chunks.h"
#include "core/deck/toml_flat.h"

namespace factdeck {

namespace {

// Where `node` is in the file; `lineBase` lines come before the piece it was parsed from.
Position NodePosition(const toml::node& node, uint32_t lineBase) {
  const auto& begin = node.source().begin;
  return {static_cast<int>(begin.line + lineBase), static_cast<int>(begin.column)};
}

// A value as the loader reads it: a node of toml++'s tree, or a value the flat reader found
// (toml_flat.h) in a later piece of a large file; each knows where it is in the file.
class Node {
public:
  Node() = default;
  Node(const toml::node& node, uint32_t lineBase) : m_toml(&node), m_lineBase(lineBase) {}
  Node(const FlatValue& value, const FlatPiece& piece, uint32_t lineBase)
      : m_flat(&value), m_piece(&piece), m_lineBase(lineBase) {}

  Position Pos() const {
    if (m_toml) return NodePosition(*m_toml, m_lineBase);
    return {static_cast<int>(m_flat->line + m_lineBase), static_cast<int>(m_flat->column)};
  }
  std::optional<std::string_view> Str() const {
    if (m_toml) {
      const auto* s = m_toml->as_string();
      return s ? std::optional<std::string_view>(s->get()) : std::nullopt;
    }
    return m_flat->type == FlatValue::Type::String ? std::optional<std::string_view>(m_flat->text) : std::nullopt;
  }
  std::optional<std::int64_t> Integer() const {
    if (m_toml) {
      const auto* i = m_toml->as_integer();
      return i ? std::optional<std::int64_t>(i->get()) : std::nullopt;
    }
    return m_flat->type == FlatValue::Type::Integer ? std::optional<std::int64_t>(m_flat->integer) : std::nullopt;
  }
  std::optional<double> Float() const {
    const auto* d = m_toml ? m_toml->as_floating_point() : nullptr;
    return d ? std::optional<double>(d->get()) : std::nullopt;
  }
  std::optional<bool> Bool() const {
    if (m_toml) return m_toml->value<bool>();
    return m_flat->type == FlatValue::Type::Boolean ? std::optional<bool>(m_flat->integer != 0) : std::nullopt;
  }
  const toml::date* Date() const {
    const auto* d = m_toml ? m_toml->as_date() : nullptr;
    return d ? &d->get() : nullptr;
  }
  bool IsArray() const { return m_toml ? m_toml->is_array() : m_flat->type == FlatValue::Type::Array; }
  size_t Size() const { return m_toml ? m_toml->as_array()->size() : m_flat->count; }
  Node operator[](size_t i) const {
    if (m_toml) return Node((*m_toml->as_array())[i], m_lineBase);
    return Node(m_piece->items[m_flat->first + i], *m_piece, m_lineBase);
  }
  // "string", "integer", ... as toml++ names the types.
  std::string TypeName() const {
    std::ostringstream type;
    if (m_toml) {
      type << m_toml->type();
    } else {
      switch (m_flat->type) {
      case FlatValue::Type::String: type << toml::node_type::string; break;
      case FlatValue::Type::Integer: type << toml::node_type::integer; break;
      case FlatValue::Type::Boolean: type << toml::node_type::boolean; break;
      case FlatValue::Type::Array: type << toml::node_type::array; break;
      }
    }
    return type.str();
  }

private:
  const toml::node* m_toml = nullptr;
  const FlatValue* m_flat = nullptr;
  const FlatPiece* m_piece = nullptr;
  uint32_t m_lineBase = 0;
};

// One [[table]] of a piece the flat reader read.
struct FlatItem {
  const FlatTable& table;
  const FlatPiece& piece;
};

std::string Quote(const std::string& text) { return "'" + text + "'"; }

// Edit distance, for "did you mean" hints.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The known keys of one table, found in a single pass over it: faster than a look-up per
// key on large decks, and the same pass reports unknown keys.
class Fields {
public:
  template <typename Warn>
  Fields(const toml::table& table, std::initializer_list<std::string_view> known, const char* what, uint32_t lineBase,
         Warn&& warn) {
    std::vector<std::pair<std::string_view, Node>> unknown;
    for (auto&& [key, node] : table)
      Take(key.str(), Node(node, lineBase), known, unknown);
    WarnUnknown(unknown, known, what, warn);
  }
  template <typename Warn>
  Fields(const FlatTable& table, const FlatPiece& piece, std::initializer_list<std::string_view> known,
         const char* what, uint32_t lineBase, Warn&& warn) {
    std::vector<std::pair<std::string_view, Node>> unknown;
    for (uint32_t k = table.first; k < table.first + table.count; ++k)
      Take(piece.keys[k].key, Node(piece.keys[k].value, piece, lineBase), known, unknown);
    WarnUnknown(unknown, known, what, warn);
  }

  const Node* get(std::string_view key) const {
    for (size_t i = 0; i < m_count; ++i)
      if (m_found[i].first == key) return &m_found[i].second;
    return nullptr;
  }

private:
  void Take(std::string_view name, Node node, std::initializer_list<std::string_view> known,
            std::vector<std::pair<std::string_view, Node>>& unknown) {
    if (std::find(known.begin(), known.end(), name) != known.end() && m_count < kMaxKeys)
      m_found[m_count++] = {name, node};
    else
      unknown.emplace_back(name, node);
  }
  // In the order of their names, as toml++'s tables hold them.
  template <typename Warn>
  static void WarnUnknown(std::vector<std::pair<std::string_view, Node>>& unknown,
                          std::initializer_list<std::string_view> known, const char* what, Warn& warn) {
    if (unknown.empty()) return;
    std::sort(unknown.begin(), unknown.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string list;
    for (std::string_view k : known)
      list += (list.empty() ? "" : ", ") + std::string(k);
    for (const auto& [name, node] : unknown)
      warn(node.Pos(),
           "unknown key " + Quote(std::string(name)) + " in " + what + " (known keys: " + list + "); it is ignored");
  }

  static constexpr size_t kMaxKeys = 12;
  std::array<std::pair<std::string_view, Node>, kMaxKeys> m_found{};
  size_t m_count = 0;
};

class Loader {
public:
  Loader(std::string file, DeckLoad& out) : m_file(std::move(file)), m_out(out) { m_out.deck.file = m_file; }

  // Reads `text`. A large file is read in pieces as they are parsed (toml_chunks.h); when a
  // piece does not parse or join, false: the caller reads the file whole with RunWhole, so
  // its errors are those of a whole-file parse.
  bool Run(std::string_view text) {
    if (text.size() <= kLargeFile) {
      RunWhole(text);
      return true;
    }
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 2, 4);
    // Facts are read as soon as their piece is parsed, so every relation (which says how to
    // read a fact's object) is in the first piece.
    TomlPieces pieces(text, m_file, std::max<size_t>(workers, text.size() / kPieceBytes), workers, {"relation"},
                      {"entity", "event", "fact", "card", "choice"});
    if (pieces.Count() == 0) {
      RunWhole(text);
      return true;
    }
    if (CheckUtf8(text)) return true;
    Deck& deck = m_out.deck;
    Reserve({pieces.ArrayCount("entity"), pieces.ArrayCount("event"), pieces.ArrayCount("fact"),
             pieces.ArrayCount("card"), pieces.ArrayCount("choice")});
    std::future<void> freed;
    for (size_t k = 0; k < pieces.Count(); ++k) {
      TomlPiece piece;
      try {
        piece = pieces.Next();
      } catch (const toml::parse_error&) {
        return false;
      }
      m_lineBase = pieces.LineBase();
      if (k == 0) {
        ReadRoot(piece.tree);
      } else {
        if (!pieces.Continues(piece)) return false;
        if (piece.flat)
          ReadPiece(*piece.flat);
        else
          ReadPiece(piece.tree);
      }
      if (piece.flat) continue;
      // Each piece's tree is freed on a worker while the next is read (freeing takes about a
      // fifth of parsing; a worker frees into the arena the parser allocated from).
      if (freed.valid()) freed.get();
      freed = std::async(std::launch::async, [tree = std::move(piece.tree)]() mutable { tree.clear(); });
    }
    if (freed.valid()) freed.get();
    deck.Reindex();
    Check();
    return true;
  }

  // Reads `text` parsed whole (on a worker while this thread checks the UTF-8, when large).
  void RunWhole(std::string_view text) {
    const bool large = text.size() > kLargeFile;
    std::future<toml::table> parsed;
    if (large) parsed = std::async(std::launch::async, [this, text] { return Parse(text); });
    if (CheckUtf8(text)) {
      if (parsed.valid()) parsed.wait();
      return;
    }
    toml::table root;
    try {
      root = large ? parsed.get() : Parse(text);
    } catch (const toml::parse_error& error) {
      const auto& begin = error.source().begin;
      Error({static_cast<int>(begin.line), static_cast<int>(begin.column)}, std::string(error.description()));
      return;
    }
    Reserve({ArraySize(root, "entity"), ArraySize(root, "event"), ArraySize(root, "fact"), ArraySize(root, "card"),
             ArraySize(root, "choice")});
    ReadRoot(root);
    // Freeing a large tree on a worker, away from this thread's allocator arena, keeps the
    // threads from contending while the checks run.
    std::future<void> freed;
    if (large) freed = std::async(std::launch::async, [tree = std::move(root)]() mutable { tree.clear(); });
    m_out.deck.Reindex();
    Check();
    if (freed.valid()) freed.get();
  }

  // An error for text that is not UTF-8; true when there was one.
  bool CheckUtf8(std::string_view text) {
    auto bad = FirstInvalidUtf8(text);
    if (bad) Error(bad->pos, InvalidUtf8Message(*bad));
    return bad.has_value();
  }

  static constexpr size_t kLargeFile = 256u << 10; // read in pieces above this
  static constexpr size_t kPieceBytes = 1u << 20;  // about this much text a piece

  toml::table Parse(std::string_view text) const { return toml::parse(text, m_file); }

  Position PosOf(const toml::node& node) const { return NodePosition(node, m_lineBase); }
  static Position PosOf(const Node& node) { return node.Pos(); }

  void Error(Position pos, std::string message) { Add(Severity::Error, pos, std::move(message)); }
  void Warning(Position pos, std::string message) { Add(Severity::Warning, pos, std::move(message)); }

private:
  void Add(Severity severity, Position pos, std::string message) {
    m_out.diagnostics.push_back({severity, m_file, pos, std::move(message)});
  }

  // [SECTION] Reading ----------------------------------------------------------------

  Fields Keys(const toml::table& table, std::initializer_list<std::string_view> known, const char* what) {
    return Fields(table, known, what, m_lineBase,
                  [this](Position pos, std::string message) { Warning(pos, std::move(message)); });
  }
  Fields Keys(const FlatItem& item, std::initializer_list<std::string_view> known, const char* what) {
    return Fields(item.table, item.piece, known, what, m_lineBase,
                  [this](Position pos, std::string message) { Warning(pos, std::move(message)); });
  }

  // A string value; an error when it is required and missing, or not a string.
  std::string String(const Fields& table, std::string_view key, bool required, const char* what, Position tablePos) {
    const Node* node = table.get(key);
    if (node == nullptr) {
      if (required) Error(tablePos, std::string(what) + " needs " + Quote(std::string(key)));
      return {};
    }
    if (const auto s = node->Str()) {
      if (required && s->empty()) Error(PosOf(*node), Quote(std::string(key)) + " must not be empty");
      return std::string(*s);
    }
    Error(PosOf(*node), Quote(std::string(key)) + " must be a string");
    return {};
  }

  // Where the value of `key` is, or the table's position when it is missing.
  Position ValuePos(const Fields& table, std::string_view key, Position tablePos) {
    const Node* node = table.get(key);
    return node == nullptr ? tablePos : PosOf(*node);
  }

  std::vector<std::string> Strings(const Fields& table, std::string_view key) {
    std::vector<std::string> values;
    const Node* node = table.get(key);
    if (node == nullptr) return values;
    if (const auto s = node->Str()) {
      values.emplace_back(*s);
      return values;
    }
    if (!node->IsArray()) {
      Error(PosOf(*node), Quote(std::string(key)) + " must be a string or an array of strings");
      return values;
    }
    values.reserve(node->Size());
    for (size_t i = 0; i < node->Size(); ++i) {
      const Node item = (*node)[i];
      if (const auto s = item.Str())
        values.emplace_back(*s);
      else
        Error(PosOf(item), Quote(std::string(key)) + " must hold only strings");
    }
    return values;
  }

  // Every entity, event, fact and card id is unique across the deck.
  void ClaimId(const std::string& id, Position pos) {
    if (id.empty()) return;
    auto [it, inserted] = m_ids.emplace(id, pos);
    if (!inserted)
      Error(pos, "duplicate id " + Quote(id) + " (first defined at line " + std::to_string(it->second.line) + ")");
  }

  // Visits the tables of `root[key]`, which must be an array of tables ([[key]]); only
  // those from index `from` up to `to` when given.
  template <typename F>
  void ForEachTable(const toml::table& root, const char* key, F&& visit, size_t from = 0, size_t to = SIZE_MAX) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      if (from == 0) Error(PosOf(*node), std::string("write each item as [[") + key + "]], not [" + key + "]");
      return;
    }
    for (size_t i = from; i < std::min(to, array->size()); ++i) {
      const toml::node& item = (*array)[i];
      if (const toml::table* table = item.as_table())
        visit(*table, PosOf(item));
      else
        Error(PosOf(item), std::string("each ") + key + " must be a table");
    }
  }

  // Events are read on two threads when there are many (reading 100,000 took a quarter of
  // loading them): each half into a deck of its own, then joined in file order. Ids are
  // claimed after the join, in file order, so a duplicate is reported as one pass would.
  void ReadEvents(const toml::table& root) {
    const size_t count = ArraySize(root, "event");
    auto read = [&root](Loader& loader, size_t from, size_t to) {
      loader.ForEachTable(
          root, "event", [&loader](const toml::table& table, Position p) { loader.ReadEvent(table, p); }, from, to);
    };
    if (count < kEventsReadInParallel) {
      read(*this, 0, count);
      return;
    }
    DeckLoad firstHalf, secondHalf;
    Loader first(m_file, firstHalf), second(m_file, secondHalf);
    first.m_claimIds = second.m_claimIds = false;
    first.m_lineBase = second.m_lineBase = m_lineBase;
    firstHalf.deck.events.reserve(count / 2);
    secondHalf.deck.events.reserve(count - count / 2);
    auto worker = std::async(std::launch::async, [&] { read(first, 0, count / 2); });
    read(second, count / 2, count);
    worker.get();
    for (DeckLoad* half : {&firstHalf, &secondHalf}) {
      for (Event& e : half->deck.events) {
        ClaimId(e.id, e.pos);
        m_out.deck.events.push_back(std::move(e));
      }
      for (Diagnostic& d : half->diagnostics)
        m_out.diagnostics.push_back(std::move(d));
    }
  }
  static constexpr size_t kEventsReadInParallel = 20000;

  static size_t ArraySize(const toml::table& root, const char* key) {
    const toml::array* array = root[key].as_array();
    return array ? array->size() : 0;
  }

  void Reserve(const Deck::Sizes& sizes) {
    m_out.deck.Reserve(sizes);
    m_ids.reserve(2 * (sizes.entities + sizes.events + sizes.facts + sizes.cards));
  }

  // The whole file, or the first of its pieces: it holds [deck] and every relation.
  void ReadRoot(const toml::table& root) {
    ReadDeckTable(root);
    ForEachTable(root, "relation", [&](const toml::table& table, Position p) { ReadRelation(table, p); });
    m_out.deck.IndexRelations(); // facts are read knowing their relation
    ReadPiece(root);
  }

  // A piece the flat reader read: as a tree's, its kinds in the same order, each in file
  // order (TomlPieces gives it only tables of these kinds).
  void ReadPiece(const FlatPiece& piece) {
    auto read = [&](std::string_view name, auto&& visit) {
      for (const FlatTable& table : piece.tables)
        if (table.name == name)
          visit(FlatItem{table, piece},
                Position{static_cast<int>(table.line + m_lineBase), static_cast<int>(table.column)});
    };
    read("entity", [&](const FlatItem& item, Position p) { ReadEntity(item, p); });
    read("event", [&](const FlatItem& item, Position p) { ReadEvent(item, p); });
    read("fact", [&](const FlatItem& item, Position p) { ReadFact(item, p); });
    read("card", [&](const FlatItem& item, Position p) { ReadCard(item, p); });
    read("choice", [&](const FlatItem& item, Position p) { ReadChoice(item, p); });
  }

  // The arrays of items of the whole file or of one piece. A fact's subject and object are
  // checked against the entities and events once all are read (Check).
  void ReadPiece(const toml::table& piece) {
    // Each unknown key once, though it may come back in later pieces.
    Fields(piece, {"deck", "entity", "event", "relation", "fact", "card", "choice"}, "the file", m_lineBase,
           [this](Position pos, std::string message) {
             if (m_unknownKeys.insert(message).second) Warning(pos, std::move(message));
           });
    ForEachTable(piece, "entity", [&](const toml::table& table, Position p) { ReadEntity(table, p); });
    ReadEvents(piece);
    ForEachTable(piece, "fact", [&](const toml::table& table, Position p) { ReadFact(table, p); });
    ForEachTable(piece, "card", [&](const toml::table& table, Position p) { ReadCard(table, p); });
    ForEachTable(piece, "choice", [&](const toml::table& table, Position p) { ReadChoice(table, p); });
  }

  // [deck]: id, title, language, description and the sources.
  void ReadDeckTable(const toml::table& root) {
    Deck& deck = m_out.deck;
    if (const toml::table* info = root["deck"].as_table()) {
      Position pos = PosOf(*info);
      const Fields fields =
          Keys(*info, {"id", "title", "language", "description", "source", "card_directions"}, "[deck]");
      deck.id = String(fields, "id", true, "[deck]", pos);
      deck.title = String(fields, "title", true, "[deck]", pos);
      deck.language = String(fields, "language", false, "[deck]", pos);
      deck.description = String(fields, "description", false, "[deck]", pos);
      if (deck.language.empty()) deck.language = "en";
      if (const Node* directions = fields.get("card_directions")) {
        deck.cardsForward = deck.cardsReverse = false;
        for (const std::string& d : Strings(fields, "card_directions")) {
          if (d == "forward")
            deck.cardsForward = true;
          else if (d == "reverse")
            deck.cardsReverse = true;
          else
            Error(PosOf(*directions), "card_directions takes \"forward\" (front to back) and \"reverse\" (back to "
                                      "front), not " +
                                          Quote(d) + "; [] asks cards as flashcards only");
        }
      }
      ForEachTable(*info, "source", [&](const toml::table& table, Position p) {
        const Fields t = Keys(table, {"id", "title", "author", "url", "kind"}, "[[deck.source]]");
        DeckSource source{String(t, "id", true, "[[deck.source]]", p),
                          String(t, "title", true, "[[deck.source]]", p),
                          String(t, "author", false, "", p),
                          String(t, "url", false, "", p),
                          p,
                          String(t, "kind", false, "", p)};
        for (const DeckSource& other : deck.sources)
          if (other.id == source.id) Error(p, "duplicate source id " + Quote(source.id));
        deck.sources.push_back(std::move(source));
      });
    } else if (root.contains("deck")) {
      Error(PosOf(*root.get("deck")), "[deck] must be a table");
    } else {
      Error({1, 1}, "missing [deck] table (with id and title)");
    }
  }

  // `image` and `image_credit`: a picture shown with the item. Checked once the whole deck
  // is read (CheckPicture).
  Picture ReadPicture(const Fields& t, Position p) {
    Picture picture;
    picture.path = String(t, "image", false, "", p);
    picture.credit = String(t, "image_credit", false, "", p);
    const Node* image = t.get("image");
    picture.pos = image ? PosOf(*image) : p;
    if (picture.path.empty() && !picture.credit.empty())
      Warning(p, "image_credit without an image: say which picture with image = \"FILE\"");
    return picture;
  }

  // The file is in the deck's folder, there, a PNG or JPEG no larger than the limits; a
  // picture without its credit is a warning (where it comes from, and its licence).
  void CheckPicture(const Picture& picture) {
    const PictureProblems problems = factdeck::CheckPicture(m_out.deck, picture);
    if (!problems.error.empty()) Error(picture.pos, problems.error);
    if (!problems.warning.empty()) Warning(picture.pos, problems.warning);
  }

  // [[entity]]: a thing facts are about.
  template <typename Table> void ReadEntity(const Table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t = Keys(
        table,
        {"id", "name", "kind", "aliases", "description", "tags", "source", "renamed_from", "image", "image_credit"},
        "[[entity]]");
    Entity e;
    e.id = String(t, "id", true, "[[entity]]", p);
    e.name = String(t, "name", true, "[[entity]]", p);
    e.kind = String(t, "kind", true, "[[entity]]", p);
    e.aliases = Strings(t, "aliases");
    e.description = String(t, "description", false, "", p);
    e.tags = Strings(t, "tags");
    e.source = String(t, "source", false, "", p);
    e.renamedFrom = Strings(t, "renamed_from");
    e.picture = ReadPicture(t, p);
    e.pos = p;
    ClaimId(e.id, p);
    deck.entities.push_back(std::move(e));
  }

  // [[event]]: something that happened, with its date (and end).
  template <typename Table> void ReadEvent(const Table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t =
        Keys(table,
             {"id", "name", "date", "end", "place", "tags", "source", "note", "renamed_from", "image", "image_credit"},
             "[[event]]");
    Event e;
    e.id = String(t, "id", true, "[[event]]", p);
    e.name = String(t, "name", true, "[[event]]", p);
    // `date` may itself be a span ("535–554"); then it gives the end as well.
    if (const Node* node = t.get("date"); node != nullptr && node->Str()) {
      if (std::string error = SetEventDate(e, std::string(*node->Str())); !error.empty()) Error(PosOf(*node), error);
    } else if (auto date = ReadDate(t, "date", p, true)) {
      e.date = *date;
    }
    const bool dateIsSpan = e.end || e.ongoing;
    if (const Node* end = t.get("end"); end != nullptr && dateIsSpan)
      Error(PosOf(*end), "the date is already a span (" + EventWhen(e) + "); give its end there or in `end`, not both");
    else if (end != nullptr && end->Str() && IsOngoingWord(*end->Str()))
      e.ongoing = true; // end = "present"
    else if (end != nullptr)
      e.end = ReadDate(t, "end", p, false);
    e.place = String(t, "place", false, "", p);
    e.tags = Strings(t, "tags");
    e.source = String(t, "source", false, "", p);
    e.note = String(t, "note", false, "", p);
    e.renamedFrom = Strings(t, "renamed_from");
    e.picture = ReadPicture(t, p);
    e.pos = p;
    if (m_claimIds) ClaimId(e.id, p);
    if (e.end && !dateIsSpan && e.end->LastDay() < e.date.FirstDay())
      Error(PosOf(*t.get("end")),
            "the event ends (" + e.end->Canonical() + ") before it begins (" + e.date.Canonical() + ")");
    deck.events.push_back(std::move(e));
  }

  // [[relation]]: a question template and the type of its object.
  void ReadRelation(const toml::table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t =
        Keys(table, {"id", "question", "reverse", "object", "subject", "unit", "many", "show_image"}, "[[relation]]");
    Relation r;
    r.id = String(t, "id", true, "[[relation]]", p);
    r.question = String(t, "question", true, "[[relation]]", p);
    r.reverse = String(t, "reverse", false, "", p);
    std::string object = String(t, "object", true, "[[relation]]", p);
    if (object == "text")
      r.objectType = ValueType::Text;
    else if (object == "number")
      r.objectType = ValueType::Number;
    else if (object == "year")
      r.objectType = ValueType::Year;
    else if (object == "date")
      r.objectType = ValueType::Date;
    else if (object == "image")
      r.objectType = ValueType::Picture;
    else {
      r.objectType = ValueType::Entity;
      r.objectKind = object;
    }
    r.subjectKind = String(t, "subject", false, "", p);
    r.unit = String(t, "unit", false, "", p);
    if (const Node* many = t.get("many")) {
      if (auto value = many->Bool())
        r.many = *value;
      else
        Error(PosOf(*many), "'many' must be true or false");
    }
    if (const Node* show = t.get("show_image")) {
      const std::string how(show->Str().value_or(""));
      if (how == "none")
        r.showImage = Relation::ShowImage::None;
      else if (how == "options")
        r.showImage = Relation::ShowImage::Options;
      else if (how != "prompt")
        Error(PosOf(*show), "'show_image' must be \"prompt\" (the subject's picture with its questions), "
                            "\"options\" (each option's picture) or \"none\"");
    }
    r.pos = p;
    if (const Node* q = t.get("question")) CheckTemplate(r.question, PosOf(*q), "subject", true);
    // A picture is shown, not named: the reverse of an image relation ("Who is this?") has
    // no {object}.
    const bool picture = r.objectType == ValueType::Picture;
    if (const Node* q = t.get("reverse")) {
      if (picture && r.reverse.find("{object}") != std::string::npos)
        Error(PosOf(*q), "the reverse of an image relation shows the picture: write it without {object} (\"Who is "
                         "this?\")");
      else
        CheckTemplate(r.reverse, PosOf(*q), "object", !picture);
    }
    for (const Relation& other : deck.relations)
      if (other.id == r.id) Error(p, "duplicate relation id " + Quote(r.id));
    deck.relations.push_back(std::move(r));
  }

  // [[fact]]: subject, relation, object; needs the relations read first.
  template <typename Table> void ReadFact(const Table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t =
        Keys(table,
             {"id", "subject", "relation", "object", "source", "note", "according_to", "renamed_from", "image_credit"},
             "[[fact]]");
    Fact f;
    f.id = String(t, "id", false, "", p);
    f.subject = String(t, "subject", true, "[[fact]]", p);
    f.relation = String(t, "relation", true, "[[fact]]", p);
    f.source = String(t, "source", false, "", p);
    f.note = String(t, "note", false, "", p);
    f.accordingTo = String(t, "according_to", false, "", p);
    f.renamedFrom = Strings(t, "renamed_from");
    f.pos = p;
    f.subjectPos = ValuePos(t, "subject", p);
    f.relationPos = ValuePos(t, "relation", p);
    f.objectPos = ValuePos(t, "object", p);
    const Relation* relation = deck.FindRelation(f.relation);
    if (const Node* object = t.get("object")) {
      if (relation) ReadObject(f, *relation, *object);
    } else {
      Error(p, "[[fact]] needs 'object'");
    }
    // A picture's credit; for other objects it would be lost, so it is a warning.
    f.picture.credit = String(t, "image_credit", false, "", p);
    if (relation && relation->objectType != ValueType::Picture && !f.picture.credit.empty())
      Warning(ValuePos(t, "image_credit", p), "image_credit on a fact whose relation " + Quote(relation->id) +
                                                  " is not an image relation (object = \"image\")");
    if (!f.id.empty()) ClaimId(f.id, p);
    deck.facts.push_back(std::move(f));
  }

  // [[card]]: a front and a back.
  template <typename Table> void ReadCard(const Table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t =
        Keys(table, {"id", "front", "back", "tags", "source", "image", "image_credit", "cloze"}, "[[card]]");
    Card c;
    c.id = String(t, "id", false, "", p);
    c.front = String(t, "front", true, "[[card]]", p);
    c.back = String(t, "back", true, "[[card]]", p);
    c.tags = Strings(t, "tags");
    c.source = String(t, "source", false, "", p);
    c.picture = ReadPicture(t, p);
    if (const Node* cloze = t.get("cloze")) {
      if (auto value = cloze->Bool())
        c.cloze = *value;
      else
        Error(PosOf(*cloze), "'cloze' must be true or false");
    }
    c.pos = p;
    if (c.id.empty()) c.id = "card-" + std::to_string(deck.cards.size() + 1);
    ClaimId(c.id, p);
    deck.cards.push_back(std::move(c));
  }

  // [[choice]]: a question written by hand, with its right and wrong options.
  template <typename Table> void ReadChoice(const Table& table, Position p) {
    Deck& deck = m_out.deck;
    const Fields t =
        Keys(table,
             {"id", "question", "answer", "wrong", "explanation", "source", "tags", "seconds", "image", "image_credit"},
             "[[choice]]");
    Choice c;
    c.id = String(t, "id", false, "", p);
    c.question = String(t, "question", true, "[[choice]]", p);
    c.answers = Strings(t, "answer");
    c.wrong = Strings(t, "wrong");
    c.explanation = String(t, "explanation", false, "", p);
    c.source = String(t, "source", false, "", p);
    c.tags = Strings(t, "tags");
    c.picture = ReadPicture(t, p);
    c.pos = p;
    if (!t.get("answer")) Error(p, "[[choice]] needs 'answer' (a string, or a list when several are right)");
    if (!t.get("wrong")) Error(p, "[[choice]] needs 'wrong' (a list of one to three wrong options)");
    if (const Node* seconds = t.get("seconds")) {
      const auto n = seconds->Integer();
      if (!n || *n < kMinChoiceSeconds || *n > kMaxChoiceSeconds)
        Error(PosOf(*seconds), "'seconds' must be a whole number from " + std::to_string(kMinChoiceSeconds) + " to " +
                                   std::to_string(kMaxChoiceSeconds));
      else
        c.seconds = static_cast<int>(*n);
    }
    if (t.get("answer") && t.get("wrong"))
      for (const std::string& problem : ChoiceProblems(c))
        Error(p, problem);
    if (c.id.empty()) c.id = "choice-" + std::to_string(deck.choices.size() + 1);
    ClaimId(c.id, p);
    deck.choices.push_back(std::move(c));
  }

  std::optional<Date> ReadDate(const Fields& table, std::string_view key, Position tablePos, bool required) {
    const Node* node = table.get(key);
    if (node == nullptr) {
      if (required) Error(tablePos, "[[event]] needs " + Quote(std::string(key)));
      return std::nullopt;
    }
    return DateOf(*node, ValueType::Date);
  }

  // A date from a string ("1922-04-16", "44 BC") or a TOML date (1922-04-16 unquoted).
  std::optional<Date> DateOf(const Node& node, ValueType type) {
    if (const toml::date* d = node.Date()) {
      const toml::date& v = *d;
      std::string text = std::to_string(v.year) + "-" + (v.month < 10 ? "0" : "") + std::to_string(v.month) + "-" +
                         (v.day < 10 ? "0" : "") + std::to_string(v.day);
      return DateOf(text, PosOf(node), type);
    }
    if (type == ValueType::Year) {
      if (auto year = node.Integer()) {
        if (*year == 0 || *year < -100000 || *year > 100000) {
          Error(PosOf(node), "year " + std::to_string(*year) + " is out of range (write BC years as \"44 BC\")");
          return std::nullopt;
        }
        Date date;
        date.year = static_cast<int>(*year);
        return date;
      }
    }
    if (const auto s = node.Str()) return DateOf(std::string(*s), PosOf(node), type);
    Error(PosOf(node), type == ValueType::Year ? "expected a year (1922, or a string such as \"44 BC\")"
                                               : "expected a date string such as \"1922-04-16\"");
    return std::nullopt;
  }

  std::optional<Date> DateOf(const std::string& text, Position pos, ValueType type) {
    DateParse parsed = ParseDate(text);
    if (!parsed.date) {
      Error(pos, "invalid date \"" + text + "\": " + parsed.error);
      return std::nullopt;
    }
    if (type == ValueType::Year && parsed.date->precision != DatePrecision::Year) {
      Error(pos, "expected a year, not the date \"" + text + "\"");
      return std::nullopt;
    }
    return parsed.date;
  }

  // Placeholders are {name}; only `allowed` may appear, and it must appear.
  void CheckTemplate(const std::string& text, Position pos, const char* allowed, bool mustUse) {
    bool used = false;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      size_t close = text.find('}', open);
      Position at{pos.line, pos.column + 1 + static_cast<int>(open)}; // +1 for the opening quote
      if (close == std::string::npos) {
        Error(at, "unclosed placeholder in " + Quote(text));
        return;
      }
      std::string name = text.substr(open + 1, close - open - 1);
      if (name == allowed)
        used = true;
      else
        Error(at, "unknown placeholder {" + name + "} in " + Quote(text) + "; this template may use only {" + allowed +
                      "}");
    }
    if (mustUse && !used) Warning(pos, Quote(text) + " does not use {" + allowed + "}");
  }

  // [SECTION] Checking ---------------------------------------------------------------

  // The candidate closest to `id` by edit distance, when close enough to be a typo.
  template <typename Range, typename Key>
  static std::string Closest(const std::string& id, const Range& candidates, Key key) {
    std::string best;
    size_t bestDistance = std::max<size_t>(2, id.size() / 3) + 1;
    for (const auto& candidate : candidates) {
      const std::string& known = key(candidate);
      size_t d = EditDistance(id, known);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best;
  }

  std::string Suggest(const std::string& id) const {
    if (m_ids.size() > 20000) return {}; // too slow to be worth it on huge decks
    std::string best = Closest(id, m_ids, [](const auto& entry) -> const std::string& { return entry.first; });
    return best.empty() ? std::string() : " (did you mean " + Quote(best) + "?)";
  }

  void CheckSource(const std::string& source, Position pos) {
    if (!source.empty() && m_out.deck.FindSource(source) == nullptr)
      Error(pos, "unknown source " + Quote(source) + "; declare it as [[deck.source]]");
  }

  // according_to written as a source's title or author: its id lets questions say who
  // ("According to Suetonius", "According to the article “...”"), not a bare title.
  void CheckAttribution(const Fact& fact) {
    if (fact.accordingTo.empty() || m_out.deck.FindSource(fact.accordingTo) != nullptr) return;
    const std::string folded = Fold(fact.accordingTo);
    for (const DeckSource& s : m_out.deck.sources)
      if (folded == Fold(s.title) || (!s.author.empty() && folded == Fold(s.author)))
        Warning(fact.pos, "according_to " + Quote(fact.accordingTo) + " names the source " + Quote(s.id) +
                              "; write its id, so that questions say \"According to " + m_out.deck.Attribution(s.id) +
                              "\"");
  }

  void Check() {
    Deck& deck = m_out.deck;
    ForEachPicture(deck, [&](const Picture& p) { CheckPicture(p); });
    if (deck.entities.empty() && deck.events.empty() && deck.facts.empty() && deck.cards.empty() &&
        deck.choices.empty()) {
      Error({}, "the deck is empty: it has no entities, events, facts, cards or questions");
      return;
    }
    std::map<std::string, size_t> kindCounts;
    for (const Entity& e : deck.entities) {
      ++kindCounts[e.kind];
      CheckSource(e.source, e.pos);
    }
    for (Event& e : deck.events) {
      CheckSource(e.source, e.pos);
      if (e.source.empty()) Warning(e.pos, "event " + Quote(e.id) + " has no source");
      if (const Entity* place = deck.FindEntity(e.place)) {
        e.placeEntity = place->id;
        e.place = place->name;
      }
    }
    for (const Card& c : deck.cards)
      CheckSource(c.source, c.pos);
    for (const Choice& c : deck.choices) {
      CheckSource(c.source, c.pos);
      if (std::string warning = ChoiceAnswerInQuestion(c); !warning.empty()) Warning(c.pos, warning);
    }
    const auto& alike = deck.EventsAlike();
    for (size_t i = 0; i < alike.size(); ++i)
      if (std::string warning = NamedAlikeWarning(deck, i, alike[i]); !warning.empty())
        Warning(deck.events[i].pos, warning);

    // Fact objects, now that every relation and entity is known.
    // A subject's first fact of each relation that takes one, keyed by the subject's and
    // the relation's places in the deck (no string built or hashed a fact).
    std::unordered_map<std::uint64_t, const Fact*> single;
    single.reserve(deck.facts.size());
    for (size_t i = 0; i < deck.facts.size(); ++i) {
      Fact& fact = deck.facts[i];
      CheckSource(fact.source, fact.pos);
      if (fact.source.empty()) Warning(fact.pos, "fact about " + Quote(fact.subject) + " has no source");
      CheckAttribution(fact);
      const Entity* subjectEntity = deck.FindEntity(fact.subject);
      const Event* subjectEvent = deck.FindEvent(fact.subject);
      if (!fact.subject.empty() && subjectEntity == nullptr && subjectEvent == nullptr)
        Error(fact.subjectPos, "unknown subject " + Quote(fact.subject) + Suggest(fact.subject));
      const Relation* relation = deck.FindRelation(fact.relation);
      if (relation == nullptr) {
        if (!fact.relation.empty())
          Error(fact.relationPos, "undefined relation " + Quote(fact.relation) + RelationHint(fact.relation));
        continue;
      }
      if (!relation->subjectKind.empty()) {
        const std::string_view kind = subjectEntity  ? std::string_view(subjectEntity->kind)
                                      : subjectEvent ? std::string_view("event")
                                                     : std::string_view();
        if (!kind.empty() && kind != relation->subjectKind)
          Error(fact.subjectPos, "subject " + Quote(fact.subject) + " is a " + std::string(kind) + ", but relation " +
                                     Quote(relation->id) + " is about a " + relation->subjectKind);
      }

      if (relation->objectType == ValueType::Entity) CheckEntityObject(fact, *relation);
      if (!relation->many && (subjectEntity || subjectEvent)) {
        const std::uint64_t subject =
            subjectEntity ? static_cast<std::uint64_t>(subjectEntity - deck.entities.data())
                          : deck.entities.size() + static_cast<std::uint64_t>(subjectEvent - deck.events.data());
        const std::uint64_t key =
            subject * deck.relations.size() + static_cast<std::uint64_t>(relation - deck.relations.data());
        auto [it, first] = single.emplace(key, &fact);
        if (!first && (fact.accordingTo.empty() || it->second->accordingTo.empty()))
          Error(fact.pos, "a second " + Quote(fact.relation) + " fact for " + Quote(fact.subject) +
                              " (the first is at line " + std::to_string(it->second->pos.line) +
                              "); set many = true on the relation, or attribute each with according_to");
      }
      if (fact.id.empty()) AssignFactId(fact);
    }

    // Multiple choice needs three distractors of the same kind.
    for (const Relation& r : deck.relations) {
      if (r.objectType != ValueType::Entity) continue;
      size_t count = kindCounts[r.objectKind];
      if (count == 0)
        Error(r.pos, "relation " + Quote(r.id) + " takes a " + Quote(r.objectKind) +
                         ", but no entity has that kind (or use text, number, year, date)");
      else if (count < 4)
        Warning(r.pos, "kind " + Quote(r.objectKind) + " has " + std::to_string(count) + " entities: relation " +
                           Quote(r.id) + " cannot make 4-option questions");
    }
  }

  // An entity object names an entity of the relation's object kind.
  void CheckEntityObject(const Fact& fact, const Relation& relation) {
    const std::string& id = fact.object.entity;
    if (id.empty()) return; // not a string: said when it was read
    const Deck& deck = m_out.deck;
    const Entity* entity = deck.FindEntity(id);
    std::string wrong;
    if (entity == nullptr && deck.FindEvent(id))
      wrong = "the event " + Quote(id);
    else if (entity == nullptr)
      return Error(fact.objectPos, "unknown entity " + Quote(id) + Suggest(id));
    else if (entity->kind != relation.objectKind)
      wrong = Quote(id) + ", which is a " + entity->kind;
    if (!wrong.empty()) Error(fact.objectPos, WrongObject(relation, wrong));
  }

  static std::string WrongObject(const Relation& relation, const std::string& what) {
    const std::string expected =
        relation.objectType == ValueType::Entity ? relation.objectKind : ValueTypeName(relation.objectType);
    return "object of relation " + Quote(relation.id) + " must be a " + expected + ", not " + what;
  }

  std::string RelationHint(const std::string& id) const {
    std::string best = Closest(id, m_out.deck.relations, [](const Relation& r) -> const std::string& { return r.id; });
    return best.empty() ? "; declare it as [[relation]]" : " (did you mean " + Quote(best) + "?)";
  }

  void ReadObject(Fact& fact, const Relation& relation, const Node& node) {
    Value& value = fact.object;
    value.type = relation.objectType;
    auto wrongType = [&](const std::string& what) { Error(PosOf(node), WrongObject(relation, what)); };
    switch (relation.objectType) {
    case ValueType::Entity: {
      const auto s = node.Str();
      if (!s) return wrongType("a TOML " + node.TypeName());
      value.entity = *s; // checked once every entity is read (CheckEntityObject)
      return;
    }
    case ValueType::Text:
    case ValueType::Picture: {
      const auto s = node.Str();
      if (!s) return wrongType("a non-string value");
      value.text = *s;
      if (value.text.empty()) Error(PosOf(node), "empty object");
      if (relation.objectType == ValueType::Picture) fact.picture = {value.text, {}, PosOf(node)};
      return;
    }
    case ValueType::Number: {
      if (const auto i = node.Integer()) {
        value.number = static_cast<double>(*i);
        value.text = std::to_string(*i);
      } else if (const auto d = node.Float()) {
        value.number = *d;
        char text[32];
        auto end = std::to_chars(text, text + sizeof text, value.number).ptr; // shortest exact form
        value.text.assign(text, end);
      } else if (const auto s = node.Str()) {
        // A bound or an approximation, as the source gives it: "more than 100", "about 450".
        const auto bounded = ParseBoundedNumber(*s);
        if (!bounded)
          return wrongType(Quote(std::string(*s)) +
                           " (write numbers without quotes; a bound or approximation as \"more "
                           "than 100\", \"at least 20\", \"fewer than 5\" or \"about 450\")");
        value.number = bounded->number;
        value.text = bounded->phrase;
        value.bound = bounded->bound;
      } else {
        return wrongType("a value of another type (write numbers without quotes)");
      }
      if (!std::isfinite(value.number)) Error(PosOf(node), "the number must be finite");
      return;
    }
    case ValueType::Year:
    case ValueType::Date:
      if (auto date = DateOf(node, relation.objectType)) value.date = *date;
      return;
    }
  }

  // Facts without an explicit id get subject.relation, made unique with the object.
  void AssignFactId(Fact& fact) {
    std::string id = fact.subject + "." + fact.relation;
    if (m_ids.count(id) != 0) {
      std::string object = fact.object.type == ValueType::Entity ? fact.object.entity
                           : fact.object.type == ValueType::Year || fact.object.type == ValueType::Date
                               ? fact.object.date.Canonical()
                               : fact.object.text;
      id += "." + object;
      if (!fact.accordingTo.empty()) id += "." + fact.accordingTo;
    }
    for (int n = 2; m_ids.count(id) != 0; ++n)
      id = fact.subject + "." + fact.relation + "." + std::to_string(n);
    fact.id = id;
    m_ids.emplace(id, fact.pos);
  }

  std::string m_file;
  DeckLoad& m_out;
  std::unordered_map<std::string, Position> m_ids;
  uint32_t m_lineBase = 0;             // lines before the piece being read
  std::set<std::string> m_unknownKeys; // the warnings about them, given once
  bool m_claimIds = true;              // false for a loader reading half the events (ReadEvents)
};

} // namespace

namespace {
DeckLoad FailedLoad(const std::string& fileName, std::string message) {
  DeckLoad result;
  result.deck.file = fileName;
  result.diagnostics.push_back({Severity::Error, fileName, {}, std::move(message)});
  return result;
}

DeckLoad TooLarge(const std::string& fileName, std::uintmax_t bytes) {
  return FailedLoad(fileName, "the file is too large (" + std::to_string(bytes >> 20) + " MiB; the limit is " +
                                  std::to_string(kMaxDeckFileBytes >> 20) + " MiB)");
}
} // namespace

namespace {
DeckLoad Parse(std::string_view text, const std::string& fileName, bool inPieces) {
  if (text.size() > kMaxDeckFileBytes) return TooLarge(fileName, text.size());
  DeckLoad result;
  if (!inPieces || !Loader(fileName, result).Run(text)) {
    result = DeckLoad{};
    Loader(fileName, result).RunWhole(text);
  }
  SortByPosition(result.diagnostics);
  result.deck.version = Fingerprint(text);
  return result;
}
} // namespace

DeckLoad ParseDeck(std::string_view text, const std::string& fileName) { return Parse(text, fileName, true); }

DeckLoad ParseDeckWhole(std::string_view text, const std::string& fileName) { return Parse(text, fileName, false); }

DeckLoad LoadTextDeckFile(const std::string& path, const TextDeckReader& read) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxDeckFileBytes) return TooLarge(path, size);
  std::string text;
  if (std::string error = ReadWholeFile(path, text); !error.empty())
    return FailedLoad(path, error.substr(path.size() + 2)); // the message starts "PATH: "
  return read ? read(text, path) : ParseDeck(text, path);
}

} // namespace factdeck
