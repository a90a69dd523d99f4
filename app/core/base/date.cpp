// The date grammar (docs/facts-format.md, "Dates"): a small tokenizer and a parser over
// its tokens, then spans and uncertain dates built from parsed points.
//
// [SECTION] Points: the interval and display of one point.
// [SECTION] Dates: circa tolerance, display, canonical form.
// [SECTION] Tokens: numbers, words, commas.
// [SECTION] Parse: ISO forms, points, uncertain dates, spans.
// [SECTION] Shift: the same form some steps away, for distractors.
#include "core/base/date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/base/calendar.h"

namespace factdeck {

namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kSeasonNames[] = {"Spring", "Summer", "Autumn", "Winter"}; // by first month 3, 6, 9, 12
constexpr int kMaxYear = 100000;

std::string Ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

// The astronomical years of a decade, century or millennium before its part is taken.
std::pair<int, int> WholeYears(const DatePoint& p) {
  int firstWritten = 0, lastWritten = 0; // written years, ascending in the era's own count
  switch (p.precision) {
  case DatePrecision::Decade:
    firstWritten = p.number == 0 ? 1 : p.number;
    lastWritten = p.number + 9;
    break;
  case DatePrecision::Century:
    if (p.hundreds) {
      firstWritten = p.number;
      lastWritten = p.number + 99;
    } else {
      firstWritten = (p.number - 1) * 100 + 1;
      lastWritten = p.number * 100;
    }
    break;
  case DatePrecision::Millennium:
    firstWritten = (p.number - 1) * 1000 + 1;
    lastWritten = p.number * 1000;
    break;
  default: return {p.year, p.year};
  }
  if (!p.bc) return {firstWritten, lastWritten};
  return {1 - lastWritten, 1 - firstWritten};
}

} // namespace

std::string YearText(int year) { return year <= 0 ? std::to_string(1 - year) + " BC" : std::to_string(year); }

const char* MonthName(int month) { return month >= 1 && month <= 12 ? kMonthNames[month - 1] : ""; }

// [SECTION] Points -----------------------------------------------------------------------

int DatePoint::FirstYear() const {
  if (precision <= DatePrecision::Year) return year;
  auto [first, last] = WholeYears(*this);
  const int length = last - first + 1, third = (length + 1) / 3; // 10 -> 3, 100 -> 33
  switch (part) {
  case DatePart::Whole:
  case DatePart::Early: return first;
  case DatePart::Mid: return first + third;
  case DatePart::Late: return last - third + 1;
  }
  return first;
}

int DatePoint::LastYear() const {
  if (precision == DatePrecision::Season && month == 12) return year + 1;
  if (precision <= DatePrecision::Year) return year;
  auto [first, last] = WholeYears(*this);
  const int length = last - first + 1, third = (length + 1) / 3;
  switch (part) {
  case DatePart::Whole:
  case DatePart::Late: return last;
  case DatePart::Early: return first + third - 1;
  case DatePart::Mid: return last - third;
  }
  return last;
}

std::int64_t DatePoint::FirstDay() const {
  switch (precision) {
  case DatePrecision::Day: return DaysFromCivil(year, month, day);
  case DatePrecision::Month:
  case DatePrecision::Season: return DaysFromCivil(year, month, 1);
  default: return DaysFromCivil(FirstYear(), 1, 1);
  }
}

std::int64_t DatePoint::LastDay() const {
  switch (precision) {
  case DatePrecision::Day: return FirstDay();
  case DatePrecision::Month: return DaysFromCivil(year, month, DaysInMonth(year, month));
  case DatePrecision::Season: {
    const int lastMonth = (month + 1) % 12 + 1, lastYear = LastYear(); // 3 -> 5, 12 -> 2
    return DaysFromCivil(lastYear, lastMonth, DaysInMonth(lastYear, lastMonth));
  }
  default: return DaysFromCivil(LastYear(), 12, 31);
  }
}

std::string DatePoint::Display() const {
  static const char* const kParts[] = {"", "early ", "mid-", "late "};
  const std::string prefix = kParts[static_cast<int>(part)];
  const std::string era = bc ? " BC" : "";
  switch (precision) {
  case DatePrecision::Day: return std::to_string(day) + " " + MonthName(month) + " " + YearText(year);
  case DatePrecision::Month: return std::string(MonthName(month)) + " " + YearText(year);
  case DatePrecision::Season: return std::string(kSeasonNames[(month / 3 + 3) % 4]) + " " + YearText(year);
  case DatePrecision::Year: return YearText(year);
  case DatePrecision::Decade: return prefix + std::to_string(number) + "s" + era;
  case DatePrecision::Century:
    return prefix + (hundreds ? std::to_string(number) + "s" : Ordinal(number) + " century") + era;
  case DatePrecision::Millennium: return prefix + Ordinal(number) + " millennium" + era;
  }
  return {};
}

// [SECTION] Dates ------------------------------------------------------------------------

int YearRounding(int astronomicalYear) {
  const int written = astronomicalYear <= 0 ? 1 - astronomicalYear : astronomicalYear;
  for (int unit : {100, 50, 10, 5})
    if (written % unit == 0) return unit;
  return 1;
}

int Date::ToleranceYears() const {
  if (!circa) return 0;
  switch (precision) {
  case DatePrecision::Year: return std::max(2, (YearRounding(year) - 1) / 2); // 100 -> 49, 50 -> 24, 10 -> 4
  case DatePrecision::Decade: return 5;
  case DatePrecision::Century: return 25;
  case DatePrecision::Millennium: return 250;
  default: return 0;
  }
}

