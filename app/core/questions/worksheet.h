// A printable quiz: the questions on the first pages, the answer key on a page of its own.
#pragma once

#include <string>
#include <vector>

#include "core/questions/questions.h"

namespace factdeck {

// A self-contained HTML page (no scripts, no external files), styled for A4 and Letter.
std::string WorksheetHtml(const std::string& title, const std::vector<Question>& questions);

// Text made safe for HTML: & < > " ' escaped.
std::string EscapeHtml(std::string_view text);

} // namespace factdeck
