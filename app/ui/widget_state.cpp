#include "ui/widget_state.h"

#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace factdeck::ui {

ClassroomForm::ClassroomForm() {
  const ClassroomSetup defaults = DefaultClassroomSetup(kMaxClassroomTeams);
  for (size_t i = 0; i < kMaxClassroomTeams; ++i) {
    std::snprintf(names[i].data(), names[i].size(), "%s", defaults.teams[i].name.c_str());
    const ImVec4 colour = HexColour(defaults.teams[i].colour);
    colours[i] = {colour.x, colour.y, colour.z};
  }
}

ClassroomSetup ClassroomForm::ToSetup() const {
  ClassroomSetup setup;
  const auto channel = [](float c) { return static_cast<unsigned>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255)); };
  for (int i = 0; i < std::clamp(teamCount, 2, static_cast<int>(kMaxClassroomTeams)); ++i) {
    const auto& rgb = colours[static_cast<size_t>(i)];
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", channel(rgb[0]), channel(rgb[1]), channel(rgb[2]));
    setup.teams.push_back({names[static_cast<size_t>(i)].data(), hex});
  }
  setup.mode = mode;
  setup.scoring = scoring;
  setup.questions = questions;
  setup.seconds = seconds;
  setup.streakBonus = streakBonus;
  setup.hideLeaderboard = hideLeaderboard;
  setup.kinds.clear();
  for (size_t k = 0; k < kinds.size(); ++k)
    if (kinds[k]) setup.kinds.push_back(kClassroomKinds[k]);
  setup.tags = tags.data();
  return setup;
}

} // namespace factdeck::ui