int Date::ToleranceDays() const {
  if (!circa) return 0;
  switch (precision) {
  case DatePrecision::Day: return 7;
  case DatePrecision::Month:
  case DatePrecision::Season: return 31;
  default: return 0;
  }
}

std::int64_t Date::WideFirstDay() const {
  if (const int years = ToleranceYears()) return DaysFromCivil(FirstYear() - years, 1, 1);
  return FirstDay() - ToleranceDays();
}

std::int64_t Date::WideLastDay() const {
  if (const int years = ToleranceYears()) return DaysFromCivil(Latest().LastYear() + years, 12, 31);
  return LastDay() + ToleranceDays();
}

bool ApartWidened(std::int64_t aFirst, std::int64_t aLast, std::int64_t bFirst, std::int64_t bLast) {
  return aLast < bFirst || bLast < aFirst;
}

namespace {

// "2334 or 2270 BC": the era written once when both bounds share it.
std::string BoundsText(const DatePoint& a, const DatePoint& b, const char* joiner) {
  std::string first = a.Display();
  const std::string second = b.Display();
  const bool bothBc =
      a.precision == DatePrecision::Year && b.precision == DatePrecision::Year && a.year <= 0 && b.year <= 0;
  if (bothBc) first.resize(first.size() - 3); // " BC"
  return first + joiner + second;
}

} // namespace

std::string Date::Display() const {
  const std::string prefix = circa ? "c. " : "";
  switch (doubt) {
  case DateDoubt::None: return prefix + DatePoint::Display();
  case DateDoubt::Between: return prefix + "between " + DatePoint::Display() + " and " + later.Display();
  case DateDoubt::Or: return prefix + BoundsText(*this, later, " or ");
  case DateDoubt::Slash: return prefix + BoundsText(*this, later, "/");
  }
  return {};
}

std::string Date::Canonical() const {
  if (doubt != DateDoubt::None || (precision != DatePrecision::Day && precision != DatePrecision::Month))
    return Display();
  char buffer[32];
  const char* sign = year < 0 ? "-" : "";
  const int absYear = std::abs(year);
  if (precision == DatePrecision::Day)
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d-%02d", sign, absYear, month, day);
  else
    std::snprintf(buffer, sizeof buffer, "%s%04d-%02d", sign, absYear, month);
  return (circa ? "c. " : "") + std::string(buffer);
}

std::string SpanDisplay(const Date& start, const Date& end) {
  if (start == end) return start.Display();
  const bool simple = start.doubt == DateDoubt::None && end.doubt == DateDoubt::None && start.circa == end.circa;
  if (simple && start.year == end.year && start.precision == end.precision) {
    const std::string prefix = start.circa ? "c. " : "";
    if (start.precision == DatePrecision::Day && start.month == end.month)
      return prefix + std::to_string(start.day) + "–" + end.DatePoint::Display(); // 8–9 September 9
    if (start.precision == DatePrecision::Day)
      return prefix + std::to_string(start.day) + " " + MonthName(start.month) + " – " + end.DatePoint::Display();
    if (start.precision == DatePrecision::Month)
      return prefix + MonthName(start.month) + " – " + end.DatePoint::Display();
  }
  if (simple && start.precision == DatePrecision::Year && end.precision == DatePrecision::Year) {
    const std::string prefix = start.circa ? "c. " : "";
    if (start.year > 0) return prefix + std::to_string(start.year) + "–" + std::to_string(end.year);
    if (end.year <= 0) return prefix + std::to_string(1 - start.year) + "–" + YearText(end.year); // 2584–2561 BC
  }
  const std::string a = start.Display(), b = end.Display();
  const bool spaced = a.find(' ') != std::string::npos || b.find(' ') != std::string::npos;
  return a + (spaced ? " – " : "–") + b;
}

// [SECTION] Tokens -----------------------------------------------------------------------

