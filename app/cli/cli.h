// The command line: the window's options and the subcommands, parsed with CLI11.
#pragma once

namespace factdeck::cli {

// Parses the arguments and runs the app or the chosen subcommand. Returns the exit code:
// 0 on success, 1 for a failed command, 2 for bad arguments (message on stderr).
int RunCommandLine(int argc, char** argv);

} // namespace factdeck::cli
