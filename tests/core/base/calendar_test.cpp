#include <catch2/catch.hpp>

#include "core/base/calendar.h"
#include "core/base/iso_time.h"

using namespace factdeck;

TEST_CASE("leap years and month lengths follow the Gregorian rules, BC years included", "[calendar]") {
  CHECK(IsLeapYear(2024));
  CHECK_FALSE(IsLeapYear(1900));
  CHECK(IsLeapYear(2000));
  CHECK(IsLeapYear(0));  // 1 BC
  CHECK(IsLeapYear(-4)); // 5 BC
  CHECK_FALSE(IsLeapYear(-1));
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2023, 2) == 28);
  CHECK(DaysInMonth(1922, 4) == 30);
  CHECK(DaysInMonth(1922, 13) == 0);
}

TEST_CASE("day numbers go from a date and back over four thousand years", "[calendar]") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  std::int64_t expected = DaysFromCivil(-2000, 1, 1);
  for (int year = -2000; year <= 2100; ++year)
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= DaysInMonth(year, month); ++day) {
        REQUIRE(DaysFromCivil(year, month, day) == expected);
        int y = 0, m = 0, d = 0;
        CivilFromDays(expected, y, m, d);
        REQUIRE((y == year && m == month && d == day));
        ++expected;
      }
}

TEST_CASE("ISO times accept 29 February only in leap years", "[calendar]") {
  CHECK(ParseIsoTime("2024-02-29").has_value());
  CHECK_FALSE(ParseIsoTime("2023-02-29").has_value());
  CHECK_FALSE(ParseIsoTime("1900-02-29").has_value());
  CHECK_FALSE(ParseIsoTime("2024-13-01").has_value());
}