namespace {

struct Token {
  enum Type { Number, Word, Comma } type = Word;
  std::string text; // words lower case, without full stops
  int value = 0;    // numbers
  size_t digits = 0;
  bool ordinal = false; // "5th"
  bool plural = false;  // "1920s", "1920's"
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Where lower-case ASCII `needle` stands in `s`, in any case; npos when nowhere.
size_t FindNoCase(std::string_view s, std::string_view needle) {
  for (size_t at = 0; at + needle.size() <= s.size(); ++at) {
    size_t i = 0;
    while (i < needle.size() && LowerAscii(s[at + i]) == needle[i])
      ++i;
    if (i == needle.size()) return at;
  }
  return std::string_view::npos;
}

bool StartsNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && FindNoCase(s.substr(0, prefix.size()), prefix) == 0;
}
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Splits a point into tokens; an error names the first character it cannot read.
bool Tokenize(std::string_view s, std::vector<Token>& out, std::string& error) {
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == ',') {
      // "40,000": a thousands separator, not a comma between parts.
      if (!out.empty() && out.back().type == Token::Number && !out.back().plural && !out.back().ordinal &&
          i + 3 < s.size() && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && IsDigit(s[i + 3]) &&
          (i + 4 == s.size() || !IsDigit(s[i + 4])) && s[i - 1] != ' ') {
        Token& t = out.back();
        t.value = t.value * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        t.digits += 3;
        i += 4;
        continue;
      }
      out.push_back({Token::Comma, ",", 0, 0, false, false});
      ++i;
    } else if (IsDigit(c)) {
      Token t{Token::Number, {}, 0, 0, false, false};
      long value = 0;
      while (i < s.size() && IsDigit(s[i])) {
        value = std::min<long>(value * 10 + (s[i] - '0'), 10L * kMaxYear);
        ++t.digits;
        ++i;
      }
      t.value = static_cast<int>(value);
      size_t j = i;
      while (j < s.size() && IsAlpha(s[j]))
        ++j;
      const std::string suffix = Lower(s.substr(i, j - i));
      if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
        t.ordinal = true;
        i = j;
      } else if (suffix == "s") {
        t.plural = true;
        i = j;
      } else if (suffix.empty() && i + 1 < s.size() && s[i] == '\'' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                 (i + 2 == s.size() || !IsAlpha(s[i + 2]))) {
        t.plural = true; // "1920's"
        i += 2;
      } else if (suffix == "bc" || suffix == "bce" || suffix == "ad" || suffix == "ce") {
        out.push_back(t); // "500BC": the era written without a space
        out.push_back({Token::Word, suffix, 0, 0, false, false});
        i = j;
        while (i < s.size() && s[i] == '.')
          ++i;
        continue;
      } else if (!suffix.empty()) {
        error = "\"" + std::to_string(t.value) + std::string(s.substr(i, j - i)) +
                "\" is not a number FactDeck reads as part of a date";
        return false;
      }
      out.push_back(t);
    } else if (IsAlpha(c)) {
      std::string word;
      while (i < s.size() && (IsAlpha(s[i]) || (s[i] == '.' && !word.empty()))) {
        if (s[i] != '.') word += (s[i] >= 'A' && s[i] <= 'Z') ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
        ++i;
      }
      out.push_back({Token::Word, word, 0, 0, false, false});
    } else if (c == '-' && !out.empty() && out.back().type == Token::Word && i + 1 < s.size() && IsDigit(s[i + 1])) {
      ++i; // "mid-5th century"
    } else if (c == '.' && !out.empty() && out.back().type == Token::Number) {
      error = "\"" + std::string(Trim(s)) +
              "\" looks like a numeric date or a decimal; write the month as a word, as in \"3 April 1922\"";
      return false;
    } else {
      error = std::string("unexpected \"") + c + "\" in \"" + std::string(Trim(s)) + "\"";
      if (static_cast<unsigned char>(c) >= 0x80) error = "unexpected character in \"" + std::string(Trim(s)) + "\"";
      return false;
    }
  }
  return true;
}

int MonthNamed(const std::string& w) {
  static constexpr std::string_view kShort[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kLong[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m)
    if (w == kShort[m] || w == kLong[m]) return m + 1;
  if (w == "sept") return 9;
  return 0;
}

int SeasonMonth(const std::string& w) {
  if (w == "spring") return 3;
  if (w == "summer") return 6;
  if (w == "autumn" || w == "fall") return 9;
  if (w == "winter") return 12;
  return 0;
}

bool IsWeekday(const std::string& w) {
  static const char* const kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                      "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
                                      "thur",   "thurs",   "fri",       "sat",      "sun"};
  return std::find(std::begin(kDays), std::end(kDays), w) != std::end(kDays);
}

enum class Era { None, Bc, Ad };

// [SECTION] Parse ------------------------------------------------------------------------

// A point as written, before a span lends it what it leaves out.
struct Partial {
  DatePoint point;
  bool hasYear = false;
  bool bareNumber = false; // only a number: a year, or in a span start a day
  int bareValue = 0;
  size_t bareDigits = 0;
  Era era = Era::None;
  bool circa = false;
};

constexpr const char* kExpected =
    "expected a date such as \"1922\", \"3 September 590\", \"Sep 590\", \"44 BC\", \"1920s\", \"5th century BC\", "
    "\"Spring 507\", \"c. 1500\", \"between 47 and 50\" or \"1922-04-16\"";

struct PointResult {
  std::optional<Partial> partial;
  std::string error;
};

PointResult PointFail(std::string error) { return {std::nullopt, std::move(error)}; }

std::string YearZeroMessage() {
  return "there is no year 0: 1 BC is followed by AD 1 (astronomical year 0 is written \"0000\")";
}

// Sets the astronomical year from a written year and era; false with an error for year 0.
bool SetYear(Partial& p, int written, Era era, std::string& error) {
  if (written == 0) {
    error = YearZeroMessage();
    return false;
  }
  if (written > kMaxYear) {
    error = "year " + std::to_string(written) + " is out of range (up to " + std::to_string(kMaxYear) + ")";
    return false;
  }
  p.point.year = era == Era::Bc ? 1 - written : written;
  p.hasYear = true;
  return true;
}

std::string CheckDay(const DatePoint& p) {
  const int days = DaysInMonth(p.year, p.month);
  if (p.day >= 1 && p.day <= days) return {};
  return std::string(MonthName(p.month)) + " " + YearText(p.year) + " has " + std::to_string(days) + " days, so day " +
         std::to_string(p.day) + " does not exist";
}

// ISO forms: "1922", "1922-04", "1922-04-16", astronomical "-0043", "-0043-03-15", "0000".
// Returns false when the text is not of this shape (the other forms get a try).
bool ParseIso(std::string_view s, Partial& out, std::string& error) {
  size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  size_t digits = 0;
  long year = 0;
  while (i < s.size() && IsDigit(s[i]) && digits < 7) {
    year = year * 10 + (s[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0 || (i < s.size() && s[i] != '-')) return false;
  Partial p;
  p.point.precision = DatePrecision::Year;
  if (i < s.size()) {
    if (s.size() < i + 3 || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2]) || (s.size() > i + 3 && s[i + 3] != '-'))
      return false;
    const int month = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    if (month < 1 || month > 12) return false; // "1914-18" is a span
    p.point.month = month;
    p.point.precision = DatePrecision::Month;
    i += 3;
    if (i < s.size()) {
      if (s.size() != i + 3 || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2])) return false;
      p.point.day = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
      p.point.precision = DatePrecision::Day;
    }
  }
  if (year > kMaxYear) {
    error = "year " + std::to_string(year) + " is out of range (up to " + std::to_string(kMaxYear) + ")";
    return true;
  }
  if (year == 0 && (negative || digits < 4)) {
    error = negative ? "\"-0\" is not a year; 1 BC is written \"0000\" or \"1 BC\"" : YearZeroMessage();
    return true;
  }
  p.point.year = negative ? -static_cast<int>(year) : static_cast<int>(year);
  p.hasYear = true;
  if (p.point.precision == DatePrecision::Year && !negative) {
    p.bareNumber = true;
    p.bareValue = static_cast<int>(year);
    p.bareDigits = digits;
  }
  if (p.point.precision == DatePrecision::Day) error = CheckDay(p.point);
  if (error.empty()) out = p;
  return true;
}

