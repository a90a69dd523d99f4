// factdeck srs replay: runs review histories through the FSRS-6 scheduler and prints the
// memory state after each review, to compare FactDeck's scheduling with other tools.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "core/srs/fsrs.h"
#include "core/base/iso_time.h"

namespace factdeck::cli {

namespace {

struct ReplayOptions {
  std::string input = "-";
  std::string params, learningSteps = "1m,10m", relearningSteps = "10m";
  double retention = 0.9;
  int maximumInterval = 36500;
  bool fuzz = false, noShortTerm = false;
};

// "1m,10m,1h" -> minutes; "" or "none" -> no steps.
bool ParseSteps(const std::string& text, std::vector<int>& minutes, std::string& error) {
  minutes.clear();
  if (text.empty() || text == "none") return true;
  std::stringstream list(text);
  for (std::string step; std::getline(list, step, ',');) {
    size_t used = 0;
    int value = -1;
    try {
      value = std::stoi(step, &used);
    } catch (const std::exception&) {
    }
    std::string unit = step.substr(used);
    int scale = unit == "m" ? 1 : unit == "h" ? 60 : unit == "d" ? 1440 : 0;
    if (value <= 0 || scale == 0) {
      error = "invalid step '" + step + "' (write minutes, hours or days: 1m, 10m, 1h, 1d)";
      return false;
    }
    minutes.push_back(value * scale);
  }
  return true;
}

// Seeds the fuzz from the card and the review's number, so a replay is repeatable.
std::uint64_t FuzzSeed(const std::string& card, size_t review) {
  std::uint64_t hash = 1469598103934665603ull; // FNV-1a
  for (unsigned char c : card)
    hash = (hash ^ c) * 1099511628211ull;
  return hash ^ (review * 0x9E3779B97F4A7C15ull);
}

// One input line: {"card": "...", "reviews": [{"rating": 1-4, "time": "ISO-8601"}, ...]}.
// Prints one output line per review; returns an error message, or "".
std::string ReplayLine(const srs::Fsrs& fsrs, const std::string& line, std::ostream& out) {
  nlohmann::json history;
  try {
    history = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    return std::string("not JSON: ") + e.what();
  }
  if (!history.is_object() || !history.contains("card") || !history["card"].is_string() ||
      !history.contains("reviews") || !history["reviews"].is_array())
    return "expected {\"card\": \"...\", \"reviews\": [...]}";
  const std::string card = history["card"].get<std::string>();
  srs::MemoryState state;
  srs::TimeMs previous = INT64_MIN;
  std::vector<std::string> lines;
  for (size_t i = 0; i < history["reviews"].size(); ++i) {
    const nlohmann::json& review = history["reviews"][i];
    const std::string where = "review " + std::to_string(i + 1) + " of '" + card + "': ";
    if (!review.is_object() || !review.contains("rating") || !review["rating"].is_number_integer() ||
        !review.contains("time") || !review["time"].is_string())
      return where + "expected {\"rating\": 1-4, \"time\": \"ISO-8601\"}";
    const int rating = review["rating"].get<int>();
    if (rating < 1 || rating > 4) return where + "rating must be 1 (again) to 4 (easy), not " + std::to_string(rating);
    auto time = ParseIsoTime(review["time"].get<std::string>());
    if (!time) return where + "invalid time '" + review["time"].get<std::string>() + "' (e.g. 2024-03-05T14:30:00Z)";
    if (*time < previous) return where + "reviews must be in time order";
    previous = *time;
    srs::ReviewOutcome outcome = fsrs.Review(state, *time, static_cast<srs::Rating>(rating), FuzzSeed(card, i));
    state = outcome.card;
    nlohmann::ordered_json result = {{"card", card},
                                     {"state", srs::CardStateName(state.state)},
                                     {"stability", state.stability},
                                     {"difficulty", state.difficulty},
                                     {"retrievability", outcome.retrievability},
                                     {"due", FormatIsoTime(state.due)}};
    lines.push_back(result.dump());
  }
  for (const std::string& l : lines)
    out << l << '\n';
  return {};
}

int RunReplay(const ReplayOptions& options) {
  srs::FsrsParameters params;
  std::string error;
  if (!options.params.empty()) {
    std::stringstream list(options.params);
    std::vector<double> w;
    for (std::string item; std::getline(list, item, ',');) {
      try {
        w.push_back(std::stod(item));
      } catch (const std::exception&) {
        std::cerr << "factdeck: error: --params: '" << item << "' is not a number\n";
        return 2;
      }
    }
    if (w.size() != 21) {
      std::cerr << "factdeck: error: --params needs the 21 FSRS-6 weights, got " << w.size() << '\n';
      return 2;
    }
    std::copy(w.begin(), w.end(), params.w.begin());
  }
  if (!ParseSteps(options.learningSteps, params.learningSteps, error) ||
      !ParseSteps(options.relearningSteps, params.relearningSteps, error)) {
    std::cerr << "factdeck: error: " << error << '\n';
    return 2;
  }
  params.retention = options.retention;
  params.maximumInterval = options.maximumInterval;
  params.fuzz = options.fuzz;
  params.shortTerm = !options.noShortTerm;
  const srs::Fsrs fsrs(params);

  std::ifstream file;
  if (options.input != "-") {
    file.open(options.input);
    if (!file) {
      std::cerr << "factdeck: error: cannot read " << options.input << '\n';
      return 1;
    }
  }
  std::istream& in = options.input == "-" ? std::cin : file;
  const std::string name = options.input == "-" ? "<stdin>" : options.input;
  int failures = 0, number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (std::string problem = ReplayLine(fsrs, line, std::cout); !problem.empty()) {
      std::cerr << name << ":" << number << ": error: " << problem << '\n';
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
}

} // namespace

void RegisterSrsCommand(CLI::App& app, CommandList& commands) {
  CLI::App* srs = app.add_subcommand("srs", "Spaced-repetition tools");
  srs->require_subcommand(1);
  auto options = std::make_shared<ReplayOptions>();
  CLI::App* replay = srs->add_subcommand(
      "replay", "Replay review histories (JSON lines) through FSRS-6; print the state after each review");
  replay
      ->add_option("FILE", options->input,
                   "JSON lines: {\"card\": ..., \"reviews\": [{\"rating\": 1-4, \"time\": ISO-8601}]} (- for stdin)")
      ->type_name("FILE");
  replay->add_option("--params", options->params, "The 21 FSRS-6 weights, comma-separated (default: FSRS-6's)")
      ->type_name("W0,...,W20");
  replay->add_option("--retention", options->retention, "Desired retention")
      ->check(CLI::Range(0.7, 0.99))
      ->capture_default_str();
  replay->add_flag("--fuzz,!--no-fuzz", options->fuzz,
                   "Spread intervals (deterministic per card and review; default off)");
  replay->add_option("--learning-steps", options->learningSteps, "Learning steps, e.g. 1m,10m, or none")
      ->capture_default_str();
  replay->add_option("--relearning-steps", options->relearningSteps, "Relearning steps, e.g. 10m, or none")
      ->capture_default_str();
  replay->add_option("--maximum-interval", options->maximumInterval, "Longest interval in days")
      ->check(CLI::Range(1, 36500))
      ->capture_default_str();
  replay->add_flag("--no-short-term", options->noShortTerm, "No same-day stability and no steps (FSRS long-term mode)");
  commands.push_back({replay, [options] { return RunReplay(*options); }});
}

} // namespace factdeck::cli
