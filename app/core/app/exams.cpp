#include "core/app/exams.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/base/calendar.h"
#include "core/questions/questions.h"

namespace factdeck {

namespace {

// The cards of every exam not yet past, each once, with the exams it is on.
struct Gathered {
  std::vector<srs::PlanCard> cards;
  std::vector<ExamCard> keys;
};

void Gather(const ExamPlanInput& input, const std::vector<ExamRecord>& exams, std::vector<ExamView>& views,
            Gathered& out) {
  std::unordered_map<std::string, size_t> index; // card key -> place in out.cards
  std::unordered_map<std::string, size_t> items; // deck/item -> item number
  for (size_t e = 0; e < exams.size(); ++e) {
    const ExamRecord& exam = exams[e];
    for (const std::string& id : exam.decks) {
      const std::shared_ptr<const Deck> deck = input.deck ? input.deck(id) : nullptr;
      if (!deck) {
        views[e].missing.push_back(id);
        continue;
      }
      std::unordered_map<std::string, srs::MemoryState> memory;
      if (input.store)
        for (const StoredCard& c : input.store->Cards(input.profile, id))
          memory[srs::CardKey(id, c.item, c.kind)] = c.memory;
      const QuestionGenerator generator(*deck);
      std::unordered_map<std::string, double> weights; // item -> its heaviest topic's weight
      for (const auto& [tag, weight] : exam.weights)
        for (QuestionKind kind : AllQuestionKinds())
          for (const std::string& item : generator.Candidates(kind, {tag})) {
            auto [it, added] = weights.try_emplace(item, weight);
            if (!added) it->second = std::max(it->second, weight);
          }
      for (QuestionKind kind : AllQuestionKinds())
        for (const std::string& item : generator.Candidates(kind, exam.tags)) {
          const std::string key = srs::CardKey(id, item, kind);
          auto [it, added] = index.try_emplace(key, out.cards.size());
          if (added) {
            srs::PlanCard card;
            card.item = items.try_emplace(id + "/" + item, items.size()).first->second;
            if (auto m = memory.find(key); m != memory.end()) card.memory = m->second;
            auto w = weights.find(item);
            card.weight = w == weights.end() ? 1.0 : std::max(0.0, w->second);
            out.cards.push_back(card);
            out.keys.push_back({id, item, kind});
          }
          out.cards[it->second].exams |= 1u << e;
        }
    }
  }
}

std::string Percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + " %"; }

std::string Count(long n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string BudgetText(int minutes) { return Count(minutes, "minute", "minutes") + " a day"; }

} // namespace

ExamPlanning PlanExams(const ExamPlanInput& input) {
  ExamPlanning planning;
  std::vector<ExamRecord> exams;
  for (const ExamRecord& x : input.exams)
    if (x.at > input.now && exams.size() < 32) exams.push_back(x);
  planning.exams.resize(exams.size());
  Gathered gathered;
  Gather(input, exams, planning.exams, gathered);

  const int measuredMs = input.store ? input.store->MedianAnswerMs(input.profile) : 0;
  const int answerSeconds = measuredMs > 0 ? std::clamp((measuredMs + 999) / 1000, 2, 120) : srs::kDefaultAnswerSeconds;
  std::vector<srs::PlanExam> planExams;
  for (const ExamRecord& x : exams)
    planExams.push_back({x.at, srs::AnswersPerDay(x.minutes, x.cards, answerSeconds)});
  srs::PlanOptions options;
  options.day = input.day;
  options.findBudget = input.findBudget;
  // Today's answers so far on the exams' cards, counted as the cards studied today.
  const srs::TimeMs dayStart = input.day.StartOf(input.now);
  for (const srs::PlanCard& c : gathered.cards)
    options.answersDoneToday += c.memory.state != srs::CardState::New && c.memory.lastReview >= dayStart;
  const srs::Fsrs fsrs(input.fsrs);
  const srs::ExamPlan plan = srs::MakeExamPlan(gathered.cards, planExams, fsrs, input.now, options);

  for (size_t i : plan.today)
    planning.today.push_back(gathered.keys[i]);
  planning.todayNew = plan.todayNew;
  planning.todayReviews = plan.todayReviews;
  for (size_t e = 0; e < exams.size(); ++e) {
    ExamView& view = planning.exams[e];
    view.exam = exams[e];
    view.outlook = plan.exams[e];
    view.daysLeft = CalendarDaysUntil(input.now, exams[e].at, input.day);
    view.answersPerDay = planExams[e].answersPerDay;
    view.answerSeconds = answerSeconds;
    for (const srs::PlanDay& d : plan.days)
      if (d.day < input.day.DayOf(exams[e].at)) view.chart.push_back(d.recallAtExams[e]);
    for (size_t i : srs::WeakestFirst(gathered.cards, static_cast<int>(e), fsrs, exams[e].at))
      view.weakest.push_back(gathered.keys[i]);
  }
  return planning;
}

int CalendarDaysUntil(srs::TimeMs now, srs::TimeMs at, const srs::StudyDay& day) {
  srs::StudyDay midnight = day;
  midnight.dayStartHour = 0;
  return static_cast<int>(midnight.DayOf(at) - midnight.DayOf(now));
}

std::string DaysText(int days) {
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  if (days == -1) return "yesterday";
  return days > 0 ? "in " + std::to_string(days) + " days" : std::to_string(-days) + " days ago";
}

std::string ExamSummaryText(const ExamView& view, const ExamPlanning& planning) {
  const srs::ExamOutlook& o = view.outlook;
  const long likely = std::lround(o.recallPlanned * static_cast<double>(o.cards));
  std::string text = view.exam.name + " " + DaysText(view.daysLeft) + ": " + std::to_string(likely) + " of " +
                     Count(static_cast<long>(o.cards), "card", "cards") + " likely remembered on the day (" +
                     Percent(o.recallPlanned) + ")";
  if (view.daysLeft > 0)
    text += "; today: " + Count(planning.todayReviews, "review", "reviews") + " and " +
            Count(planning.todayNew, "new card", "new cards");
  return text;
}

std::string ExamBudgetAdvice(const ExamView& view) {
  const srs::ExamOutlook& o = view.outlook;
  if (o.recallPlanned >= srs::kExamTarget || view.daysLeft == 0) return {};
  const bool inCards = view.exam.cards > 0;
  const std::string budget =
      inCards ? Count(view.exam.cards, "answer", "answers") + " a day" : BudgetText(view.exam.minutes);
  std::string text = budget;
  const long unseen = std::lround(o.unseen);
  text += unseen > 0 ? " leaves about " + Count(unseen, "card", "cards") + " unseen before the exam"
                     : " reaches " + Percent(o.recallPlanned) + " by the plan";
  if (o.answersNeeded > 0) {
    const int answers = o.answersNeeded;
    const int minutes = static_cast<int>(std::ceil(answers * view.answerSeconds / 60.0 / 5.0)) * 5;
    text += "; about " + (inCards ? Count(answers, "answer", "answers") + " a day" : BudgetText(minutes)) +
            " would have " + Percent(o.recallAtMostBudget) + " likely remembered.";
  } else if (o.answersNeeded < 0) {
    text += "; too few days are left for " + Percent(srs::kExamTarget) + " at any budget (at most about " +
            Percent(o.recallAtMostBudget) + ").";
  } else {
    text += ".";
  }
  return text;
}

std::optional<srs::TimeMs> ParseExamTime(const std::string& text, const srs::StudyDay& day) {
  int y = 0, mo = 0, d = 0, h = 9, mi = 0;
  char tail = 0;
  const int read = std::sscanf(text.c_str(), "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &tail);
  if (read != 3 && read != 5) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  const std::int64_t days = DaysFromCivil(y, mo, d);
  return (days * 24 * 60 + h * 60 + mi - day.utcOffsetMinutes) * srs::kMinuteMs;
}

} // namespace factdeck