// Numeric day and month: "25/12/1922" is read (25 is no month); "03/04/1922" is refused.
bool ParseNumericDate(std::string_view s, Partial& out, std::string& error) {
  int parts[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  int n = 0;
  char separator = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      parts[n] = parts[n] * 10 + (c - '0');
      ++digits[n];
      if (digits[n] > 6) return false;
    } else if ((c == '/' || c == '.') && (separator == 0 || separator == c) && n < 2 && digits[n] > 0) {
      separator = c;
      ++n;
    } else {
      return false;
    }
  }
  if (n != 2 || digits[2] == 0) return false;
  const std::string written(Trim(s));
  int year, month, day;
  if (digits[0] >= 3) { // 1922/04/03: year first, then month and day
    year = parts[0];
    month = parts[1];
    day = parts[2];
  } else {
    if (digits[2] < 3) {
      error = "\"" + written + "\" has a two-digit year; write the year in full, as in \"3 April 1922\"";
      return true;
    }
    year = parts[2];
    const bool firstIsMonth = parts[0] <= 12, secondIsMonth = parts[1] <= 12;
    if (firstIsMonth && secondIsMonth && parts[0] != parts[1]) {
      error = "\"" + written +
              "\" could be read two ways (day/month or month/day); write the month as a word, as in \"" +
              std::to_string(parts[0]) + " " + MonthName(parts[1]) + " " + std::to_string(year) + "\" or \"" +
              MonthName(parts[0]) + " " + std::to_string(parts[1]) + ", " + std::to_string(year) + "\"";
      return true;
    }
    month = secondIsMonth ? parts[1] : parts[0];
    day = secondIsMonth ? parts[0] : parts[1];
  }
  if (month < 1 || month > 12) {
    error = "\"" + written + "\" has no month between 1 and 12";
    return true;
  }
  Partial p;
  if (!SetYear(p, year, Era::None, error)) return true;
  p.point.precision = DatePrecision::Day;
  p.point.month = month;
  p.point.day = day;
  error = CheckDay(p.point);
  if (error.empty()) out = p;
  return true;
}

