// Cards as questions: multiple choice either way, hand-written questions, flashcards.
#include "core/questions/question_parts.h"

#include <algorithm>

#include "core/base/lexicon.h"
#include "core/deck/picture_file.h"

namespace factdeck::question_parts {
namespace {

// The small words of the prompt the answer repeats, which few answers of the deck have (at
// most 1 %, or 3): keywords kept in both languages ("for loop", "bucle for").
std::vector<std::string> Keywords(const std::string& prompt, const std::string& right,
                                  const std::vector<std::string>& answerFolds) {
  std::vector<std::string> keywords;
  for (std::string& w : SmallWordsShared(prompt, right)) {
    size_t uses = 0;
    const size_t rare = std::max<size_t>(3, answerFolds.size() / 100);
    for (size_t other = 0; other < answerFolds.size() && uses <= rare; ++other)
      uses += ContainsWords(answerFolds[other], w);
    if (uses <= rare) keywords.push_back(std::move(w));
  }
  return keywords;
}

// Why a short answer (40 characters or fewer) stands out among its chosen options, or
// empty: with a slash, a note in brackets, capitals or more words than at most one other
// option has; the only plural, or the only phrase beginning with a grammar word ("on the
// left" among nouns); `lonelyClass`, when not 0, the word class two of the options lack.
std::string StandsOut(const TextForm& right, const std::vector<TextForm>& chosen, std::uint8_t lonelyClass) {
  if (!FormsFit(right, chosen))
    return "fewer than two other cards written as its answer is (its slashes, brackets, capitals or digits)";
  if (!BuildsFit(right, chosen))
    return std::string("fewer than two other cards built as its answer is (") +
           (right.build & 1 ? "a plural" : "a singular") + (right.build & 2 ? ", after a grammar word" : "") +
           (right.build & 4 ? ", before a grammar word" : "") + ")";
  if (lonelyClass != 0) return "fewer than two other cards of its word class (" + WordClassName(lonelyClass) + ")";
  return {};
}

// Alike on the prompt's side too: a card whose prompt ends or begins as this one's ("-ar",
// a verb), is built as it is ("dentro de", a preposition) or has as many words is of the
// same sort, and so is its answer ("debug" for "depurar", "above" for "dentro de").
int PromptAlike(const TextForm& a, const TextForm& b) {
  return (a.ending != 0 && a.ending == b.ending ? 4 : 0) + (a.firstEnding == b.firstEnding ? 4 : 0) +
         (SameBuild(a, b) ? 6 : 0) + ((a.key & 7u) == (b.key & 7u) ? 1 : 0);
}

} // namespace

// A card as multiple choice: its front, pick the back (`reverse`: its back, pick the
// front), against other cards' sides of the same shape (TextShape). Every side the deck
// pairs with the prompt is right, so none of them is a distractor.
std::optional<Question> Builder::CardChoice(size_t card, bool reverse) {
  const Card& c = deck.cards[card];
  if (reverse && c.cloze) return std::nullopt; // the gap's text does not ask for the whole text
  const std::string& prompt = reverse ? c.back : c.front;
  const std::string& right = reverse ? c.front : c.back;
  const auto& promptFolds = reverse ? x.backFolds : x.frontFolds;
  const auto& answerFolds = reverse ? x.frontFolds : x.backFolds;
  const auto& sameShape =
      (reverse ? x.cardsByFrontShape : x.cardsByBackShape).at(reverse ? x.frontShapes[card] : x.backShapes[card]);
  if (sameShape.size() < kOptions) return std::nullopt;
  // "São Tomé" asked for "São Tomé and Príncipe" gives itself away, as the other way round.
  if (ContainsWords(answerFolds[card], promptFolds[card])) return std::nullopt;
  // Nor a prompt that gives its answer as one of its alternatives ("wifi / red inalámbrica"
  // for "Wi-Fi").
  if (AlternativeIsPrompt(prompt, right)) return std::nullopt;
  std::vector<std::string> trueFolds; // the sides paired with this prompt anywhere in the deck
  const auto& first = reverse ? x.sameBackFirst : x.sameFrontFirst;
  const auto& next = reverse ? x.sameBackNext : x.sameFrontNext;
  for (size_t other = first[card]; other != std::string::npos; other = next[other])
    trueFolds.push_back(answerFolds[other]);
  std::vector<std::string> chosen, chosenFolds;
  // Options of one sort: the backs of cards whose fronts ask for what this front asks for
  // (a "how" question gets manners, a "how many" counts); in reverse, fronts asking for it.
  // None sharing a name's letters with the prompt unless the answer does too.
  const AskedFor asks = x.frontAsks[card];
  const PromptLetters letters(prompt);
  const bool answerShares = letters.SharedBy(right);
  const std::uint64_t answerWords = letters.SharedWords(right); // the prompt's words it shares
  const bool answerNamesPrompt = AlternativeIsPrompt(right, prompt);
  // A small word of the prompt the answer repeats, which few answers of the deck have: a
  // keyword kept in both languages ("for loop", "bucle for"). Options must have it too.
  const std::vector<std::string> keywords = Keywords(prompt, right, answerFolds);
  // Candidates in the seed's order (up to 256; 64 for a card with a picture, whose pixels
  // are compared), then the three most alike in form to the answer (FormAlike): no option is
  // the only phrase, the only one in capitals or the only verb. A cloze's options are first
  // what fills other clozes.
  const auto& forms = reverse ? x.frontForms : x.backForms;
  const auto& promptForms = reverse ? x.backForms : x.frontForms;
  const TextForm& rightForm = forms[card];
  auto promptAlike = [&](size_t other) { return PromptAlike(promptForms[card], promptForms[other]); };
  // Of the answer's word class on the cards' English side ("allocate", a verb, among verbs;
  // "between" among adverbs), both ways: a card's translation is of its class. What shows
  // comes first: among options of the answer's words, marks and case, the class decides.
  std::uint8_t classes = x.CardClasses(deck, card);
  // Answers on the other side: a verb is an infinitive there, other words are not. Options
  // agree with the answer so; and an answer that is no infinitive for an English verb ("join"
  // -> "unión"), or one for a word that is no verb, is of the form it is written in.
  const bool foreignAnswer = x.classSide != 0 && x.classSide != (reverse ? 1 : 2);
  if (foreignAnswer && classes != 0 && (classes == kVerb) != InfinitiveLike(rightForm)) classes = 0;
  auto classAlike = [&](size_t other) {
    const std::uint8_t o = x.CardClasses(deck, other);
    return classes == 0 || o == 0 ? 0 : o == classes ? 12 : (o & classes) != 0 ? 6 : -8;
  };
  auto infinitiveAlike = [&](size_t other) {
    return foreignAnswer && InfinitiveLike(forms[other]) != InfinitiveLike(rightForm) ? -6 : 0;
  };
  struct Candidate {
    size_t card;
    int alike;
  };
  std::vector<Candidate> candidates;
  const size_t limit = c.picture.Empty() ? 256 : 64;
  const size_t start = random.Below(sameShape.size()), step = random.Stride(sameShape.size());
  for (size_t n = 0; n < sameShape.size() && n < limit; ++n) {
    const size_t other = sameShape[(start + n * step) % sameShape.size()];
    if (!answerFolds[other].empty() && x.frontAsks[other] == asks)
      candidates.push_back(
          {other, 2 * FormAlike(rightForm, forms[other]) + (rightForm.key == forms[other].key ? 24 : 0) +
                      (SameBuild(rightForm, forms[other]) ? 6 : 0) +
                      (rightForm.firstEnding == forms[other].firstEnding ? 3 : 0) +
                      (deck.cards[other].cloze == c.cloze ? 16 : 0) + promptAlike(other) + infinitiveAlike(other)});
  }
  auto byAlike = [](const Candidate& a, const Candidate& b) { return a.alike > b.alike; };
  std::stable_sort(candidates.begin(), candidates.end(), byAlike);
  // The word class decides among the 32 most alike in form: a card's classes are looked up
  // in the lexicon when first needed (a few microseconds each), not for all 256.
  if (classes != 0) {
    const auto top = candidates.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(candidates.size(), 32));
    for (auto it = candidates.begin(); it != top; ++it)
      it->alike += classAlike(it->card);
    std::stable_sort(candidates.begin(), top, byAlike);
  }
  // The most alike first, each passing the rules on what a wrong option may be.
  auto allowed = [&](size_t other) {
    const std::string& fold = answerFolds[other];
    if (std::find(trueFolds.begin(), trueFolds.end(), fold) != trueFolds.end() ||
        std::find(chosenFolds.begin(), chosenFolds.end(), fold) != chosenFolds.end())
      return false;
    // Nor a piece of the answer, or the answer with more ("binary" and "binary tree").
    if (ContainsWords(fold, answerFolds[card]) || ContainsWords(answerFolds[card], fold)) return false;
    const std::string& otherAnswer = reverse ? deck.cards[other].front : deck.cards[other].back;
    const std::string& otherPrompt = reverse ? deck.cards[other].back : deck.cards[other].front;
    // Nor a card sharing an alternative with this one on either side ("hoja de cálculo" and
    // "hoja de cálculo / hoja de trabajo"): its answer is right too, or holds the answer.
    if (AlternativesMeet(otherPrompt, prompt) || AlternativesMeet(otherAnswer, right)) return false;
    if (letters.SharedBy(otherAnswer) != answerShares || letters.SharedWords(otherAnswer) != answerWords) return false;
    // Nor an option one of whose alternatives is its own question's word ("exclusión mutua /
    // mutex" for "mutex") unless the answer has one too: it names the word it belongs to.
    if (AlternativeIsPrompt(otherAnswer, otherPrompt) != answerNamesPrompt) return false;
    for (const std::string& k : keywords)
      if (!ContainsWords(fold, k)) return false;
    // The same words over a picture of the same pixels (the same flag saved twice): that
    // card's back is right too. The pictures are decoded now, once each.
    return reverse || c.picture.Empty() || deck.cards[other].picture.Empty() ||
           x.frontFolds[other] != x.frontFolds[card] ||
           PicturePixels(deck.PictureFile(deck.cards[other].picture)) != PicturePixels(deck.PictureFile(c.picture));
  };
  std::vector<TextForm> chosenForms;
  // Options of a known word class that is not the answer's; for a preposition, a closed
  // class the lexicon knows whole, any option that is not one ("between" among nouns).
  size_t otherClass = 0;
  for (size_t n = 0; n < candidates.size() && chosen.size() < kOptions - 1; ++n) {
    const size_t other = candidates[n].card;
    if (!allowed(other)) continue;
    otherClass += classAlike(other) < 0 || (classes == kPreposition && x.CardClasses(deck, other) == 0);
    chosenFolds.push_back(answerFolds[other]);
    chosen.push_back(reverse ? deck.cards[other].front : deck.cards[other].back);
    chosenForms.push_back(forms[other]);
  }
  if (chosen.size() == kOptions - 1 && rightForm.length <= 40) {
    if (std::string standsOut = StandsOut(rightForm, chosenForms, otherClass >= 2 ? classes : 0); !standsOut.empty()) {
      Refuse(std::move(standsOut));
      return std::nullopt;
    }
  }
  if (chosen.size() < kOptions - 1 && !keywords.empty()) {
    Refuse("its answer repeats the question's word '" + keywords.front() +
           "', which fewer than three other answers have to set against it");
    return std::nullopt;
  }
  if (chosen.size() < kOptions - 1) {
    Refuse(std::string("fewer than three other cards ") + (asks == AskedFor::Statement ? "" : "asking for ") +
           (asks == AskedFor::Statement ? "of its shape" : AskedForName(asks)) +
           (answerShares ? ", with the letters its answer shares with the question," : "") + " to set against it");
    return std::nullopt;
  }
  Question q;
  q.kind = reverse ? QuestionKind::MultipleChoiceReverse : QuestionKind::MultipleChoice;
  q.items = {c.id};
  q.prompt = prompt;
  q = Shuffled(q, right, chosen);
  // The card's picture goes with its front: shown when the front is asked, never when it
  // is the answer.
  if (!reverse && !c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
  q.explanation = c.front + " — " + c.back;
  q.source = Cite(c.source);
  q.tags = c.tags;
  return q;
}

// A hand-written question: its options as written, shuffled. The author chose them, so the
// generator's rules on shape and on the answer in the prompt do not apply; the loader has
// refused a right answer among the wrong ones and options alike once folded.
std::optional<Question> Builder::Written(const Choice& c) {
  if (!ChoiceProblems(c).empty()) return std::nullopt;
  Question q;
  q.kind = QuestionKind::MultipleChoice;
  q.items = {c.id};
  q.prompt = c.question;
  // Option i (the answers first, then the wrong ones) goes to place[i].
  const size_t count = c.answers.size() + c.wrong.size();
  std::vector<int> place(count);
  for (size_t i = 0; i < count; ++i)
    place[i] = static_cast<int>(i);
  random.Shuffle(place);
  q.options.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const bool right = i < c.answers.size();
    q.options[static_cast<size_t>(place[i])] = right ? c.answers[i] : c.wrong[i - c.answers.size()];
    if (right) q.answers.push_back(place[i]);
  }
  std::sort(q.answers.begin(), q.answers.end());
  if (q.answers.size() == 1) { // one right answer: an ordinary multiple-choice question
    q.answer = q.answers[0];
    q.answers.clear();
  }
  for (size_t i = 0; i < c.answers.size(); ++i)
    q.answerText += (i ? "; " : "") + c.answers[i];
  q.explanation = c.explanation;
  q.source = Cite(c.source);
  q.tags = c.tags;
  q.seconds = c.seconds;
  if (!c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
  return q;
}

std::optional<Question> Builder::Flashcard(const Card& c) {
  Question q;
  q.kind = QuestionKind::Flashcard;
  q.items = {c.id};
  q.prompt = c.front;
  q.answerText = c.back;
  q.explanation = c.back;
  q.source = Cite(c.source);
  q.tags = c.tags;
  if (!c.picture.Empty()) q.image = deck.PictureFile(c.picture).string();
  return q;
}

} // namespace factdeck::question_parts
