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

// A PNG of noise (which no encoder shrinks: about width x height x channels bytes) at
// `file`; false when it could not be written. `channels` 3 (colour) or 4 (with alpha).
bool NoisyPicture(const std::filesystem::path& file, int width, int height, int channels, unsigned seed);

// A deck of four cards, "Whose picture is this?", each with a picture of noise of `width` x
// `height` (NoisyPicture, colour): DIR/big.toml and DIR/p0.png ... p3.png. The deck file's
// path; empty when a picture could not be written.
std::filesystem::path NoisyPictureDeck(const std::filesystem::path& dir, int width, int height);

} // namespace factdeck::test
