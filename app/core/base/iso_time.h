// ISO-8601 times as the command line and exports write them, and the local-day arithmetic
// the study queue needs. Times are milliseconds since 1970-01-01 UTC (srs::TimeMs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/calendar.h" // DaysFromCivil, CivilFromDays for the callers of day arithmetic

namespace factdeck {

// "2024-03-05T14:30:00Z", "2024-03-05T14:30:00.250+02:00", "2024-03-05 14:30", "2024-03-05"
// (midnight UTC). Empty when the text is not such a time or names an impossible one.
std::optional<std::int64_t> ParseIsoTime(std::string_view text);

// "2024-03-05T14:30:00.000Z", as JavaScript's Date.toISOString writes it.
std::string FormatIsoTime(std::int64_t ms);

} // namespace factdeck
