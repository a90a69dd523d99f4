#include "core/questions/worksheet.h"

#include "core/base/text.h"
#include "core/deck/picture_file.h"

namespace factdeck {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

const char* kStyle = R"css(
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; margin: 2cm; color: #111; }
  h1 { font-size: 18pt; margin-bottom: 0.2em; }
  .meta { color: #555; margin-bottom: 1.5em; }
  .name { margin: 1em 0 2em; }
  ol.questions > li { margin-bottom: 1.1em; page-break-inside: avoid; break-inside: avoid; }
  ol.options { list-style-type: upper-alpha; margin: 0.3em 0; }
  .line { border-bottom: 1px solid #888; width: 12em; height: 1.4em; display: inline-block; }
  .box { border: 1px solid #555; width: 1.6em; height: 1.2em; display: inline-block; margin-right: 0.5em; vertical-align: middle; }
  .kind { color: #666; font-size: 9pt; }
  .key { page-break-before: always; break-before: page; }
  .key li { margin-bottom: 0.6em; }
  .explanation, .source { color: #444; font-size: 9.5pt; }
  img.picture { max-width: 9cm; max-height: 6cm; border: 1px solid #ccc; }
  ol.options.pictures li { display: inline-block; width: 45%; margin: 0.3em 0; vertical-align: top; }
  ol.options.pictures li::before { content: counter(list-item, upper-alpha) ")  "; vertical-align: top; }
  ol.options.pictures { counter-reset: list-item; list-style: none; padding-left: 0; }
  ol.options.pictures li { counter-increment: list-item; }
  img.option { max-width: 6cm; max-height: 3.6cm; border: 1px solid #ccc; }
)css";

std::string Letter(int i) { return std::string(1, static_cast<char>('A' + i)); }

std::string Base64(const std::string& bytes) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n =
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
        (i + 1 < bytes.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 : 0) |
        (i + 2 < bytes.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2])) : 0);
    out += kDigits[n >> 18 & 63];
    out += kDigits[n >> 12 & 63];
    out += i + 1 < bytes.size() ? kDigits[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

// A picture inside the page (the worksheet stays one file to print or mail), as an <img> of
// `cssClass`; "" when there is none or it cannot be read.
std::string EmbeddedPicture(const std::string& file, const char* cssClass) {
  if (file.empty()) return {};
  const auto picture = ReadPictureBytes(file);
  if (!picture) return {};
  return "<img class=\"" + std::string(cssClass) + "\" alt=\"\" src=\"data:" + std::string(picture->mediaType) +
         ";base64," + Base64(picture->bytes) + "\">";
}

} // namespace

namespace {
// What the student is asked to do, in their words (not the kind's name).
const char* Instruction(const Question& q) {
  if (SelectAll(q)) return "Circle every right answer.";
  switch (q.kind) {
  case QuestionKind::TypedYear: return "Write the year.";
  case QuestionKind::Flashcard: return "Write the answer.";
  case QuestionKind::Ordering: return "";
  default: return "Circle one.";
  }
}
} // namespace

std::string WorksheetHtml(const std::string& title, const std::vector<Question>& questions) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     EscapeHtml(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  html +=
      "<h1>" + EscapeHtml(title) + "</h1>\n<p class=\"meta\">" + std::to_string(questions.size()) +
      " questions</p>\n<p class=\"name\">Name: <span class=\"line\"></span> Date: <span class=\"line\"></span></p>\n";
  html += "<ol class=\"questions\">\n";
  for (const Question& q : questions) {
    const std::string instruction = Instruction(q);
    html += "<li><p>" + EscapeHtml(q.prompt) +
            (instruction.empty() ? "" : " <span class=\"kind\">" + instruction + "</span>") + "</p>\n";
    if (const std::string picture = EmbeddedPicture(q.image, "picture"); !picture.empty())
      html += "<p>" + picture + "</p>\n";
    switch (q.kind) {
    case QuestionKind::Ordering:
      html += "<p>Number them 1 (earliest) to " + std::to_string(q.options.size()) +
              ":</p>\n<ul style=\"list-style:none\">\n";
      for (const std::string& o : q.options)
        html += "<li><span class=\"box\"></span>" + EscapeHtml(o) + "</li>\n";
      html += "</ul>\n";
      break;
    case QuestionKind::TypedYear:
    case QuestionKind::Flashcard: html += "<p>Answer: <span class=\"line\" style=\"width:20em\"></span></p>\n"; break;
    default:
      if (q.optionImages.size() == q.options.size() && !q.optionImages.empty()) {
        // Picture options: the pictures, and their words only when they are not the question.
        html += "<ol class=\"options pictures\">\n";
        for (size_t i = 0; i < q.options.size(); ++i)
          html += "<li>" + EmbeddedPicture(q.optionImages[i], "option") +
                  (q.picturesOnly ? "" : "<br>" + EscapeHtml(q.options[i])) + "</li>\n";
        html += "</ol>\n";
        break;
      }
      html += "<ol class=\"options\">\n";
      for (const std::string& o : q.options)
        html += "<li>" + EscapeHtml(o) + "</li>\n";
      html += "</ol>\n";
    }
    html += "</li>\n";
  }
  html += "</ol>\n<section class=\"key\">\n<h1>Answer key</h1>\n<ol>\n";
  for (const Question& q : questions) {
    std::string answer;
    if (q.kind == QuestionKind::Ordering) {
      for (size_t i = 0; i < q.order.size(); ++i)
        answer += (i ? ", " : "") + EscapeHtml(q.options[static_cast<size_t>(q.order[i])]);
    } else if (!RightOptions(q).empty()) {
      for (int right : RightOptions(q))
        answer +=
            (answer.empty() ? "" : "; ") + Letter(right) + ") " + EscapeHtml(q.options[static_cast<size_t>(right)]);
    } else {
      answer = EscapeHtml(q.answerText) + (q.kind == QuestionKind::TypedYear && AcceptedYearsText(q) != q.answerText
                                               ? " (accepted: " + EscapeHtml(AcceptedYearsText(q)) + ")"
                                               : "");
    }
    // The explanation only where it says more than the answer (a card's is its back).
    html += "<li><strong>" + answer + "</strong>";
    if (!q.explanation.empty() && Fold(q.explanation) != Fold(q.answerText))
      html += "<br><span class=\"explanation\">" + EscapeHtml(q.explanation) + "</span>";
    if (!q.source.empty()) html += "<br><span class=\"source\">Source: " + EscapeHtml(q.source) + "</span>";
    html += "</li>\n";
  }
  html += "</ol>\n</section>\n</body>\n</html>\n";
  return html;
}

} // namespace factdeck
