// The learner's memory model from the command line: factdeck srs optimize, srs weights, and
// import-anki-revlog, import-anki-history.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/store_access.h"
#include "core/app/settings.h"
#include "core/base/iso_time.h"
#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/srs/optimizer.h"
#include "core/store/anki_revlog.h"
#include "core/store/memory_model.h"

namespace factdeck::cli {

namespace {

struct MemoryOptions : StoreOptions {
  bool apply = false, defaults = false;
};

nlohmann::ordered_json EvaluationJson(const std::optional<srs::Evaluation>& e) {
  if (!e) return nullptr;
  return {{"log_loss", e->logLoss}, {"rmse_bins", e->rmseBins}, {"items", e->items}};
}

std::string Figure(double x) { return FixedText(x, 4); }

void PrintWeights(const std::array<double, 21>& w) {
  for (size_t i = 0; i < w.size(); ++i)
    std::cout << (i == 0 ? "  " : i % 7 == 0 ? ",\n  " : ", ") << Figure(w[i]);
  std::cout << '\n';
}

int RunOptimize(const MemoryOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = ProfileOf(*store, o);
  if (profile == 0) return 1;
  const MemoryModelFit result = FitLearnerMemoryModel(*store, profile, LearnerDay(o), Now());
  const srs::FitReport& report = result.report;
  if (!report.fit.Ok()) {
    if (o.json) {
      std::cout << nlohmann::ordered_json{{"error", report.fit.error},
                                          {"items", report.fit.items},
                                          {"needed_more", report.fit.neededMore}}
                       .dump(2)
                << '\n';
    } else {
      std::cerr << "factdeck: error: " << report.fit.error << '\n';
    }
    return 1;
  }
  if (o.apply) {
    if (StoreStatus s = store->SetLearnerWeights(profile, report.fit.weights); !s.ok) {
      std::cerr << "factdeck: error: " << s.message << '\n';
      return 1;
    }
  }
  if (o.json) {
    nlohmann::ordered_json out = {
        {"items", report.fit.items},
        {"reviews", report.fit.reviews},
        {"imported_reviews", result.importedReviews},
        {"default_weights",
         {{"all", EvaluationJson(report.defaults)}, {"held_out", EvaluationJson(report.heldOutDefaults)}}},
        {"fitted_weights",
         {{"all", EvaluationJson(report.fitted)}, {"held_out", EvaluationJson(report.heldOutFitted)}}},
        {"weights", report.fit.weights},
        {"applied", o.apply}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "Training items: " << report.fit.items << " (from " << report.fit.reviews << " reviews"
            << (result.importedReviews > 0 ? ", " + std::to_string(result.importedReviews) + " of them imported" : "")
            << ")\n";
  auto line = [](const char* what, const std::optional<srs::Evaluation>& before,
                 const std::optional<srs::Evaluation>& after) {
    if (!before || !after) return;
    std::cout << what << "  log loss " << Figure(before->logLoss) << " -> " << Figure(after->logLoss) << ",  RMSE "
              << Figure(before->rmseBins) << " -> " << Figure(after->rmseBins) << "  (default -> fitted, "
              << after->items << " items)\n";
  };
  line("All reviews:         ", report.defaults, report.fitted);
  line("Last 20 % (unseen):  ", report.heldOutDefaults, report.heldOutFitted);
  std::cout << "Weights:\n";
  PrintWeights(report.fit.weights);
  std::cout << (o.apply ? "These weights are now in use for this learner.\n"
                        : "Not applied: run again with --apply, or use them from the stats screen.\n");
  return 0;
}

int RunWeights(const MemoryOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = ProfileOf(*store, o);
  if (profile == 0) return 1;
  if (o.defaults) {
    if (StoreStatus s = store->SetLearnerWeights(profile, std::nullopt); !s.ok) {
      std::cerr << "factdeck: error: " << s.message << '\n';
      return 1;
    }
  }
  const auto weights = store->LearnerWeights(profile);
  const auto fit = store->LastFit(profile);
  if (o.json) {
    nlohmann::ordered_json out = {{"fitted", weights.has_value()},
                                  {"weights", weights.value_or(srs::kDefaultWeights)},
                                  {"last_fit", fit ? nlohmann::json(FormatIsoTime(fit->time)) : nlohmann::json()}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << (weights ? "Weights fitted to this learner's reviews:\n" : "FSRS-6's default weights:\n");
  PrintWeights(weights.value_or(srs::kDefaultWeights));
  if (fit) std::cout << "Last fit: " << FormatIsoTime(fit->time) << " on " << fit->items << " items\n";
  return 0;
}

int RunImportRevlog(const MemoryOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    std::cerr << "factdeck: error: cannot read " << o.file << '\n';
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  AnkiRevlog log = ParseAnkiRevlog(text.str(), o.file);
  for (const Diagnostic& d : log.diagnostics)
    std::cerr << d.Format() << '\n';
  if (log.reviews.empty()) {
    std::cerr << "factdeck: error: no review could be read from " << o.file << '\n';
    return 1;
  }
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = ProfileOf(*store, o);
  if (profile == 0) return 1;
  const StoreStatus added = store->AddImportedReviews(profile, "anki", log.reviews);
  if (!added.ok) {
    std::cerr << "factdeck: error: " << added.message << '\n';
    return 1;
  }
  std::cout << "Read " << log.reviews.size() << " reviews"
            << (log.skipped > 0 ? " (" + std::to_string(log.skipped) + " rows skipped)" : "") << "; " << added.id
            << " new, kept apart from FactDeck's own cards for fitting this learner's memory model "
            << "(factdeck srs optimize).\n";
  return 0;
}

int RunImportHistory(const MemoryOptions& o) {
  auto store = OpenStore(o);
  if (!store) return 1;
  const std::int64_t profile = ProfileOf(*store, o);
  if (profile == 0) return 1;
  srs::FsrsParameters parameters;
  if (auto w = store->LearnerWeights(profile)) parameters.w = *w;
  const HistoryBrought brought = BringAnkiHistory(*store, profile, o.file, DefaultCacheDir(), srs::Fsrs(parameters));
  if (!brought.error.empty()) {
    std::cerr << "factdeck: error: " << brought.error << '\n';
    return 1;
  }
  std::string learner = "the learner";
  for (const ProfileInfo& p : store->Profiles())
    if (p.id == profile) learner = p.name;
  std::cout << DescribeHistoryBrought(brought, learner) << "\nThe deck's id: " << brought.deck
            << " (open the package in FactDeck to study it).\n";
  return 0;
}

} // namespace

void RegisterMemoryCommands(CLI::App& app, CommandList& commands, const std::string& dataDir) {
  CLI::App* srs = app.get_subcommand("srs");

  auto optimize = std::make_shared<MemoryOptions>();
  optimize->dataDir = &dataDir;
  CLI::App* optimizeCommand = srs->add_subcommand(
      "optimize", "Fit the FSRS-6 weights to a learner's reviews; print how well they predict, and the weights");
  optimizeCommand->add_option("--profile", optimize->profile, "Whose reviews (default: the first profile)")
      ->type_name("NAME");
  optimizeCommand->add_flag("--json", optimize->json, "Print JSON");
  optimizeCommand->add_flag("--apply", optimize->apply, "Use the fitted weights for this learner from now on");
  commands.push_back({optimizeCommand, [optimize] { return RunOptimize(*optimize); }});

  auto weights = std::make_shared<MemoryOptions>();
  weights->dataDir = &dataDir;
  CLI::App* weightsCommand = srs->add_subcommand("weights", "Print the FSRS-6 weights a learner's schedule uses");
  weightsCommand->add_option("--profile", weights->profile, "Whose weights (default: the first profile)")
      ->type_name("NAME");
  weightsCommand->add_flag("--json", weights->json, "Print JSON");
  weightsCommand->add_flag("--defaults", weights->defaults, "Go back to FSRS-6's default weights");
  commands.push_back({weightsCommand, [weights] { return RunWeights(*weights); }});

  auto revlog = std::make_shared<MemoryOptions>();
  revlog->dataDir = &dataDir;
  CLI::App* revlogCommand = app.add_subcommand(
      "import-anki-revlog", "Add an Anki review log (CSV) to a learner's history, for fitting the memory model");
  revlogCommand
      ->add_option("REVLOG", revlog->file, "The review log as CSV: id,cid,usn,ease,ivl,lastIvl,factor,time,type")
      ->required()
      ->type_name("FILE");
  revlogCommand->add_option("--profile", revlog->profile, "Whose history (default: the first profile)")
      ->type_name("NAME");
  commands.push_back({revlogCommand, [revlog] { return RunImportRevlog(*revlog); }});

  auto history = std::make_shared<MemoryOptions>();
  history->dataDir = &dataDir;
  CLI::App* historyCommand = app.add_subcommand(
      "import-anki-history",
      "Bring the review history of an Anki package (.colpkg, or .apkg with scheduling) into a learner's progress");
  historyCommand->add_option("PACKAGE", history->file, "The Anki package")->required()->type_name("FILE");
  historyCommand->add_option("--profile", history->profile, "Whose progress (default: the first profile)")
      ->type_name("NAME");
  commands.push_back({historyCommand, [history] { return RunImportHistory(*history); }});
}

} // namespace factdeck::cli
