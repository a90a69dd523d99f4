// Advice on a whole deck: facts no question can ask and why, free texts that read as
// something else, and the message when nothing can be asked.
#include <algorithm>

#include "core/questions/question_parts.h"

namespace factdeck {

using namespace question_parts;

std::vector<UnaskedFact> UnaskedFacts(const Deck& deck, const QuestionGenerator& generator) {
  std::unordered_map<std::string, size_t> kindCounts;
  for (const Entity& e : deck.entities)
    ++kindCounts[e.kind];
  std::unordered_map<std::string, std::unordered_set<std::string>> textValues; // relation -> folded values
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text)
      textValues[f.relation].insert(Fold(f.object.text));
    else if (f.object.type == ValueType::Picture)
      textValues[f.relation].insert(f.object.text);
  std::vector<UnaskedFact> unasked;
  for (const Fact& f : deck.facts) {
    std::string forwardWhy, reverseWhy; // a rule of fairness that refused it, each way
    if (generator.Asks(QuestionKind::MultipleChoice, f.id, &forwardWhy) ||
        generator.Asks(QuestionKind::MultipleChoiceReverse, f.id, &reverseWhy))
      continue;
    const Relation* r = deck.FindRelation(f.relation);
    if (r == nullptr) continue;
    const std::string answer = deck.Display(f.object, r);
    const std::string prompt = Fill(r->question, "subject", deck.NameOf(f.subject));
    std::string reason;
    if (ContainsWords(Fold(prompt), Fold(answer)))
      reason = "its answer stands in the question (\u201C" + prompt + "\u201D: " + answer + ")";
    else if (!forwardWhy.empty())
      reason = forwardWhy;
    else if (f.object.type == ValueType::Entity && kindCounts[r->objectKind] < kOptions)
      reason = "only " + std::to_string(kindCounts[r->objectKind]) + " entities of kind '" + r->objectKind +
               "' (a question offers " + std::to_string(kOptions) + ")";
    else if (f.object.type == ValueType::Text && textValues[f.relation].size() < kOptions)
      reason = "only " + std::to_string(textValues[f.relation].size()) +
               (textValues[f.relation].size() == 1 ? " value" : " different values") + " of '" + f.relation +
               "' (a question offers " + std::to_string(kOptions) + "); make it a card, or a relation to entities";
    else if (f.object.type == ValueType::Picture && textValues[f.relation].size() < kOptions)
      reason = "only " + std::to_string(textValues[f.relation].size()) + " pictures for '" + f.relation +
               "' (a question offers " + std::to_string(kOptions) + ")";
    else if (f.object.type == ValueType::Picture)
      reason = "fewer than three other subjects have a picture for '" + f.relation +
               "' that differs from it pixel for pixel, or its picture cannot be read";
    else if (f.object.type == ValueType::Number && f.object.bound != NumberBound::Exact)
      reason = "the bound is too small for ranges it makes false";
    else
      reason = "no three options could be found that the deck does not also state of " + deck.NameOf(f.subject);
    if (!reverseWhy.empty())
      reason += "; " + reverseWhy;
    else if (r->reverse.empty() && f.object.type == ValueType::Entity && !generator.SameForWholeKind(f))
      reason += "; the relation has no reverse question (reverse = \"...{object}...\") to ask it the other way round";
    else if (f.object.type == ValueType::Entity && ContainsWords(Fold(deck.NameOf(f.subject)), Fold(answer)))
      reason += "; asked the other way round (\u201C" + Fill(r->reverse, "object", answer) + "\u201D) its answer, " +
                deck.NameOf(f.subject) + ", names " + answer + " too";
    unasked.push_back({&f, reason});
  }
  return unasked;
}

std::vector<UnaskedEvent> UnaskedEvents(const Deck& deck, const QuestionGenerator& generator) {
  std::vector<UnaskedEvent> unasked;
  for (const Event& e : deck.events) {
    std::vector<std::string> reasons; // each kind's, once
    bool asked = false;
    for (QuestionKind kind : {QuestionKind::When, QuestionKind::TypedYear, QuestionKind::Ordering}) {
      std::string why;
      if (generator.Asks(kind, e.id, &why)) {
        asked = true;
        break;
      }
      if (!why.empty() && std::find(reasons.begin(), reasons.end(), why) == reasons.end()) reasons.push_back(why);
    }
    if (asked || generator.Asks(QuestionKind::WhichFirst, e.id)) continue;
    std::string reason;
    for (const std::string& r : reasons)
      reason += (reason.empty() ? "" : "; ") + r;
    if (reason.empty())
      reason = deck.EventNamedAlike(static_cast<size_t>(&e - deck.events.data()))
                   ? "another event has the same name"
                   : "its date cannot be asked in any form";
    unasked.push_back({&e, reason});
  }
  return unasked;
}

