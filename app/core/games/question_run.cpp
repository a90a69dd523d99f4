#include "core/games/question_run.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace factdeck {

AnswerRecord LoggedAnswer(const Question& q, const std::string& item, QuestionKind kind, std::int64_t profile,
                          std::int64_t session, const std::string& deck, srs::TimeMs now, const std::string& given,
                          bool correct) {
  AnswerRecord record;
  record.profile = profile;
  record.session = session;
  record.deck = deck;
  record.item = item;
  record.kind = kind;
  record.time = now;
  for (size_t i = 0; i < q.options.size(); ++i)
    record.options += (i ? "\n" : "") + q.options[i];
  record.answer = given;
  record.correct = correct;
  record.answerCorrect = correct;
  return record;
}

Judgement JudgeOptions(const Question& q, const std::vector<int>& chosen) {
  std::vector<int> picked;
  for (int option : chosen)
    if (option >= 0 && option < static_cast<int>(q.options.size())) picked.push_back(option);
  std::sort(picked.begin(), picked.end());
  picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
  const std::vector<int> right = RightOptions(q);
  Judgement j;
  j.correct = picked == right;
  j.credit = j.correct ? 1.0 : 0.0;
  auto join = [&](const std::vector<int>& options) {
    std::string text;
    for (int option : options)
      if (option >= 0 && option < static_cast<int>(q.options.size()))
        text += (text.empty() ? "" : "; ") + q.options[static_cast<size_t>(option)];
    return text;
  };
  j.given = join(picked);
  j.rightAnswer = q.answer >= 0 || SelectAll(q) ? join(right) : q.answerText;
  return j;
}

Judgement JudgeOrder(const Question& q, const std::vector<int>& order) {
  Judgement j;
  std::vector<int> truePosition(q.order.size());
  for (size_t rank = 0; rank < q.order.size(); ++rank)
    truePosition[static_cast<size_t>(q.order[rank])] = static_cast<int>(rank);
  std::vector<int> placed;
  for (int option : order)
    if (option >= 0 && static_cast<size_t>(option) < truePosition.size())
      placed.push_back(truePosition[static_cast<size_t>(option)]);
  j.credit = placed.size() == q.order.size() ? srs::OrderingCredit(placed) : 0.0;
  j.correct = j.credit == 1.0;
  for (size_t rank = 0; rank < q.order.size(); ++rank)
    j.rightAnswer += (rank ? " → " : "") + q.options[static_cast<size_t>(q.order[rank])];
  for (int option : order)
    j.given += (j.given.empty() ? "" : "\n") + q.options[static_cast<size_t>(option)];
  return j;
}

Judgement JudgeYear(const Question& q, const std::string& text) {
  // One year, in any form of the date grammar ("1922", "44 BC", "AD 9").
  DateParse parsed = ParseDate(text);
  const bool oneYear = parsed.date && parsed.date->precision == DatePrecision::Year &&
                       parsed.date->doubt == DateDoubt::None && !parsed.date->circa;
  Judgement j;
  j.correct = oneYear && YearAccepted(q, parsed.date->year);
  j.credit = j.correct ? 1.0 : 0.0;
  j.given = text;
  const std::string accepted = AcceptedYearsText(q);
  j.rightAnswer = q.answerText + (accepted != q.answerText ? " (accepted: " + accepted + ")" : "");
  return j;
}

} // namespace factdeck
