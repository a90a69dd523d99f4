#include "core/deck/deck_writer.h"

#include <cstdio>

namespace factdeck {

std::string TomlString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
        out += escape;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

namespace {

class Writer {
public:
  std::string Take() { return std::move(m_out); }

  void Table(const char* header) {
    if (!m_out.empty()) m_out += '\n';
    m_out += header;
    m_out += '\n';
  }

  void Key(const char* key, const std::string& value, bool always = false) {
    if (value.empty() && !always) return;
    m_out += key;
    m_out += " = ";
    m_out += TomlString(value);
    m_out += '\n';
  }

  void List(const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    m_out += key;
    m_out += " = [";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) m_out += ", ";
      m_out += TomlString(values[i]);
    }
    m_out += "]\n";
  }

  void Raw(const char* key, const std::string& literal) {
    m_out += key;
    m_out += " = ";
    m_out += literal;
    m_out += '\n';
  }

private:
  std::string m_out;
};

std::string ObjectLiteral(const Value& value) {
  switch (value.type) {
  case ValueType::Entity: return TomlString(value.entity);
  case ValueType::Text:
  case ValueType::Picture: return TomlString(value.text);
  case ValueType::Number: // as written in the file: a TOML integer or float, or a bound as a string
    return value.bound == NumberBound::Exact ? value.text : TomlString(value.text);
  case ValueType::Year:
  case ValueType::Date: return TomlString(value.date.Canonical());
  }
  return TomlString(value.text);
}

} // namespace

std::string FormatDeckToml(const Deck& deck) {
  Writer w;
  w.Table("[deck]");
  w.Key("id", deck.id, true);
  w.Key("title", deck.title, true);
  w.Key("language", deck.language);
  w.Key("description", deck.description);
  if (!deck.cardsForward || !deck.cardsReverse) {
    std::string directions = deck.cardsForward ? "\"forward\"" : deck.cardsReverse ? "\"reverse\"" : "";
    w.Raw("card_directions", "[" + directions + "]");
  }
  for (const DeckSource& s : deck.sources) {
    w.Table("[[deck.source]]");
    w.Key("id", s.id, true);
    w.Key("title", s.title, true);
    w.Key("author", s.author);
    w.Key("kind", s.kind);
    w.Key("url", s.url);
  }
  auto picture = [&](const Picture& p) {
    w.Key("image", p.path);
    w.Key("image_credit", p.credit);
  };
  for (const Entity& e : deck.entities) {
    w.Table("[[entity]]");
    w.Key("id", e.id, true);
    w.Key("name", e.name, true);
    w.Key("kind", e.kind, true);
    w.List("aliases", e.aliases);
    w.Key("description", e.description);
    w.List("tags", e.tags);
    w.Key("source", e.source);
    w.List("renamed_from", e.renamedFrom);
    picture(e.picture);
  }
  for (const Event& e : deck.events) {
    w.Table("[[event]]");
    w.Key("id", e.id, true);
    w.Key("name", e.name, true);
    w.Key("date", e.date.Canonical(), true);
    if (e.end) w.Key("end", e.end->Canonical());
    if (e.ongoing) w.Key("end", std::string("present"));
    w.Key("place", e.placeEntity.empty() ? e.place : e.placeEntity);
    w.List("tags", e.tags);
    w.Key("source", e.source);
    w.Key("note", e.note);
    w.List("renamed_from", e.renamedFrom);
    picture(e.picture);
  }
  for (const Relation& r : deck.relations) {
    w.Table("[[relation]]");
    w.Key("id", r.id, true);
    w.Key("question", r.question, true);
    w.Key("reverse", r.reverse);
    w.Key("object", r.objectType == ValueType::Entity ? r.objectKind : ValueTypeName(r.objectType), true);
    w.Key("subject", r.subjectKind);
    w.Key("unit", r.unit);
    if (r.many) w.Raw("many", "true");
    if (r.showImage != Relation::ShowImage::Prompt)
      w.Key("show_image", std::string(r.showImage == Relation::ShowImage::None ? "none" : "options"));
  }
  for (const Fact& f : deck.facts) {
    w.Table("[[fact]]");
    w.Key("id", f.id);
    w.Key("subject", f.subject, true);
    w.Key("relation", f.relation, true);
    w.Raw("object", ObjectLiteral(f.object));
    if (f.object.type == ValueType::Picture) w.Key("image_credit", f.picture.credit);
    w.Key("source", f.source);
    w.Key("according_to", f.accordingTo);
    w.Key("note", f.note);
    w.List("renamed_from", f.renamedFrom);
  }
  for (const Card& c : deck.cards) {
    w.Table("[[card]]");
    w.Key("id", c.id);
    w.Key("front", c.front, true);
    w.Key("back", c.back, true);
    if (c.cloze) w.Raw("cloze", "true");
    w.List("tags", c.tags);
    w.Key("source", c.source);
    picture(c.picture);
  }
  for (const Choice& c : deck.choices) {
    w.Table("[[choice]]");
    w.Key("id", c.id);
    w.Key("question", c.question, true);
    if (c.answers.size() == 1)
      w.Key("answer", c.answers[0], true);
    else
      w.List("answer", c.answers);
    w.List("wrong", c.wrong);
    w.Key("explanation", c.explanation);
    if (c.seconds > 0) w.Raw("seconds", std::to_string(c.seconds));
    w.List("tags", c.tags);
    w.Key("source", c.source);
    picture(c.picture);
  }
  return w.Take();
}

} // namespace factdeck
