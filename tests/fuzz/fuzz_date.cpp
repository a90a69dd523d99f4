// Feeds arbitrary text to the date grammar. Besides the sanitizers' checks: a date that
// parses reads back equal from its canonical and its displayed form, its interval runs
// forwards, and moving it in its own form never breaks those.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/base/date.h"

namespace {

void CheckDate(const factdeck::Date& date) {
  if (date.LastDay() < date.FirstDay() || date.WideLastDay() < date.WideFirstDay()) std::abort();
  auto canonical = factdeck::ParseDate(date.Canonical());
  auto shown = factdeck::ParseDate(date.Display());
  if (!canonical.date || !(*canonical.date == date) || !shown.date || !(*shown.date == date)) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  factdeck::DateSpanParse parsed = factdeck::ParseDateOrSpan(text);
  if (!parsed.start) {
    if (parsed.error.empty()) std::abort(); // a refusal always says why
    return 0;
  }
  CheckDate(*parsed.start);
  if (parsed.end) {
    CheckDate(*parsed.end);
    if (parsed.end->LastDay() < parsed.start->FirstDay()) std::abort();
    auto again = factdeck::ParseDateOrSpan(factdeck::SpanDisplay(*parsed.start, *parsed.end));
    if (!again.start || !(*again.start == *parsed.start) || !again.end || !(*again.end == *parsed.end)) std::abort();
  }
  for (int units : {-7, -1, 1, 5, 100})
    if (auto moved = factdeck::ShiftDate(*parsed.start, units)) CheckDate(*moved);
  return 0;
}
