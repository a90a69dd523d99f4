#include "core/games/study_session.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "core/base/text.h"

namespace factdeck {

std::string FormatInterval(srs::TimeMs from, srs::TimeMs due) {
  const double minutes = static_cast<double>(std::max<srs::TimeMs>(0, due - from)) / srs::kMinuteMs;
  char text[32];
  if (minutes < 60)
    std::snprintf(text, sizeof text, "%.0f min", std::max(1.0, minutes));
  else if (minutes < 60 * 24)
    std::snprintf(text, sizeof text, "%.0f h", minutes / 60);
  else if (minutes < 60 * 24 * 30)
    std::snprintf(text, sizeof text, "%.0f d", minutes / (60 * 24));
  else if (minutes < 60 * 24 * 365)
    std::snprintf(text, sizeof text, "%.1f mo", minutes / (60 * 24 * 30.4));
  else
    std::snprintf(text, sizeof text, "%.1f y", minutes / (60 * 24 * 365.25));
  return text;
}

StudySession::StudySession(const Deck& deck, ProfileStore* store, std::int64_t profile, srs::TimeMs now,
                           Options options)
    : m_deck(deck), m_store(store), m_profile(profile), m_options(options), m_fsrs(options.fsrs), m_generator(deck) {
  m_summary.started = now;
  if (m_store) {
    m_store->SyncDeck(deck);
    for (const StoredCard& c : m_store->Cards(profile, deck.id))
      m_memory[srs::CardKey(deck.id, c.item, c.kind)] = c.memory;
  }
  // Every card the deck can ask, with its memory; items numbered for sibling burying. The
  // kinds take turns in the list, so that new cards come in a mix of kinds.
  // Each kind's list starts at a different place, so that the event kinds (when, which
  // first, ordering, typed year) do not all reach the same event at once.
  std::vector<std::vector<std::string>> byKind;
  for (QuestionKind kind : AllQuestionKinds()) {
    std::vector<std::string> items = m_generator.Candidates(kind);
    if (!items.empty())
      std::rotate(items.begin(),
                  items.begin() + static_cast<std::ptrdiff_t>(byKind.size() * items.size() / AllQuestionKinds().size()),
                  items.end());
    byKind.push_back(std::move(items));
  }
  std::vector<srs::StudyCard> cards;
  std::vector<Entry> entries;
  std::unordered_map<std::string, size_t> itemNumbers;
  // Cards the learner reported in this version of the deck wait until the deck changes.
  std::unordered_set<std::string> reported;
  if (store)
    for (const auto& [item, kind] : store->ReportedCards(profile, deck.id, deck.version))
      reported.insert(srs::CardKey(deck.id, item, kind));
  for (size_t round = 0, added = 1; added > 0; ++round) {
    added = 0;
    for (size_t k = 0; k < byKind.size(); ++k) {
      if (round >= byKind[k].size()) continue;
      const std::string& item = byKind[k][round];
      const QuestionKind kind = AllQuestionKinds()[k];
      srs::StudyCard card;
      card.item = itemNumbers.emplace(item, itemNumbers.size()).first->second;
      card.kind = kind;
      card.memory = MemoryOf(item, kind);
      card.suspended = reported.count(srs::CardKey(deck.id, item, kind)) != 0;
      cards.push_back(card);
      entries.push_back({item, kind, card.memory});
      ++added;
    }
  }
  // What "study more" could add: new cards beyond the limit, reviews due by tomorrow.
  const srs::TimeMs tomorrow = now + 24 * 60 * srs::kMinuteMs;
  size_t newCards = 0;
  for (const srs::StudyCard& c : cards) {
    newCards += c.memory.state == srs::CardState::New;
    m_dueTomorrow += c.memory.state != srs::CardState::New && c.memory.due > now && c.memory.due <= tomorrow;
  }
  srs::QueueOptions queueOptions = options.queue;
  queueOptions.day = options.day;
  // A card whose question cannot be built today is set aside and the queue made again, so
  // the day's limits count only questions that can be asked.
  for (int pass = 0; pass < kMaxQueuePasses; ++pass) {
    m_questions.clear();
    m_reschedule.clear();
    m_planned.clear();
    bool setAside = false;
    std::unordered_set<std::string> prompts, keys;
    ShownSoFar shown;
    size_t newQueued = 0;
    for (const srs::QueueEntry& e : Queue(cards, entries, now, queueOptions)) {
      const Entry& entry = entries[e.card];
      auto q = Ask(entry.kind, entry.item, entry.memory,
                   options.seed ^ Fnv1a(entry.item) ^ static_cast<std::uint64_t>(entry.kind));
      // A prompt asked once is not asked again today with another right answer ("Who
      // trained at ...?" is a question for each of several facts).
      const bool samePrompt = q && q->kind != QuestionKind::WhichFirst && q->kind != QuestionKind::Ordering &&
                              !prompts.insert(PromptKey(*q)).second;
      // Nor the same events twice: two which-first cards of neighbouring events may pick
      // each other (their key is the pair).
      const bool sameKey = q && !keys.insert(q->key).second;
      // Nor one whose answer an earlier question of the session showed (a flashcard giving
      // the year of an event asked before it).
      if (!q || samePrompt || sameKey || shown.GivesAway(*q)) {
        cards[e.card].suspended = true;
        setAside = true;
        continue;
      }
      newQueued += e.slot == srs::QueueSlot::New;
      shown.Add(*q);
      m_planned.push_back(PlannedShowings(entry.memory, *q, now, e.reschedule, 0));
      m_questions.push_back(std::move(*q));
      m_reschedule.push_back(e.reschedule);
    }
    m_newLeft = newCards > newQueued ? newCards - newQueued : 0;
    if (!setAside) break;
  }
  if (m_store && !m_questions.empty()) {
    StoreStatus started = m_store->StartSession(profile, "study", deck.id, now);
    if (started) m_sessionId = started.id;
  }
}

std::vector<srs::QueueEntry> StudySession::Queue(const std::vector<srs::StudyCard>& cards,
                                                 const std::vector<Entry>& entries, srs::TimeMs now,
                                                 const srs::QueueOptions& queueOptions) const {
  std::vector<srs::QueueEntry> queue = srs::BuildDailyQueue(cards, m_fsrs, now, queueOptions);
  if (m_options.planned.empty()) return queue;
  // An exam's plan: the learning steps due, then the planned cards in their order.
  std::erase_if(queue, [](const srs::QueueEntry& e) { return e.slot != srs::QueueSlot::Learning; });
  std::unordered_map<std::string, size_t> byKey;
  for (size_t i = 0; i < entries.size(); ++i)
    byKey.emplace(srs::CardKey(m_deck.id, entries[i].item, entries[i].kind), i);
  std::unordered_set<size_t> taken;
  for (const srs::QueueEntry& e : queue)
    taken.insert(e.card);
  for (const auto& [item, kind] : m_options.planned) {
    auto it = byKey.find(srs::CardKey(m_deck.id, item, kind));
    if (it == byKey.end() || cards[it->second].suspended || !taken.insert(it->second).second) continue;
    const bool fresh = cards[it->second].memory.state == srs::CardState::New;
    queue.push_back({it->second, fresh ? srs::QueueSlot::New : srs::QueueSlot::Review, true});
  }
  return queue;
}

std::optional<Question> StudySession::Ask(QuestionKind kind, const std::string& item, const srs::MemoryState& memory,
                                          std::uint64_t seed) const {
  const bool learning = memory.state == srs::CardState::Learning || memory.state == srs::CardState::Relearning;
  if (!learning || srs::GuessChance(kind, 2) == 0.0) return m_generator.Make(kind, item, seed);
  // Its learning steps ask a card that could be guessed from memory, so that it counts as
  // learned only once recalled (docs/scheduling.md). An event's order is recalled by its date.
  const bool byDate = kind == QuestionKind::WhichFirst || kind == QuestionKind::Ordering;
  std::optional<Question> made = m_generator.Make(byDate ? QuestionKind::When : kind, item, seed);
  std::optional<Question> recall = made ? AskFromMemory(*made, kind) : std::nullopt;
  if (!recall) return byDate ? m_generator.Make(kind, item, seed) : made;
  recall->key = srs::CardKey(m_deck.id, item, kind);
  recall->card = item;
  return recall;
}

srs::MemoryState StudySession::MemoryOf(const std::string& item, QuestionKind kind) const {
  auto it = m_memory.find(srs::CardKey(m_deck.id, item, kind));
  return it == m_memory.end() ? srs::MemoryState{} : it->second;
}

size_t StudySession::Left() const {
  size_t left = 0;
  for (size_t i = m_current + (m_feedback ? 1 : 0); i < m_planned.size(); ++i)
    left += m_planned[i];
  for (const Return& r : m_returns)
    left += r.planned;
  return left;
}

size_t StudySession::PlannedShowings(srs::MemoryState memory, const Question& q, srs::TimeMs at, bool reschedule,
                                     int returnsSoFar) const {
  size_t showings = 1;
  if (!reschedule || q.items.size() != 1) return showings;
  for (int returns = returnsSoFar; returns < kMaxReturnsPerCard; ++returns) {
    // A right answer: Good, or Hard when it is not sure and may be slow.
    const srs::Rating right = EvidenceOf(memory, q, at) < srs::kSureEvidence ? srs::Rating::Hard : srs::Rating::Good;
    const srs::MemoryState after = m_fsrs.Review(memory, at, right).card;
    const bool learning = after.state == srs::CardState::Learning || after.state == srs::CardState::Relearning;
    if (!learning || after.due - at > m_options.queue.learnAhead) break;
    memory = after;
    at = after.due;
    ++showings;
  }
  return showings;
}

namespace {
double GuessChanceOf(const Question& q) {
  return srs::GuessChance(q.kind, q.kind == QuestionKind::Ordering ? q.order.size() : q.options.size(), SelectAll(q));
}
} // namespace

double StudySession::EvidenceOf(const srs::MemoryState& memory, const Question& q, srs::TimeMs now) const {
  // A new card has no prediction to weigh, and its first grade sets its difficulty for
  // good: its learning steps ask it again within minutes instead (docs/scheduling.md).
  if (memory.state == srs::CardState::New) return 1.0;
  return srs::EvidenceOfRecall(m_fsrs.Retrievability(memory, now), GuessChanceOf(q));
}

srs::Rating StudySession::RatingFor(const std::string& item, QuestionKind kind, bool correct, int responseMs,
                                    srs::TimeMs now) const {
  const srs::MemoryState memory = MemoryOf(item, kind);
  const Question& q = m_questions[m_current];
  const srs::Rating rating =
      srs::RateAnswer(correct, responseMs, srs::TypicalResponseMs(m_rightTimes), {EvidenceOf(memory, q, now), false});
  // A first answer picked from options is never Easy: a quick lucky click would send the
  // card a week away.
  if (memory.state == srs::CardState::New && GuessChanceOf(q) > 0.0) return std::min(rating, srs::Rating::Good);
  return rating;
}

void StudySession::Record(const std::string& item, QuestionKind kind, bool correct, srs::Rating rating,
                          const std::string& given, int responseMs, srs::TimeMs now, StudyFeedback& feedback, int part,
                          bool answerCorrect) {
  const std::string key = srs::CardKey(m_deck.id, item, kind);
  const srs::MemoryState before = MemoryOf(item, kind);
  const bool reschedule = m_reschedule[m_current];
  srs::ReviewOutcome outcome = m_fsrs.Review(before, now, rating, Fnv1a(key) + static_cast<std::uint64_t>(before.reps));
  // A new card introduced: the one the question was queued for (an ordering also rates the
  // other events it shows, which are not introduced by it).
  if (before.state == srs::CardState::New && item == m_questions[m_current].card) ++m_summary.newCards;
  AnswerRecord answer =
      LoggedAnswer(m_questions[m_current], item, kind, m_profile, m_sessionId, m_deck.id, now, given, correct);
  answer.responseMs = responseMs;
  answer.rating = rating;
  answer.after = outcome.card;
  answer.reschedule = reschedule;
  answer.part = part;
  answer.answerCorrect = answerCorrect;
  // Saved first; the feedback says when it could not be.
  std::int64_t reviewId = 0;
  if (m_store) {
    StoreStatus saved = m_store->RecordAnswer(answer);
    if (!saved) feedback.saveError = saved.message;
    reviewId = saved.id;
  } else {
    feedback.saveError = "progress is not being saved";
  }
  m_reviewed.push_back({item, kind, before, rating, reviewId, now});
  if (reschedule && feedback.saveError.empty()) m_memory[key] = outcome.card;
  if (reschedule) PlanReturn(item, kind, before, outcome.card, now);
}

void StudySession::PlanReturn(const std::string& item, QuestionKind kind, const srs::MemoryState& before,
                              const srs::MemoryState& after, srs::TimeMs now) {
  // Questions about one item only: an ordering or a which-first is not asked again.
  const std::string key = srs::CardKey(m_deck.id, item, kind);
  const bool learning = after.state == srs::CardState::Learning || after.state == srs::CardState::Relearning;
  if (!learning || m_questions[m_current].items.size() != 1 || after.due - now > m_options.queue.learnAhead ||
      m_returnCount[key] >= kMaxReturnsPerCard)
    return;
  auto again = Ask(kind, item, after, m_options.seed ^ Fnv1a(key) ^ static_cast<std::uint64_t>(before.reps + 1));
  if (!again) return;
  const int returns = ++m_returnCount[key];
  const size_t planned = PlannedShowings(after, *again, after.due, true, returns);
  m_returns.push_back({std::move(*again), after.due, planned});
}

void StudySession::Finish(bool correct, double credit, StudyFeedback feedback) {
  const Question& q = m_questions[m_current];
  // What the answer added to the session: the showings its card's return now needs, beyond
  // those planned after this one.
  size_t returning = 0;
  for (const Return& r : m_returns)
    if (r.question.key == q.key) returning += r.planned;
  feedback.addedToSession = static_cast<int>(returning) - static_cast<int>(m_planned[m_current] - 1);
  m_lastAdded = feedback.addedToSession;
  feedback.correct = correct;
  feedback.credit = credit;
  feedback.explanation = q.explanation;
  feedback.source = q.source;
  ++m_summary.answered;
  m_summary.correct += correct ? 1 : 0;
  m_feedback = std::move(feedback);
}

void StudySession::AnswerOptions(const std::vector<int>& chosen, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->options.empty() || q->kind == QuestionKind::Ordering) return;
  const Judgement j = JudgeOptions(*q, chosen);
  if (j.correct) m_rightTimes.push_back(responseMs);
  m_reviewed.clear();
  StudyFeedback feedback;
  feedback.rightAnswer = j.rightAnswer;
  // Which-first is about two events: each event's card is rated, by its own recall.
  int part = 0;
  for (const std::string& item : q->kind == QuestionKind::WhichFirst ? q->items : std::vector<std::string>{q->items[0]})
    Record(item, q->kind, j.correct, RatingFor(item, q->kind, j.correct, responseMs, now), j.given, responseMs, now,
           feedback, part++, j.correct);
  Finish(j.correct, j.credit, std::move(feedback));
}

