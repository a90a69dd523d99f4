// Dates as a learner types them, from this machine's clock and time zone.
#pragma once

#include <ctime>
#include <string>

namespace factdeck::test {

// Today plus `days`, as YYYY-MM-DD in the local time zone.
inline std::string LocalDateIn(int days) {
  const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm local{};
  localtime_r(&t, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

} // namespace factdeck::test
