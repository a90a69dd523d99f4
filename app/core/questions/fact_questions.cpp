// Typed facts as questions: forward ("What did X make?") with entity, picture, text, number
// and date options, and in reverse ("Which of these did X make?").
#include "core/questions/question_parts.h"

#include <algorithm>
#include <cmath>

#include "core/deck/picture_file.h"

namespace factdeck::question_parts {

std::optional<Question> Builder::Forward(const Fact& f) {
  const Relation* r = deck.FindRelation(f.relation);
  if (r == nullptr) return std::nullopt;
  Question q;
  q.kind = QuestionKind::MultipleChoice;
  q.items = {f.id};
  q.prompt = Attributed(Fill(r->question, "subject", deck.NameOf(f.subject)), deck.Attribution(f.accordingTo));
  const bool picture = f.object.type == ValueType::Picture;
  const std::string right = picture ? std::string() : deck.Display(f.object, r);
  const std::string& kind = KindOfItem(deck, f.subject);
  if (auto wide = x.kindWide.find(Join(f.relation, kind)); wide != x.kindWide.end()) {
    Refuse("every " + kind + " in the deck with '" + f.relation + "' has " + deck.NameOf(wide->second) +
           ": asking it of each teaches only the kind, and no " + kind +
           " known not to have it can be set against it in reverse");
    return std::nullopt;
  }
  bool made = false;
  switch (f.object.type) {
  case ValueType::Entity: made = ForwardEntityOptions(q, f, r, right); break;
  case ValueType::Text: made = ForwardTextOptions(q, f, right); break;
  case ValueType::Number: made = ForwardNumberOptions(q, f, r, right); break;
  case ValueType::Year:
  case ValueType::Date: made = ForwardDateOptions(q, f, r, right); break;
  case ValueType::Picture: made = ForwardPictureOptions(q, f); break;
  }
  if (!made) return std::nullopt;
  // The subject's picture: the answer is the object. Not over picture options, which may
  // show the same picture (a country's own picture may be its flag).
  if (r->showImage == Relation::ShowImage::Prompt && !picture) q.image = PictureOf(f.subject);
  // A relation with many objects: the others are right too, and the explanation says so
  // ("Volvo; also Scania and Saab"), so that one is not read as the only one.
  std::vector<std::string> others;
  if (r->many && !picture)
    if (auto same = x.factsBySubjectRelation.find(Join(f.subject, f.relation)); same != x.factsBySubjectRelation.end())
      for (size_t i : same->second)
        if (const Fact& g = deck.facts[i]; &g != &f && g.accordingTo == f.accordingTo)
          others.push_back(deck.Display(g.object, r));
  std::string also;
  for (size_t i = 0; i < others.size(); ++i)
    also += (i == 0 ? "; also " : i + 1 == others.size() ? " and " : ", ") + others[i];
  // One object (a relation with many may have more than the deck lists) and words for it:
  // the prompt can be asked without options.
  if (!picture && !r->many) {
    q.answerText = right;
    q.recallable = true;
  }
  q.explanation = deck.NameOf(f.subject) + (picture ? "" : ": " + right + also) +
                  (f.accordingTo.empty() ? "" : " (according to " + deck.Attribution(f.accordingTo) + ")") +
                  (f.note.empty() ? "" : ". " + f.note);
  q.source = Cite(f.source);
  return q;
}

// Options naming entities of the object's kind that a student who knows what the subject
// is could still believe (docs/questions.md): first what the relation gives other subjects
// of the subject's kind, then entities sharing a tag with the subject or the answer, then
// the rest of the kind, except the implausible: what the relation gives only subjects of
// other kinds (a harbour offered for a railway), and entities whose tags share none
// with the subject's or the answer's (a mine among airfields). None sharing a
// name's letters with the prompt unless the answer does too. False when there are too few.
bool Builder::NamesAnother(const std::string& text, const std::unordered_set<std::string>& kindWords,
                           const std::vector<std::string>& ownWords) {
  for (const std::string& w : NameWords(text)) {
    if (std::find(ownWords.begin(), ownWords.end(), w) != ownWords.end()) continue;
    // The word, or the name it was made from by an ending of up to three letters ("omani").
    for (size_t cut = 0; cut <= 3 && w.size() >= cut + 4; ++cut) {
      const std::string stem = w.substr(0, w.size() - cut);
      const bool named =
          kindWords.count(stem) != 0 || (w.size() >= stem.size() + 2 && kindWords.count("~" + stem) != 0);
      if (named &&
          std::none_of(ownWords.begin(), ownWords.end(), [&](const std::string& o) { return o.rfind(stem, 0) == 0; }))
        return true;
    }
  }
  return false;
}

std::unordered_map<std::string_view, int> Builder::AlikeSubjects(const Fact& f) const {
  // A value most subjects share says little of likeness, and would cost a scan of them all.
  constexpr size_t kMaxSharing = 200;
  std::unordered_map<std::string_view, int> shared;
  auto mine = x.valueFactsBySubject.find(f.subject);
  if (mine == x.valueFactsBySubject.end()) return shared;
  for (size_t i : mine->second) {
    const Fact& g = deck.facts[i];
    if (g.relation == f.relation) continue;
    const auto& values = x.factsByRelationValue.at(g.relation);
    auto group = values.find(g.object.type == ValueType::Entity ? g.object.entity : g.object.text);
    if (group == values.end() || group->second.size() > kMaxSharing) continue;
    for (size_t j : group->second)
      if (deck.facts[j].subject != f.subject) ++shared[deck.facts[j].subject];
  }
  return shared;
}

bool Builder::ForwardEntityOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
  const std::string subjectRelation = Join(f.subject, f.relation);
  const std::string& subjectKind = KindOfItem(deck, f.subject);
  // Every object the deck gives this subject, and their other names, is true.
  std::vector<std::string> trueFolds;
  for (size_t i : x.factsBySubjectRelation.at(subjectRelation))
    for (const std::string& fold : FoldsOf(deck.facts[i].object.entity))
      trueFolds.push_back(fold);
  std::vector<std::string> topicTags = TagsOfItem(deck, f.subject);
  for (const std::string& t : TagsOfItem(deck, f.object.entity))
    topicTags.push_back(t);
  auto plausible = [&](const std::string& id) {
    auto kinds = x.subjectKindsByRelationObject.find(Join(f.relation, id));
    if (kinds != x.subjectKindsByRelationObject.end() &&
        std::find(kinds->second.begin(), kinds->second.end(), subjectKind) == kinds->second.end())
      return false;
    const Entity* e = deck.FindEntity(id); // of the object's kind
    return e == nullptr || e->tags.empty() || topicTags.empty() || SharesTag(e->tags, topicTags);
  };
  std::vector<std::string> preferred = x.objectsByRelationKind.at(Join(f.relation, subjectKind));
  size_t ranked = 0;
  // First what the relation gives the subjects most like this one (AlikeSubjects), the most
  // alike first: a student who knows the subject's region or maker cannot rule those out.
  if (const auto alike = AlikeSubjects(f); !alike.empty()) {
    std::vector<std::pair<std::string_view, int>> bySimilarity(alike.begin(), alike.end());
    std::sort(bySimilarity.begin(), bySimilarity.end()); // a fixed order before the seed's
    random.Shuffle(bySimilarity);
    std::stable_sort(bySimilarity.begin(), bySimilarity.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> first;
    for (const auto& [subject, count] : bySimilarity)
      if (auto facts = x.factsBySubjectRelation.find(Join(std::string(subject), f.relation));
          facts != x.factsBySubjectRelation.end())
        for (size_t i : facts->second)
          if (deck.facts[i].object.type == ValueType::Entity) first.push_back(deck.facts[i].object.entity);
    preferred.insert(preferred.begin(), first.begin(), first.end());
    ranked = first.size();
  }
  if (!topicTags.empty())
    if (auto kind = x.entitiesByKind.find(r->objectKind); kind != x.entitiesByKind.end()) {
      std::vector<std::string> tagged;
      for (size_t i : Sample(kind->second))
        if (SharesTag(deck.entities[i].tags, topicTags)) tagged.push_back(deck.entities[i].id);
      preferred.insert(preferred.end(), tagged.begin(), tagged.end());
    }
  // The question without its attribution: an author's name is no clue to the answer.
  const PromptLetters letters(Fill(r->question, "subject", deck.NameOf(f.subject)));
  const bool answerShares = letters.SharedBy(right);
  // Nor one naming another subject of the kind ("Iceland krona" as Austria's currency) when
  // the answer names none: it rules itself out.
  const auto namesOne = NamesAnotherOfKind(subjectKind, f.subject);
  const bool answerNamesOne = namesOne(right);
  auto ids = EntityDistractors(
      r->objectKind, preferred, trueFolds, f.subject,
      [&](const std::string& id) {
        Value v;
        v.type = ValueType::Entity;
        v.entity = id;
        return Stated(f, v) || x.linkedPairs.count(Join(f.subject, id)) != 0 || !plausible(id) ||
               letters.SharedBy(deck.NameOf(id)) != answerShares || (!answerNamesOne && namesOne(deck.NameOf(id)));
      },
      ranked);
  if (ids.size() < kOptions - 1)
    return Refuse(answerShares
                      ? "its answer, " + right + ", shares letters with the question and too few wrong options do"
                      : "fewer than three plausible wrong options: " + r->objectKind + " entities that '" + f.relation +
                            "' gives no kind but " + subjectKind + " and whose tags (if any) " + "share one with " +
                            deck.NameOf(f.subject) + " or " + right);
  std::vector<std::string> names;
  for (const std::string& id : ids)
    names.push_back(deck.NameOf(id));
  q = Shuffled(q, right, names);
  if (r->showImage == Relation::ShowImage::Options) OptionPictures(q, f.object.entity, ids);
  return true;
}

// show_image = "options": each option entity's picture, when every option has one and no
// two show the same pixels (then the words alone). `ids` are the distractors, in order.
void Builder::OptionPictures(Question& q, const std::string& rightId, std::vector<std::string> ids) {
  ids.insert(ids.begin() + q.answer, rightId);
  std::vector<std::string> files;
  std::vector<std::uint64_t> seen;
  for (const std::string& id : ids) {
    std::string file = PictureOf(id);
    if (file.empty()) return;
    const auto pixels = PicturePixels(file);
    if (!pixels || std::find(seen.begin(), seen.end(), *pixels) != seen.end()) return;
    seen.push_back(*pixels);
    files.push_back(std::move(file));
  }
  q.optionImages = std::move(files);
}

// Other subjects' pictures for an image relation ("Which of these is the flag of
// Chile?"), each under the name of whose it is: none the subject's own (by file or by
// pixels), no two alike, no two of one subject; false when there are too few.
bool Builder::ForwardPictureOptions(Question& q, const Fact& f) {
  const std::string rightFile = deck.PictureFile(f.picture).string();
  const auto rightPixels = PicturePixels(rightFile);
  if (!rightPixels) return false;
  // Every picture the deck gives this subject for the relation is right.
  std::vector<std::uint64_t> truePixels;
  for (size_t i : x.factsBySubjectRelation.at(Join(f.subject, f.relation)))
    if (auto p = PicturePixels(deck.PictureFile(deck.facts[i].picture))) truePixels.push_back(*p);
  // Candidates in random order (up to 64 of a large relation), those sharing a tag with the
  // subject first: a striped flag against other striped flags.
  const std::vector<size_t>& all = x.factsByRelation.at(f.relation);
  std::vector<size_t> order;
  if (all.size() <= 64) {
    order = all;
  } else {
    for (size_t n = 0; n < 64; ++n)
      order.push_back(all[random.Below(all.size())]);
  }
  random.Shuffle(order);
  const std::vector<std::string>& tags = TagsOfItem(deck, f.subject);
  std::stable_partition(order.begin(), order.end(), [&](size_t i) {
    const std::vector<std::string>& theirs = TagsOfItem(deck, deck.facts[i].subject);
    return std::any_of(theirs.begin(), theirs.end(),
                       [&](const std::string& t) { return std::find(tags.begin(), tags.end(), t) != tags.end(); });
  });
  std::vector<std::string> captions, files, subjects{f.subject};
  std::vector<std::uint64_t> chosenPixels;
  for (size_t n = 0; n < order.size() && files.size() < kOptions - 1; ++n) {
    const Fact& other = deck.facts[order[n]];
    if (std::find(subjects.begin(), subjects.end(), other.subject) != subjects.end() || Stated(f, other.object))
      continue;
    std::string file = deck.PictureFile(other.picture).string();
    const auto pixels = PicturePixels(file);
    if (!pixels || std::find(truePixels.begin(), truePixels.end(), *pixels) != truePixels.end() ||
        std::find(chosenPixels.begin(), chosenPixels.end(), *pixels) != chosenPixels.end())
      continue;
    subjects.push_back(other.subject);
    captions.push_back(deck.NameOf(other.subject));
    files.push_back(std::move(file));
    chosenPixels.push_back(*pixels);
  }
  if (files.size() < kOptions - 1) return false;
  q = Shuffled(q, deck.NameOf(f.subject), captions);
  files.insert(files.begin() + q.answer, rightFile);
  q.optionImages = std::move(files);
  q.picturesOnly = true;
  return true;
}

// Other subjects' texts for the relation, none saying much the same as the answer or as
// each other; false when there are too few.
bool Builder::ForwardTextOptions(Question& q, const Fact& f, const std::string& right) {
  auto it = x.textsByRelation.find(f.relation);
  if (it == x.textsByRelation.end()) return false;
  const std::vector<IndexedText>& texts = it->second;
  std::vector<std::uint32_t> order(texts.size());
  for (std::uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  random.Shuffle(order);
  // What is said of subjects most like this one first: the most tags in common (a French
  // painter's role against other French painters' roles, not a Dutch sculptor's), then the
  // most facts in common (AlikeSubjects: a capital of the same region).
  // Before both, texts that look like the answer (FormAlike: "+44" against other codes of
  // two digits, a phrase against phrases).
  const std::vector<std::string>& subjectTags = TagsOfItem(deck, f.subject);
  const auto alike = AlikeSubjects(f);
  const TextForm rightForm = FormOf(right);
  std::vector<size_t> shared(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    auto a = alike.find(*texts[i].subject);
    shared[i] = 1000000 * static_cast<size_t>(FormAlike(rightForm, texts[i].form) >= 4) +
                (subjectTags.empty() ? 0 : 1000 * SharedTags(subjectTags, *texts[i].subjectTags)) +
                static_cast<size_t>(a == alike.end() ? 0 : a->second);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return shared[a] > shared[b]; });
  const std::vector<std::string> rightWords = ContentWords(right);
  const PromptLetters letters(q.prompt);
  const bool answerShares = letters.SharedBy(right);
  const std::string& subjectKind = KindOfItem(deck, f.subject);
  const auto namesOne = NamesAnotherOfKind(subjectKind, f.subject); // as for entities
  const bool answerNamesOne = namesOne(right);
  std::vector<const IndexedText*> chosen;
  for (std::uint32_t i : order) {
    if (chosen.size() == kOptions - 1) break;
    const IndexedText& t = texts[i];
    Value v;
    v.type = ValueType::Text;
    v.text = t.text;
    if (Stated(f, v) || MuchTheSame(t.words, rightWords) || MayDescribe(t.text, f.subject) ||
        letters.SharedBy(t.text) != answerShares || (!answerNamesOne && namesOne(t.text)))
      continue;
    // Nor two distractors saying the same thing: options should each say something else.
    if (std::any_of(chosen.begin(), chosen.end(), [&](const IndexedText* c) { return MuchTheSame(t.words, c->words); }))
      continue;
    chosen.push_back(&t);
  }
  if (chosen.size() < kOptions - 1) return false;
  // An answer of a form few others have ("Ciudad de la Paz" among one-word capitals, a list
  // among single codes) stands out: not asked so. Prose (four words or more) is read for
  // what it says, its commas and figures are no such mark.
  std::vector<TextForm> chosenForms;
  for (const IndexedText* t : chosen)
    chosenForms.push_back(t->form);
  if ((rightForm.key & 7u) <= 3 && !FormsFit(rightForm, chosenForms)) // a name or code, not prose
    return Refuse("its answer, " + right +
                  ", is written unlike what the relation says of others (its words, marks, capitals or digits): "
                  "it would stand out");
  std::vector<std::string> options;
  for (const IndexedText* t : chosen)
    options.push_back(t->text);
  q = Shuffled(q, right, options);
  return true;
}

// True when free `text` names an entity a typed fact links to `subject`, so that it may be
// true of that subject too ("Legate who served in Gaul" of anyone who served there).
bool Builder::MayDescribe(const std::string& text, const std::string& subject) const {
  auto it = x.linkedNames.find(subject);
  if (it == x.linkedNames.end()) return false;
  const std::string folded = Fold(text);
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const std::string& w) { return ContainsWords(folded, w); });
}

