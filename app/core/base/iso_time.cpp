#include "core/base/iso_time.h"

#include <cstdio>

namespace factdeck {

namespace {
bool Digits(std::string_view text, size_t at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}
} // namespace

std::optional<std::int64_t> ParseIsoTime(std::string_view s) {
  int year, month, day, hour = 0, minute = 0, second = 0, millis = 0;
  if (!Digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, month) || s[7] != '-' ||
      !Digits(s, 8, 2, day))
    return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  size_t i = 10;
  int offsetMinutes = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != ' ') return std::nullopt;
    if (!Digits(s, i + 1, 2, hour) || i + 3 >= s.size() || s[i + 3] != ':' || !Digits(s, i + 4, 2, minute))
      return std::nullopt;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!Digits(s, i + 1, 2, second)) return std::nullopt;
      i += 3;
      if (i < s.size() && s[i] == '.') {
        size_t digits = 0;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
          if (digits < 3) millis = millis * 10 + (s[i] - '0');
        if (digits == 0) return std::nullopt;
        for (; digits < 3; ++digits)
          millis *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (i < s.size()) {
      if (s[i] == 'Z' && i + 1 == s.size()) {
        ++i;
      } else if ((s[i] == '+' || s[i] == '-') && s.size() == i + 6 && s[i + 3] == ':') {
        int oh, om;
        if (!Digits(s, i + 1, 2, oh) || !Digits(s, i + 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
        offsetMinutes = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
        i = s.size();
      } else {
        return std::nullopt;
      }
    }
  }
  if (i != s.size()) return std::nullopt;
  std::int64_t seconds =
      DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return seconds * 1000 + millis;
}

std::string FormatIsoTime(std::int64_t ms) {
  std::int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  std::int64_t rest = ms - days * 86400000;
  int year, month, day;
  CivilFromDays(days, year, month, day);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month, day,
                static_cast<int>(rest / 3600000), static_cast<int>(rest / 60000 % 60),
                static_cast<int>(rest / 1000 % 60), static_cast<int>(rest % 1000));
  return text;
}

} // namespace factdeck
