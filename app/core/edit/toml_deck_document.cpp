// The editor's view of a facts file: each item a TOML table, each field a key.
#include <algorithm>
#include <array>
#include <map>

#include "core/base/text.h"
#include "core/edit/deck_document.h"
#include "core/edit/toml_document.h"

namespace factdeck::edit {

namespace {

struct KindTable {
  ItemKind kind;
  const char* table; // the TOML table's name
  bool array;
};
constexpr KindTable kKindTables[] = {
    {ItemKind::Deck, "deck", false},    {ItemKind::Source, "deck.source", true}, {ItemKind::Relation, "relation", true},
    {ItemKind::Entity, "entity", true}, {ItemKind::Event, "event", true},        {ItemKind::Fact, "fact", true},
    {ItemKind::Card, "card", true},     {ItemKind::Choice, "choice", true},
};

std::optional<ItemKind> KindOfTable(const TomlTableSpan& t) {
  for (const KindTable& k : kKindTables)
    if (t.name == k.table && t.array == k.array) return k.kind;
  return std::nullopt;
}
const char* TableOfKind(ItemKind kind) {
  for (const KindTable& k : kKindTables)
    if (k.kind == kind) return k.table;
  return "";
}

FieldInfo F(const char* key, const char* label, FieldType type, bool required = false, const char* hint = "") {
  return FieldInfo{key, label, type, required, hint};
}

const std::vector<FieldInfo>& FieldsOfKind(ItemKind kind) {
  static const std::map<ItemKind, std::vector<FieldInfo>> fields = {
      {ItemKind::Deck,
       {F("title", "Title", FieldType::Line, true), F("id", "Id", FieldType::Line, true, "progress is kept under it"),
        F("language", "Language", FieldType::Line, false, "a language tag: en, de, fr"),
        F("description", "Description", FieldType::Text),
        F("card_directions", "Cards asked as multiple choice", FieldType::List, false,
          "forward, reverse, one of them, or none (flashcards only); one per line")}},
      {ItemKind::Source,
       {F("title", "Title", FieldType::Line, true), F("author", "Author", FieldType::Line),
        F("kind", "What it is", FieldType::Line, false, "article, memoir, museum leaflet"),
        F("url", "Address", FieldType::Line), F("id", "Id", FieldType::Line, true)}},
      {ItemKind::Relation,
       {F("question", "Question", FieldType::Line, true, "with {subject}: Where was {subject} located?"),
        F("reverse", "Asked the other way", FieldType::Line, false, "with {object}: Which school was near {object}?"),
        F("object", "Answer type", FieldType::Line, true, "an entity kind (place), or text, number, year, date, image"),
        F("subject", "Subject kind", FieldType::Line),
        F("unit", "Unit", FieldType::Line, false, "for numbers: km, pilots"),
        F("many", "A subject may have several answers", FieldType::Flag), F("id", "Id", FieldType::Line, true)}},
      {ItemKind::Entity,
       {F("name", "Name", FieldType::Line, true),
        F("kind", "Kind", FieldType::Line, true, "wrong options are drawn from the same kind"),
        F("aliases", "Other names", FieldType::List, false, "one per line"),
        F("description", "Description", FieldType::Text), F("tags", "Tags", FieldType::List, false, "one per line"),
        F("source", "Source", FieldType::Source),
        F("image", "Picture", FieldType::Line, false, "a PNG or JPEG file beside the deck"),
        F("image_credit", "Picture credit", FieldType::Line), F("id", "Id", FieldType::Line, true)}},
      {ItemKind::Event,
       {F("name", "What happened", FieldType::Line, true),
        F("date", "Date", FieldType::Date, true, "as people write it: 1922, c. 1500, 16 April 1922, 535–554, 1920s"),
        F("end", "End", FieldType::Date, false, "for a span; present when it is not over"),
        F("place", "Place", FieldType::Line, false, "an entity's id, or plain text"),
        F("tags", "Tags", FieldType::List, false, "one per line"), F("note", "Note", FieldType::Text),
        F("source", "Source", FieldType::Source), F("image", "Picture", FieldType::Line),
        F("image_credit", "Picture credit", FieldType::Line), F("id", "Id", FieldType::Line, true)}},
      {ItemKind::Fact,
       {F("subject", "Subject", FieldType::Subject, true), F("relation", "Relation", FieldType::Relation, true),
        F("object", "Answer", FieldType::Object, true), F("source", "Source", FieldType::Source),
        F("according_to", "According to", FieldType::Line, false, "when sources disagree: a source's id or a person"),
        F("note", "Note", FieldType::Text, false, "shown with the explanation"),
        F("image_credit", "Picture credit", FieldType::Line), F("id", "Id", FieldType::Line)}},
      {ItemKind::Card,
       {F("front", "Front", FieldType::Text, true), F("back", "Back", FieldType::Text, true),
        F("tags", "Tags", FieldType::List, false, "one per line"), F("source", "Source", FieldType::Source),
        F("image", "Picture", FieldType::Line), F("image_credit", "Picture credit", FieldType::Line),
        F("cloze", "A gap to fill ([...] in the front)", FieldType::Flag), F("id", "Id", FieldType::Line)}},
      {ItemKind::Choice,
       {F("question", "Question", FieldType::Text, true),
        F("answer", "Right answers", FieldType::List, true, "one per line; several make a select-all question"),
        F("wrong", "Wrong options", FieldType::List, true, "one per line; two to four options in all"),
        F("explanation", "Explanation", FieldType::Text),
        F("seconds", "Time limit (seconds)", FieldType::Number, false, "5 to 240 in a classroom match"),
        F("tags", "Tags", FieldType::List, false, "one per line"), F("source", "Source", FieldType::Source),
        F("image", "Picture", FieldType::Line), F("image_credit", "Picture credit", FieldType::Line),
        F("id", "Id", FieldType::Line)}},
  };
  return fields.at(kind);
}

const FieldInfo* FieldOf(ItemKind kind, std::string_view key) {
  for (const FieldInfo& f : FieldsOfKind(kind))
    if (f.key == key) return &f;
  return nullptr;
}

// A value's text for the form, quickly for the common plain string.
std::string PlainValue(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"' && v.find('\\') == std::string_view::npos &&
      v.substr(1, v.size() - 2).find('"') == std::string_view::npos)
    return std::string(v.substr(1, v.size() - 2));
  return ReadTomlValue(v).value_or(std::string(v));
}

bool LooksNumeric(const std::string& text) {
  if (text.empty()) return false;
  size_t i = text[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9')
      digits = true;
    else if (text[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits && text.back() != '.';
}

class TomlDeckDocument final : public DeckDocument {
public:
  explicit TomlDeckDocument(std::string text) : m_doc(std::move(text)) {}
  const std::string& Text() const override { return m_doc.Text(); }
  bool Apply(const TextEdit& edit) override { return m_doc.Apply(edit); }
  void Reset(std::string text) override { m_doc.Reset(std::move(text)); }
  bool Rows() const override { return false; }

  std::vector<EditItem> Items(const Deck& deck) const override {
    // Header line -> id, as the deck was last read (sorted once: a map of 100,000 nodes is slow).
    std::vector<std::pair<int, const std::string*>> idAt;
    auto note = [&](const auto& list) {
      for (const auto& item : list)
        idAt.emplace_back(item.pos.line, &item.id);
    };
    note(deck.sources), note(deck.relations), note(deck.entities), note(deck.events), note(deck.facts);
    note(deck.cards), note(deck.choices);
    std::sort(idAt.begin(), idAt.end());
    auto idOn = [&](int line) -> const std::string* {
      auto it = std::lower_bound(idAt.begin(), idAt.end(), std::pair<int, const std::string*>(line, nullptr));
      return it != idAt.end() && it->first == line ? it->second : nullptr;
    };
    std::vector<EditItem> items;
    items.reserve(m_doc.Tables().size());
    std::array<size_t, std::size(kAllItemKinds)> counts{};
    const auto& tables = m_doc.Tables();
    for (size_t t = 0; t < tables.size(); ++t) {
      const std::optional<ItemKind> kind = KindOfTable(tables[t]);
      if (!kind) continue;
      EditItem item;
      item.kind = *kind;
      item.place = t;
      item.line = tables[t].line;
      item.lastLine = m_doc.LineOf(tables[t].end == 0 ? 0 : tables[t].end - 1);
      const size_t ordinal = ++counts[static_cast<size_t>(*kind)];
      if (const TomlKeySpan* id = tables[t].Key("id"); id && *kind != ItemKind::Deck) {
        item.id = Value(*id);
        item.explicitId = true;
      } else if (const std::string* known = idOn(item.line)) {
        item.id = *known;
      } else if (*kind == ItemKind::Card || *kind == ItemKind::Choice) {
        item.id = std::string(*kind == ItemKind::Card ? "card-" : "choice-") + std::to_string(ordinal);
      } else if (*kind == ItemKind::Fact) {
        item.id = Get(tables[t], "subject") + "." + Get(tables[t], "relation");
      }
      item.title = Title(tables[t], *kind);
      items.push_back(std::move(item));
    }
    return items;
  }

  std::vector<FieldInfo> Fields(const EditItem& item) const override { return FieldsOfKind(item.kind); }

  std::string Field(const EditItem& item, std::string_view key) const override {
    if (item.place >= m_doc.Tables().size()) return {};
    const TomlTableSpan& table = m_doc.Tables()[item.place];
    // Cards are asked both ways unless the deck says otherwise: the form shows what holds.
    if (item.kind == ItemKind::Deck && key == "card_directions" && !table.Key(key)) return "forward\nreverse";
    return Get(table, key);
  }

  std::string FieldAtLine(const EditItem& item, int line) const override {
    if (item.place >= m_doc.Tables().size()) return {};
    for (const TomlKeySpan& k : m_doc.Tables()[item.place].keys)
      if (k.line <= line && line <= m_doc.LineOf(k.lineEnd == 0 ? 0 : k.lineEnd - 1)) return k.key;
    return {};
  }

  std::vector<TextEdit> SetField(const EditItem& item, std::string_view key, const std::string& text, const Deck& deck,
                                 std::string& why) const override {
    const FieldInfo* field = FieldOf(item.kind, key);
    if (!field || item.place >= m_doc.Tables().size()) {
      why = "this item has no field \"" + std::string(key) + "\"";
      return {};
    }
    const TomlTableSpan& table = m_doc.Tables()[item.place];
    std::vector<TextEdit> edits;
    const std::optional<std::string> value = Encode(*field, table, text, deck);
    if (!value) {
      if (auto removal = m_doc.RemoveKey(item.place, key)) edits.push_back(std::move(*removal));
      return edits;
    }
    if (const TomlKeySpan* k = table.Key(key);
        k && m_doc.Text().compare(k->valueBegin, k->valueEnd - k->valueBegin, *value) == 0)
      return {}; // the same
    edits.push_back(m_doc.SetValue(item.place, key, *value));
    const bool keepsOldIds =
        item.kind == ItemKind::Entity || item.kind == ItemKind::Event || item.kind == ItemKind::Fact;
    if (key == "id" && keepsOldIds && !item.id.empty() && text != item.id) {
      // Progress follows the rename (cards and written questions: the session tells the store).
      std::vector<std::string> renamed = FieldEntries(Get(table, "renamed_from"));
      if (std::find(renamed.begin(), renamed.end(), item.id) == renamed.end()) renamed.push_back(item.id);
      edits.push_back(m_doc.SetValue(item.place, "renamed_from", TomlValueList(renamed)));
    } else if (!item.explicitId && !item.id.empty() && item.kind == ItemKind::Fact &&
               (key == "subject" || key == "relation" || key == "object" || key == "according_to")) {
      // A fact's id is made from these: it is written down first, so its progress stays.
      edits.push_back(m_doc.SetValue(item.place, "id", TomlValue(item.id)));
    }
    return edits;
  }

  std::vector<ItemKind> Addable() const override {
    std::vector<ItemKind> kinds{ItemKind::Card, ItemKind::Choice,   ItemKind::Event, ItemKind::Entity,
                                ItemKind::Fact, ItemKind::Relation, ItemKind::Source};
    // A file without its [deck] table (empty, or begun by hand) can be given one.
    const auto& tables = m_doc.Tables();
    if (std::none_of(tables.begin(), tables.end(), [](const TomlTableSpan& t) { return t.name == "deck" && !t.array; }))
      kinds.insert(kinds.begin(), ItemKind::Deck);
    return kinds;
  }

  std::vector<TextEdit> AddItem(ItemKind kind, const std::string& id, const std::vector<EditItem>& items,
                                std::string& why) const override {
    const auto addable = Addable();
    if (std::find(addable.begin(), addable.end(), kind) == addable.end()) {
      why = "a deck has one set of settings";
      return {};
    }
    std::string text = kind == ItemKind::Deck ? "[deck]\n" : std::string("[[") + TableOfKind(kind) + "]]\n";
    text += "id = " + TomlValue(id) + "\n";
    for (const FieldInfo& f : FieldsOfKind(kind))
      if (f.required && f.key != "id") text += f.key + " = " + (f.type == FieldType::List ? "[]" : "\"\"") + "\n";
    return {m_doc.InsertTable(LastOf(kind, items), text)};
  }

  std::vector<TextEdit> DuplicateItem(const EditItem& item, const std::string& id, const std::vector<EditItem>& items,
                                      std::string& why) const override {
    if (item.kind == ItemKind::Deck) {
      why = "a deck has one set of settings";
      return {};
    }
    // The copy: its header, its own id, and every other key line as written (its progress
    // is its own: no renamed_from).
    const TomlTableSpan& table = m_doc.Tables()[item.place];
    const std::string& all = m_doc.Text();
    std::string text = all.substr(table.begin, table.headerEnd - table.begin);
    if (text.empty() || text.back() != '\n') text += '\n';
    text += "id = " + TomlValue(id) + "\n";
    for (const TomlKeySpan& k : table.keys) {
      if (k.key == "id" || k.key == "renamed_from") continue;
      text += all.substr(k.lineBegin, k.lineEnd - k.lineBegin);
      if (text.back() != '\n') text += '\n';
    }
    // A card or written question without an id is numbered by its place: the copy goes after
    // the last of its kind, so that no other is renumbered; anything else right after the original.
    const bool numbered = item.kind == ItemKind::Card || item.kind == ItemKind::Choice;
    return {m_doc.InsertTable(numbered ? LastOf(item.kind, items) : static_cast<std::ptrdiff_t>(item.place), text)};
  }

  std::vector<TextEdit> RemoveItem(const EditItem& item, const std::vector<EditItem>& items,
                                   std::string& why) const override {
    if (item.kind == ItemKind::Deck) {
      why = "the deck's settings cannot be taken out";
      return {};
    }
    std::vector<TextEdit> edits{m_doc.RemoveTable(item.place)};
    if (item.kind == ItemKind::Card || item.kind == ItemKind::Choice) {
      // Numbered ones after it would take the number before theirs: their ids are written.
      for (const EditItem& other : items)
        if (other.kind == item.kind && other.place > item.place && !other.explicitId)
          edits.push_back(m_doc.SetValue(other.place, "id", TomlValue(other.id)));
    }
    return edits;
  }

private:
  std::string Value(const TomlKeySpan& k) const {
    return PlainValue(std::string_view(m_doc.Text()).substr(k.valueBegin, k.valueEnd - k.valueBegin));
  }
  std::string Get(const TomlTableSpan& t, std::string_view key) const {
    const TomlKeySpan* k = t.Key(key);
    return k ? Value(*k) : std::string();
  }

  std::string Title(const TomlTableSpan& t, ItemKind kind) const {
    switch (kind) {
    case ItemKind::Deck: return Get(t, "title");
    case ItemKind::Source: return Get(t, "title");
    case ItemKind::Relation: return Get(t, "question");
    case ItemKind::Entity: return Get(t, "name");
    case ItemKind::Event: return Get(t, "name") + " (" + Get(t, "date") + ")";
    case ItemKind::Fact: return Get(t, "subject") + " · " + Get(t, "relation") + " · " + Get(t, "object");
    case ItemKind::Card: return Get(t, "front");
    case ItemKind::Choice: return Get(t, "question");
    }
    return {};
  }

  // The value's TOML text, or nullopt when the key should go (an optional field left empty).
  std::optional<std::string> Encode(const FieldInfo& field, const TomlTableSpan& table, const std::string& text,
                                    const Deck& deck) const {
    std::string trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' || trimmed.back() == '\r'))
      trimmed.pop_back();
    switch (field.type) {
    case FieldType::List: {
      const std::vector<std::string> items = FieldEntries(text);
      if (items.empty() && !field.required && field.key != "card_directions") return std::nullopt;
      if (items.size() == 1 && (field.key == "answer" || field.key == "wrong")) return TomlValue(items[0]);
      return TomlValueList(items);
    }
    case FieldType::Flag:
      if (trimmed != "true" && !table.Key(field.key)) return std::nullopt;
      return trimmed == "true" ? std::string("true") : std::string("false");
    case FieldType::Number:
      if (trimmed.empty()) return std::nullopt;
      return LooksNumeric(trimmed) && trimmed.find('.') == std::string::npos ? trimmed : TomlValue(trimmed);
    case FieldType::Object: {
      const TomlKeySpan* old = table.Key("object");
      const bool wasBare = old && m_doc.Text()[old->valueBegin] != '"' && m_doc.Text()[old->valueBegin] != '\'';
      const Relation* relation = deck.FindRelation(Get(table, "relation"));
      const bool numeric =
          relation && (relation->objectType == ValueType::Number || relation->objectType == ValueType::Year);
      if (LooksNumeric(trimmed) && (wasBare || numeric)) return trimmed;
      return TomlValue(trimmed);
    }
    default:
      if (trimmed.empty() && !field.required) return std::nullopt;
      return TomlValue(field.type == FieldType::Text ? trimmed : trimmed);
    }
  }

  // The last table of `kind`, else the last item's, else -1 (the end of the file).
  std::ptrdiff_t LastOf(ItemKind kind, const std::vector<EditItem>& items) const {
    std::ptrdiff_t last = -1;
    for (const EditItem& item : items)
      if (item.kind == kind) last = static_cast<std::ptrdiff_t>(item.place);
    return last;
  }

  TomlDocument m_doc;
};

} // namespace

std::unique_ptr<DeckDocument> MakeTomlDocument(std::string text) {
  return std::make_unique<TomlDeckDocument>(std::move(text));
}

const char* ItemKindLabel(ItemKind kind) {
  switch (kind) {
  case ItemKind::Deck: return "Deck settings";
  case ItemKind::Source: return "Source";
  case ItemKind::Relation: return "Relation";
  case ItemKind::Entity: return "Entity";
  case ItemKind::Event: return "Event";
  case ItemKind::Fact: return "Fact";
  case ItemKind::Card: return "Card";
  case ItemKind::Choice: return "Question";
  }
  return "";
}

const char* ItemKindName(ItemKind kind) {
  switch (kind) {
  case ItemKind::Deck: return "deck";
  case ItemKind::Source: return "source";
  case ItemKind::Relation: return "relation";
  case ItemKind::Entity: return "entity";
  case ItemKind::Event: return "event";
  case ItemKind::Fact: return "fact";
  case ItemKind::Card: return "card";
  case ItemKind::Choice: return "choice";
  }
  return "";
}

std::optional<ItemKind> ItemKindNamed(std::string_view name) {
  for (ItemKind kind : kAllItemKinds)
    if (name == ItemKindName(kind)) return kind;
  return std::nullopt;
}

bool ApplyAll(DeckDocument& document, std::vector<TextEdit> edits, std::vector<TextEdit>* applied) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.at > b.at; });
  std::vector<TextEdit> done;
  for (const TextEdit& edit : edits) {
    if (!document.Apply(edit)) {
      for (auto it = done.rbegin(); it != done.rend(); ++it)
        document.Apply(it->Inverse());
      return false;
    }
    done.push_back(edit);
  }
  if (applied) *applied = std::move(done);
  return true;
}

} // namespace factdeck::edit
