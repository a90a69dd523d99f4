// Different pictures in bulk, for tests and benchmarks of picture memory: PNG files of
// `side` x `side` pixels, each with its own pattern, so that no two decode alike.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace factdeck::test {

// Writes `count` pictures p0.png, p1.png, ... into `dir` and returns their paths; fewer
// when a file could not be written.
std::vector<std::string> SyntheticPictures(const std::filesystem::path& dir, int count, int side);

} // namespace factdeck::test
