// Subcommands register themselves with the parser through this interface, so a new
// subcommand is one new file and one line in cli.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace factdeck::cli {

struct Command {
  CLI::App* parser = nullptr; // the subcommand's own parser, owned by the main parser
  std::function<int()> run;   // runs after a successful parse; returns the exit code
};

using CommandList = std::vector<Command>;

// One function per subcommand, each in its own file.
void RegisterCheckCommand(CLI::App& app, CommandList& commands);
void RegisterImportCommand(CLI::App& app, CommandList& commands);
void RegisterSrsCommand(CLI::App& app, CommandList& commands);
void RegisterQuestionsCommands(CLI::App& app, CommandList& commands); // questions, worksheet
// stats, export, backup, restore: on the progress store in `dataDir`, the program's one
// --data-dir option (empty: the default folder), read when the command runs.
void RegisterStoreCommands(CLI::App& app, CommandList& commands, const std::string& dataDir);
// srs optimize, srs weights, import-anki-revlog: the learner's memory model (after the srs
// command is registered).
void RegisterMemoryCommands(CLI::App& app, CommandList& commands, const std::string& dataDir);
// plan, plan add, plan remove: the learner's exams and their plans.
void RegisterPlanCommand(CLI::App& app, CommandList& commands, const std::string& dataDir);

} // namespace factdeck::cli
