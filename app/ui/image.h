// An RGBA image read back from the framebuffer, and PNG output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace factdeck::ui {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba; // rows top to bottom, 4 bytes a pixel

  const std::uint8_t* Pixel(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

// Writes `image` as a PNG. Returns an empty string on success, else the error.
std::string WritePng(const Image& image, const std::string& path);

} // namespace factdeck::ui