void StudySession::AnswerOrder(const std::vector<int>& order, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::Ordering || order.size() != q->order.size()) return;
  const Judgement j = JudgeOrder(*q, order);
  // Each event's card is rated by whether it stands right against every other event.
  std::vector<int> truePosition(q->order.size()), placed;
  for (size_t rank = 0; rank < q->order.size(); ++rank)
    truePosition[static_cast<size_t>(q->order[rank])] = static_cast<int>(rank);
  for (int option : order)
    placed.push_back(truePosition[static_cast<size_t>(option)]);
  const std::vector<srs::Rating> ratings = srs::RateOrdering(placed); // Good or Again
  StudyFeedback feedback;
  feedback.rightAnswer = j.rightAnswer;
  m_reviewed.clear();
  for (size_t rank = 0; rank < q->order.size(); ++rank) {
    const std::string& event = q->items[static_cast<size_t>(q->order[rank])];
    const bool right = ratings[rank] != srs::Rating::Again;
    // Good at most: one answer times all the events, so its speed says little of each.
    Record(event, q->kind, right, std::min(RatingFor(event, q->kind, right, responseMs, now), srs::Rating::Good),
           j.given, responseMs, now, feedback, static_cast<int>(rank), j.correct);
  }
  Finish(j.correct, j.credit, std::move(feedback));
}

