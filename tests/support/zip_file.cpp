#include "support/zip_file.h"

#include <stdexcept>

#include <zip.h>

namespace factdeck::test {

void WriteZip(const std::filesystem::path& path, const ZipMembers& members) {
  int error = 0;
  zip_t* zip = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("cannot write " + path.string());
  for (const auto& [name, data] : members) {
    zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
    if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_discard(zip);
      throw std::runtime_error("cannot add " + name + " to " + path.string());
    }
  }
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    throw std::runtime_error("cannot close " + path.string());
  }
}

} // namespace factdeck::test
