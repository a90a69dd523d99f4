#include "core/deck/picture_file.h"

#include "core/deck/deck.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <stb_image.h>

namespace factdeck {

namespace {
enum class Format { Other, Png, Jpeg };
// What the file's first bytes say it is.
Format FormatOf(const unsigned char* data, std::size_t size) {
  static constexpr unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (size >= 8 && std::memcmp(data, kPng, 8) == 0) return Format::Png;
  if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return Format::Jpeg;
  return Format::Other;
}
} // namespace

PictureInfo ReadPictureInfo(const std::filesystem::path& file) {
  PictureInfo info;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) {
    info.error = "cannot be opened";
    return info;
  }
  std::array<unsigned char, 8> magic{};
  const Format format = FormatOf(magic.data(), std::fread(magic.data(), 1, magic.size(), f.get()));
  const bool png = format == Format::Png;
  if (format == Format::Other) {
    info.error = "is not a PNG or JPEG file (FactDeck shows those)";
    return info;
  }
  std::rewind(f.get());
  int components = 0;
  if (stbi_info_from_file(f.get(), &info.width, &info.height, &components) == 0) {
    const char* reason = stbi_failure_reason();
    info.error =
        std::string("cannot be read as ") + (png ? "PNG" : "JPEG") + (reason ? std::string(": ") + reason : "");
    info.width = info.height = 0;
  }
  return info;
}

std::optional<PictureBytes> ReadPictureBytes(const std::filesystem::path& file) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error || size == 0 || size > kMaxPictureBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  PictureBytes out;
  out.bytes.resize(static_cast<std::size_t>(size));
  if (!in.read(out.bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  const Format format = FormatOf(reinterpret_cast<const unsigned char*>(out.bytes.data()), out.bytes.size());
  if (format == Format::Other) return std::nullopt;
  out.mediaType = format == Format::Png ? "image/png" : "image/jpeg";
  return out;
}

std::optional<std::uint64_t> PicturePixels(const std::filesystem::path& file) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, std::uintmax_t, std::int64_t>, std::optional<std::uint64_t>> known;
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) return std::nullopt;
  const auto time = std::filesystem::last_write_time(file, error).time_since_epoch().count();
  const auto key = std::make_tuple(file.string(), size, static_cast<std::int64_t>(time));
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = known.find(key); it != known.end()) return it->second;
  }
  std::optional<std::uint64_t> hash;
  int width = 0, height = 0, channels = 0;
  if (unsigned char* pixels = stbi_load(file.c_str(), &width, &height, &channels, 4)) {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a over the size and the RGBA pixels
    auto mix = [&](unsigned char byte) { h = (h ^ byte) * 1099511628211ull; };
    for (int v : {width, height})
      for (int shift = 0; shift < 32; shift += 8)
        mix(static_cast<unsigned char>(v >> shift));
    const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    for (std::size_t i = 0; i < n; ++i)
      mix(pixels[i]);
    stbi_image_free(pixels);
    hash = h;
  }
  std::lock_guard<std::mutex> lock(mutex);
  known.emplace(key, hash);
  return hash;
}

PictureProblems CheckPicture(const Deck& deck, const Picture& picture) {
  PictureProblems out;
  if (picture.Empty()) return out;
  const std::string name = "image '" + picture.path + "'";
  const std::filesystem::path written(picture.path);
  bool escapes = written.is_absolute();
  for (const auto& part : written)
    escapes = escapes || part == "..";
  if (escapes) {
    out.error = name + ": write the path relative to the deck file, inside its folder (no absolute path, no ..)";
    return out;
  }
  const std::filesystem::path file = deck.PictureFile(picture);
  std::error_code error;
  const auto bytes = std::filesystem::file_size(file, error);
  if (error || !std::filesystem::is_regular_file(file, error)) {
    out.error = name + " not found (looked for " + file.string() + ")";
    return out;
  }
  if (bytes > kMaxPictureBytes) {
    out.error = name + " is " + std::to_string((bytes + (1u << 19)) >> 20) + " MiB; the limit is " +
                std::to_string(kMaxPictureBytes >> 20) + " MiB";
    return out;
  }
  const PictureInfo info = ReadPictureInfo(file);
  if (!info.error.empty()) {
    out.error = name + ": " + info.error;
    return out;
  }
  if (info.width > kMaxPictureSide || info.height > kMaxPictureSide) {
    out.error = name + " is " + std::to_string(info.width) + " x " + std::to_string(info.height) +
                " pixels; the limit is " + std::to_string(kMaxPictureSide) + " on each side";
    return out;
  }
  if (picture.credit.empty())
    out.warning = name + " has no image_credit: say where it comes from and under which licence";
  return out;
}

} // namespace factdeck
