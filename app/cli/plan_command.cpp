// factdeck plan: the learner's exams and the plan for each (docs/scheduling.md, "Exams");
// plan add and plan remove set them, as the home screen's "Plan an exam" does.
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "core/app/app_state.h"
#include "core/app/reducer.h"

namespace factdeck::cli {

namespace {

struct PlanOptions {
  StoreOptions store;
  std::string name, when, tags, weights;
  int minutes = 30, cards = 0;
  std::int64_t id = 0;
};

// The app's state on the data folder, with `open` remembered and listed as the app would.
std::unique_ptr<AppState> LoadState(const StoreOptions& o, const std::vector<std::filesystem::path>& open = {}) {
  auto state = std::make_unique<AppState>(LoadAppState(DataDir(o), {}, open));
  for (const std::string& notice : state->notices)
    std::cerr << "factdeck: " << notice << '\n';
  if (!state->store) return nullptr;
  if (!o.profile.empty()) {
    state->profile = ProfileOf(*state->store, o);
    if (state->profile == 0) return nullptr;
    RefreshProgress(*state);
  }
  return state;
}

nlohmann::ordered_json ExamJson(const ExamView& v, const ExamPlanning& planning) {
  const srs::ExamOutlook& o = v.outlook;
  nlohmann::ordered_json chart = nlohmann::json::array();
  for (double share : v.chart)
    chart.push_back(std::round(share * 10000) / 10000);
  return {{"id", v.exam.id},
          {"name", v.exam.name},
          {"at_ms", v.exam.at},
          {"days_left", v.daysLeft},
          {"decks", v.exam.decks},
          {"tags", v.exam.tags},
          {"minutes_a_day", v.exam.cards > 0 ? nlohmann::json() : nlohmann::json(v.exam.minutes)},
          {"cards_a_day", v.exam.cards > 0 ? nlohmann::json(v.exam.cards) : nlohmann::json()},
          {"answers_a_day", v.answersPerDay},
          {"seconds_an_answer", v.answerSeconds},
          {"cards", o.cards},
          {"recall_now", o.recallNow},
          {"recall_planned", o.recallPlanned},
          {"unseen_at_exam", o.unseen},
          {"answers_needed", o.answersNeeded > 0 ? nlohmann::json(o.answersNeeded) : nlohmann::json()},
          {"reachable", o.answersNeeded >= 0},
          {"too_far_to_plan", v.tooFar},
          {"summary", ExamSummaryText(v, planning)},
          {"advice", ExamBudgetAdvice(v)},
          {"missing_decks", v.missing},
          {"by_day", chart}};
}

void PrintPlan(const ExamPlanning& planning) {
  if (const std::string today = ExamTodayText(planning); !today.empty()) std::cout << today << '\n';
  for (const ExamView& v : planning.exams) {
    std::cout << "[" << v.exam.id << "] " << ExamSummaryText(v, planning) << '\n';
    if (const std::string advice = ExamBudgetAdvice(v); !advice.empty()) std::cout << "    " << advice << '\n';
    for (const std::string& deck : v.missing)
      std::cout << "    The deck \"" << deck << "\" is not listed: its cards are not planned.\n";
  }
}

int RunPlan(const PlanOptions& o) {
  auto state = LoadState(o.store);
  if (!state) return 1;
  const ExamPlanning& planning = state->exams;
  if (o.store.json) {
    nlohmann::ordered_json exams = nlohmann::json::array();
    for (const ExamView& v : planning.exams)
      exams.push_back(ExamJson(v, planning));
    nlohmann::ordered_json today = nlohmann::json::array();
    for (const ExamCard& c : planning.today)
      today.push_back(srs::CardKey(c.deck, c.item, c.kind));
    nlohmann::ordered_json out = {{"exams", exams},
                                  {"today",
                                   {{"reviews", planning.todayReviews},
                                    {"new_cards", planning.todayNew},
                                    {"minutes", planning.todayMinutes},
                                    {"cards", today}}}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  if (planning.exams.empty()) {
    std::cout << "No exams planned. Plan one with: factdeck plan add --name NAME --date 2027-01-20 --deck FILE\n";
    return 0;
  }
  PrintPlan(planning);
  return 0;
}

int RunAdd(const PlanOptions& o, bool minutesGiven, bool cardsGiven) {
  if (minutesGiven && cardsGiven) {
    std::cerr << "factdeck: give --minutes or --cards, not both\n";
    return 2;
  }
  if (cardsGiven && o.cards < 1) {
    std::cerr << "factdeck: --cards must be at least 1\n";
    return 2;
  }
  const bool path = o.store.deck.find('/') != std::string::npos || o.store.deck.find('.') != std::string::npos;
  auto state = LoadState(o.store, path ? std::vector<std::filesystem::path>{o.store.deck}
                                       : std::vector<std::filesystem::path>{});
  if (!state) return 1;
  size_t deck = state->decks.size();
  for (size_t i = 0; i < state->decks.size() && deck == state->decks.size(); ++i)
    if (state->decks[i].id == o.store.deck || (path && std::filesystem::exists(o.store.deck) &&
                                               std::filesystem::equivalent(state->decks[i].path, o.store.deck)))
      deck = i;
  if (deck == state->decks.size()) {
    std::cerr << "factdeck: no listed deck is \"" << o.store.deck << "\" (give a deck file or a listed deck's id)\n";
    return 1;
  }
  state->Post(PlanExam{o.name, o.when, deck, o.tags, o.minutes, o.weights, o.cards});
  ApplyIntents(*state);
  for (const std::string& notice : state->notices)
    std::cerr << "factdeck: " << notice << '\n';
  if (state->confirmations.empty()) return 1;
  std::cout << state->confirmations.back() << '\n';
  PrintPlan(state->exams);
  return 0;
}

int RunRemove(const PlanOptions& o) {
  auto state = LoadState(o.store);
  if (!state) return 1;
  bool known = false;
  for (const ExamRecord& x : state->store->Exams(state->profile))
    known |= x.id == o.id;
  if (!known) {
    std::cerr << "factdeck: the learner has no exam " << o.id << " (factdeck plan lists them)\n";
    return 1;
  }
  state->Post(RemoveExam{o.id});
  ApplyIntents(*state);
  std::cout << "Exam " << o.id << " removed.\n";
  return 0;
}

} // namespace

void RegisterPlanCommand(CLI::App& app, CommandList& commands, const std::string& dataDir) {
  auto o = std::make_shared<PlanOptions>();
  o->store.dataDir = &dataDir;
  CLI::App* plan = app.add_subcommand("plan", "Exams to revise for, and each day's plan to remember their cards");
  plan->add_option("--profile", o->store.profile, "Whose exams (default: the learner studying in the app)")
      ->type_name("NAME");
  plan->add_flag("--json", o->store.json, "Print JSON");

  CLI::App* add = plan->add_subcommand("add", "Plan an exam on a deck");
  add->add_option("--name", o->name, "The exam's name (default: the deck's title)");
  add->add_option("--date", o->when, "When: 2027-01-20 (9:00) or \"2027-01-20 14:30\", local time")->required();
  add->add_option("--deck", o->store.deck,
                  "The deck: a file (remembered, as the app's Open does) or a listed deck's id")
      ->required();
  add->add_option("--tags", o->tags, "Only items with one of these tags (default: the whole deck)");
  add->add_option("--minutes", o->minutes, "Minutes a day for it (default: 30)");
  add->add_option("--cards", o->cards, "Cards (answers) a day instead of minutes");
  add->add_option("--weights", o->weights, "Topic weights: \"algebra=2 geometry=0.5\"");
  add->add_option("--profile", o->store.profile, "Whose exam")->type_name("NAME");
  commands.push_back({add, [o, add] { return RunAdd(*o, add->count("--minutes") > 0, add->count("--cards") > 0); }});

  CLI::App* remove = plan->add_subcommand("remove", "Remove an exam (its id, as factdeck plan lists it)");
  remove->add_option("id", o->id, "The exam's id")->required();
  remove->add_option("--profile", o->store.profile, "Whose exam")->type_name("NAME");
  commands.push_back({remove, [o] { return RunRemove(*o); }});
  // After its subcommands: the first command parsed runs, and `plan add` parses `plan` too.
  commands.push_back({plan, [o] { return RunPlan(*o); }});
}

} // namespace factdeck::cli
