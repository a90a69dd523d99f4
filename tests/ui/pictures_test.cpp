// Pictures in the window: the bundled flags deck studied, each question's flag drawn from its
// file once decoded, with the options under it.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <stb_image_write.h>
#include <thread>

#include "harness.h"
#include "support/temp_dir.h"
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

TEST_CASE("browsing 1,000 pictures keeps their memory within the budget, least recently drawn freed first",
          "[ui][pictures][memory]") {
  UiHarness ui(640, 480);
  test::TempDir dir;
  // 1,000 different 256 x 256 pictures: 341 KiB of texture each with mipmaps, 333 MiB in all.
  std::vector<std::string> files;
  std::vector<unsigned char> rgb(256 * 256 * 3);
  for (int i = 0; i < 1000; ++i) {
    for (size_t p = 0; p < rgb.size(); ++p)
      rgb[p] = static_cast<unsigned char>((p * 7 + static_cast<size_t>(i) * 13) & 0xFF);
    const auto file = dir / ("p" + std::to_string(i) + ".png");
    REQUIRE(stbi_write_png(file.c_str(), 256, 256, 3, rgb.data(), 256 * 3) != 0);
    files.push_back(file.string());
  }
  const std::size_t budget = std::size_t{32} << 20; // a small budget, so that 1,000 overflow it
  const std::size_t each = 256 * 256 * 4 * 4 / 3;
  ui::PictureCache cache(budget);
  std::size_t most = 0;
  int frame = 0, ready = 0;
  for (const std::string& file : files) {
    // Each picture drawn until it is ready, as a screen would.
    for (int tries = 0; tries < 2000; ++tries) {
      ++frame;
      cache.Update(frame);
      if (cache.Get(file, frame).texture != nullptr) {
        ++ready;
        break;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    most = std::max(most, cache.TextureBytes());
  }
  CHECK(ready == 1000);
  CHECK(most <= budget + 2 * each); // over the budget by at most what the last two frames drew
  CHECK(cache.Textures() * each <= budget + 2 * each);
  // The first pictures were freed; asked again, they are decoded again.
  CHECK(cache.Get(files.front(), ++frame).texture == nullptr);
}

TEST_CASE("the timeline shows the picture of the event to place", "[ui][pictures][timeline]") {
  test::TempDir dir;
  std::string deck =
      "[deck]\nid = \"painted\"\ntitle = \"Painted years\"\n[[deck.source]]\nid = \"s\"\ntitle = \"S\"\n";
  std::vector<unsigned char> rgb(40 * 30 * 3);
  for (int i = 0; i < 5; ++i) {
    std::fill(rgb.begin(), rgb.end(), static_cast<unsigned char>(40 * i));
    const std::string name = "e" + std::to_string(i) + ".png";
    REQUIRE(stbi_write_png((dir / name).c_str(), 40, 30, 3, rgb.data(), 40 * 3) != 0);
    deck += "[[event]]\nid = \"e" + std::to_string(i) + "\"\nname = \"Event number " + std::to_string(i) +
            "\"\ndate = \"" + std::to_string(1900 + 10 * i) + "\"\nimage = \"" + name +
            "\"\nimage_credit = \"CC0\"\nsource = \"s\"\n";
  }
  std::ofstream(dir / "painted.toml") << deck;
  UiHarness ui(1280, 800, {}, dir / "painted.toml");
  REQUIRE(ui.State().decks[0].id == "painted");
  ui.Click("home/deck/0/timeline");
  REQUIRE(ui.State().screen == Screen::Timeline);
  for (int frame = 0; frame < 200 && !ui.Has("timeline/picture"); ++frame)
    ui.Frames(1);
  REQUIRE(ui.Has("timeline/picture"));
  CHECK(ui.Item("timeline/picture").min.y >= ui.Item("timeline/current").max.y);
  ui.SaveScreenshot("timeline-picture");
}
