// Numbers as people write them in decks and tables: "1,234,567", "12 500", and bounds and
// approximations ("more than 100", "at least 20", "fewer than 5", "about 450"), which a
// facts file may give for a number fact when its source does ("more than a hundred
// pilots"). A bound is true of a range of values; questions offer only ranges it makes
// false.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factdeck {

// "1,234,567", "-3.5", "12 500": a number as a table may write it, in the form a facts file
// keeps it ("1234567"); nullopt when `text` is not one. A leading zero is a code ("007").
std::optional<std::string> WrittenNumber(const std::string& text);

enum class NumberBound { Exact, MoreThan, AtLeast, LessThan, AtMost, About };

struct BoundedNumber {
  NumberBound bound = NumberBound::Exact;
  double number = 0.0;
  std::string digits; // the number as the file keeps it ("1000")
  std::string phrase; // as shown: "more than 1,000", "fewer than 5", "about 450"
};

// "more than 100", "over 100", "above 100", "at least 100", "fewer than 5", "less than 0.5",
// "under 5", "below 5", "at most 5", "up to 5", "about 450", "around 450",
// "approximately 450", "roughly 450", "c. 450", "~450"; the number may have thousands
// separators. nullopt when `text` is none of these (a bare number is not a bound).
std::optional<BoundedNumber> ParseBoundedNumber(std::string_view text);

// The values a bound is true of, inclusive where it includes its end: more than 100 is
// (100, inf), about 450 is 450 give or take a fifth.
struct NumberRange {
  double low = 0.0, high = 0.0;
  bool lowIncluded = true, highIncluded = true;
  bool Meets(const NumberRange& other) const;
};
NumberRange TrueRange(NumberBound bound, double number);

// How many significant digits a positive number is written with: 140 has 2, 6 and 1000 one.
int SignificantDigits(double x);
// The largest number of `digits` significant digits not above `x`, and the smallest not
// below it: options of an approximation's precision that must stay at least a given
// distance from it ("about 140": "about 70", "about 280").
double WithDigitsAtMost(double x, int digits);
double WithDigitsAtLeast(double x, int digits);
// A number as a facts file keeps it ("1300", "-12500.5"), with its thousands separated for
// people ("1,300", "-12,500.5"); any other text is returned as it is.
std::string GroupedNumber(const std::string& written);
// A number for people: shortest exact form, thousands separated ("1,000", "0.25").
std::string NumberText(double x);

} // namespace factdeck
