// The memory model's intents on the stats screen, without a window: fit the learner's weights,
// use the fit, go back to FSRS-6's defaults.
#include "core/app/intent_fixture.h"
#include "core/app/reducer.h"
#include "support/imported_history.h"

using namespace factdeck;
using test::IntentFixture;

TEST_CASE("FitMemoryModel says how much more history it needs, then fits, and nothing is used until UseFittedWeights",
          "[intents][srs]") {
  IntentFixture f;
  REQUIRE(f.state.store);
  ProfileStore& store = *f.state.store;
  const std::int64_t learner = f.state.profile;
  f.Apply(GoToScreen{Screen::Stats});
  REQUIRE(f.state.stats);

  test::ImportHistory(store, learner, 30);
  f.Apply(FitMemoryModel{});
  CHECK_THAT(f.state.stats->fitProblem, Catch::Contains("not enough review history"));
  CHECK_FALSE(f.state.stats->lastFit);

  test::ImportHistory(store, learner, 100000);
  f.Apply(FitMemoryModel{});
  REQUIRE(f.state.stats->lastFit);
  CHECK(f.state.stats->fitProblem.empty());
  const MemoryModelRecord fit = *f.state.stats->lastFit;
  CHECK(fit.logLossAfter < fit.logLossBefore);
  CHECK_FALSE(f.state.stats->weightsInUse);
  CHECK(reducer::LearnerFsrsParameters(f.state).w == srs::kDefaultWeights);

  f.Apply(UseFittedWeights{});
  REQUIRE(f.state.stats->weightsInUse);
  CHECK(*f.state.stats->weightsInUse == fit.weights);
  CHECK(*store.LearnerWeights(learner) == fit.weights);
  CHECK(reducer::LearnerFsrsParameters(f.state).w == fit.weights);

  f.Apply(UseDefaultWeights{});
  CHECK_FALSE(f.state.stats->weightsInUse);
  CHECK_FALSE(store.LearnerWeights(learner));
  CHECK(reducer::LearnerFsrsParameters(f.state).w == srs::kDefaultWeights);
  CHECK(f.state.stats->lastFit); // kept, to be used again
}

TEST_CASE("UseFittedWeights with no fit yet changes nothing", "[intents][srs]") {
  IntentFixture f;
  f.Apply(GoToScreen{Screen::Stats});
  f.Apply(UseFittedWeights{});
  REQUIRE(f.state.stats);
  CHECK_FALSE(f.state.stats->weightsInUse);
  CHECK_FALSE(f.state.store->LearnerWeights(f.state.profile));
}
