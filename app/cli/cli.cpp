#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "core/app/app_state.h"
#include "core/app/fixtures.h"
#include "cli/commands.h"
#include "factdeck_version.h"
#include "core/base/paths.h"
#include "ui/run_gui.h"

namespace factdeck::cli {

namespace {

// Parses "WIDTHxHEIGHT".
bool ParseSize(const std::string& text, int& width, int& height) {
  char x = 0;
  char rest = 0;
  return std::sscanf(text.c_str(), "%d%c%d%c", &width, &x, &height, &rest) == 3 && (x == 'x' || x == 'X') &&
         width >= 200 && height >= 150 && width <= 16384 && height <= 16384;
}

} // namespace

int RunCommandLine(int argc, char** argv) {
  CLI::App app{"FactDeck: quizzes, flashcards and classroom games built from a facts file.", "factdeck"};
  app.set_version_flag("--version", std::string("factdeck ") + kVersion);
  app.footer("Without a subcommand, opens the FactDeck window.");

  ui::GuiOptions gui;
  std::string dataDir, deck, screenshot, screenName = "home", size;
  // One --data-dir for the program and every subcommand, before or after the subcommand's
  // name: subcommands pass options they do not know up to this parser (fallthrough).
  app.fallthrough();
  app.add_option("--data-dir", dataDir, "Where settings and progress are kept (before or after a subcommand)")
      ->default_str(DefaultDataDir().string())
      ->type_name("DIR");
  app.add_option("--deck", deck, "Deck to open (a .toml facts file or a .csv), remembered like FILE")
      ->type_name("FILE");
  std::vector<std::string> files;
  app.add_option("FILE", files, "Decks to open and remember (what a file manager passes when a deck is opened)")
      ->type_name("FILE");
  app.add_option("--screenshot", screenshot, "Render the screen off-screen, write a PNG and exit")
      ->type_name("FILE.png");
  std::string screenList;
  for (const std::string& name : StartScreenNames())
    screenList += (screenList.empty() ? "" : ", ") + name;
  app.add_option("--screen", screenName, "Screen to start on (game screens with a sample run): " + screenList)
      ->type_name("NAME");
  app.add_option("--size", size, "Window size for this run (the image's size with --screenshot)")->type_name("WxH");
  app.add_option("--quit-after-frames", gui.quitAfterFrames, "Exit after drawing N frames")
      ->group("") // hidden: for benchmarks and smoke tests
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--report-first-frame", gui.reportFirstFrame, "Print when the first frame is shown")->group("");
  app.add_option("--sample-days", gui.sampleDays, "Simulate N days of study into an empty store first (screenshots)")
      ->group("")
      ->check(CLI::Range(0, 400));

  CommandList commands;
  RegisterCheckCommand(app, commands);
  RegisterImportCommand(app, commands);
  RegisterSrsCommand(app, commands);
  RegisterQuestionsCommands(app, commands);
  RegisterStoreCommands(app, commands, dataDir);
  RegisterMemoryCommands(app, commands, dataDir);
  RegisterPlanCommand(app, commands, dataDir);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2; // --help and --version exit 0; usage errors 2
  }

  for (const Command& command : commands)
    if (command.parser->parsed()) return command.run();

  if (std::find(StartScreenNames().begin(), StartScreenNames().end(), screenName) == StartScreenNames().end()) {
    std::cerr << "factdeck: error: unknown screen '" << screenName << "'; expected one of: " << screenList << '\n';
    return 2;
  }
  if (!size.empty() && !ParseSize(size, gui.width, gui.height)) {
    std::cerr << "factdeck: error: --size must be WIDTHxHEIGHT, e.g. 1280x800 (200x150 to 16384x16384), not '" << size
              << "'\n";
    return 2;
  }
  gui.screen = screenName;
  gui.dataDir = dataDir.empty() ? DefaultDataDir() : std::filesystem::path(dataDir);
  if (gui.dataDir.empty()) {
    std::cerr << "factdeck: error: no data directory: set HOME or XDG_DATA_HOME, or pass --data-dir\n";
    return 2;
  }
  // Decks opened so are remembered, as the Open box remembers them; a screenshot's deck is
  // for that picture only.
  if (!deck.empty()) files.insert(files.begin(), deck);
  if (!screenshot.empty() && !files.empty()) {
    gui.deck = files.front();
    files.clear();
  }
  gui.open.assign(files.begin(), files.end());
  if (!screenshot.empty()) gui.screenshot = screenshot;
  return ui::RunGui(gui);
}

} // namespace factdeck::cli
