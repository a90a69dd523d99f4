#include <catch2/catch.hpp>
#include <map>

#include "core/base/paths.h"

using namespace factdeck;

namespace {
EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}
} // namespace

TEST_CASE("the data directory follows XDG_DATA_HOME", "[paths]") {
  CHECK(DefaultDataDir(FakeEnv({{"XDG_DATA_HOME", "/data"}, {"HOME", "/home/ana"}})) == "/data/factdeck");
}

TEST_CASE("the data directory falls back to ~/.local/share", "[paths]") {
  CHECK(DefaultDataDir(FakeEnv({{"HOME", "/home/ana"}})) == "/home/ana/.local/share/factdeck");
  // A relative XDG_DATA_HOME is invalid by the spec and ignored.
  CHECK(DefaultDataDir(FakeEnv({{"XDG_DATA_HOME", "rel"}, {"HOME", "/home/ana"}})) ==
        "/home/ana/.local/share/factdeck");
  CHECK(DefaultDataDir(FakeEnv({})).empty());
}

TEST_CASE("bundled decks are found in the source tree", "[paths]") {
  auto dirs = BundledDeckDirs(FakeEnv({}));
  REQUIRE_FALSE(dirs.empty());
  CHECK(dirs.back().filename() == "questions");
}

TEST_CASE("a file's extension in lower case, with its dot", "[paths]") {
  CHECK(factdeck::LowerExtension("Quiz.XLSX") == ".xlsx");
  CHECK(factdeck::LowerExtension("/home/a/Русский.Apkg") == ".apkg");
  CHECK(factdeck::LowerExtension("deck.tar.TOML") == ".toml");
  CHECK(factdeck::LowerExtension("README").empty());
  CHECK(factdeck::LowerExtension("dir.v2/notes").empty());
}
