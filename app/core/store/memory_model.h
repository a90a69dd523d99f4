// Fitting a learner's memory model (the FSRS-6 weights) to the reviews the store holds for
// them: FactDeck's own and imported ones.
#pragma once

#include "core/srs/optimizer.h"
#include "core/store/profile_store.h"

namespace factdeck {

struct MemoryModelFit {
  srs::FitReport report;
  std::int64_t importedReviews = 0;
};

// The learner's training items: their review log and imported history, days counted as
// `day` counts them.
std::vector<srs::TrainingItem> LearnerTrainingItems(ProfileStore& store, std::int64_t profile, srs::StudyDay day);

// Fits and evaluates; a successful fit is saved as the learner's last fit (the weights in
// use change only with SetLearnerWeights).
MemoryModelFit FitLearnerMemoryModel(ProfileStore& store, std::int64_t profile, srs::StudyDay day, srs::TimeMs now);

MemoryModelRecord RecordOf(const srs::FitReport& report, srs::TimeMs now);

} // namespace factdeck