void StudySession::AnswerYear(const std::string& text, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::TypedYear) return;
  const Judgement j = JudgeYear(*q, text);
  if (j.correct) m_rightTimes.push_back(responseMs);
  m_reviewed.clear();
  StudyFeedback feedback;
  feedback.rightAnswer = j.rightAnswer;
  Record(q->items[0], q->kind, j.correct, RatingFor(q->items[0], q->kind, j.correct, responseMs, now), text, responseMs,
         now, feedback, 0, j.correct);
  Finish(j.correct, j.credit, std::move(feedback));
}

void StudySession::Grade(srs::Rating rating, int responseMs, srs::TimeMs now) {
  const Question* q = Current();
  if (q == nullptr || m_feedback || q->kind != QuestionKind::Flashcard) return;
  StudyFeedback feedback;
  feedback.rightAnswer = q->answerText;
  const bool correct = rating != srs::Rating::Again;
  m_reviewed.clear();
  Record(q->items[0], CardKind(*q), correct, rating, "", responseMs, now, feedback, 0, correct);
  Finish(correct, correct ? 1.0 : 0.0, std::move(feedback));
}

std::array<std::string, 4> StudySession::GradeIntervals(srs::TimeMs now) const {
  std::array<std::string, 4> labels;
  const Question* q = Current();
  if (q == nullptr) return labels;
  const std::string key = srs::CardKey(m_deck.id, q->items[0], CardKind(*q));
  const srs::MemoryState before = MemoryOf(q->items[0], CardKind(*q));
  auto preview = m_fsrs.Preview(before, now, Fnv1a(key) + static_cast<std::uint64_t>(before.reps));
  for (size_t i = 0; i < 4; ++i)
    labels[i] = FormatInterval(now, preview[i].card.due);
  return labels;
}

