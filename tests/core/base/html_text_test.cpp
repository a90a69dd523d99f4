// HTML read as plain text: Anki's fields and text exports.
#include <catch2/catch.hpp>

#include "core/base/html_text.h"

using namespace factdeck;

TEST_CASE("HTML becomes plain text with its lines, pictures and sounds listed apart", "[html]") {
  CHECK(HtmlToText("Ernst <b>Röhm</b>") == "Ernst Röhm");
  CHECK(HtmlToText("<div>one</div><div>two</div>") == "one\ntwo");
  CHECK(HtmlToText("a<br>b<br/>c<BR >d") == "a\nb\nc\nd");
  CHECK(HtmlToText("  spaced \t out  <br>   next ") == "spaced out\nnext");
  CHECK(HtmlToText("x&nbsp;&amp;&nbsp;y &lt;z&gt; &#8211; &#x2013; &quot;q&quot;") == "x & y <z> – – \"q\"");
  CHECK(HtmlToText("<style>.card { color: red }</style>Visible<script>alert('x')</script>") == "Visible");
  CHECK(HtmlToText("<ul><li>first</li><li>second</li></ul>") == "first\nsecond");
  CHECK(HtmlToText("line one\nline two") == "line one line two");  // a break in the source is a space
  CHECK(HtmlToText("<p>a</p><p></p><p></p><p>b</p>") == "a\n\nb"); // at most one empty line
  CHECK(HtmlToText("5 < 6 and [sound:unclosed") == "5 < 6 and [sound:unclosed");
  CHECK(HtmlToText("<b>unclosed") == "unclosed");
  CHECK(HtmlToText("broken <b") == "broken");

  const HtmlText read = ReadHtml("<img src=\"flag.png\"> Whose flag? [sound:se.mp3]<IMG alt=x SRC='a&amp;b.jpg'/>");
  CHECK(read.text == "Whose flag?");
  CHECK(read.pictures == std::vector<std::string>{"flag.png", "a&b.jpg"});
  CHECK(read.sounds == 1);
  CHECK(ReadHtml("<img alt=\"no source\">").pictures.empty());
  CHECK(ReadHtml("<img data-src=\"x.png\">").pictures.empty()); // only the src attribute itself
}
