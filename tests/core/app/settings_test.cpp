#include <catch2/catch.hpp>
#include <fstream>

#include "core/app/settings.h"
#include "support/temp_dir.h"

using namespace factdeck;

namespace {
void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}
} // namespace

TEST_CASE("settings round-trip through the file", "[settings]") {
  test::TempDir dir;
  Settings saved;
  saved.theme = Theme::Light;
  saved.uiScale = 1.5f;
  saved.fontSize = 22.0f;
  saved.window = {120, -40, 1024, 700, true, true};
  saved.projector = true;
  saved.classroomProjector = true;
  saved.newPerDay = 35;
  saved.reviewsPerDay = 450;
  saved.retention = 0.87f;
  saved.dayStartHour = 6;
  saved.liveClassSize = 28;
  const auto file = dir / "nested" / "settings.toml";
  REQUIRE(SaveSettings(file, saved).empty());

  LoadedSettings loaded = LoadSettings(file);
  CHECK(loaded.warnings.empty());
  CHECK(loaded.settings.theme == Theme::Light);
  CHECK(loaded.settings.uiScale == 1.5f);
  CHECK(loaded.settings.fontSize == 22.0f);
  CHECK(loaded.settings.window.x == 120);
  CHECK(loaded.settings.window.y == -40);
  CHECK(loaded.settings.window.width == 1024);
  CHECK(loaded.settings.window.height == 700);
  CHECK(loaded.settings.classroomProjector);
  CHECK(loaded.settings.window.hasPosition);
  CHECK(loaded.settings.window.maximized);
  CHECK(loaded.settings.projector);
  CHECK(loaded.settings.newPerDay == 35);
  CHECK(loaded.settings.reviewsPerDay == 450);
  CHECK(loaded.settings.retention == Approx(0.87f));
  CHECK(loaded.settings.dayStartHour == 6);
  CHECK(loaded.settings.liveClassSize == 28);
}

TEST_CASE("study settings out of range fall back with a message at their position", "[settings]") {
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  std::ofstream(file) << "projector = \"yes\"\n[study]\nnew_per_day = -5\ndesired_retention = 1.5\nday_start_hour = 7\n"
                      << "[live]\nclass_size = 9000\n";
  LoadedSettings loaded = LoadSettings(file);
  REQUIRE(loaded.warnings.size() == 4);
  CHECK_THAT(loaded.warnings[3], Catch::Contains("'class_size'"));
  CHECK(loaded.settings.liveClassSize == 0);
  CHECK_THAT(loaded.warnings[0], Catch::Contains("settings.toml:1:13") && Catch::Contains("'projector'"));
  CHECK_THAT(loaded.warnings[1], Catch::Contains("'new_per_day'"));
  CHECK_THAT(loaded.warnings[2], Catch::Contains("'desired_retention'"));
  CHECK(loaded.settings.newPerDay == 20);
  CHECK(loaded.settings.retention == Approx(0.9f));
  CHECK(loaded.settings.dayStartHour == 7);
}

TEST_CASE("a missing settings file gives the defaults without a warning", "[settings]") {
  test::TempDir dir;
  LoadedSettings loaded = LoadSettings(dir / "none.toml");
  CHECK(loaded.warnings.empty());
  CHECK(loaded.settings.theme == Theme::Dark);
  CHECK_FALSE(loaded.settings.window.hasPosition);
}

TEST_CASE("a malformed settings file is reported with its position and not overwritten", "[settings]") {
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  WriteText(file, "theme = \"dark\"\nui_scale = = 2\n");
  LoadedSettings loaded = LoadSettings(file);
  REQUIRE(loaded.warnings.size() == 1);
  CHECK_THAT(loaded.warnings[0], Catch::Contains("settings.toml:2:"));
  CHECK(loaded.settings.uiScale == 1.0f);
}

TEST_CASE("out-of-range values fall back one by one, with a message each", "[settings]") {
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  WriteText(file, "theme = \"purple\"\nui_scale = 9.0\nfont_size = 24\n[window]\nwidth = 50\nheight = 600\n");
  LoadedSettings loaded = LoadSettings(file);
  REQUIRE(loaded.warnings.size() == 3);
  CHECK_THAT(loaded.warnings[0], Catch::Contains("settings.toml:1:") && Catch::Contains("theme"));
  CHECK_THAT(loaded.warnings[1], Catch::Contains("settings.toml:2:") && Catch::Contains("ui_scale"));
  CHECK_THAT(loaded.warnings[2], Catch::Contains("settings.toml:5:") && Catch::Contains("width"));
  CHECK(loaded.settings.fontSize == 24.0f); // the good value is kept
  CHECK(loaded.settings.window.height == 600);
  CHECK(loaded.settings.window.width == WindowGeometry{}.width);
}

TEST_CASE("binary junk in the settings file is an error, not a crash", "[settings]") {
  test::TempDir dir;
  const auto file = dir / "settings.toml";
  WriteText(file, std::string("\x00\xff\xfe[[[\x01", 7));
  LoadedSettings loaded = LoadSettings(file);
  CHECK(loaded.warnings.size() == 1);
}
