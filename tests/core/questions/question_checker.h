// An independent check of generated questions against the deck, written from the rules
// in docs/questions.md without the generator's indexes: it scans the facts itself. The
// property tests run every generated question through it; other tests feed it broken
// questions to prove that each rule can fail.
#pragma once

#include <string>
#include <vector>

#include "core/deck/deck.h"
#include "core/questions/questions.h"

namespace factdeck::test {

// Every rule the question breaks, as short names ("two right options", ...); empty when good.
std::vector<std::string> Violations(const Deck& deck, const Question& q);

// The rules a whole quiz breaks ("one template fills the quiz: ..."); empty when good.
std::vector<std::string> QuizViolations(const Deck& deck, const std::vector<Question>& quiz);

} // namespace factdeck::test
