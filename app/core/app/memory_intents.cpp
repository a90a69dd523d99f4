// The learner's memory model from the stats screen: fit the FSRS-6 weights to their reviews,
// use the fit, or go back to the defaults. The stats view is read again after each.
#include "core/app/reducer.h"
#include "core/store/memory_model.h"

namespace factdeck::reducer {

void Apply(AppState& state, const FitMemoryModel&, Context& context) {
  if (!state.store) return;
  const MemoryModelFit result =
      FitLearnerMemoryModel(*state.store, state.profile, srs::LocalStudyDay(state.settings.dayStartHour), context.now);
  OpenStats(state);
  if (state.stats && !result.report.fit.Ok()) state.stats->fitProblem = result.report.fit.error;
}

void Apply(AppState& state, const UseFittedWeights&, Context&) {
  if (!state.store) return;
  if (const auto fit = state.store->LastFit(state.profile)) {
    if (StoreStatus s = state.store->SetLearnerWeights(state.profile, fit->weights); !s.ok)
      state.notices.push_back("The weights could not be saved: " + s.message);
  }
  OpenStats(state);
}

void Apply(AppState& state, const UseDefaultWeights&, Context&) {
  if (!state.store) return;
  if (StoreStatus s = state.store->SetLearnerWeights(state.profile, std::nullopt); !s.ok)
    state.notices.push_back("The weights could not be saved: " + s.message);
  OpenStats(state);
}

} // namespace factdeck::reducer
