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

namespace {

std::string DayText(std::int64_t days) {
  int y, m, d;
  CivilFromDays(days, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d-%02d-%02d", y, m, d);
  return buffer;
}

// "display | first day | last day" of a date or span, for one-line expectations.
std::string Described(const std::string& text) {
  DateSpanParse parsed = ParseDateOrSpan(text);
  if (!parsed.start) return "error: " + parsed.error;
  const Date& s = *parsed.start;
  const std::int64_t last = parsed.end ? parsed.end->LastDay() : s.LastDay();
  const std::string shown = parsed.end ? SpanDisplay(s, *parsed.end) : s.Display();
  return shown + " | " + DayText(s.FirstDay()) + " | " + DayText(last);
}

} // namespace

TEST_CASE("every form of the date grammar reads as an interval of days", "[date]") {
  // One row per form in docs/facts-format.md; years are astronomical in the day columns.
  const std::pair<const char*, const char*> kForms[] = {
      {"1922", "1922 | 1922-01-01 | 1922-12-31"},
      {"1922-04", "April 1922 | 1922-04-01 | 1922-04-30"},
      {"1922-04-16", "16 April 1922 | 1922-04-16 | 1922-04-16"},
      {"-0043-03-15", "15 March 44 BC | -43-03-15 | -43-03-15"},
      {"0000", "1 BC | 0-01-01 | 0-12-31"},
      {"3 September 590", "3 September 590 | 590-09-03 | 590-09-03"},
      {"September 3, 590", "3 September 590 | 590-09-03 | 590-09-03"},
      {"september 3rd 590", "3 September 590 | 590-09-03 | 590-09-03"},
      {"Sep 590", "September 590 | 590-09-01 | 590-09-30"},
      {"Sept. 590", "September 590 | 590-09-01 | 590-09-30"},
      {"October 732", "October 732 | 732-10-01 | 732-10-31"},
      {"Dec 2011", "December 2011 | 2011-12-01 | 2011-12-31"},
      {"7 Feb 1992", "7 February 1992 | 1992-02-07 | 1992-02-07"},
      {"3 Sept 590 BC", "3 September 590 BC | -589-09-03 | -589-09-03"},
      {"15 MARCH 44 BCE", "15 March 44 BC | -43-03-15 | -43-03-15"},
      {"Monday, 7 February 1992", "7 February 1992 | 1992-02-07 | 1992-02-07"},
      {"25/12/1922", "25 December 1922 | 1922-12-25 | 1922-12-25"},
      {"44 BC", "44 BC | -43-01-01 | -43-12-31"},
      {"AD 9", "9 | 9-01-01 | 9-12-31"},
      {"9 CE", "9 | 9-01-01 | 9-12-31"},
      {"c. 40,000 BCE", "c. 40000 BC | -39999-01-01 | -39999-12-31"},
      {"1920s", "1920s | 1920-01-01 | 1929-12-31"},
      {"the 1920's", "1920s | 1920-01-01 | 1929-12-31"},
      {"320s BC", "320s BC | -328-01-01 | -319-12-31"},
      {"200s", "200s | 200-01-01 | 299-12-31"},
      {"2000s", "2000s | 2000-01-01 | 2009-12-31"},
      {"early 1990s", "early 1990s | 1990-01-01 | 1992-12-31"},
      {"mid-1990s", "mid-1990s | 1993-01-01 | 1996-12-31"},
      {"late 1990s", "late 1990s | 1997-01-01 | 1999-12-31"},
      {"5th century", "5th century | 401-01-01 | 500-12-31"},
      {"5th century BC", "5th century BC | -499-01-01 | -400-12-31"},
      {"early 5th century", "early 5th century | 401-01-01 | 433-12-31"},
      {"late 5th century BC", "late 5th century BC | -432-01-01 | -400-12-31"},
      {"21st century", "21st century | 2001-01-01 | 2100-12-31"},
      {"3rd millennium BC", "3rd millennium BC | -2999-01-01 | -2000-12-31"},
      {"Spring 507", "Spring 507 | 507-03-01 | 507-05-31"},
      {"winter 1941", "Winter 1941 | 1941-12-01 | 1942-02-28"},
      {"fall 1066", "Autumn 1066 | 1066-09-01 | 1066-11-30"},
      {"c. 3200 BCE", "c. 3200 BC | -3199-01-01 | -3199-12-31"},
      {"ca. 1500s", "c. 1500s | 1500-01-01 | 1599-12-31"},
      {"circa 1921", "c. 1921 | 1921-01-01 | 1921-12-31"},
      {"~1750 BCE", "c. 1750 BC | -1749-01-01 | -1749-12-31"},
      {"between 47 and 50", "between 47 and 50 | 47-01-01 | 50-12-31"},
      {"Between 25 jun 1381 and 26 jun 1381", "between 25 June 1381 and 26 June 1381 | 1381-06-25 | 1381-06-26"},
      {"2334 or 2270 BCE", "2334 or 2270 BC | -2333-01-01 | -2269-12-31"},
      {"470/469 BCE", "470/469 BC | -469-01-01 | -468-12-31"},
      {"1922/23", "1922/1923 | 1922-01-01 | 1923-12-31"},
      {"535–554", "535–554 | 535-01-01 | 554-12-31"},
      {"535-554", "535–554 | 535-01-01 | 554-12-31"},
      {"535 to 554", "535–554 | 535-01-01 | 554-12-31"},
      {"1914–18", "1914–1918 | 1914-01-01 | 1918-12-31"},
      {"1914-18", "1914–1918 | 1914-01-01 | 1918-12-31"},
      {"1691–00", "1691–1700 | 1691-01-01 | 1700-12-31"},
      {"22 June – 31 July 431", "22 June – 31 July 431 | 431-06-22 | 431-07-31"},
      {"8–9 September 9 CE", "8–9 September 9 | 9-09-08 | 9-09-09"},
      {"8-9 September 9 CE", "8–9 September 9 | 9-09-08 | 9-09-09"},
      {"04 March 581 – 23 May 618", "4 March 581 – 23 May 618 | 581-03-04 | 618-05-23"},
      {"2584–2561 BCE", "2584–2561 BC | -2583-01-01 | -2560-12-31"},
      {"~500 BCE - 300 CE", "c. 500 BC – c. 300 | -499-01-01 | 300-12-31"},
      {"c. 1500–1550", "c. 1500–1550 | 1500-01-01 | 1550-12-31"},
      {"22 December – 5 January 1922", "22 December 1921 – 5 January 1922 | 1921-12-22 | 1922-01-05"},
      {"June – July 431", "June – July 431 | 431-06-01 | 431-07-31"},
  };
  for (const auto& [text, expected] : kForms) {
    INFO(text);
    CHECK(Described(text) == expected);
  }
}

TEST_CASE("every date reads back from its canonical and its displayed form", "[date]") {
  for (const char* text : {"1922", "1922-04", "1922-04-16", "-0043-03-15", "c. 1921", "1920s", "320s BC", "200s",
                           "late 5th century BC", "mid-1990s", "3rd millennium BC", "Spring 507", "between 47 and 50",
                           "2334 or 2270 BC", "470/469 BC", "c. 2600 BC", "c. between 1200 and 1250", "c. 1500s"}) {
    INFO(text);
    auto parsed = ParseDate(text);
    REQUIRE(parsed.date);
    auto canonical = ParseDate(parsed.date->Canonical());
    REQUIRE(canonical.date);
    CHECK(*canonical.date == *parsed.date);
    auto shown = ParseDate(parsed.date->Display());
    REQUIRE(shown.date);
    CHECK(*shown.date == *parsed.date);
  }
}

TEST_CASE("what the date grammar refuses, it says why and what it expected", "[date]") {
  const std::pair<const char*, const char*> kErrors[] = {
      {"0", "there is no year 0"},
      {"0 AD", "there is no year 0"},
      {"0 BC", "there is no year 0"},
      {"03/04/1922", "could be read two ways"},
      {"3/4/22", "two-digit year"},
      {"3.4.1922", "could be read two ways"},
      {"1922.5", "numeric date or a decimal"},
      {"1925s", "decades end in 0"},
      {"0th century", "no 0th century"},
      {"early 1922", "go with decades, centuries and millennia"},
      {"Smarch 1922", "\"smarch\" is not a month"},
      {"1922?", "question mark"},
      {"1918–1914", "ends (1914) before it begins (1918)"},
      {"22 June –", "a date on each side of the dash"},
      {"31 June 1922", "June 1922 has 30 days"},
      {"1922-02-30", "February 1922 has 28 days"},
      {"14B BCE", "not a number FactDeck reads"},
      {"1922 and a bit", "expected a date such as"},
      {"", "empty date"},
  };
  for (const auto& [text, message] : kErrors) {
    INFO(text);
    DateSpanParse parsed = ParseDateOrSpan(text);
    CHECK_FALSE(parsed.start);
    CHECK_THAT(parsed.error, Catch::Contains(message));
  }
  auto span = ParseDate("535–554");
  CHECK_FALSE(span.date);
  CHECK_THAT(span.error, Catch::Contains("is a span of two dates"));
}

TEST_CASE("the circa tolerance follows the rounding the date is written with", "[date]") {
  auto years = [](const char* text) { return ParseDate(text).date->ToleranceYears(); };
  CHECK(years("c. 2600 BC") == 49);
  CHECK(years("c. 3150 BC") == 24);
  CHECK(years("c. 1920") == 4);
  CHECK(years("c. 1925") == 2);
  CHECK(years("c. 1921") == 2);
  CHECK(years("1921") == 0);
  CHECK(years("c. 1920s") == 5);
  CHECK(years("c. 5th century BC") == 25);
  CHECK(ParseDate("c. 3 May 1922").date->ToleranceDays() == 7);
  // c. 2600 BC and c. 2500 BC can be told apart; c. 2600 BC and 2580 BC cannot.
  auto apart = [](const char* a, const char* b) {
    Date x = *ParseDate(a).date, y = *ParseDate(b).date;
    return ApartWidened(x.WideFirstDay(), x.WideLastDay(), y.WideFirstDay(), y.WideLastDay());
  };
  CHECK(apart("c. 2600 BC", "c. 2500 BC"));
  CHECK_FALSE(apart("c. 2600 BC", "2580 BC"));
  CHECK_FALSE(apart("c. 900", "907"));
  CHECK(apart("c. 900", "960"));
}

TEST_CASE("dates move in their own form for distractors", "[date]") {
  auto shifted = [](const char* text, int units) {
    auto moved = ShiftDate(*ParseDate(text).date, units);
    return moved ? moved->Display() : std::string("none");
  };
  CHECK(shifted("1920s", 1) == "1930s");
  CHECK(shifted("1920s", -2) == "none"); // 1900s would read as a century
  CHECK(shifted("320s BC", 1) == "310s BC");
  CHECK(shifted("5th century BC", 1) == "4th century BC");
  CHECK(shifted("1st century BC", 1) == "none"); // no crossing of the era
  CHECK(shifted("200s", 1) == "300s");
  CHECK(shifted("late 5th century", 1) == "early 6th century");
  CHECK(shifted("early 5th century BC", -1) == "late 6th century BC");
  CHECK(shifted("Spring 507", 1) == "Summer 507");
  CHECK(shifted("Winter 507", 1) == "Spring 508");
  CHECK(shifted("between 47 and 50", 5) == "between 52 and 55");
  CHECK(shifted("470/469 BC", 2) == "468/467 BC");
  CHECK(shifted("c. 2600 BC", 100) == "c. 2500 BC");
  CHECK(shifted("3 September 590", 7) == "10 September 590");
  CHECK(UnitsBetween(*ParseDate("5th century BC").date, *ParseDate("2nd century").date) == 6);
}
