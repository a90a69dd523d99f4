// The learner's days and the clock: one home for both. A study day begins at the learner's
// day-start hour (4 by default) in their time zone, so a late session counts for the day
// before. The scheduler is always given its time; only the app and the command line read
// the wall clock and the machine's time zone (WallClockNow, LocalStudyDay).
#pragma once

#include <cstdint>

#include "core/srs/fsrs.h"

namespace factdeck::srs {

struct StudyDay {
  int utcOffsetMinutes = 0;
  int dayStartHour = 4;
  // Days since 1970-01-01, counted in the learner's days.
  std::int64_t DayOf(TimeMs time) const;
  // The start of the learner's day that holds `time` (the last day-start hour, local time), as UTC.
  TimeMs StartOf(TimeMs time) const;
};

TimeMs WallClockNow();
StudyDay LocalStudyDay(int dayStartHour = 4);

} // namespace factdeck::srs
