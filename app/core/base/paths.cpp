#include "core/base/paths.h"

#include <algorithm>
#include <cstdlib>
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

std::vector<std::filesystem::path> BundledDeckDirs(const EnvLookup& env) {
  std::vector<std::filesystem::path> candidates;
  if (auto dir = env("FACTDECK_DECKS_DIR"); dir && !dir->empty()) candidates.emplace_back(*dir);
  // Next to the program, as installed anywhere: PREFIX/bin/factdeck and PREFIX/share/factdeck.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.emplace_back(exe.parent_path().parent_path() / "share" / "factdeck" / "questions");
  candidates.emplace_back(std::filesystem::path(kInstallDataDir) / "questions");
  candidates.emplace_back(std::filesystem::path(kSourceDir) / "questions");
  std::vector<std::filesystem::path> found;
  for (auto& dir : candidates) {
    if (std::filesystem::is_directory(dir, ec) && std::find(found.begin(), found.end(), dir) == found.end())
      found.push_back(dir);
  }
  return found;
}

} // namespace factdeck