bool StudySession::CanSayGuessed() const {
  if (!m_feedback || !m_feedback->correct || m_feedback->saidGuessed || !m_reschedule[m_current]) return false;
  // Not when the answer already counted as a possible guess (Hard): saying so would change nothing.
  const bool aboveHard =
      std::any_of(m_reviewed.begin(), m_reviewed.end(), [](const Reviewed& r) { return r.rating > srs::Rating::Hard; });
  return aboveHard && GuessChanceOf(m_questions[m_current]) > 0.0;
}

void StudySession::SayGuessed(srs::TimeMs now) {
  if (!CanSayGuessed()) return;
  const Question& q = m_questions[m_current];
  // The returns the answer planned go; each card the answer got right is rated Hard
  // instead, from its state before the answer, saved again, and may come back.
  for (const Return& r : m_returns)
    if (r.question.key == q.key) --m_returnCount[r.question.key];
  std::erase_if(m_returns, [&q](const Return& r) { return r.question.key == q.key; });
  for (Reviewed& r : m_reviewed) {
    if (r.rating == srs::Rating::Again) continue;
    const std::string key = srs::CardKey(m_deck.id, r.item, r.kind);
    const srs::MemoryState after =
        m_fsrs.Review(r.before, r.time, srs::Rating::Hard, Fnv1a(key) + static_cast<std::uint64_t>(r.before.reps)).card;
    r.rating = srs::Rating::Hard;
    if (m_store) {
      StoreStatus saved = m_store->AmendAnswer(r.reviewId, srs::Rating::Hard, after);
      if (!saved) m_feedback->saveError = saved.message;
    }
    if (m_feedback->saveError.empty()) m_memory[key] = after;
    PlanReturn(r.item, r.kind, r.before, after, now);
  }
  StudyFeedback feedback = std::move(*m_feedback);
  feedback.saidGuessed = true;
  --m_summary.answered; // Finish counts the answer again
  --m_summary.correct;
  Finish(true, feedback.credit, std::move(feedback));
}

