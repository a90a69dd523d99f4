// The proleptic Gregorian calendar, once for every caller: leap years, month lengths, and
// day numbers (days since 1970-01-01) from a date and back. Years are astronomical
// (1 BC is 0, 44 BC is -43).
#pragma once

#include <cstdint>

namespace factdeck {

// a / b rounded down (towards minus infinity), for b > 0: -1 / 12 is -1, not 0.
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

bool IsLeapYear(std::int64_t astronomicalYear);
// 28 to 31; 0 for a month outside 1..12.
int DaysInMonth(std::int64_t astronomicalYear, int month);

// Days since 1970-01-01 of a date (month 1..12, day 1..31), and back (H. Hinnant's
// days_from_civil and civil_from_days).
std::int64_t DaysFromCivil(std::int64_t year, int month, int day);
void CivilFromDays(std::int64_t days, int& year, int& month, int& day);

} // namespace factdeck
