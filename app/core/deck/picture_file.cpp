#include "core/deck/picture_file.h"

#include "core/deck/deck.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <vector>
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

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

std::optional<PictureBytes> PictureForPhones(const std::filesystem::path& file, int maxSide, std::size_t maxBytes) {
  std::optional<PictureBytes> original = ReadPictureBytes(file);
  if (!original) return std::nullopt;
  const auto* data = reinterpret_cast<const stbi_uc*>(original->bytes.data());
  const int size = static_cast<int>(original->bytes.size());
  int width = 0, height = 0, channels = 0;
  if (stbi_info_from_memory(data, size, &width, &height, &channels) == 0) return std::nullopt;
  if (std::max(width, height) <= maxSide && original->bytes.size() <= maxBytes) return original;
  // Grey, grey and alpha, colour, colour and alpha: kept as they are.
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, size, &width, &height, &channels, 0),
                                                   &stbi_image_free);
  if (!pixels) return std::nullopt;
  const double scale = std::min(1.0, static_cast<double>(maxSide) / std::max(width, height));
  const int w = std::max(1, static_cast<int>(width * scale + 0.5)),
            h = std::max(1, static_cast<int>(height * scale + 0.5));
  std::vector<stbi_uc> scaled;
  const stbi_uc* source = pixels.get();
  if (w != width || h != height) {
    scaled.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * static_cast<std::size_t>(channels));
    if (stbir_resize_uint8(pixels.get(), width, height, 0, scaled.data(), w, h, 0, channels) == 0) return std::nullopt;
    source = scaled.data();
  }
  PictureBytes out;
  auto append = [](void* context, void* bytes, int count) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(bytes), static_cast<std::size_t>(count));
  };
  const bool alpha = channels == 2 || channels == 4;
  const int written = alpha ? stbi_write_png_to_func(append, &out.bytes, w, h, channels, source, w * channels)
                            : stbi_write_jpg_to_func(append, &out.bytes, w, h, channels, source, 80);
  if (written == 0 || out.bytes.empty()) return std::nullopt;
  out.mediaType = alpha ? "image/png" : "image/jpeg";
  // Already small in pixels, and no smaller re-encoded: the file as it is.
  if (w == width && h == height && out.bytes.size() >= original->bytes.size()) return original;
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