void StudySession::Next(srs::TimeMs now) {
  if (!m_feedback) return;
  m_feedback.reset();
  ++m_current;
  ShowNext(now);
}

void StudySession::SetAsideCurrent(srs::TimeMs now) {
  if (m_current >= m_questions.size()) return;
  const std::string key = m_questions[m_current].key;
  std::erase_if(m_returns, [&key](const Return& r) { return r.question.key == key; });
  if (m_feedback) {
    Next(now);
    return;
  }
  m_questions.erase(m_questions.begin() + static_cast<std::ptrdiff_t>(m_current));
  m_reschedule.erase(m_reschedule.begin() + static_cast<std::ptrdiff_t>(m_current));
  m_planned.erase(m_planned.begin() + static_cast<std::ptrdiff_t>(m_current));
  ++m_summary.setAside;
  ShowNext(now);
}

void StudySession::ShowNext(srs::TimeMs now) {
  // Cards whose learning step is due come back now; when nothing else is left, the one due
  // first comes back early (it is within the learn-ahead time).
  std::stable_sort(m_returns.begin(), m_returns.end(), [](const Return& a, const Return& b) { return a.due < b.due; });
  if (!m_returns.empty() && (m_returns.front().due <= now || m_current >= m_questions.size())) {
    m_questions.insert(m_questions.begin() + static_cast<std::ptrdiff_t>(m_current),
                       std::move(m_returns.front().question));
    m_reschedule.insert(m_reschedule.begin() + static_cast<std::ptrdiff_t>(m_current), true);
    m_planned.insert(m_planned.begin() + static_cast<std::ptrdiff_t>(m_current), m_returns.front().planned);
    m_returns.erase(m_returns.begin());
    ++m_summary.askedAgain;
  }
  if (Done()) {
    m_summary.ended = now;
    // The session's score is its share of right answers, in percent.
    if (m_store && m_sessionId > 0)
      m_store->EndSession(m_sessionId, now, m_summary.answered ? 100 * m_summary.correct / m_summary.answered : 0,
                          m_summary.answered, m_summary.correct);
  }
}

} // namespace factdeck
