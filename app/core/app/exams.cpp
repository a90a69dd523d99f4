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
            card.weight = 0.0;
            out.cards.push_back(card);
            out.keys.push_back({id, item, kind});
          }
          // On several exams, the heaviest of its weights.
          auto w = weights.find(item);
          srs::PlanCard& card = out.cards[it->second];
          card.weight = std::max(card.weight, w == weights.end() ? 1.0 : w->second);
          card.exams |= 1u << e;
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
  // Exams past are not planned; nor, yet, those too far ahead (they are listed, saying so).
  std::vector<ExamRecord> exams, tooFar;
  for (const ExamRecord& x : input.exams)
    if (x.at > input.now + srs::kMaxPlanDays * srs::kDayMs)
      tooFar.push_back(x);
    else if (x.at > input.now && exams.size() < kMaxExams)
      exams.push_back(x);
  planning.exams.resize(exams.size());
  Gathered gathered;
  Gather(input, exams, planning.exams, gathered);

  const int measuredMs = input.store ? input.store->MedianAnswerMs(input.profile) : 0;
  const int answerSeconds = measuredMs > 0 ? std::clamp((measuredMs + 999) / 1000, 2, 120) : srs::kDefaultAnswerSeconds;
  std::vector<srs::PlanExam> planExams;
  for (size_t e = 0; e < exams.size(); ++e) {
    // An exam with no card (its tags match nothing) adds no time to the others'.
    const bool any = std::any_of(gathered.cards.begin(), gathered.cards.end(),
                                 [e](const srs::PlanCard& c) { return c.exams >> e & 1u; });
    planExams.push_back({exams[e].at, any ? srs::AnswersPerDay(exams[e].minutes, exams[e].cards, answerSeconds) : 0.0});
  }
  srs::PlanOptions options;
  options.day = input.day;
  options.findBudget = input.findBudget;
  options.answerSeconds = answerSeconds;
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
  if (!plan.days.empty() && plan.days.front().day == input.day.DayOf(input.now))
    planning.todayMinutes = static_cast<int>(std::lround(plan.days.front().answers * answerSeconds / 60.0));
  for (size_t e = 0; e < exams.size(); ++e) {
    ExamView& view = planning.exams[e];
    view.exam = exams[e];
    view.outlook = plan.exams[e];
    view.daysLeft = CalendarDaysUntil(input.now, exams[e].at, input.day);
    view.closing = exams[e].at - srs::kExamMargin <= input.now;
    view.answersPerDay = planExams[e].answersPerDay;
    view.answerSeconds = answerSeconds;
    for (const srs::PlanDay& d : plan.days)
      if (d.at < exams[e].at - srs::kExamMargin) view.chart.push_back(d.recallAtExams[e]);
    for (size_t i : srs::WeakestFirst(gathered.cards, static_cast<int>(e), fsrs, exams[e].at))
      view.weakest.push_back(gathered.keys[i]);
    for (size_t i : plan.today)
      view.studyToday |= (gathered.cards[i].exams >> e & 1u) != 0;
  }
  for (const ExamRecord& x : tooFar) {
    ExamView view;
    view.exam = x;
    view.tooFar = true;
    view.daysLeft = CalendarDaysUntil(input.now, x.at, input.day);
    planning.exams.push_back(std::move(view));
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

std::string ExamTodayText(const ExamPlanning& planning) {
  size_t planned = 0;
  for (const ExamView& v : planning.exams)
    planned += !v.tooFar;
  if (planned < 2) return {};
  return "Today, for " + std::to_string(planned) + " exams: " + Count(planning.todayReviews, "review", "reviews") +
         " and " + Count(planning.todayNew, "new card", "new cards") + ", about " +
         Count(planning.todayMinutes, "minute", "minutes");
}

std::string ExamSummaryText(const ExamView& view, const ExamPlanning& planning) {
  if (view.tooFar)
    return view.exam.name + " " + DaysText(view.daysLeft) + ": too far ahead to plan yet (FactDeck plans " +
           std::to_string(srs::kMaxPlanDays) + " days ahead); ordinary study until then";
  const srs::ExamOutlook& o = view.outlook;
  if (view.closing)
    return view.exam.name + " begins within the hour: nothing more is planned; revise the weakest cards first";
  if (o.cards == 0)
    return view.exam.name + " " + DaysText(view.daysLeft) + ": no card of its decks has the exam's tags";
  const long likely = std::lround(o.recallPlanned * static_cast<double>(o.cards));
  std::string text = view.exam.name + " " + DaysText(view.daysLeft) + ": " + std::to_string(likely) + " of " +
                     Count(static_cast<long>(o.cards), "card", "cards") + " likely remembered on the day (" +
                     Percent(o.recallPlanned) + ")";
  if (ExamTodayText(planning).empty() && view.studyToday)
    text += "; today: " + Count(planning.todayReviews, "review", "reviews") + " and " +
            Count(planning.todayNew, "new card", "new cards") + ", about " +
            Count(planning.todayMinutes, "minute", "minutes");
  return text;
}

std::string ExamBudgetAdvice(const ExamView& view) {
  const srs::ExamOutlook& o = view.outlook;
  if (view.tooFar || view.closing || o.cards == 0 || o.recallPlanned >= srs::kExamTarget || o.answersNeeded == 0)
    return {};
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
    text += "; too little time is left for " + Percent(srs::kExamTarget) + " with any time a day (at most about " +
            Percent(o.recallAtMostBudget) + ", a study session a day at this hour).";
  } else {
    text += ".";
  }
  return text;
}

std::optional<srs::TimeMs> ParseExamTime(const std::string& text, const srs::StudyDay& day) {
  int y = 0, mo = 0, d = 0, h = 9, mi = 0, used = 0;
  const char* c = text.c_str();
  if (std::sscanf(c, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10) return std::nullopt;
  if (text.size() > 10) { // a time: "2027-01-20 14:30" or "2027-01-20T14:30"
    int timeUsed = 0;
    if ((c[10] != ' ' && c[10] != 'T') || std::sscanf(c + 11, "%2d:%2d%n", &h, &mi, &timeUsed) != 2 ||
        11 + static_cast<size_t>(timeUsed) != text.size())
      return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  const std::int64_t days = DaysFromCivil(y, mo, d);
  return (days * 24 * 60 + h * 60 + mi - day.utcOffsetMinutes) * srs::kMinuteMs;
}

} // namespace factdeck