// One point from tokens: any form of the grammar but spans and uncertain dates.
PointResult ParsePointTokens(std::vector<Token> t, const std::string& written) {
  Partial p;
  // Era before or after: "AD 590", "590 AD", "44 BC", "3 Sept 590 BCE".
  auto eraOf = [](const Token& tok) {
    if (tok.type != Token::Word) return Era::None;
    if (tok.text == "bc" || tok.text == "bce") return Era::Bc;
    if (tok.text == "ad" || tok.text == "ce") return Era::Ad;
    return Era::None;
  };
  if (!t.empty() && eraOf(t.back()) != Era::None) {
    p.era = eraOf(t.back());
    t.pop_back();
  } else if (!t.empty() && eraOf(t.front()) != Era::None) {
    p.era = eraOf(t.front());
    t.erase(t.begin());
  }
  while (!t.empty() && t.front().type == Token::Word && (t.front().text == "the" || IsWeekday(t.front().text))) {
    t.erase(t.begin());
    if (!t.empty() && t.front().type == Token::Comma) t.erase(t.begin());
  }
  if (!t.empty() && t.back().type == Token::Comma) t.pop_back();
  if (t.empty()) return PointFail(std::string(kExpected));

  // Parts of decades and centuries.
  DatePart part = DatePart::Whole;
  if (t.size() >= 2 && t.front().type == Token::Word) {
    const std::string& w = t.front().text;
    if (w == "early") part = DatePart::Early;
    if (w == "mid" || w == "middle") part = DatePart::Mid;
    if (w == "late") part = DatePart::Late;
    if (part != DatePart::Whole) {
      t.erase(t.begin());
      if (t.size() >= 2 && t.front().type == Token::Word && t.front().text == "the") t.erase(t.begin());
    }
  }
  static const std::string kNoWord;
  auto word = [&](size_t i) -> const std::string& {
    return i < t.size() && t[i].type == Token::Word ? t[i].text : kNoWord;
  };
  auto number = [&](size_t i) { return i < t.size() && t[i].type == Token::Number; };
  std::string error;

  // "5th century BC", "5th c.", "3rd millennium BC".
  if (number(0) && t[0].ordinal && t.size() == 2 &&
      (word(1) == "century" || word(1) == "c" || word(1) == "cent" || word(1) == "millennium")) {
    const bool millennium = word(1) == "millennium";
    if (t[0].value == 0) return PointFail("there is no 0th " + std::string(millennium ? "millennium" : "century"));
    if (t[0].value > kMaxYear / (millennium ? 1000 : 100)) return PointFail("\"" + written + "\" is out of range");
    p.point.precision = millennium ? DatePrecision::Millennium : DatePrecision::Century;
    p.point.number = t[0].value;
    p.point.bc = p.era == Era::Bc;
    p.point.part = part;
    p.point.year = p.point.FirstYear();
    p.hasYear = true;
    return {p, {}};
  }
  // "1920s", "200s" (the hundred years 200–299), "320s BC".
  if (number(0) && t[0].plural && t.size() == 1) {
    const int n = t[0].value;
    if (n % 10 != 0) return PointFail("\"" + written + "\" is not a decade; decades end in 0, as in \"1920s\"");
    if (n > kMaxYear) return PointFail("\"" + written + "\" is out of range");
    if (n == 0) return PointFail("\"0s\" is not read; write the years, as in \"1–9\"");
    const bool century = n % 100 == 0 && n % 1000 != 0;
    p.point.precision = century ? DatePrecision::Century : DatePrecision::Decade;
    p.point.hundreds = century;
    p.point.number = n;
    p.point.bc = p.era == Era::Bc;
    p.point.part = part;
    p.point.year = p.point.FirstYear();
    p.hasYear = true;
    return {p, {}};
  }
  if (part != DatePart::Whole)
    return PointFail("\"early\", \"mid\" and \"late\" go with decades, centuries and millennia, as in "
                     "\"early 1920s\" or \"late 5th century BC\"");

  auto dayNumber = [&](size_t i) { return number(i) && !t[i].plural && t[i].digits <= 2 && t[i].value >= 1; };
  auto yearNumber = [&](size_t i) { return number(i) && !t[i].plural && !t[i].ordinal; };
  auto finishDay = [&](int day, int month, size_t yearAt) -> PointResult {
    p.point.precision = DatePrecision::Day;
    p.point.month = month;
    p.point.day = day;
    if (yearAt != std::string::npos) {
      if (!SetYear(p, t[yearAt].value, p.era, error)) return PointFail(error);
      if (std::string bad = CheckDay(p.point); !bad.empty()) return PointFail(bad);
    } else if (day > 31) {
      return PointFail("day " + std::to_string(day) + " does not exist");
    }
    return {p, {}};
  };

  // "Spring 507", "Spring" (a span's start).
  if (const int m = SeasonMonth(word(0)); m != 0) {
    p.point.precision = DatePrecision::Season;
    p.point.month = m;
    if (t.size() == 1) return {p, {}};
    if (t.size() == 2 && yearNumber(1)) {
      if (!SetYear(p, t[1].value, p.era, error)) return PointFail(error);
      return {p, {}};
    }
    return PointFail("expected a year after the season, as in \"Spring 507\"");
  }
  // Month first: "September 3, 590", "September 3rd 590", "Sep 590", "June" (a span's start).
  if (const int m = MonthNamed(word(0)); m != 0) {
    std::vector<Token> rest(t.begin() + 1, t.end());
    rest.erase(std::remove_if(rest.begin(), rest.end(), [](const Token& x) { return x.type == Token::Comma; }),
               rest.end());
    if (rest.empty()) {
      p.point.precision = DatePrecision::Month;
      p.point.month = m;
      return {p, {}};
    }
    t = std::move(rest);
    t.insert(t.begin(), Token{Token::Word, "", 0, 0, false, false});
    if (t.size() == 3 && dayNumber(1) && yearNumber(2)) return finishDay(t[1].value, m, 2);
    if (t.size() == 2 && yearNumber(1) && !t[1].ordinal) {
      p.point.precision = DatePrecision::Month;
      p.point.month = m;
      if (!SetYear(p, t[1].value, p.era, error)) return PointFail(error);
      return {p, {}};
    }
    return PointFail("expected \"" + std::string(MonthName(m)) + " 590\" or \"" + MonthName(m) +
                     " 3, 590\" for a date written month first");
  }
  // Day first: "3 September 590", "3rd Sept. 590 BC", "22 June" (a span's start).
  if (dayNumber(0) && t.size() >= 2 && MonthNamed(word(1)) != 0) {
    const int m = MonthNamed(word(1));
    if (t.size() == 2) return finishDay(t[0].value, m, std::string::npos);
    if (t.size() == 3 && yearNumber(2)) return finishDay(t[0].value, m, 2);
    return PointFail("expected a year after \"" + std::to_string(t[0].value) + " " + MonthName(m) + "\"");
  }
  // A year: "1922", "44 BC", "AD 9".
  if (t.size() == 1 && yearNumber(0)) {
    if (t[0].ordinal) return PointFail("\"" + written + "\" needs \"century\" or \"millennium\" after it");
    if (!SetYear(p, t[0].value, p.era, error)) return PointFail(error);
    p.point.precision = DatePrecision::Year;
    p.bareNumber = p.era == Era::None;
    p.bareValue = t[0].value;
    p.bareDigits = t[0].digits;
    return {p, {}};
  }
  // Say what was not understood.
  for (const Token& tok : t)
    if (tok.type == Token::Word && MonthNamed(tok.text) == 0 && SeasonMonth(tok.text) == 0 && tok.text != "century" &&
        tok.text != "millennium")
      return PointFail("\"" + tok.text + "\" is not a month, season or era FactDeck reads; " + kExpected);
  return PointFail(std::string(kExpected));
}

// Strips a leading circa marker: "c.", "ca.", "circa", "~", "about", "around", "approx.".
bool StripCirca(std::string_view& s) {
  s = Trim(s);
  if (!s.empty() && s.front() == '~') {
    s = Trim(s.substr(1));
    return true;
  }
  const char first = s.empty() ? ' ' : static_cast<char>(s.front() | 0x20); // ASCII lower case
  if (first != 'c' && first != 'a') return false;                           // the markers below start so
  const std::string lower = Lower(s.substr(0, std::min<size_t>(s.size(), 16)));
  for (std::string_view marker :
       {"circa ", "ca. ", "ca.", "ca ", "c. ", "c.", "c ", "about ", "around ", "approx. ", "approximately "}) {
    if (lower.compare(0, marker.size(), marker) == 0 && s.size() > marker.size()) {
      // "c 1500" but not "ca" as a word of its own.
      s = Trim(s.substr(marker.size()));
      return true;
    }
  }
  return false;
}

