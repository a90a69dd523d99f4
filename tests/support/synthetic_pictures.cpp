#include "support/synthetic_pictures.h"

#include <stb_image_write.h>

#include <cstdint>
#include <fstream>

namespace factdeck::test {

std::vector<std::string> SyntheticPictures(const std::filesystem::path& dir, int count, int side) {
  std::vector<std::string> files;
  std::vector<unsigned char> rgb(static_cast<size_t>(side) * static_cast<size_t>(side) * 3);
  for (int i = 0; i < count; ++i) {
    for (size_t p = 0; p < rgb.size(); ++p)
      rgb[p] = static_cast<unsigned char>((p * 7 + static_cast<size_t>(i) * 13) & 0xFF);
    const auto file = dir / ("p" + std::to_string(i) + ".png");
    if (stbi_write_png(file.c_str(), side, side, 3, rgb.data(), side * 3) == 0) break;
    files.push_back(file.string());
  }
  return files;
}

bool NoisyPicture(const std::filesystem::path& file, int width, int height, int channels, unsigned seed) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) *
                                    static_cast<size_t>(channels));
  std::uint32_t state = seed * 2654435761u + 1;
  for (unsigned char& p : pixels) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    p = static_cast<unsigned char>(state);
  }
  return stbi_write_png(file.c_str(), width, height, channels, pixels.data(), width * channels) != 0;
}

std::filesystem::path NoisyPictureDeck(const std::filesystem::path& dir, int width, int height) {
  std::string toml = "[deck]\nid = \"big-pictures\"\ntitle = \"Big pictures\"\ncard_directions = [\"forward\"]\n";
  const char* names[] = {"Anna", "Bruno", "Clara", "Dora"};
  for (int i = 0; i < 4; ++i) {
    const std::string file = "p" + std::to_string(i) + ".png";
    if (!NoisyPicture(dir / file, width, height, 3, static_cast<unsigned>(i + 1))) return {};
    toml += "[[card]]\nfront = \"Whose picture is this?\"\nback = \"" + std::string(names[i]) + "\"\nimage = \"" +
            file + "\"\nimage_credit = \"Made by the test, CC0\"\n";
  }
  std::ofstream(dir / "big.toml") << toml;
  return dir / "big.toml";
}

} // namespace factdeck::test
