#include "core/store/memory_model.h"

namespace factdeck {

std::vector<srs::TrainingItem> LearnerTrainingItems(ProfileStore& store, std::int64_t profile, srs::StudyDay day) {
  return srs::TrainingItems(store.ReviewLog(profile), [&](srs::TimeMs t) { return day.DayOf(t); });
}

MemoryModelRecord RecordOf(const srs::FitReport& report, srs::TimeMs now) {
  MemoryModelRecord r;
  r.time = now;
  r.weights = report.fit.weights;
  r.items = report.fit.items;
  r.reviews = report.fit.reviews;
  if (report.defaults && report.fitted) {
    r.logLossBefore = report.defaults->logLoss;
    r.logLossAfter = report.fitted->logLoss;
    r.rmseBefore = report.defaults->rmseBins;
    r.rmseAfter = report.fitted->rmseBins;
  }
  if (report.heldOutDefaults && report.heldOutFitted) {
    r.heldOutLogLossBefore = report.heldOutDefaults->logLoss;
    r.heldOutLogLossAfter = report.heldOutFitted->logLoss;
    r.heldOutRmseBefore = report.heldOutDefaults->rmseBins;
    r.heldOutRmseAfter = report.heldOutFitted->rmseBins;
  }
  return r;
}

MemoryModelFit FitLearnerMemoryModel(ProfileStore& store, std::int64_t profile, srs::StudyDay day, srs::TimeMs now) {
  MemoryModelFit result;
  result.importedReviews = store.ImportedReviewCount(profile);
  result.report = srs::FitAndEvaluate(LearnerTrainingItems(store, profile, day));
  if (result.report.fit.Ok()) store.SaveFit(profile, RecordOf(result.report, now));
  return result;
}

} // namespace factdeck
