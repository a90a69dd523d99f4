#include <catch2/catch.hpp>

#include "core/base/date.h"

using namespace factdeck;

TEST_CASE("dates keep their precision", "[date]") {
  auto day = ParseDate("1922-04-16");
  REQUIRE(day.date);
  CHECK(day.date->precision == DatePrecision::Day);
  CHECK(day.date->Display() == "16 April 1922");
  auto month = ParseDate("1922-04");
  REQUIRE(month.date);
  CHECK(month.date->precision == DatePrecision::Month);
  CHECK(month.date->Display() == "April 1922");
  auto year = ParseDate("1922");
  REQUIRE(year.date);
  CHECK(year.date->precision == DatePrecision::Year);
  CHECK(year.date->Canonical() == "1922");
}

TEST_CASE("dates before the common era and circa dates", "[date]") {
  auto bc = ParseDate("44 BC");
  REQUIRE(bc.date);
  CHECK(bc.date->year == -43);
  CHECK(bc.date->Display() == "44 BC");
  auto astronomical = ParseDate("-0043");
  REQUIRE(astronomical.date);
  CHECK(*astronomical.date == *bc.date);
  auto idesOfMarch = ParseDate("-0043-03-15");
  REQUIRE(idesOfMarch.date);
  CHECK(idesOfMarch.date->Display() == "15 March 44 BC");
  auto circa = ParseDate("c. 1921");
  REQUIRE(circa.date);
  CHECK(circa.date->circa);
  CHECK(circa.date->Display() == "c. 1921");
  CHECK(ParseDate("circa 300 BCE").date->year == -299);
}

TEST_CASE("impossible dates are rejected with a reason", "[date]") {
  auto feb30 = ParseDate("1922-02-30");
  CHECK_FALSE(feb30.date);
  CHECK_THAT(feb30.error, Catch::Contains("February 1922 has 28 days"));
  CHECK(ParseDate("1924-02-29").date); // leap year
  CHECK_FALSE(ParseDate("1900-02-29").date);
  CHECK_FALSE(ParseDate("1922-13").date);
  CHECK_FALSE(ParseDate("0 BC").date);
  CHECK_FALSE(ParseDate("1922-4-16").date);
  CHECK_FALSE(ParseDate("April 1922").date);
  CHECK_FALSE(ParseDate("").date);
  CHECK_FALSE(ParseDate("1922-04-16x").date);
}

TEST_CASE("dates at different precisions overlap instead of ordering", "[date]") {
  Date year = *ParseDate("1925").date;
  Date july = *ParseDate("1925-07").date;
  Date day = *ParseDate("1925-07-15").date;
  Date later = *ParseDate("1926").date;
  CHECK_FALSE(StrictlyBefore(year, july));
  CHECK_FALSE(StrictlyBefore(july, year));
  CHECK_FALSE(StrictlyBefore(july, day));
  CHECK(StrictlyBefore(july, later));
  CHECK(StrictlyBefore(*ParseDate("44 BC").date, *ParseDate("1 BC").date));
  CHECK(StrictlyBefore(*ParseDate("1 BC").date, *ParseDate("1 AD").date));
}
