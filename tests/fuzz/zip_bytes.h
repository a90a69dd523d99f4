// An archive made around a fuzz target's input: its members written with libzip, as bytes.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include <zip.h>

namespace factdeck::fuzz {

inline std::string ZipBytes(const std::vector<std::pair<std::string, std::string>>& members) {
  const std::string path = "/tmp/factdeck-fuzz-" + std::to_string(getpid()) + ".zip";
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) std::abort();
  for (const auto& [name, data] : members)
    zip_file_add(zip, name.c_str(), zip_source_buffer(zip, data.data(), data.size(), 0), 0);
  if (zip_close(zip) != 0) std::abort();
  std::string bytes;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[65536];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;)
      bytes.append(buffer, n);
    std::fclose(f);
  }
  std::remove(path.c_str());
  return bytes;
}

} // namespace factdeck::fuzz