// An approximation ("about 450") against figures of its precision at least twice as far
// (docs/questions.md); false when there are too few, or for a one-sided bound.
bool Builder::BoundedNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
  // A one-sided bound ("more than 100") is open at one end, and every false option lies
  // beyond its other side: it would always be the open-ended option at one end of the
  // list, which a student picks without knowing anything.
  if (f.object.bound != NumberBound::About)
    return Refuse("a bound (\u201C" + right + "\u201D) would be the only open-ended option, always at one end");
  const double n = f.object.number;
  const std::string unit = r != nullptr && !r->unit.empty() ? " " + r->unit : "";
  // Each option with where it starts on the number line, to show them in order.
  std::vector<std::pair<double, std::string>> options = {{n, right}};
  // Figures of the answer's precision ("about 140": two significant digits), at least
  // twice as far as it, below half and above twice it; as many below as the seed
  // chooses among what the answer allows, so that it is at either end as often as
  // chance has it. A whole figure gets whole options, never "about 1 months" (a unit is
  // written in the plural).
  // At least two digits: "about 6" months against 3, 12 and 24, not against 20, 30 and 50,
  // where it is the only figure of its size.
  const int digits = std::max(2, SignificantDigits(n));
  const bool whole = n == std::floor(n);
  std::vector<double> below, above;
  for (double factor : {2.0, 4.0, 8.0}) {
    const double b = WithDigitsAtMost(n / factor, digits);
    if (b > 0 && (below.empty() || b < below.back()) && !(whole && b != std::floor(b)) && !(b == 1 && !unit.empty()))
      below.push_back(b);
    const double a = WithDigitsAtLeast(n * factor, digits);
    if (above.empty() || a > above.back()) above.push_back(a);
  }
  std::vector<size_t> counts; // how many below the answer may have
  for (size_t k = 0; k < kOptions; ++k)
    if (k <= below.size() && kOptions - 1 - k <= above.size()) counts.push_back(k);
  if (counts.empty()) return false;
  const size_t k = counts[random.Below(counts.size())];
  for (size_t i = 0; i < kOptions - 1; ++i) {
    const double v = i < k ? below[i] : above[i - k];
    options.push_back({v, "about " + NumberText(v) + unit});
  }
  std::sort(options.begin(), options.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < options.size(); ++i) {
    q.options.push_back(options[i].second);
    if (options[i].second == right) q.answer = static_cast<int>(i);
  }
  q.answerText = right;
  return true;
}

