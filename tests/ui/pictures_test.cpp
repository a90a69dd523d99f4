// Pictures in the window: the bundled flags deck studied, each question's flag drawn from its
// file once decoded, with the options under it.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include "harness.h"
#include "ui/picture_cache.h"

using namespace factdeck;
using factdeck::test::UiHarness;

TEST_CASE("studying the flags deck shows each question's flag, decoded off the frame", "[ui][pictures]") {
  UiHarness ui(1280, 800);
  size_t deck = ui.State().decks.size();
  for (size_t i = 0; i < ui.State().decks.size(); ++i)
    if (ui.State().decks[i].id == "flags-of-europe") deck = i;
  REQUIRE(deck < ui.State().decks.size());
  CHECK(ui.State().decks[deck].errors.empty());
  ui.Click("home/deck/" + std::to_string(deck) + "/study");
  REQUIRE(ui.State().screen == Screen::Study);
  REQUIRE(ui.State().study);
  QuestionRun& session = *ui.State().study->session;
  int shown = 0;
  for (int question = 0; question < 6 && !session.Done(); ++question) {
    const Question& q = *session.Current();
    REQUIRE_FALSE(q.image.empty());
    // The first frames hold its place while the worker decodes; then the flag is drawn.
    for (int frame = 0; frame < 200 && !ui.Has("study/picture"); ++frame)
      ui.Frames(1);
    REQUIRE(ui.Has("study/picture"));
    const auto picture = ui.Item("study/picture");
    const bool flashcard = q.kind == QuestionKind::Flashcard;
    // The flag above the options (or the button that shows a flashcard's answer).
    CHECK(picture.max.y <= ui.Item(flashcard ? "study/reveal" : "study/option/0").min.y);
    // 300 x 200 and smaller flags, fitted in 14 em of height: wider than tall.
    CHECK(picture.max.x - picture.min.x > picture.max.y - picture.min.y);
    if (question == 0) ui.SaveScreenshot("study-flag");
    ++shown;
    if (flashcard) { // show the answer, then grade it Good
      ui.PressKey(GLFW_KEY_SPACE);
      ui.PressKey(GLFW_KEY_3);
    } else { // answer by the first option, then go on
      ui.PressKey(GLFW_KEY_1);
      ui.PressKey(GLFW_KEY_SPACE);
    }
  }
  CHECK(shown == 6);
  CHECK(ui.App().Pictures().Textures() >= 1);
  CHECK(ui.App().Pictures().TextureBytes() > 0);
}
