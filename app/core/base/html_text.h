// Text written as HTML (Anki's fields, its text exports) read as plain text: tags dropped,
// line breaks kept, entities decoded, pictures and sounds it names listed apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factdeck {

struct HtmlText {
  std::string text;                  // the words, lines kept (<br>, </div>, </p>, </li>)
  std::vector<std::string> pictures; // each <img src="...">'s file name, in order, decoded
  size_t sounds = 0;                 // Anki's [sound:FILE] references, removed
};

// Reads `html`: tags are dropped (the contents of <script> and <style> too), emphasis
// becomes plain text, entities (named, decimal, hexadecimal) become their characters,
// spaces are folded and each line trimmed, empty lines at either end left out.
HtmlText ReadHtml(std::string_view html);

// ReadHtml's text alone.
inline std::string HtmlToText(std::string_view html) { return ReadHtml(html).text; }

} // namespace factdeck
