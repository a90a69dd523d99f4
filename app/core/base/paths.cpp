#include "core/base/paths.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "factdeck_version.h"

namespace factdeck {

std::optional<std::string> ProcessEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::filesystem::path DefaultDataDir(const EnvLookup& env) {
  // The XDG base directory spec says relative paths are invalid and must be ignored.
  if (auto xdg = env("XDG_DATA_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/')
    return std::filesystem::path(*xdg) / "factdeck";
  if (auto home = env("HOME"); home && !home->empty())
    return std::filesystem::path(*home) / ".local" / "share" / "factdeck";
  return {};
}

std::filesystem::path DefaultCacheDir(const EnvLookup& env) {
  if (auto xdg = env("XDG_CACHE_HOME"); xdg && !xdg->empty() && (*xdg)[0] == '/')
    return std::filesystem::path(*xdg) / "factdeck";
  if (auto home = env("HOME"); home && !home->empty()) return std::filesystem::path(*home) / ".cache" / "factdeck";
  return {};
}

namespace {

// FactDeck's data folder `installed` (under share/factdeck), best first: `first` when given,
// next to the program as installed anywhere (PREFIX/bin/factdeck and PREFIX/share/factdeck),
// the configured install prefix, then `source` in the source tree. Those that exist.
std::vector<std::filesystem::path> DataFolders(const char* installed, const char* source,
                                               std::optional<std::string> first = std::nullopt) {
  std::vector<std::filesystem::path> candidates;
  if (first && !first->empty()) candidates.emplace_back(*first);
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.emplace_back(exe.parent_path().parent_path() / "share" / "factdeck" / installed);
  candidates.emplace_back(std::filesystem::path(kInstallDataDir) / installed);
  candidates.emplace_back(std::filesystem::path(kSourceDir) / source);
  std::vector<std::filesystem::path> found;
  for (auto& dir : candidates) {
    if (std::filesystem::is_directory(dir, ec) && std::find(found.begin(), found.end(), dir) == found.end())
      found.push_back(dir);
  }
  return found;
}

} // namespace

std::vector<std::filesystem::path> BundledDeckDirs(const EnvLookup& env) {
  return DataFolders("questions", "questions", env("FACTDECK_DECKS_DIR"));
}

std::vector<std::filesystem::path> TemplateDirs() { return DataFolders("templates", "assets/templates"); }

std::string LowerExtension(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return extension;
}

} // namespace factdeck
