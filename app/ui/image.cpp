#include "ui/image.h"

#include <stb_image_write.h>

namespace factdeck::ui {

std::string WritePng(const Image& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0) return path + ": nothing to write (empty image)";
  if (stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) == 0)
    return path + ": cannot write the PNG file";
  return {};
}

} // namespace factdeck::ui
