#include "core/app/settings.h"

#include <cmath>
#include <sstream>
#include <toml++/toml.h>

#include "core/base/atomic_file.h"

namespace factdeck {

const char* ThemeName(Theme theme) { return theme == Theme::Light ? "light" : "dark"; }

namespace {

std::string Where(const std::filesystem::path& file, const toml::source_region& region) {
  std::ostringstream out;
  out << file.string() << ':' << region.begin.line << ':' << region.begin.column;
  return out.str();
}

// Reads a number in [lo, hi] from `table[key]`; leaves `value` unchanged and warns otherwise.
template <typename T>
void ReadNumber(const toml::table& table, const char* key, T lo, T hi, T& value, const std::filesystem::path& file,
                std::vector<std::string>& warnings) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  std::optional<double> number = node->value<double>();
  if (!number || *number < static_cast<double>(lo) || *number > static_cast<double>(hi)) {
    std::ostringstream message;
    message << Where(file, node->source()) << ": '" << key << "' must be a number from " << lo << " to " << hi
            << "; using " << value;
    warnings.push_back(message.str());
    return;
  }
  value = static_cast<T>(*number);
}

} // namespace

LoadedSettings LoadSettings(const std::filesystem::path& file) {
  LoadedSettings result;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return result;

  std::string text;
  if (std::string error = ReadWholeFile(file, text); !error.empty()) {
    result.warnings.push_back(error + "; using default settings");
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& error) {
    result.warnings.push_back(Where(file, error.source()) + ": " + std::string(error.description()) +
                              "; using default settings");
    return result;
  }
  Settings& s = result.settings;
  auto& warnings = result.warnings;

  if (const toml::node* theme = root.get("theme")) {
    std::optional<std::string> name = theme->value<std::string>();
    if (name == "dark")
      s.theme = Theme::Dark;
    else if (name == "light")
      s.theme = Theme::Light;
    else
      warnings.push_back(Where(file, theme->source()) + ": 'theme' must be \"dark\" or \"light\"");
  }
  ReadNumber(root, "ui_scale", Settings::kMinUiScale, Settings::kMaxUiScale, s.uiScale, file, warnings);
  ReadNumber(root, "font_size", Settings::kMinFontSize, Settings::kMaxFontSize, s.fontSize, file, warnings);
  auto readBool = [&](const toml::table& table, const char* key, bool& value) {
    if (const toml::node* node = table.get(key)) {
      if (auto read = node->value<bool>())
        value = *read;
      else
        warnings.push_back(Where(file, node->source()) + ": '" + key + "' must be true or false");
    }
  };
  readBool(root, "projector", s.projector);
  if (const toml::table* study = root["study"].as_table()) {
    ReadNumber(*study, "new_per_day", 0, 9999, s.newPerDay, file, warnings);
    ReadNumber(*study, "reviews_per_day", 0, 99999, s.reviewsPerDay, file, warnings);
    ReadNumber(*study, "desired_retention", 0.70f, 0.99f, s.retention, file, warnings);
    ReadNumber(*study, "day_start_hour", 0, 23, s.dayStartHour, file, warnings);
  }

  if (const toml::table* live = root["live"].as_table())
    ReadNumber(*live, "class_size", 0, Settings::kMaxLiveClassSize, s.liveClassSize, file, warnings);
  if (const toml::table* classroom = root["classroom"].as_table())
    readBool(*classroom, "projector", s.classroomProjector);
  if (const toml::node* opened = root.get("opened_decks")) {
    if (const toml::array* list = opened->as_array()) {
      for (const toml::node& item : *list)
        if (auto path = item.value<std::string>();
            path && !path->empty() && s.openedDecks.size() < Settings::kMaxOpenedDecks)
          s.openedDecks.push_back(*path);
    } else {
      warnings.push_back(Where(file, opened->source()) + ": 'opened_decks' must be a list of file paths");
    }
  }
  if (const toml::node* sheets = root.get("sheets")) {
    if (const toml::table* table = sheets->as_table()) {
      for (const auto& [path, name] : *table)
        if (auto sheet = name.value<std::string>();
            sheet && !sheet->empty() && s.sheets.size() < Settings::kMaxSheetChoices)
          s.sheets[std::string(path.str())] = *sheet;
    } else {
      warnings.push_back(Where(file, sheets->source()) + ": 'sheets' must be a table of file paths and sheet names");
    }
  }
  if (const toml::node* readings = root.get("readings")) {
    if (const toml::table* table = readings->as_table()) {
      for (const auto& [path, value] : *table) {
        const auto written = value.value<std::string>();
        const auto reading = written ? ParseReading(*written) : std::nullopt;
        if (!reading)
          warnings.push_back(Where(file, value.source()) + ": the reading of " + std::string(path.str()) +
                             " is not one FactDeck knows (it is written like \"quiz; header 1; question, option, "
                             "option, correct\"); the file is read as FactDeck finds it");
        else if (reading->as != ReadAs::Auto && s.readings.size() < Settings::kMaxSheetChoices)
          s.readings[std::string(path.str())] = *reading;
      }
    } else {
      warnings.push_back(Where(file, readings->source()) +
                         ": 'readings' must be a table of file paths and how each is read");
    }
  }
  if (const toml::table* window = root["window"].as_table()) {
    constexpr int kLimit = 1 << 15;
    ReadNumber(*window, "width", 200, kLimit, s.window.width, file, warnings);
    ReadNumber(*window, "height", 150, kLimit, s.window.height, file, warnings);
    if (window->contains("x") && window->contains("y")) {
      ReadNumber(*window, "x", -kLimit, kLimit, s.window.x, file, warnings);
      ReadNumber(*window, "y", -kLimit, kLimit, s.window.y, file, warnings);
      s.window.hasPosition = true;
    }
    s.window.maximized = (*window)["maximized"].value_or(false);
  }
  return result;
}

std::string SettingsToToml(const Settings& s) {
  toml::table window{{"width", s.window.width}, {"height", s.window.height}, {"maximized", s.window.maximized}};
  if (s.window.hasPosition) {
    window.insert("x", s.window.x);
    window.insert("y", s.window.y);
  }
  toml::table study{{"new_per_day", s.newPerDay},
                    {"reviews_per_day", s.reviewsPerDay},
                    {"desired_retention", std::round(static_cast<double>(s.retention) * 100.0) / 100.0},
                    {"day_start_hour", s.dayStartHour}};
  toml::table root{{"theme", ThemeName(s.theme)},
                   {"ui_scale", static_cast<double>(s.uiScale)},
                   {"font_size", static_cast<double>(s.fontSize)},
                   {"projector", s.projector},
                   {"study", std::move(study)},
                   {"live", toml::table{{"class_size", s.liveClassSize}}},
                   {"classroom", toml::table{{"projector", s.classroomProjector}}},
                   {"window", std::move(window)}};
  toml::array opened;
  for (const std::string& path : s.openedDecks)
    opened.push_back(path);
  root.insert("opened_decks", std::move(opened));
  toml::table sheets;
  for (const auto& [path, sheet] : s.sheets)
    sheets.insert(path, sheet);
  root.insert("sheets", std::move(sheets));
  toml::table readings;
  for (const auto& [path, reading] : s.readings)
    readings.insert(path, FormatReading(reading));
  root.insert("readings", std::move(readings));
  std::ostringstream out;
  out << "# FactDeck settings, written by the app.\n" << root << '\n';
  return out.str();
}

std::string SaveSettings(const std::filesystem::path& file, const Settings& settings) {
  return WriteFileAtomically(file, SettingsToToml(settings));
}

} // namespace factdeck
