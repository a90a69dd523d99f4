// Sample states for screenshots and for trying a screen from the command line
// (--screen NAME, --sample-days N): simulated study, a classroom match and a live game
// stopped at a chosen stage. Built only through intents, like any screen's work.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/app/app_state.h"

namespace factdeck {

// Fills the store with `days` days of simulated study of the largest listed deck (about four answers
// in five right), for screenshots of a learner with history. Only into an empty store.
void SimulateStudy(AppState& state, int days, std::uint64_t seed);

// The screens --screen can start on, with sample state for the game screens: home, study,
// practice, exam, ordering (a practice of ordering questions), timeline, classroom (the
// set-up), classroom-question, classroom-leaderboard and classroom-podium (a sample
// four-team match at that stage), live, live-lobby, live-question, live-reveal,
// live-leaderboard and live-podium (a sample game on loopback with six simulated phones),
// stats, settings, import (the import preview of the deck given with --deck).
const std::vector<std::string>& StartScreenNames();
// Opens `name` (one of StartScreenNames), starting a run on the largest deck that loads for
// the game screens. The sample match and live game are played on a clock of their own; with
// `stillClock` it stays where the sample left it (screenshots), otherwise it runs on in real
// time from there. The game screens start on the largest listed deck. False for an unknown name.
bool StartOnScreen(AppState& state, std::string_view name, bool stillClock = false);

} // namespace factdeck