// One point as written, perhaps missing what a span would lend it.
PointResult ParsePartial(std::string_view text) {
  std::string_view s = Trim(text);
  const bool circa = StripCirca(s);
  if (s.empty()) return PointFail("empty date");
  std::string error;
  Partial p;
  PointResult result;
  if (ParseIso(s, p, error) || ParseNumericDate(s, p, error)) {
    if (!error.empty()) return PointFail(error);
    result = {p, {}};
  } else {
    std::vector<Token> tokens;
    if (!Tokenize(s, tokens, error)) return PointFail(error);
    result = ParsePointTokens(tokens, std::string(s));
  }
  if (result.partial) result.partial->circa = circa;
  return result;
}

DateParse Fail(std::string message) { return {std::nullopt, std::move(message)}; }

Date FromPartial(const Partial& p) {
  Date d;
  static_cast<DatePoint&>(d) = p.point;
  d.circa = p.circa;
  return d;
}

// A complete point: it must say its year.
std::optional<Date> Complete(const PointResult& r, std::string& error, const std::string& written) {
  if (!r.partial) {
    error = r.error;
    return std::nullopt;
  }
  if (!r.partial->hasYear) {
    error = "\"" + written + "\" has no year";
    return std::nullopt;
  }
  return FromPartial(*r.partial);
}

// "1914–18": the end written with fewer digits than the start takes the start's leading digits.
void ExpandShortYear(const Partial& start, Partial& end) {
  // Only after a start written without an era: "369 BC/54" is 369 BC or AD 54.
  if (start.era != Era::None || !start.hasYear) return;
  if (!end.bareNumber || end.era != Era::None || start.point.precision != DatePrecision::Year) return;
  const int written = start.point.year <= 0 ? 1 - start.point.year : start.point.year;
  size_t startDigits = std::to_string(written).size();
  if (end.bareDigits >= startDigits || written < 100) return;
  int power = 1;
  for (size_t i = 0; i < end.bareDigits; ++i)
    power *= 10;
  int candidate = written / power * power + end.bareValue;
  if (start.point.year > 0 && candidate <= written) candidate += power;
  if (start.point.year <= 0 && candidate >= written) candidate -= power;
  if (candidate <= 0) return;
  end.point.year = start.point.year > 0 ? candidate : 1 - candidate;
}

// A leading circa on either bound (or before "between") applies to the whole date.
std::optional<Date> Uncertain(std::string_view a, std::string_view b, DateDoubt doubt, bool circa, std::string& error) {
  PointResult first = ParsePartial(a), second = ParsePartial(b);
  if (!first.partial) {
    error = first.error;
    return std::nullopt;
  }
  if (!second.partial) {
    error = second.error;
    return std::nullopt;
  }
  Partial& x = *first.partial;
  Partial& y = *second.partial;
  // "2334 or 2270 BCE": the era written once, after the second.
  if (x.era == Era::None && y.era == Era::Bc && x.bareNumber) x.point.year = 1 - x.bareValue;
  if (doubt == DateDoubt::Slash) ExpandShortYear(x, y); // "1922/23"
  // "between 25 June and 26 June 1381".
  if (!x.hasYear && y.hasYear) x.point.year = y.point.year, x.hasYear = true;
  if (!x.hasYear || !y.hasYear) {
    error = "both bounds of an uncertain date need a year, as in \"between 47 and 50\"";
    return std::nullopt;
  }
  Date d = FromPartial(x);
  DatePoint other = y.point;
  if (other.FirstDay() < d.FirstDay()) std::swap(static_cast<DatePoint&>(d), other);
  d.circa = circa || x.circa || y.circa;
  if (static_cast<const DatePoint&>(d) == other) return d;
  if (other.FirstDay() <= d.DatePoint::LastDay() && doubt != DateDoubt::Between) {
    error = "the two dates overlap; write the one that covers both";
    return std::nullopt;
  }
  d.doubt = doubt;
  d.later = other;
  return d;
}

// Where a span's separator is: an en or em dash (written "–" or "—"), " to ", or a hyphen.
struct Split {
  std::string_view left, right;
};

std::vector<Split> SpanSplits(std::string_view s) {
  std::vector<Split> splits;
  const std::string lower = Lower(s);
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", " to ", " until ", " till "}) {
    const size_t at = lower.find(dash);
    if (at != std::string::npos && at > 0) splits.push_back({s.substr(0, at), s.substr(at + dash.size())});
  }
  for (size_t at = 1; at < s.size(); ++at)
    if (s[at] == '-') splits.push_back({s.substr(0, at), s.substr(at + 1)});
  return splits;
}

DateSpanParse SpanFail(std::string message) { return {std::nullopt, std::nullopt, false, std::move(message)}; }

