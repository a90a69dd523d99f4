// Pictures in the window: the bundled flags deck studied, each question's flag drawn from its
// file once decoded, with the options under it.
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <stb_image_write.h>
#include <thread>

#include "harness.h"
#include "support/synthetic_pictures.h"
#include "support/temp_dir.h"
#include "ui/picture_cache.h"

using namespace factdeck;
using factdeck::test::UiHarness;

namespace {
size_t FlagsDeck(UiHarness& ui) {
  size_t deck = ui.State().decks.size();
  for (size_t i = 0; i < ui.State().decks.size(); ++i)
    if (ui.State().decks[i].id == "flags-of-europe") deck = i;
  REQUIRE(deck < ui.State().decks.size());
  CHECK(ui.State().decks[deck].errors.empty());
  return deck;
}

// Frames until `name` is drawn (a picture decoded on the worker, then uploaded).
void DrawnSoon(UiHarness& ui, const std::string& name) {
  for (int frame = 0; frame < 300 && !ui.Has(name); ++frame)
    ui.Frames(1);
  REQUIRE(ui.Has(name));
}
} // namespace

TEST_CASE("studying the flags deck: a flag to name, and four flags to choose from, decoded off the frame",
          "[ui][pictures]") {
  UiHarness ui(1280, 800);
  ui.Click("home/deck/" + std::to_string(FlagsDeck(ui)) + "/study");
  REQUIRE(ui.State().screen == Screen::Study);
  REQUIRE(ui.State().study);
  QuestionRun& session = *ui.State().study->session;
  int flagShown = 0, flagsOffered = 0;
  for (int question = 0; question < 20 && !session.Done() && (flagShown < 2 || flagsOffered < 2); ++question) {
    const Question& q = *session.Current();
    if (q.picturesOnly) {
      // "Which of these is the flag of X?": four flags two by two, no names until answered.
      REQUIRE(q.optionImages.size() == 4);
      CHECK(q.image.empty());
      for (int i = 0; i < 4; ++i)
        DrawnSoon(ui, "study/option/" + std::to_string(i) + "/picture");
      const auto tile = [&](int i) { return ui.Item("study/option/" + std::to_string(i)); };
      CHECK(tile(0).min.y == tile(1).min.y);
      CHECK(tile(1).min.x > tile(0).max.x);
      CHECK(tile(2).min.y > tile(0).max.y);
      CHECK(tile(2).min.x == tile(0).min.x);
      for (int i = 0; i < 4; ++i) {
        const auto picture = ui.Item("study/option/" + std::to_string(i) + "/picture");
        CHECK(picture.min.x >= tile(i).min.x);
        CHECK(picture.max.y <= tile(i).max.y);
        // 300 x 200 and smaller flags fitted in the tile: wider than tall.
        CHECK(picture.max.x - picture.min.x > picture.max.y - picture.min.y);
        CHECK_FALSE(ui.Has("study/option/" + std::to_string(i) + "/picture/caption"));
      }
      if (flagsOffered == 0) ui.SaveScreenshot("study-flag-options");
      // The right flag clicked: right, and now each flag says whose it is.
      ui.Click("study/option/" + std::to_string(q.answer));
      REQUIRE(session.Feedback() != nullptr);
      CHECK(session.Feedback()->correct);
      for (int i = 0; i < 4; ++i)
        CHECK(ui.Has("study/option/" + std::to_string(i) + "/picture/caption"));
      if (flagsOffered == 0) ui.SaveScreenshot("study-flag-options-answered");
      ++flagsOffered;
    } else {
      // "Which country's flag is this?": the flag above the names.
      REQUIRE_FALSE(q.image.empty());
      CHECK(q.optionImages.empty());
      DrawnSoon(ui, "study/picture");
      const auto picture = ui.Item("study/picture");
      CHECK(picture.max.y <= ui.Item("study/option/0").min.y);
      CHECK(picture.max.x - picture.min.x > picture.max.y - picture.min.y);
      if (flagShown == 0) ui.SaveScreenshot("study-flag");
      ui.PressKey(GLFW_KEY_1);
      REQUIRE(session.Feedback() != nullptr);
      ++flagShown;
    }
    ui.PressKey(GLFW_KEY_SPACE);
  }
  CHECK(flagShown >= 2);
  CHECK(flagsOffered >= 2);
  CHECK(ui.App().Pictures().Textures() >= 4);
  CHECK(ui.App().Pictures().TextureBytes() > 0);
}

TEST_CASE("a classroom match on the flags deck shows four flags on the coloured tiles", "[ui][pictures][classroom]") {
  UiHarness ui(1280, 800);
  srs::TimeMs now = 1767268800000;
  ui.State().clock = [&now] { return now; };
  ui.Click("home/deck/" + std::to_string(FlagsDeck(ui)) + "/classroom");
  REQUIRE(ui.State().screen == Screen::Classroom);
  ui.Widgets().classroom.questions = 6;
  ui.PressKey(GLFW_KEY_ENTER);
  REQUIRE(ui.State().classroom->match);
  ClassroomMatch& match = *ui.State().classroom->match;
  int pictureTiles = 0;
  for (size_t n = 0; n < match.QuestionCount(); ++n) {
    now += 3000; // the question alone, then the tiles
    ui.Frames(2);
    REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Answering);
    const Question& q = *match.Current();
    const bool pictures = q.optionImages.size() == 4;
    if (pictures) {
      // Four flags on the tiles, without the names that would give them away.
      for (int i = 0; i < 4; ++i)
        DrawnSoon(ui, "classroom/tile/" + std::to_string(i) + "/picture");
      for (int i = 0; i < 4; ++i) {
        const std::string tile = "classroom/tile/" + std::to_string(i);
        CHECK(ui.Item(tile + "/picture").min.x >= ui.Item(tile).min.x);
        CHECK(ui.Item(tile + "/picture").max.y <= ui.Item(tile).max.y);
        CHECK_FALSE(ui.Has(tile + "/picture/caption"));
      }
      if (pictureTiles == 0) ui.SaveScreenshot("classroom-flag-tiles");
    } else {
      DrawnSoon(ui, "classroom/picture"); // "Which country's flag is this?"
    }
    ui.PressKey('Q');
    REQUIRE(match.Answering() == 0u);
    ui.PressKey(GLFW_KEY_1 + q.answer);
    REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Revealed);
    if (pictures) {
      // Revealed: each flag says whose it is.
      ui.Frames(1);
      for (int i = 0; i < 4; ++i)
        CHECK(ui.Has("classroom/tile/" + std::to_string(i) + "/picture/caption"));
      if (pictureTiles++ == 0) ui.SaveScreenshot("classroom-flag-tiles-revealed");
    }
    ui.PressKey(GLFW_KEY_SPACE); // the leaderboard
    ui.PressKey(GLFW_KEY_SPACE); // the next question, or the podium
  }
  REQUIRE(match.GetPhase() == ClassroomMatch::Phase::Finished);
  CHECK(match.Teams()[0].right == static_cast<int>(match.QuestionCount()));
  CHECK(pictureTiles >= 1);
}

TEST_CASE("browsing 1,000 pictures keeps their memory within the budget, least recently drawn freed first",
          "[ui][pictures][memory]") {
  UiHarness ui(640, 480);
  test::TempDir dir;
  // 1,000 different 256 x 256 pictures: 341 KiB of texture each with mipmaps, 333 MiB in all.
  const std::vector<std::string> files = test::SyntheticPictures(dir.Path(), 1000, 256);
  REQUIRE(files.size() == 1000);
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
