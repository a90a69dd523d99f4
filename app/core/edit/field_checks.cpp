// Checks made while a field is typed in the editor, before the deck is read again: cheap
// enough for every frame, and saying at the field what `check` would say about it.
#include "core/deck/numbers.h"
#include "core/edit/edit_session.h"
#include "core/edit/toml_document.h"

namespace factdeck::edit {

namespace {

std::string Trim(const std::string& text) {
  const size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
}

const char* PrecisionWords(DatePrecision precision) {
  switch (precision) {
  case DatePrecision::Day: return "to the day";
  case DatePrecision::Month: return "to the month";
  case DatePrecision::Season: return "to the season";
  case DatePrecision::Year: return "to the year";
  case DatePrecision::Decade: return "to the decade";
  case DatePrecision::Century: return "to the century";
  case DatePrecision::Millennium: return "to the millennium";
  }
  return "";
}

// A date as typed: how FactDeck reads it, or why it cannot.
FieldMessage DateReading(const std::string& key, const std::string& text) {
  const std::string lower = Trim(text);
  if (key == "end" && (lower == "present" || lower == "ongoing"))
    return {FieldMessage::Level::Info, key, "Reads as: not over yet"};
  Event e;
  if (std::string why = SetEventDate(e, text); !why.empty()) return {FieldMessage::Level::Error, key, why};
  std::string reading = "Reads as: " + EventWhen(e) + " (known " + PrecisionWords(e.date.precision);
  if (e.date.circa) reading += ", about";
  if (e.date.doubt != DateDoubt::None) reading += ", uncertain";
  return {FieldMessage::Level::Info, key, reading + ")"};
}

// An answer typed for a fact's relation.
std::optional<FieldMessage> ObjectProblem(const Deck& deck, const Relation& relation, const std::string& text) {
  auto error = [](std::string why) { return FieldMessage{FieldMessage::Level::Error, "object", std::move(why)}; };
  switch (relation.objectType) {
  case ValueType::Entity:
    if (!deck.FindEntity(text))
      return error("no entity has the id \"" + text + "\" (the relation's answers are of kind " + relation.objectKind +
                   ")");
    break;
  case ValueType::Number: {
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    if ((end == nullptr || *end != '\0') && !ParseBoundedNumber(text))
      return error("\"" + text + "\" is not a number (or a bound: more than 100, about 450)");
    break;
  }
  case ValueType::Year:
  case ValueType::Date: return DateReading("object", text);
  default: break;
  }
  return std::nullopt;
}

} // namespace

std::vector<FieldMessage> EditSession::CheckFields(size_t item,
                                                   const std::map<std::string, std::string>& fields) const {
  std::vector<FieldMessage> out;
  if (item >= m_items.size()) return out;
  const EditItem& it = m_items[item];
  const Deck& deck = *m_deck;
  auto value = [&](const std::string& key) {
    auto v = fields.find(key);
    return Trim(v != fields.end() ? v->second : Field(item, key));
  };
  auto error = [&](const std::string& key, std::string text) {
    out.push_back(FieldMessage{FieldMessage::Level::Error, key, std::move(text)});
  };
  for (const FieldInfo& f : Fields(item)) {
    const std::string text = value(f.key);
    if (text.empty()) {
      if (f.required) error(f.key, f.label + " is needed");
      continue;
    }
    switch (f.type) {
    case FieldType::Date: out.push_back(DateReading(f.key, text)); break;
    case FieldType::Subject:
      if (!deck.FindEntity(text) && !deck.FindEvent(text))
        error(f.key, "no entity or event has the id \"" + text + "\"");
      break;
    case FieldType::Relation:
      if (!deck.FindRelation(text)) error(f.key, "no relation has the id \"" + text + "\"");
      break;
    case FieldType::Source:
      if (!deck.FindSource(text)) error(f.key, "no source has the id \"" + text + "\"");
      break;
    case FieldType::Object:
      if (const Relation* r = deck.FindRelation(value("relation")))
        if (auto problem = ObjectProblem(deck, *r, text)) out.push_back(std::move(*problem));
      break;
    case FieldType::Number: {
      char* end = nullptr;
      const long n = std::strtol(text.c_str(), &end, 10);
      if (end == nullptr || *end != '\0')
        error(f.key, "a whole number, please");
      else if (f.key == "seconds" && (n < kMinChoiceSeconds || n > kMaxChoiceSeconds))
        error(f.key, "between " + std::to_string(kMinChoiceSeconds) + " and " + std::to_string(kMaxChoiceSeconds) +
                         " seconds");
      break;
    }
    default: break;
    }
  }
  if (it.kind == ItemKind::Choice && !Rows()) {
    Choice c;
    c.question = value("question");
    c.answers = FieldEntries(value("answer"));
    c.wrong = FieldEntries(value("wrong"));
    for (std::string& problem : ChoiceProblems(c))
      error("wrong", std::move(problem));
    if (std::string warning = ChoiceAnswerInQuestion(c); !warning.empty())
      out.push_back(FieldMessage{FieldMessage::Level::Warning, "question", warning});
  }
  return out;
}

} // namespace factdeck::edit
