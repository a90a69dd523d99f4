// Historical dates with their precision: a year, a month or a day, possibly circa, and
// before the common era. Dates compare as the span of days they cover, so "1925" and
// "1925-07" overlap and are never said to be in order.
#pragma once

#include "core/base/calendar.h" // IsLeapYear, DaysInMonth

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace factdeck {

enum class DatePrecision { Year, Month, Day };

struct Date {
  int year = 0;  // astronomical numbering: 1 BC is 0, 44 BC is -43
  int month = 0; // 1..12 when precision is Month or Day
  int day = 0;   // 1..31 when precision is Day
  DatePrecision precision = DatePrecision::Year;
  bool circa = false;

  // The first and last day covered, as days since 1970-01-01 (proleptic Gregorian).
  std::int64_t FirstDay() const;
  std::int64_t LastDay() const;

  // For people: "16 April 1922", "April 1922", "1922", "44 BC", "c. 1921".
  std::string Display() const;
  // The canonical form a facts file uses: "1922-04-16", "1922-04", "1922", "44 BC", "c. 1921".
  std::string Canonical() const;

  bool operator==(const Date&) const = default;
};

// True when `a` ends before `b` begins: they can be told apart at their precision.
inline bool StrictlyBefore(const Date& a, const Date& b) { return a.LastDay() < b.FirstDay(); }

struct DateParse {
  std::optional<Date> date;
  std::string error; // set when date is empty: what is wrong, for the user
};

// Parses "1922", "1922-04", "1922-04-16", "44 BC" / "44 BCE", "1922 AD" / "1922 CE",
// astronomical "-0043" (also "-0043-03-15"), and a leading "c." / "ca." / "circa" for circa.
// Rejects impossible dates such as 1922-02-30, with a message saying why.
DateParse ParseDate(std::string_view text);

const char* MonthName(int month); // "January".."December"

} // namespace factdeck
