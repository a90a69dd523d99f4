// Where FactDeck keeps its files and finds its bundled decks.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace factdeck {

// Looks up an environment variable; returns nullopt when unset. Injected so tests need
// not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// The process environment.
std::optional<std::string> ProcessEnv(const char* name);

// The default data directory: $XDG_DATA_HOME/factdeck when XDG_DATA_HOME is set to an
// absolute path, else $HOME/.local/share/factdeck. Empty when neither can be found.
std::filesystem::path DefaultDataDir(const EnvLookup& env = ProcessEnv);

// The default cache directory: $XDG_CACHE_HOME/factdeck when XDG_CACHE_HOME is set to an
// absolute path, else $HOME/.cache/factdeck. Empty when neither can be found. What is kept
// there can be made again (an Anki package's pictures, unpacked).
std::filesystem::path DefaultCacheDir(const EnvLookup& env = ProcessEnv);

// The directories that may hold bundled decks, best first: FACTDECK_DECKS_DIR when set,
// the installed share directory, then the source tree's questions/ (for a build that runs
// from its build tree). Only directories that exist are returned.
std::vector<std::filesystem::path> BundledDeckDirs(const EnvLookup& env = ProcessEnv);

// The directories that may hold the deck templates (a quiz, a term list, a chronology, typed
// facts to copy and fill in), best first: the installed share directory, then the source
// tree's assets/templates. Only directories that exist are returned.
std::vector<std::filesystem::path> TemplateDirs();

// A file name's extension in ASCII lower case, with its dot: "Deck.XLSX" -> ".xlsx".
std::string LowerExtension(const std::string& path);

} // namespace factdeck