// A single date: a point or an uncertain date.
DateParse ParseSingle(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return Fail("empty date");
  std::string error;
  std::string_view rest = s;
  const bool circa = StripCirca(rest);
  if (StartsNoCase(rest, "between ")) {
    const size_t andAt = FindNoCase(rest, " and ");
    if (andAt == std::string::npos) return Fail("expected \"between ... and ...\", as in \"between 47 and 50\"");
    auto d = Uncertain(rest.substr(8, andAt - 8), rest.substr(andAt + 5), DateDoubt::Between, circa, error);
    return d ? DateParse{d, {}} : Fail(error);
  }
  if (const size_t orAt = FindNoCase(rest, " or "); orAt != std::string::npos) {
    auto d = Uncertain(rest.substr(0, orAt), rest.substr(orAt + 4), DateDoubt::Or, circa, error);
    return d ? DateParse{d, {}} : Fail(error);
  }
  if (std::count(rest.begin(), rest.end(), '/') == 1) {
    const size_t slash = rest.find('/');
    auto d = Uncertain(rest.substr(0, slash), rest.substr(slash + 1), DateDoubt::Slash, circa, error);
    return d ? DateParse{d, {}} : Fail(error);
  }
  for (const char* open : {"before ", "after ", "by ", "until ", "since "})
    if (StartsNoCase(rest, open))
      return Fail("\"" + std::string(s) + "\" gives only one bound; write a range such as \"between 500 and 400 BC\"");
  if (rest.back() == '?')
    return Fail("\"" + std::string(s) + "\" ends in a question mark; write \"c. ...\" or \"between ... and ...\"");
  PointResult point = ParsePartial(s);
  auto date = Complete(point, error, std::string(s));
  if (!date) return Fail(error);
  return {date, {}};
}

// A span from its two sides; the start borrows what it leaves out from the end.
DateSpanParse ParseSpan(std::string_view leftText, std::string_view rightText, bool circa) {
  if (Trim(leftText).empty() || Trim(rightText).empty())
    return SpanFail("a span needs a date on each side of the dash, as in \"535–554\"");
  PointResult left = ParsePartial(leftText), right;
  const std::string_view rightTrimmed = Trim(rightText);
  if (left.partial && left.partial->bareNumber && rightTrimmed.size() <= 2 &&
      std::all_of(rightTrimmed.begin(), rightTrimmed.end(), IsDigit)) {
    Partial shortYear; // "1691–00", "1914–8": read as the end of the start's century or decade below
    shortYear.point.year = std::atoi(std::string(rightTrimmed).c_str());
    shortYear.hasYear = shortYear.bareNumber = true;
    shortYear.bareValue = shortYear.point.year;
    shortYear.bareDigits = rightTrimmed.size();
    right.partial = shortYear;
  } else {
    right = ParsePartial(rightText);
  }
  if (!left.partial) return SpanFail(left.error);
  if (!right.partial) return SpanFail(right.error);
  Partial& a = *left.partial;
  Partial& b = *right.partial;
  if (!b.hasYear) return SpanFail("the end of the span \"" + std::string(Trim(rightText)) + "\" has no year");
  // "8–9 September 9 CE": a bare number before a day is a day of the same month.
  if (a.bareNumber && a.era == Era::None && b.point.precision == DatePrecision::Day && a.bareDigits <= 2) {
    a.point = b.point;
    a.point.day = a.bareValue;
    if (std::string bad = CheckDay(a.point); !bad.empty()) return SpanFail(bad);
    a.bareNumber = false;
  }
  if (a.era == Era::None && b.era == Era::Bc && a.bareNumber) {
    a.point.year = 1 - a.bareValue; // "535–500 BC"
    a.bareNumber = false;
  }
  if (!a.hasYear) {
    a.point.year = b.point.year;
    a.hasYear = true;
    if (a.point.precision == DatePrecision::Day) {
      if (std::string bad = CheckDay(a.point); !bad.empty()) return SpanFail(bad);
    }
    // "22 December – 5 January 1922": the start is in the year before.
    if (a.point.FirstDay() > b.point.FirstDay()) {
      --a.point.year;
      if (a.point.precision == DatePrecision::Day) {
        if (std::string bad = CheckDay(a.point); !bad.empty()) return SpanFail(bad);
      }
    }
  }
  ExpandShortYear(a, b);
  Date start = FromPartial(a), end = FromPartial(b);
  start.circa = start.circa || circa;
  end.circa = end.circa || circa || start.circa;
  if (end.LastDay() < start.FirstDay())
    return SpanFail("the span ends (" + end.Display() + ") before it begins (" + start.Display() + ")");
  if (start == end) return {start, std::nullopt, false, {}};
  return {start, end, false, {}};
}

} // namespace

bool IsOngoingWord(std::string_view text) {
  const std::string word = Lower(Trim(text));
  return word == "present" || word == "ongoing" || word == "now" || word == "today" || word == "the present";
}

DateParse ParseDate(std::string_view text) {
  DateSpanParse parsed = ParseDateOrSpan(text);
  if (!parsed.start) return Fail(parsed.error);
  if (parsed.end || parsed.ongoing)
    return Fail("\"" + std::string(Trim(text)) + "\" is a span of two dates; one date is expected here");
  return {parsed.start, {}};
}

