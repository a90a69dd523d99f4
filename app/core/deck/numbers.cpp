#include "core/deck/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/base/text.h"

namespace factdeck {

std::optional<std::string> WrittenNumber(const std::string& text) {
  std::string digits;
  size_t i = 0, sinceGroup = 0;
  bool grouped = false, point = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') digits += '-';
    i = 1;
  }
  size_t before = 0; // digits before the point
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++sinceGroup;
      if (!point) ++before;
    } else if ((c == ',' || c == ' ') && !point && before > 0 && (grouped ? sinceGroup == 3 : sinceGroup <= 3)) {
      grouped = true; // a thousands separator: groups of three follow
      sinceGroup = 0;
    } else if (c == '.' && !point && (!grouped || sinceGroup == 3)) {
      point = true;
      digits += '.';
      sinceGroup = 0;
    } else {
      return std::nullopt;
    }
  }
  if (before == 0 || digits.back() == '.' || (grouped && !point && sinceGroup != 3)) return std::nullopt;
  // A leading zero is a code, not a quantity ("007", "0044").
  const size_t lead = digits[0] == '-' ? 1 : 0;
  if (digits.size() > lead + 1 && digits[lead] == '0' && digits[lead + 1] != '.') return std::nullopt;
  return digits;
}

namespace {

struct Qualifier {
  const char* words; // lower case, as written before the number
  NumberBound bound;
  const char* shown; // how the phrase is shown
};
// Longer phrases first: "no more than" before "more than".
constexpr Qualifier kQualifiers[] = {
    {"no more than", NumberBound::AtMost, "at most"},
    {"no fewer than", NumberBound::AtLeast, "at least"},
    {"no less than", NumberBound::AtLeast, "at least"},
    {"more than", NumberBound::MoreThan, "more than"},
    {"greater than", NumberBound::MoreThan, "more than"},
    {"over", NumberBound::MoreThan, "more than"},
    {"above", NumberBound::MoreThan, "more than"},
    {"at least", NumberBound::AtLeast, "at least"},
    {"fewer than", NumberBound::LessThan, "fewer than"},
    {"less than", NumberBound::LessThan, "less than"},
    {"under", NumberBound::LessThan, "less than"},
    {"below", NumberBound::LessThan, "less than"},
    {"at most", NumberBound::AtMost, "at most"},
    {"up to", NumberBound::AtMost, "at most"},
    {"about", NumberBound::About, "about"},
    {"around", NumberBound::About, "about"},
    {"approximately", NumberBound::About, "about"},
    {"roughly", NumberBound::About, "about"},
    {"circa", NumberBound::About, "about"},
    {"ca.", NumberBound::About, "about"},
    {"c.", NumberBound::About, "about"},
    {"~", NumberBound::About, "about"},
};

} // namespace

std::optional<BoundedNumber> ParseBoundedNumber(std::string_view text) {
  std::string lower;
  for (char c : text)
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  while (!lower.empty() && lower.back() == ' ')
    lower.pop_back();
  size_t start = 0;
  while (start < lower.size() && lower[start] == ' ')
    ++start;
  for (const Qualifier& q : kQualifiers) {
    const std::string_view words = q.words;
    if (lower.compare(start, words.size(), words) != 0) continue;
    size_t at = start + words.size();
    // A word must end before the number ("over 5", not "overt"); "~450" and "c.450" need no space.
    const bool symbol = words.back() == '~' || words.back() == '.';
    if (!symbol && (at >= lower.size() || lower[at] != ' ')) continue;
    while (at < lower.size() && lower[at] == ' ')
      ++at;
    const auto digits = WrittenNumber(lower.substr(at));
    if (!digits || (*digits)[0] == '-') return std::nullopt;
    BoundedNumber n;
    n.bound = q.bound;
    n.digits = *digits;
    n.number = std::strtod(digits->c_str(), nullptr);
    n.phrase = std::string(q.shown) + " " + NumberText(n.number);
    return n;
  }
  return std::nullopt;
}

bool NumberRange::Meets(const NumberRange& o) const {
  // Empty where one ends before the other begins (an excluded end touching is no meeting).
  if (high < o.low || o.high < low) return false;
  if (high == o.low && !(highIncluded && o.lowIncluded)) return false;
  if (o.high == low && !(o.highIncluded && lowIncluded)) return false;
  return true;
}

NumberRange TrueRange(NumberBound bound, double x) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  switch (bound) {
  case NumberBound::Exact: return {x, x, true, true};
  case NumberBound::MoreThan: return {x, inf, false, true};
  case NumberBound::AtLeast: return {x, inf, true, true};
  case NumberBound::LessThan: return {-inf, x, true, false};
  case NumberBound::AtMost: return {-inf, x, true, true};
  case NumberBound::About: return {x * 0.8, x * 1.2, true, true};
  }
  return {x, x, true, true};
}

int SignificantDigits(double x) {
  if (!(x > 0)) return 1;
  // As written to 12 digits, the trailing zeros (and any decimal point) left out.
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g", x);
  std::string digits;
  for (const char* c = buffer; *c != '\0' && *c != 'e'; ++c)
    if (*c >= '0' && *c <= '9' && !(digits.empty() && *c == '0')) digits += *c;
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
  return std::max(1, static_cast<int>(digits.size()));
}

namespace {
// `x` in units of its `digits`-th significant digit: 140 with 2 digits is 14 units of 10.
double DigitUnit(double x, int digits) { return std::pow(10.0, std::floor(std::log10(x)) - (digits - 1)); }
} // namespace

double WithDigitsAtMost(double x, int digits) {
  if (!(x > 0)) return 0.0;
  const double unit = DigitUnit(x, digits);
  return std::floor(x / unit * (1 + 1e-12)) * unit;
}

double WithDigitsAtLeast(double x, int digits) {
  if (!(x > 0)) return 0.0;
  const double unit = DigitUnit(x, digits);
  return std::ceil(x / unit * (1 - 1e-12)) * unit;
}

std::string GroupedNumber(const std::string& written) {
  size_t start = written.empty() || written[0] != '-' ? 0 : 1, end = start;
  while (end < written.size() && written[end] >= '0' && written[end] <= '9')
    ++end;
  if (end == start || end - start < 4 || (end < written.size() && written[end] != '.')) return written;
  for (size_t i = end + 1; i < written.size(); ++i)
    if (written[i] < '0' || written[i] > '9') return written;
  std::string out = written.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += ',';
    out += written[i];
  }
  return out + written.substr(end);
}

std::string NumberText(double x) {
  char text[64];
  const auto end = std::to_chars(text, text + sizeof text, x).ptr;
  std::string s(text, end);
  if (std::fabs(x) >= 1000 && std::fabs(x) < 1e15 && x == std::floor(x))
    return (x < 0 ? "-" : "") + CountText(static_cast<size_t>(std::fabs(x)));
  return s;
}

} // namespace factdeck
