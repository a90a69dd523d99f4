// Stats: the review calendar, the due forecast, accuracy by tag, retention over time and
// study scores, drawn with ImDrawList (axes, labels, hover tooltips).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/iso_time.h"
#include "core/base/text.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

// Joins text by appending (GCC 12 warns falsely on "literal" + std::string temporaries).
template <typename... Parts> std::string Cat(const Parts&... parts) {
  std::string text;
  (text += ... += parts);
  return text;
}

ImU32 Colour(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

std::string DateOfDay(std::int64_t day) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  char text[32];
  std::snprintf(text, sizeof text, "%d %s %d", d, MonthName(m), y);
  return text;
}

// A bar chart with a value axis (0 to the largest value, three ticks), labels under some
// bars, and a tooltip for the bar under the mouse. `values` < 0 are gaps (no data).
void BarChart(UiContext& ui, const char* id, const std::vector<double>& values, const std::vector<std::string>& labels,
              const std::vector<std::string>& tips, const ImVec4& colour, double fixedMax = 0.0,
              const char* unit = "") {
  const float em = ui.Em();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, 9 * em);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  ui.Track(std::string("stats/") + id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float axis = 3.5f * em, bottom = origin.y + size.y - 1.5f * em, top = origin.y + 0.5f * em;
  double max = fixedMax;
  for (double v : values)
    max = std::max(max, v);
  if (max <= 0) max = 1;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), grid = Colour(ui.palette->muted, 0.35f);
  for (int t = 0; t <= 2; ++t) { // value axis: 0, half, max
    const double value = max * t / 2.0;
    const float y = bottom - static_cast<float>(value / max) * (bottom - top);
    char label[32];
    std::snprintf(label, sizeof label, value >= 10 || value == 0 ? "%.0f%s" : "%.1f%s", value, unit);
    draw->AddLine(ImVec2(origin.x + axis, y), ImVec2(origin.x + size.x, y), grid);
    draw->AddText(ImVec2(origin.x, y - 0.5f * em), Colour(ui.palette->muted), label);
  }
  const size_t n = std::max<size_t>(1, values.size());
  // Bars at most 3 em wide: one session is a bar, not the width of the window.
  const float slot = std::min((size.x - axis) / static_cast<float>(n), 4 * em);
  const float bar = std::clamp(slot * 0.75f, 1.0f, 3 * em);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (std::none_of(values.begin(), values.end(), [](double v) { return v > 0; })) {
    const char* none = "No data yet";
    const ImVec2 w = ImGui::CalcTextSize(none);
    draw->AddText(ImVec2(origin.x + axis + (size.x - axis - w.x) / 2, (top + bottom - w.y) / 2),
                  Colour(ui.palette->muted), none);
  }
  float labelsEnd = origin.x; // a label is drawn only where it fits beside the one before
  for (size_t i = 0; i < values.size(); ++i) {
    const float x = origin.x + axis + slot * static_cast<float>(i) + (slot - bar) / 2;
    if (values[i] >= 0) {
      const float y = bottom - static_cast<float>(values[i] / max) * (bottom - top);
      draw->AddRectFilled(ImVec2(x, y), ImVec2(x + bar, bottom), Colour(colour));
    }
    if (i < labels.size() && !labels[i].empty()) {
      const float w = ImGui::CalcTextSize(labels[i].c_str()).x;
      const float left = std::min(x + bar / 2 - w / 2, origin.x + size.x - w); // centred, never past the edge
      if (left >= labelsEnd) {
        draw->AddText(ImVec2(std::max(left, origin.x + axis), bottom + 0.2f * em), text, labels[i].c_str());
        labelsEnd = left + w + em;
      }
    }
    if (ImGui::IsItemHovered() && mouse.x >= x - (slot - bar) / 2 && mouse.x < x + bar + (slot - bar) / 2 &&
        i < tips.size())
      ImGui::SetTooltip("%s", tips[i].c_str());
  }
  draw->AddLine(ImVec2(origin.x + axis, bottom), ImVec2(origin.x + size.x, bottom), text);
}