std::vector<Diagnostic> FreeTextWarnings(const Deck& deck) {
  std::vector<Diagnostic> out;
  auto warn = [&](const Fact& f, std::string message) {
    out.push_back({Severity::Warning, deck.file, f.pos, std::move(message)});
  };
  // Much the same as another subject's value of the relation (relations of up to 2,000
  // values: the comparison is of every pair).
  std::unordered_map<std::string, std::vector<const Fact*>> byRelation;
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Text && f.accordingTo.empty()) byRelation[f.relation].push_back(&f);
  constexpr size_t kMaxValuesCompared = 2000;
  for (const auto& [relation, facts] : byRelation) {
    if (facts.size() > kMaxValuesCompared) continue;
    std::vector<std::vector<std::string>> words;
    for (const Fact* f : facts)
      words.push_back(ContentWords(f->object.text));
    for (size_t i = 0; i < facts.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        // The same value of two subjects is a category they share ("Southern Europe"), which
        // questions know: only different values that read alike are a problem.
        if (facts[i]->subject != facts[j]->subject && Fold(facts[i]->object.text) != Fold(facts[j]->object.text) &&
            MuchTheSame(words[i], words[j])) {
          warn(*facts[i], "'" + facts[i]->object.text + "' says much the same as what line " +
                              std::to_string(facts[j]->pos.line) + " says of " + deck.NameOf(facts[j]->subject) +
                              ": neither can be a wrong answer about the other; say what tells them apart");
          break;
        }
  }
  // Names an entity that typed facts link to other subjects of the same kind as well.
  const NamingWords naming = DistinctiveNameWords(deck);
  std::unordered_map<std::string, std::vector<std::string>> linked; // entity -> subjects linked to it
  for (const Fact& f : deck.facts)
    if (f.object.type == ValueType::Entity) {
      linked[f.object.entity].push_back(f.subject);
      linked[f.subject].push_back(f.object.entity);
    }
  for (const Fact& f : deck.facts) {
    if (f.object.type != ValueType::Text) continue;
    const Entity* subject = deck.FindEntity(f.subject);
    if (subject == nullptr) continue;
    std::vector<size_t> named;
    for (const std::string& w : WordsOf(Fold(f.object.text))) {
      auto it = naming.entitiesByWord.find(w);
      if (it == naming.entitiesByWord.end()) continue;
      for (size_t i : it->second)
        if (std::find(named.begin(), named.end(), i) == named.end()) named.push_back(i);
    }
    for (size_t i : named) {
      const Entity& e = deck.entities[i];
      if (e.id == f.subject) continue;
      size_t others = 0;
      for (const std::string& s : linked[e.id]) {
        const Entity* other = deck.FindEntity(s);
        others += s != f.subject && other != nullptr && other->kind == subject->kind;
      }
      if (others > 0)
        warn(f, "'" + f.object.text + "' names " + e.name + ", which the deck links to " + std::to_string(others) +
                    (others == 1 ? " other entity" : " other entities") + " of kind '" + subject->kind +
                    "' as well: it may be true of them; a typed fact (trained at, commanded) says it so that "
                    "questions can check it");
    }
  }
  std::sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos.line < b.pos.line; });
  return out;
}

std::string NothingToAskMessage(const Deck& deck, const std::vector<QuestionKind>& kinds, const std::string& tags) {
  std::string kindNames;
  for (size_t i = 0; i < kinds.size(); ++i)
    kindNames += std::string(i == 0                  ? ""
                             : i + 1 == kinds.size() ? " or "
                                                     : ", ") +
                 "\"" + QuestionKindLabel(kinds[i]) + "\"";
  std::string message = "No " + (kindNames.empty() ? std::string("question") : kindNames + " question") +
                        " can be made from this deck" + (tags.empty() ? "" : " with the tags \"" + tags + "\"") + ". ";
  const DeckSummary s = Summarize(deck);
  message += "It has " + std::to_string(s.facts) + " facts, " + std::to_string(s.events) + " dated events, " +
             std::to_string(s.cards) + " cards and " + std::to_string(s.choices) + " written questions. ";
  message += "Multiple choice needs facts with at least four values of their type, or at least four cards whose "
             "answers are alike (all names, all numbers, all dates, in one script); when, which-first and ordering "
             "need dated events that can be told apart.";
  return message;
}

} // namespace factdeck