bool Builder::ForwardNumberOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
  if (f.object.bound != NumberBound::Exact) return BoundedNumberOptions(q, f, r, right);
  auto stated = [&](const Value& v) { return Stated(f, v); };
  // The same rounding: 450 moves by 50, 100 by 50, 1922 by 1, 0.5 by 0.1.
  const std::string& text = f.object.text;
  const size_t dot = text.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  const double scale = std::pow(10.0, decimals);
  const long long whole = std::llround(f.object.number * scale);
  if (whole <= 0 || decimals > 6) return false;
  long long unit = 1;
  while (whole % (unit * 10) == 0)
    unit *= 10;
  long long step = (whole / unit) % 10 == 5 && whole / unit >= 10 ? unit * 5 : unit;
  if (whole / unit < 10 && unit >= 10) step = unit / 2; // 100 -> 50, 150, 200...
  auto make = [&](int rung) -> std::optional<Value> {
    const long long n = whole + rung * step;
    // None of a count is an option ("0 radios" beside "2 radios"); below that, none.
    if (n < 0 || (n == 0 && (decimals > 0 || step != 1 || whole > 5))) return std::nullopt;
    // "1 laboratories": a unit is written in the plural, so one is no option beside it.
    if (n == 1 && decimals == 0 && r != nullptr && !r->unit.empty()) return std::nullopt;
    Value v = f.object;
    v.number = static_cast<double>(n) / scale;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v.number);
    v.text = buffer;
    return v;
  };
  auto fits = [](const std::vector<Value>& values) {
    std::vector<double> numbers;
    for (const Value& v : values)
      numbers.push_back(v.number);
    return !NumberStandsOut(numbers, numbers.size() - 1);
  };
  auto ladder = Ladder<Value>(f.object, make, stated, fits);
  if (!ladder) return Refuse("no four numbers of its rounding in which the answer does not stand out");
  std::sort(ladder->first.begin(), ladder->first.end(),
            [](const Value& a, const Value& b) { return a.number < b.number; });
  for (const Value& v : ladder->first)
    q.options.push_back(deck.Display(v, r));
  q.answer = ladder->second;
  q.answerText = right;
  return true;
}

