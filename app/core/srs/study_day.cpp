#include "core/srs/study_day.h"

#include <chrono>
#include <ctime>

#include "core/base/calendar.h"

namespace factdeck::srs {

namespace {
// The learner's local time, shifted so that a day starts at midnight.
TimeMs Shift(const StudyDay& day) {
  return static_cast<TimeMs>(day.utcOffsetMinutes - day.dayStartHour * 60) * kMinuteMs;
}
} // namespace

std::int64_t StudyDay::DayOf(TimeMs time) const { return FloorDiv(time + Shift(*this), kDayMs); }

TimeMs StudyDay::StartOf(TimeMs time) const { return DayOf(time) * kDayMs - Shift(*this); }

TimeMs WallClockNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

StudyDay LocalStudyDay(int dayStartHour) {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  StudyDay day;
  day.utcOffsetMinutes = static_cast<int>(local.tm_gmtoff / 60);
  day.dayStartHour = dayStartHour;
  return day;
}

} // namespace factdeck::srs
