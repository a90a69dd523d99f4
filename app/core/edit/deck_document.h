// A deck file as the editor sees it: its items (the deck's own settings, sources, relations,
// entities, events, facts, cards, written questions; or a file's rows), each item's fields as
// text for a form, and the smallest text edits that change them. Two kinds: a facts file
// (TOML: each item a table) and a file of rows (CSV, TSV: each item a row, its fields the
// file's own columns, written back in the same layout).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/deck/deck.h"
#include "core/edit/text_edit.h"

namespace factdeck::edit {

enum class ItemKind : std::uint8_t { Deck, Source, Relation, Entity, Event, Fact, Card, Choice };
inline constexpr ItemKind kAllItemKinds[] = {ItemKind::Deck,  ItemKind::Source, ItemKind::Relation, ItemKind::Entity,
                                             ItemKind::Event, ItemKind::Fact,   ItemKind::Card,     ItemKind::Choice};
// "Deck settings", "Source", "Relation", "Entity", "Event", "Fact", "Card", "Question"
const char* ItemKindLabel(ItemKind kind);
// "deck", "source", "relation", "entity", "event", "fact", "card", "choice" (and back)
const char* ItemKindName(ItemKind kind);
std::optional<ItemKind> ItemKindNamed(std::string_view name);

enum class FieldType : std::uint8_t {
  Line,     // one line of text
  Text,     // a paragraph
  List,     // one entry per line
  Date,     // the date grammar ("c. 1500", "22 June 1922", "535–554")
  Number,   // a whole number
  Flag,     // true or false
  Subject,  // an entity's or event's id
  Relation, // a relation's id
  Object,   // an entity's id or a value of the relation's type
  Source,   // a source's id
};

struct FieldInfo {
  std::string key;   // TOML key, or a column's number ("0", "1", ...) in a file of rows
  std::string label; // "Front", "Date", "Answer 1"
  FieldType type = FieldType::Line;
  bool required = false;
  std::string hint; // shown under the field: what it takes
};

struct EditItem {
  ItemKind kind = ItemKind::Card;
  std::string id;          // as the deck knows it (a numbered card's "card-3"); empty for the deck's settings
  std::string title;       // as the list shows it: a name, a front, a question
  int line = 0;            // where it begins in the file (1-based)
  int lastLine = 0;        // where it ends
  size_t place = 0;        // the document's own index: a table, or a record
  bool explicitId = false; // the file writes its id (else it is numbered or made from its words)
};

class DeckDocument {
public:
  virtual ~DeckDocument() = default;
  virtual const std::string& Text() const = 0;
  virtual bool Apply(const TextEdit& edit) = 0; // and reads its structure again
  virtual void Reset(std::string text) = 0;
  virtual bool Rows() const = 0; // a file of rows
  // The items, in file order; `deck` (as last read from this text) names their ids.
  virtual std::vector<EditItem> Items(const Deck& deck) const = 0;
  virtual std::vector<FieldInfo> Fields(const EditItem& item) const = 0;
  virtual std::string Field(const EditItem& item, std::string_view key) const = 0;
  // The item's field under `line` (a diagnostic's line), or "" for the item as a whole.
  virtual std::string FieldAtLine(const EditItem& item, int line) const = 0;
  // The edits (on the text as it is, at distinct places) that set a field; empty with
  // `why` set when it cannot be done. `deck` gives the relations' types and the items' ids.
  virtual std::vector<TextEdit> SetField(const EditItem& item, std::string_view key, const std::string& text,
                                         const Deck& deck, std::string& why) const = 0;
  virtual std::vector<ItemKind> Addable() const = 0;
  // A new item of `kind` after the last of its kind, with the id `id` where the file writes
  // ids; `items` as Items() gives them.
  virtual std::vector<TextEdit> AddItem(ItemKind kind, const std::string& id, const std::vector<EditItem>& items,
                                        std::string& why) const = 0;
  virtual std::vector<TextEdit> DuplicateItem(const EditItem& item, const std::string& id,
                                              const std::vector<EditItem>& items, std::string& why) const = 0;
  // Takes an item out; items numbered after it keep their ids (written into the file).
  virtual std::vector<TextEdit> RemoveItem(const EditItem& item, const std::vector<EditItem>& items,
                                           std::string& why) const = 0;
};

std::unique_ptr<DeckDocument> MakeTomlDocument(std::string text);
// A file of rows: `shape` says how it was read (its reading, header row, columns).
std::unique_ptr<DeckDocument> MakeRowsDocument(std::string text, const std::string& fileName, const TableShape& shape,
                                               const Deck& deck);

// Edits computed on one text at distinct places, applied from the last to the first so
// that each one's offset still holds; false (nothing changed) when one does not fit.
bool ApplyAll(DeckDocument& document, std::vector<TextEdit> edits, std::vector<TextEdit>* applied = nullptr);

} // namespace factdeck::edit
