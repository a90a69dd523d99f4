// What a picture file is, read from its header only (opening a deck never decodes its
// pictures): PNG or JPEG, and its size in pixels.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace factdeck {

struct Deck;
struct Picture;

struct PictureInfo {
  int width = 0, height = 0;
  std::string error; // why it cannot be shown, for people; empty when it can
};

PictureInfo ReadPictureInfo(const std::filesystem::path& file);

// What is wrong with a deck's picture, for people: an error (missing, unreadable, not PNG or
// JPEG, too large, outside the deck's folder) and a warning (no credit). Empty when fine.
struct PictureProblems {
  std::string error, warning;
};
PictureProblems CheckPicture(const Deck& deck, const Picture& picture);

// A picture file's bytes for sending on (a worksheet, a phone) and its media type
// ("image/png", "image/jpeg"); nullopt when it is missing, over kMaxPictureBytes (checked
// before it is read), or neither PNG nor JPEG.
struct PictureBytes {
  std::string bytes;
  const char* mediaType = "image/png";
};
std::optional<PictureBytes> ReadPictureBytes(const std::filesystem::path& file);

// The picture as a phone needs it: no side over `maxSide` pixels (scaled down, keeping its
// shape) and re-encoded small (JPEG at quality 80, or PNG when it has transparency) when it
// is larger than that or than `maxBytes`; the file's own bytes when they are already small
// enough, or when re-encoding would not make them smaller. nullopt as for ReadPictureBytes,
// or when it cannot be decoded.
std::optional<PictureBytes> PictureForPhones(const std::filesystem::path& file, int maxSide, std::size_t maxBytes);

// A fingerprint of the picture's pixels, decoded: two files that show the same picture (the
// same flag saved twice, or encoded differently) have the same one. nullopt when the file
// cannot be read. Remembered per file, its size and its time, so each is decoded once.
std::optional<std::uint64_t> PicturePixels(const std::filesystem::path& file);

} // namespace factdeck