// Years or dates in the answer's form; false when no ladder can be made.
bool Builder::ForwardDateOptions(Question& q, const Fact& f, const Relation* r, const std::string& right) {
  auto asValue = [&](const DateOption& d) {
    Value v = f.object;
    v.date = d.start;
    return v;
  };
  auto stated = [&](const DateOption& d) { return Stated(f, asValue(d)); };
  // "In which year did the school close?" with the period's last year: as for an event
  // named as an end, the year is guessed; asked only to the month or day, never as the latest.
  const auto stage = x.relationStage.find(f.relation);
  const int storyEnd = stage == x.relationStage.end() ? 0 : YearGivenByStory(stage->second, f.object.date);
  if (storyEnd != 0 && f.object.date.precision >= DatePrecision::Year) {
    Refuse(StoryYearReason(storyEnd, "its question"));
    return false;
  }
  auto ladder =
      DateLadder(DateOption{f.object.date, std::nullopt}, OptionSteps(f.object.date, nullptr), stated, storyEnd);
  if (!ladder) return false;
  std::sort(ladder->first.begin(), ladder->first.end(),
            [](const DateOption& a, const DateOption& b) { return a.start.FirstDay() < b.start.FirstDay(); });
  for (const DateOption& d : ladder->first)
    q.options.push_back(deck.Display(asValue(d), r));
  q.answer = ladder->second;
  q.answerText = right;
  return true;
}