DateSpanParse ParseDateOrSpan(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return SpanFail("empty date");
  if (IsDigit(s.front()) || s.front() == '-') { // the common ISO forms, without the general parser
    Partial p;
    std::string error;
    if (ParseIso(s, p, error) && error.empty()) return {FromPartial(p), std::nullopt, false, {}};
  }
  std::string_view rest = s;
  const bool circa = StripCirca(rest);
  const bool between = StartsNoCase(rest, "between ");
  const bool hasDash = rest.find("\xE2\x80\x93") != std::string_view::npos ||
                       rest.find("\xE2\x80\x94") != std::string_view::npos ||
                       FindNoCase(rest, " to ") != std::string_view::npos;
  if (!between && hasDash) {
    // A dash or "to" always separates a span.
    DateSpanParse first;
    for (const Split& split : SpanSplits(rest)) {
      if (split.left.find('-') != std::string_view::npos && split.left.front() != '-') continue;
      if (IsOngoingWord(split.right)) {
        DateParse start = ParseSingle(split.left);
        if (!start.date) return SpanFail(start.error);
        start.date->circa = start.date->circa || circa;
        DateSpanParse span{start.date, std::nullopt, true, {}};
        return span;
      }
      DateSpanParse span = ParseSpan(split.left, split.right, circa);
      if (span.start) return span;
      if (first.error.empty()) first = span;
    }
    return first.error.empty() ? SpanFail(kExpected) : first;
  }
  DateParse single = ParseSingle(s);
  if (single.date) return {single.date, std::nullopt, false, {}};
  if (!between) {
    // A hyphen between two dates: "535-554", "1914-18", "~30-36", "~500 BCE - 300 CE".
    for (const Split& split : SpanSplits(rest)) {
      DateSpanParse span = ParseSpan(split.left, split.right, circa);
      if (span.start) return span;
    }
  }
  return SpanFail(single.error);
}

// [SECTION] Shift ------------------------------------------------------------------------

namespace {

// The position of a coarse point on a line of its own units, BC negative: "1920s" is 192,
// "320s BC" is -32, "5th century BC" is -5; parts multiply it by three.
std::optional<std::pair<int, int>> CoarseIndex(const DatePoint& p) {
  int size = 1;
  if (p.precision == DatePrecision::Decade) size = 10;
  if (p.precision == DatePrecision::Century && p.hundreds) size = 100;
  if (p.number % size != 0) return std::nullopt;
  const int units = p.number / size;
  const int line = p.bc ? -units : units;
  return std::make_pair(line, size);
}

std::optional<DatePoint> ShiftPoint(const DatePoint& p, int units) {
  DatePoint out = p;
  switch (p.precision) {
  case DatePrecision::Day: {
    CivilFromDays(p.FirstDay() + units, out.year, out.month, out.day);
    return out;
  }
  case DatePrecision::Month:
  case DatePrecision::Season: {
    const int step = p.precision == DatePrecision::Season ? 3 : 1;
    const long months = static_cast<long>(p.year) * 12 + (p.month - 1) + static_cast<long>(units) * step;
    out.year = static_cast<int>(FloorDiv(months, 12));
    out.month = static_cast<int>(months - static_cast<long>(out.year) * 12 + 1);
    if (std::abs(out.year) > kMaxYear) return std::nullopt;
    return out;
  }
  case DatePrecision::Year:
    out.year = p.year + units;
    if (std::abs(out.year) > kMaxYear) return std::nullopt;
    return out;
  case DatePrecision::Decade:
  case DatePrecision::Century:
  case DatePrecision::Millennium: {
    auto index = CoarseIndex(p);
    if (!index) return std::nullopt;
    auto [line, size] = *index;
    // A line of time with no gap at the era: ... 2nd BC is -2, 1st BC -1, 1st AD 0, 2nd AD 1.
    const int time = line > 0 ? line - 1 : line;
    int movedTime = time + units;
    if (p.part != DatePart::Whole) {
      const int third = time * 3 + static_cast<int>(p.part) - 1 + units; // thirds in time order
      movedTime = third >= 0 ? third / 3 : -((-third + 2) / 3);
      out.part = static_cast<DatePart>(third - movedTime * 3 + 1);
    }
    if ((time >= 0) != (movedTime >= 0)) return std::nullopt; // no crossing into the other era
    const int moved = movedTime >= 0 ? movedTime + 1 : movedTime;
    out.bc = moved < 0;
    out.number = std::abs(moved) * size;
    if (p.precision == DatePrecision::Decade && out.number % 100 == 0 && out.number % 1000 != 0)
      return std::nullopt; // "1900s" reads as a century
    if (p.precision == DatePrecision::Century && p.hundreds && out.number % 1000 == 0)
      return std::nullopt; // "2000s" reads as a decade
    if (out.number > kMaxYear) return std::nullopt;
    out.year = out.FirstYear();
    return out;
  }
  }
  return std::nullopt;
}

} // namespace

std::optional<int> UnitsBetween(const DatePoint& a, const DatePoint& b) {
  if (a.precision != b.precision) return std::nullopt;
  switch (a.precision) {
  case DatePrecision::Day: return static_cast<int>(b.FirstDay() - a.FirstDay());
  case DatePrecision::Month: return (b.year - a.year) * 12 + (b.month - a.month);
  case DatePrecision::Season: return ((b.year - a.year) * 12 + (b.month - a.month)) / 3;
  case DatePrecision::Year: return b.year - a.year;
  default: {
    if (a.part != DatePart::Whole || b.part != DatePart::Whole || a.hundreds != b.hundreds) return std::nullopt;
    auto ia = CoarseIndex(a), ib = CoarseIndex(b);
    if (!ia || !ib) return std::nullopt;
    // Across the era there is no unit 0: 1st century BC is followed by 1st century AD.
    const int la = ia->first > 0 ? ia->first - 1 : ia->first, lb = ib->first > 0 ? ib->first - 1 : ib->first;
    return lb - la;
  }
  }
}

std::optional<Date> ShiftDate(const Date& date, int units) {
  auto at = ShiftPoint(date, units);
  if (!at) return std::nullopt;
  Date out = date;
  static_cast<DatePoint&>(out) = *at;
  if (date.doubt != DateDoubt::None) {
    // Bounds of two precisions move by different amounts: such a date has no neighbours.
    if (date.later.precision != date.precision) return std::nullopt;
    auto later = ShiftPoint(date.later, units);
    if (!later || later->FirstDay() <= at->LastDay()) return std::nullopt;
    out.later = *later;
  }
  return out;
}

} // namespace factdeck
