// Historical dates as people write them: a day, a month, a season, a year, a decade, a
// century or a millennium; circa; uncertain between two bounds ("between 47 and 50",
// "2334 or 2270 BC", "470/469 BC"); spans ("535–554", "22 June – 31 July 431"). Every date
// is an interval of days with a precision, and compares as that interval, so "1925" and
// "July 1925" overlap and are never said to be in order. docs/facts-format.md has the
// grammar with a table of every form.
#pragma once

#include "core/base/calendar.h" // IsLeapYear, DaysInMonth

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace factdeck {

// From finest to coarsest.
enum class DatePrecision : std::uint8_t { Day, Month, Season, Year, Decade, Century, Millennium };
// A third of a decade, century or millennium: "early 1990s", "mid-5th century", "late 1800s".
enum class DatePart : std::uint8_t { Whole, Early, Mid, Late };
// How an uncertain date names its bounds; None for a date known to its precision.
enum class DateDoubt : std::uint8_t { None, Between, Or, Slash };

// One point of the calendar at a precision.
struct DatePoint {
  DatePrecision precision = DatePrecision::Year;
  // Day, Month, Season, Year: the astronomical year (1 BC is 0, 44 BC is -43); a season
  // is counted in the year it begins (winter 1941 is December 1941 to February 1942).
  // Decade, Century, Millennium: the first astronomical year they cover.
  int year = 0;
  int month = 0; // 1..12 for Day and Month; the first month for Season (3, 6, 9, 12)
  int day = 0;   // 1..31 for Day
  // Decade, Century, Millennium as written: 1920 for "1920s", 5 for "5th century", 200 for
  // "200s" (a century written in hundreds), 3 for "3rd millennium"; `bc` for BC/BCE.
  int number = 0;
  bool bc = false;
  bool hundreds = false;
  DatePart part = DatePart::Whole;

  std::int64_t FirstDay() const;
  std::int64_t LastDay() const;
  int FirstYear() const; // astronomical
  int LastYear() const;
  // "3 September 590", "September 590", "Spring 507", "1922", "44 BC", "1920s",
  // "early 5th century BC", "200s".
  std::string Display() const;
  bool operator==(const DatePoint&) const = default;
};

// A date: one point, or an uncertain date whose moment lies between the point itself and `later`.
struct Date : DatePoint {
  DateDoubt doubt = DateDoubt::None;
  DatePoint later; // the later bound of an uncertain date
  bool circa = false;

  const DatePoint& Latest() const { return doubt == DateDoubt::None ? *this : later; }
  std::int64_t FirstDay() const { return DatePoint::FirstDay(); }
  std::int64_t LastDay() const { return Latest().LastDay(); }
  // The interval widened by the circa tolerance (docs/facts-format.md): a date written to
  // the century ("c. 2600 BC") is 49 years either way, one written to the year two years.
  std::int64_t WideFirstDay() const;
  std::int64_t WideLastDay() const;
  // Circa tolerance in years for year-based dates and in days for finer ones; 0 when not circa.
  int ToleranceYears() const;
  int ToleranceDays() const;

  // For people, normalised: "c. 16 April 1922", "between 47 and 50", "2334 or 2270 BC".
  std::string Display() const;
  // The form a facts file uses: ISO "1922-04-16" and "1922-04" for days and months
  // (astronomical years: "-0043-03-15"), the displayed form otherwise.
  std::string Canonical() const;

  bool operator==(const Date&) const = default;
};

// How round a year as written is: 100 for 1900 or 2600 BC, 50 for 1950, 10, 5, else 1.
int YearRounding(int astronomicalYear);

// True when `a` ends before `b` begins: they can be told apart at their precision.
inline bool StrictlyBefore(const Date& a, const Date& b) { return a.LastDay() < b.FirstDay(); }
// True when the two intervals, widened by their circa tolerance, do not meet.
bool ApartWidened(std::int64_t aFirst, std::int64_t aLast, std::int64_t bFirst, std::int64_t bLast);

struct DateParse {
  std::optional<Date> date;
  std::string error; // set when date is empty: what is wrong and what was expected
};

// Parses one date in any form of the grammar (spans are refused: a span is two dates).
DateParse ParseDate(std::string_view text);

struct DateSpanParse {
  std::optional<Date> start;
  std::optional<Date> end; // set for a span such as "535–554"
  bool ongoing = false;    // "1922 – present": begun and not over

  std::string error;
};

// Parses a date or a span: "1914–18", "22 June – 31 July 431", "8–9 September 9 CE",
// "535 to 554", "c. 1500–1550" (circa then applies to both ends).
DateSpanParse ParseDateOrSpan(std::string_view text);

// True for the words that end a span still going on: "present", "ongoing", "now", "today".
bool IsOngoingWord(std::string_view text);

// "535–554", "22 June – 31 July 431", "8–9 September 9", "1914–1918".
std::string SpanDisplay(const Date& start, const Date& end);

const char* MonthName(int month);           // "January".."December"
std::string YearText(int astronomicalYear); // "1922", "44 BC"

// The date `units` steps of its own precision away, in the same form (a decade gives
// decades, a circa year circa years), or none when there is no such date (a decade that
// would read as a century, a century before the first). Uncertain dates move both bounds.
std::optional<Date> ShiftDate(const Date& date, int units);
// Steps between two points of the same precision (b - a); none when precisions differ.
std::optional<int> UnitsBetween(const DatePoint& a, const DatePoint& b);

} // namespace factdeck