// The study calendar: one square a day for the last 53 weeks, darker for more answers.
void Heatmap(UiContext& ui, const std::vector<DayActivity>& activity, std::int64_t today) {
  const float em = ui.Em(), cell = std::min(1.1f * em, (ImGui::GetContentRegionAvail().x - 3 * em) / 53.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(3 * em + 53 * cell, 7 * cell + 1.5f * em);
  ImGui::InvisibleButton("calendar", size);
  ui.Track("stats/calendar");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::map<std::int64_t, DayActivity> byDay;
  int most = 1;
  for (const DayActivity& a : activity) {
    byDay[a.day] = a;
    most = std::max(most, a.answers);
  }
  // Weeks run Monday to Sunday; the last column holds today.
  const std::int64_t weekday = ((today % 7) + 10) % 7; // 1970-01-01 was a Thursday: 0 = Monday
  const std::int64_t first = today - weekday - 52 * 7;
  static const char* kDays[] = {"Mon", "", "Wed", "", "Fri", "", ""};
  for (int r = 0; r < 7; ++r)
    draw->AddText(ImVec2(origin.x, origin.y + static_cast<float>(r) * cell), Colour(ui.palette->muted), kDays[r]);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::int64_t day = first; day <= today; ++day) {
    const float x = origin.x + 3 * em + static_cast<float>((day - first) / 7) * cell;
    const float y = origin.y + static_cast<float>((day - first) % 7) * cell;
    auto it = byDay.find(day);
    const int answers = it == byDay.end() ? 0 : it->second.answers;
    const float level = answers == 0 ? 0.08f : 0.25f + 0.75f * static_cast<float>(answers) / static_cast<float>(most);
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + cell - 2, y + cell - 2), Colour(ui.palette->accent, level), 2.0f);
    if (ImGui::IsItemHovered() && mouse.x >= x && mouse.x < x + cell && mouse.y >= y && mouse.y < y + cell)
      ImGui::SetTooltip("%s: %d answers, %d right", DateOfDay(day).c_str(), answers,
                        it == byDay.end() ? 0 : it->second.correct);
  }
  char legend[64];
  std::snprintf(legend, sizeof legend, "Most in a day: %d", most);
  draw->AddText(ImVec2(origin.x + 3 * em, origin.y + 7 * cell + 0.2f * em), Colour(ui.palette->muted), legend);
}

void Section(UiContext& ui, const char* title) {
  ImGui::Spacing();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
}

// The learner's memory model: which weights the schedule uses, the last fit to their
// reviews and how well it predicts them, and the buttons to fit, use the fit, or go back.
void MemoryModel(UiContext& ui, const StatsView& v) {
  Section(ui, "Your memory model");
  ImGui::TextWrapped("%s", v.weightsInUse ? "Your reviews are scheduled with weights fitted to your own answers."
                                          : "Your reviews are scheduled with the standard weights, made for an average "
                                            "learner. Fitting them to your answers can save reviews.");
  ui.Track("stats/memory/in-use");
  if (v.importedReviews > 0)
    ImGui::TextWrapped("%s reviews imported from another program count in a fit (not in the figures above).",
                       CountText(static_cast<size_t>(v.importedReviews)).c_str());
  if (!v.fitProblem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->wrong);
    ImGui::TextWrapped("Could not fit: %s.", v.fitProblem.c_str());
    ImGui::PopStyleColor();
    ui.Track("stats/memory/problem");
  }
  const bool fitInUse = v.lastFit && v.weightsInUse && *v.weightsInUse == v.lastFit->weights;
  if (v.lastFit) {
    const MemoryModelRecord& f = *v.lastFit;
    ImGui::TextWrapped(
        "Last fit: %s, on %s of your answers. How far it misses them (lower is better): log loss %s with the "
        "standard weights, %s fitted; average miss %s and %s percentage points.",
        FormatIsoTime(f.time).substr(0, 10).c_str(), CountText(f.items).c_str(), FixedText(f.logLossBefore, 3).c_str(),
        FixedText(f.logLossAfter, 3).c_str(), FixedText(100 * f.rmseBefore, 1).c_str(),
        FixedText(100 * f.rmseAfter, 1).c_str());
    ui.Track("stats/memory/fit");
    if (f.heldOutLogLossBefore && f.heldOutLogLossAfter)
      ImGui::TextWrapped("On your newest fifth of answers, which a fit to the older ones did not see: log loss %s "
                         "standard, %s fitted.",
                         FixedText(*f.heldOutLogLossBefore, 3).c_str(), FixedText(*f.heldOutLogLossAfter, 3).c_str());
    if (ImGui::TreeNode("The 21 weights of the last fit")) {
      std::string weights;
      for (size_t i = 0; i < f.weights.size(); ++i)
        weights += (i == 0 ? "" : ", ") + FixedText(f.weights[i], 4);
      ImGui::TextWrapped("%s", weights.c_str());
      ImGui::TreePop();
    }
    ui.Track("stats/memory/weights");
  }
  if (ImGui::Button(v.lastFit ? "Fit again" : "Fit to my answers")) ui.Post(FitMemoryModel{});
  ui.Track("stats/memory/fit-button");
  ImGui::SameLine();
  ImGui::BeginDisabled(!v.lastFit || fitInUse);
  if (ImGui::Button("Use these weights")) ui.Post(UseFittedWeights{});
  ImGui::EndDisabled();
  ui.Track("stats/memory/use");
  ImGui::SameLine();
  ImGui::BeginDisabled(!v.weightsInUse);
  if (ImGui::Button("Back to the standard weights")) ui.Post(UseDefaultWeights{});
  ImGui::EndDisabled();
  ui.Track("stats/memory/defaults");
}

} // namespace

