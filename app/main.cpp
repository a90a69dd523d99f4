// FactDeck: a quiz and flashcard game built from typed facts.
// All the work is in app/core (the model), app/ui (the window) and app/cli (the
// command line); this file only hands over to the command line.
#include "cli/cli.h"

int main(int argc, char** argv) { return factdeck::cli::RunCommandLine(argc, argv); }
