// Subcommands register themselves with the parser through this interface, so a new
// subcommand is one new file and one line in cli.cpp.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace factdeck::cli {

struct Command {
  CLI::App* parser = nullptr;  // the subcommand's own parser, owned by the main parser
  std::function<int()> run;    // runs after a successful parse; returns the exit code
};

using CommandList = std::vector<Command>;

// One function per subcommand, each in its own file.
void RegisterCheckCommand(CLI::App& app, CommandList& commands);
void RegisterImportCommand(CLI::App& app, CommandList& commands);
void RegisterSrsCommand(CLI::App& app, CommandList& commands);
void RegisterQuestionsCommands(CLI::App& app, CommandList& commands);  // questions, worksheet
void RegisterStoreCommands(CLI::App& app, CommandList& commands);  // stats, export, backup, restore

} // namespace factdeck::cli