void DrawStatsScreen(UiContext& ui) {
  BackButton(ui, "stats");
  Heading(ui, "Stats");
  const AppState& state = ui.state;
  if (!state.stats) {
    ImGui::TextWrapped("Progress is not being saved, so there are no stats.");
    return;
  }
  const StatsView& v = *state.stats;
  const StoreStats& s = v.totals;
  auto count = [](auto n) { return CountText(static_cast<size_t>(std::max<long long>(0, n))); };
  ImGui::TextWrapped("%s answers in all, %s today · day streak %d (longest %d) · %s cards (%s learning, %s in review)",
                     count(s.answers).c_str(), count(s.answersToday).c_str(), s.currentStreak, s.longestStreak,
                     count(s.cards).c_str(), count(s.learningCards).c_str(), count(s.reviewCards).c_str());
  if (s.cardReviews != s.answers) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("The scheduler counted %s card reviews: an ordering or a which-first answer reviews each of "
                       "its events' cards.",
                       count(s.cardReviews).c_str());
    ImGui::PopStyleColor();
  }
  ui.Track("stats/summary");
  ImGui::BeginChild("charts", ImVec2(0, 0), false);
  MemoryModel(ui, v);

  Section(ui, "Study calendar (answers a day)");
  Heatmap(ui, v.calendar, v.today);

  Section(ui, "Due in the next 30 days");
  {
    std::vector<double> values;
    std::vector<std::string> labels, tips;
    for (size_t d = 0; d < v.dueForecast.size(); ++d) {
      values.push_back(static_cast<double>(v.dueForecast[d]));
      labels.push_back(d % 7 == 0 ? (d == 0 ? std::string("today") : Cat("+", std::to_string(d))) : std::string());
      tips.push_back(
          Cat(d == 0 ? std::string("Today (with overdue)") : DateOfDay(v.today + static_cast<std::int64_t>(d)), ": ",
              std::to_string(v.dueForecast[d]), " due"));
    }
    BarChart(ui, "forecast", values, labels, tips, ui.palette->accent);
  }

  Section(ui, "Retention, week by week (right answers to learned cards)");
  {
    std::vector<double> values;
    std::vector<std::string> labels, tips;
    for (const PeriodRetention& p : v.retention) {
      values.push_back(p.reviews > 0 ? 100.0 * p.correct / p.reviews : -1);
      labels.push_back(&p == &v.retention.front() || &p == &v.retention.back() ? DateOfDay(p.firstDay) : "");
      tips.push_back(Cat("Week of ", DateOfDay(p.firstDay), ": ",
                         p.reviews > 0
                             ? Cat(std::to_string(100 * p.correct / p.reviews), "% of ", std::to_string(p.reviews))
                             : std::string("no reviews of learned cards")));
    }
    BarChart(ui, "retention", values, labels, tips, ui.palette->right, 100.0, "%");
  }

  Section(ui, "Accuracy by tag (weakest first)");
  if (v.tags.empty()) {
    ImGui::TextUnformatted("No answers yet.");
  } else {
    std::vector<double> values;
    std::vector<std::string> labels, tips;
    for (const TagAccuracy& t : v.tags) {
      values.push_back(100.0 * t.right / t.answers);
      labels.push_back(t.tag);
      tips.push_back(Cat(t.tag, ": ", std::to_string(t.right), " right of ", std::to_string(t.answers)));
    }
    BarChart(ui, "tags", values, labels, tips, ui.palette->accent, 100.0, "%");
  }

  Section(ui, "Study sessions (share of right answers)");
  {
    std::vector<double> values;
    std::vector<std::string> labels, tips;
    for (const SessionRecord& r : v.sessions) {
      if (r.questions == 0) continue;
      values.push_back(r.score);
      labels.push_back("");
      tips.push_back(Cat(FormatIsoTime(r.started).substr(0, 10), ", ", r.deck, ": ", std::to_string(r.correct), " of ",
                         std::to_string(r.questions), " right"));
    }
    if (values.empty())
      ImGui::TextUnformatted("No finished sessions yet.");
    else
      BarChart(ui, "sessions", values, labels, tips, ui.palette->right, 100.0, "%");
  }
  ImGui::EndChild();
}

} // namespace factdeck::ui