std::optional<Question> Builder::Reverse(const Fact& f) {
  const Relation* r = deck.FindRelation(f.relation);
  const Entity* subject = deck.FindEntity(f.subject);
  // Attributed figures are asked only forward, with their attribution.
  if (r == nullptr || r->reverse.empty() || subject == nullptr || !f.accordingTo.empty()) return std::nullopt;
  // A bound is true of other subjects' figures too ("more than 100" of 450): a relation
  // with bounds is asked only forward.
  if (x.relationsWithBounds.count(f.relation) != 0) return std::nullopt;
  // The same for the whole kind: no subject of the kind is known not to have it.
  if (x.kindWide.count(Join(f.relation, subject->kind)) != 0) {
    Refuse("no " + subject->kind + " in the deck has '" + f.relation + "' with another value, so none is surely wrong");
    return std::nullopt;
  }
  Question q;
  q.kind = QuestionKind::MultipleChoiceReverse;
  q.items = {f.id};
  q.prompt = Fill(r->reverse, "object", deck.Display(f.object, r));
  const std::string objectKey = ValueKey(f.object);
  std::vector<std::string> preferred;
  for (size_t i : Sample(x.factsByRelation.at(f.relation)))
    preferred.push_back(deck.facts[i].subject);
  // Any subject the deck gives this same object is also a right answer: never a distractor.
  // Nor any subject a free-text answer may describe as well ("served in Gaul" of every
  // subject the deck links to the Army of Gaul).
  const bool text = f.object.type == ValueType::Text;
  const bool picture = f.object.type == ValueType::Picture;
  // "Who is this?": anyone the deck gives a picture of the same pixels is right too.
  std::optional<std::uint64_t> pixels;
  if (picture && !(pixels = PicturePixels(deck.PictureFile(f.picture)))) return std::nullopt;
  auto samePicture = [&](const std::string& id) {
    auto facts = x.factsBySubjectRelation.find(Join(id, f.relation));
    if (!picture || facts == x.factsBySubjectRelation.end()) return false;
    return std::any_of(facts->second.begin(), facts->second.end(),
                       [&](size_t i) { return PicturePixels(deck.PictureFile(deck.facts[i].picture)) == pixels; });
  };
  const PromptLetters letters(q.prompt);
  const bool answerShares = letters.SharedBy(subject->name);
  // Nor anyone whose description names the object ("a test pilot at the base" for "Who
  // trained at the base?"): the deck ties them to it in words, if not by a fact.
  std::vector<std::string> objectWords;
  if (f.object.type == ValueType::Entity)
    for (const std::string& w : NameWords(deck.NameOf(f.object.entity)))
      if (x.lowerWords.count(w) == 0) objectWords.push_back(w);
  auto describedWithObject = [&](const std::string& id) {
    auto it = x.entityById.find(id);
    if (it == x.entityById.end()) return false;
    const std::string& description = x.descriptionFolds[it->second];
    return std::any_of(objectWords.begin(), objectWords.end(),
                       [&](const std::string& w) { return ContainsWords(description, w); });
  };
  // Nor one whose own name names another entity of the object's kind ("the Easton school"
  // for "Which facility was near Weston?"): its name rules it out. Unless the answer's does too.
  const auto namesOfKind = NamesAnotherOfKind(r->objectKind, f.object.entity);
  auto namesAnother = [&](const std::string& name) { return f.object.type == ValueType::Entity && namesOfKind(name); };
  const bool answerNamesAnother = namesAnother(subject->name);
  auto ids = EntityDistractors(subject->kind, preferred, FoldsOf(subject->id), subject->id, [&](const std::string& id) {
    return generator.States(id, f.relation, objectKey) || (text && MayDescribe(f.object.text, id)) ||
           describedWithObject(id) || (!answerNamesAnother && namesAnother(deck.NameOf(id))) ||
           (f.object.type == ValueType::Entity && x.linkedPairs.count(Join(f.object.entity, id)) != 0) ||
           samePicture(id) || letters.SharedBy(deck.NameOf(id)) != answerShares;
  });
  if (ids.size() < kOptions - 1) {
    Refuse(answerShares
               ? "asked the other way round, its answer " + subject->name +
                     " shares letters with the question and too few wrong options do"
               : "asked the other way round, fewer than three other " + subject->kind + " entities are surely wrong");
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (const std::string& id : ids)
    names.push_back(deck.NameOf(id));
  q = Shuffled(q, subject->name, names);
  // Never the subject's picture: it is the answer. The object's, when it has one, is the
  // clue; an image relation's picture is the question itself.
  if (picture)
    q.image = deck.PictureFile(f.picture).string();
  else if (r->showImage == Relation::ShowImage::Options)
    OptionPictures(q, subject->id, ids);
  else if (f.object.type == ValueType::Entity && r->showImage == Relation::ShowImage::Prompt)
    q.image = PictureOf(f.object.entity);
  q.explanation =
      subject->name + (picture ? "" : ": " + deck.Display(f.object, r)) + (f.note.empty() ? "" : ". " + f.note);
  q.source = Cite(f.source);
  return q;
}

} // namespace factdeck::question_parts
