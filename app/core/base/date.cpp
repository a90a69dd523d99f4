#include "core/base/date.h"

#include <cctype>
#include <cstdio>

namespace factdeck {

namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool StartsWithWord(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  return true;
}

bool EndsWithWord(std::string_view s, std::string_view word) {
  if (s.size() <= word.size()) return false;
  std::string_view tail = s.substr(s.size() - word.size());
  for (size_t i = 0; i < word.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(tail[i])) != word[i]) return false;
  return std::isspace(static_cast<unsigned char>(s[s.size() - word.size() - 1])) != 0;
}

// Reads minDigits..maxDigits decimal digits into `value`.
bool ReadNumber(std::string_view& s, size_t minDigits, size_t maxDigits, int& value) {
  size_t n = 0;
  long v = 0;
  while (n < s.size() && n < maxDigits && std::isdigit(static_cast<unsigned char>(s[n]))) {
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n < minDigits) return false;
  value = static_cast<int>(v);
  s.remove_prefix(n);
  return true;
}

DateParse Fail(std::string message) { return {std::nullopt, std::move(message)}; }

} // namespace

const char* MonthName(int month) { return month >= 1 && month <= 12 ? kMonthNames[month - 1] : ""; }

std::int64_t Date::FirstDay() const {
  switch (precision) {
  case DatePrecision::Year: return DaysFromCivil(year, 1, 1);
  case DatePrecision::Month: return DaysFromCivil(year, month, 1);
  case DatePrecision::Day: return DaysFromCivil(year, month, day);
  }
  return 0;
}

std::int64_t Date::LastDay() const {
  switch (precision) {
  case DatePrecision::Year: return DaysFromCivil(year, 12, 31);
  case DatePrecision::Month: return DaysFromCivil(year, month, DaysInMonth(year, month));
  case DatePrecision::Day: return FirstDay();
  }
  return 0;
}

namespace {
std::string YearText(int year) { return year <= 0 ? std::to_string(1 - year) + " BC" : std::to_string(year); }
} // namespace

std::string Date::Display() const {
  std::string text = circa ? "c. " : "";
  if (precision == DatePrecision::Day) text += std::to_string(day) + " ";
  if (precision != DatePrecision::Year) text += std::string(MonthName(month)) + " ";
  return text + YearText(year);
}

std::string Date::Canonical() const {
  std::string text = circa ? "c. " : "";
  if (precision == DatePrecision::Year) return text + YearText(year);
  char buffer[32];
  const char* sign = year < 0 ? "-" : "";
  const int absYear = year < 0 ? -year : year;
  if (precision == DatePrecision::Day)
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d", sign, absYear, month, day);
  else
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d", sign, absYear, month);
  return text + buffer;
}

DateParse ParseDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return Fail("empty date");
  Date date;
  for (std::string_view prefix : {"circa ", "ca. ", "ca.", "c. ", "c."}) {
    if (StartsWithWord(s, prefix)) {
      date.circa = true;
      s = Trim(s.substr(prefix.size()));
      break;
    }
  }
  int era = 0; // -1 BC, +1 AD, 0 none
  for (std::string_view suffix : {"BCE", "BC"})
    if (era == 0 && EndsWithWord(s, suffix)) {
      era = -1;
      s = Trim(s.substr(0, s.size() - suffix.size()));
    }
  for (std::string_view suffix : {"CE", "AD"})
    if (era == 0 && EndsWithWord(s, suffix)) {
      era = 1;
      s = Trim(s.substr(0, s.size() - suffix.size()));
    }

  const bool negative = !s.empty() && s.front() == '-';
  if (negative) {
    if (era != 0) return Fail("a negative (astronomical) year cannot also say BC or AD");
    s.remove_prefix(1);
  }
  int year = 0;
  if (!ReadNumber(s, 1, 6, year))
    return Fail("expected a year such as \"1922\", \"1922-04\", \"1922-04-16\", \"44 BC\" or \"c. 1921\"");
  if (negative && year == 0) return Fail("\"-0\" is not a year; 1 BC is written \"0000\" or \"1 BC\"");
  if (era != 0 && year == 0) return Fail("there is no year 0 in BC/AD numbering; 1 BC is followed by AD 1");
  date.year = negative ? -year : (era < 0 ? 1 - year : year);

  if (!s.empty()) {
    if (era != 0) return Fail("months and days are written with astronomical years (\"-0043-03-15\"), not with BC/AD");
    if (s.front() != '-') return Fail("expected \"-MM\" after the year, as in \"1922-04\"");
    s.remove_prefix(1);
    if (!ReadNumber(s, 2, 2, date.month)) return Fail("expected a two-digit month, as in \"1922-04\"");
    if (date.month < 1 || date.month > 12) return Fail("month " + std::to_string(date.month) + " does not exist");
    date.precision = DatePrecision::Month;
    if (!s.empty()) {
      if (s.front() != '-') return Fail("expected \"-DD\" after the month, as in \"1922-04-16\"");
      s.remove_prefix(1);
      if (!ReadNumber(s, 2, 2, date.day)) return Fail("expected a two-digit day, as in \"1922-04-16\"");
      date.precision = DatePrecision::Day;
      const int days = DaysInMonth(date.year, date.month);
      if (date.day < 1 || date.day > days)
        return Fail(std::string(MonthName(date.month)) + " " + YearText(date.year) + " has " + std::to_string(days) +
                    " days, so day " + std::to_string(date.day) + " does not exist");
    }
  }
  if (!s.empty()) return Fail("unexpected \"" + std::string(s) + "\" after the date");
  return {date, {}};
}

} // namespace factdeck
