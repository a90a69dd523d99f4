// Intents of exams to revise for: plan one, remove one. Studying for one is StartStudy
// with its id (study_intents.cpp), which asks the cards ExamCards gives.
#include <algorithm>
#include <cstdlib>

#include "core/app/reducer.h"
#include "core/base/text.h"
#include "core/questions/questions.h"

namespace factdeck::reducer {

namespace {

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::string CommaJoined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts)
    text += (text.empty() ? "" : ", ") + part;
  return text;
}

} // namespace

void Apply(AppState& state, const PlanExam& plan, Context& context) {
  auto refuse = [&](const std::string& why) { state.notices.push_back("The exam was not planned: " + why); };
  if (!state.store) return refuse("progress cannot be saved on this computer, so neither can a plan.");
  if (plan.deck >= state.decks.size()) return refuse("choose a deck first.");
  const srs::StudyDay day = srs::LocalStudyDay(state.settings.dayStartHour);
  const std::optional<srs::TimeMs> at = ParseExamTime(Trim(plan.when), day);
  if (!at) return refuse("\"" + plan.when + "\" is no date; write it as 2027-01-20, or 2027-01-20 14:30.");
  if (*at <= context.now) return refuse("the exam's date has passed.");
  if (*at > context.now + srs::kMaxPlanDays * srs::kDayMs)
    return refuse("FactDeck plans exams up to " + std::to_string(srs::kMaxPlanDays) +
                  " days ahead; is the year right?");
  size_t ahead = 0;
  for (const ExamRecord& x : state.store->Exams(state.profile))
    ahead += x.at > context.now;
  if (ahead >= kMaxExams)
    return refuse("a learner can plan " + std::to_string(kMaxExams) + " exams at once; remove one first.");
  if (plan.cards == 0 && (plan.minutes < 1 || plan.minutes > 720))
    return refuse("give between 1 and 720 minutes a day.");
  if (plan.cards < 0 || plan.cards > 5000) return refuse("give between 1 and 5,000 cards a day.");
  ExamRecord exam;
  exam.profile = state.profile;
  exam.name = Trim(plan.name).empty() ? state.decks[plan.deck].title : Trim(plan.name);
  exam.at = *at;
  exam.decks = {state.decks[plan.deck].id};
  exam.tags = SplitTags(plan.tags);
  exam.minutes = plan.cards > 0 ? 0 : plan.minutes;
  exam.cards = plan.cards;
  for (const std::string& part : SplitTags(plan.weights)) {
    const size_t eq = part.rfind('=');
    char* end = nullptr;
    const double weight = eq == std::string::npos ? -1 : std::strtod(part.c_str() + eq + 1, &end);
    if (eq == std::string::npos || end != part.c_str() + part.size() || eq + 1 == part.size() || !(weight > 0) ||
        weight > 10)
      return refuse("\"" + part + "\" is no topic weight; write tag=2 (more than 0, at most 10).");
    exam.weights.emplace_back(Trim(part.substr(0, eq)), weight);
  }
  // Every tag typed names items of the deck: a typo would leave the exam empty, or weigh nothing.
  if (!exam.tags.empty() || !exam.weights.empty()) {
    const std::shared_ptr<const Deck> deck = LoadListedDeck(state, plan.deck);
    if (!deck) return;
    const QuestionGenerator generator(*deck);
    std::vector<std::string> tags = exam.tags;
    for (const auto& [tag, weight] : exam.weights)
      tags.push_back(tag);
    for (const std::string& tag : tags) {
      bool found = false;
      for (QuestionKind kind : AllQuestionKinds())
        found = found || !generator.Candidates(kind, {tag}).empty();
      if (!found)
        return refuse("no item of the deck has the tag \"" + tag + "\" (its tags are, e.g., " +
                      CommaJoined(CommonTags(*deck, 5)) + ").");
    }
  }
  exam.created = context.now;
  if (StoreStatus saved = state.store->AddExam(exam); !saved) return refuse(saved.message);
  RefreshExams(state);
  state.confirmations.push_back(
      "Exam planned: " + exam.name + ", " + DaysText(CalendarDaysUntil(context.now, exam.at, day)) + ", " +
      (exam.cards > 0 ? std::to_string(exam.cards) + " cards" : std::to_string(exam.minutes) + " minutes") + " a day.");
}

void Apply(AppState& state, const RemoveExam& remove, Context&) {
  if (!state.store) return;
  if (StoreStatus removed = state.store->RemoveExam(state.profile, remove.id); !removed) {
    state.notices.push_back("The exam could not be removed: " + removed.message);
    return;
  }
  RefreshExams(state);
}

std::vector<std::pair<std::string, QuestionKind>> ExamCards(const AppState& state, std::int64_t exam,
                                                            const std::string& deckId, bool revision) {
  std::vector<std::pair<std::string, QuestionKind>> cards;
  auto add = [&](const std::vector<ExamCard>& list) {
    for (const ExamCard& c : list)
      if (c.deck == deckId) cards.emplace_back(c.item, c.kind);
  };
  for (const ExamView& view : state.exams.exams)
    if (view.exam.id == exam) revision ? add(view.weakest) : add(state.exams.today);
  return cards;
}

} // namespace factdeck::reducer
