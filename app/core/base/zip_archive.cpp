#include "core/base/zip_archive.h"

#include <algorithm>
#include <memory>

#include <zip.h>

namespace factdeck {

ZipArchive ZipArchive::FromBytes(const std::string& bytes, const std::string& kind, std::string& error) {
  ZipArchive archive;
  zip_error_t zerror;
  zip_error_init(&zerror);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerror);
  if (source != nullptr) {
    archive.m_zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
    if (archive.m_zip == nullptr) zip_source_free(source);
  }
  if (archive.m_zip == nullptr) error = "not " + kind + ": " + zip_error_strerror(&zerror);
  zip_error_fini(&zerror);
  archive.CheckCount(error);
  return archive;
}

ZipArchive ZipArchive::FromFile(const std::string& path, const std::string& kind, std::string& error) {
  ZipArchive archive;
  int code = 0;
  archive.m_zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (archive.m_zip == nullptr) {
    zip_error_t zerror;
    zip_error_init_with_code(&zerror, code);
    error = "not " + kind + ": " + zip_error_strerror(&zerror);
    zip_error_fini(&zerror);
  }
  archive.CheckCount(error);
  return archive;
}

void ZipArchive::CheckCount(std::string& error) const {
  if (m_zip != nullptr && zip_get_num_entries(m_zip, 0) > kMaxMembers)
    error = "the archive holds more than " + std::to_string(kMaxMembers) + " members";
}

ZipArchive::~ZipArchive() {
  if (m_zip != nullptr) zip_discard(m_zip);
}

bool ZipArchive::Has(const std::string& name) const {
  return m_zip != nullptr && zip_name_locate(m_zip, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::Names() const {
  std::vector<std::string> names;
  if (m_zip == nullptr) return names;
  const zip_int64_t count = std::min<zip_int64_t>(zip_get_num_entries(m_zip, 0), kMaxMembers);
  for (zip_int64_t i = 0; i < count; ++i)
    if (const char* name = zip_get_name(m_zip, static_cast<zip_uint64_t>(i), 0)) names.emplace_back(name);
  return names;
}

std::optional<std::string> ZipArchive::Read(const std::string& name, std::uint64_t limit, std::string& error) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (m_zip == nullptr || zip_stat(m_zip, name.c_str(), 0, &st) != 0) {
    error = "the member " + name + " is missing";
    return std::nullopt;
  }
  const bool sized = (st.valid & ZIP_STAT_SIZE) != 0 && (st.valid & ZIP_STAT_COMP_SIZE) != 0;
  if (!sized || st.size > limit ||
      (st.size > (1u << 20) && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > kMaxRatio)) {
    error = "the member " + name + " is too large once unpacked (" + std::to_string(st.size >> 20) +
            " MiB): refused as a possible ZIP bomb";
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(m_zip, name.c_str(), 0), zip_fclose);
  if (!file) {
    error = "the member " + name + " cannot be unpacked: " + zip_strerror(m_zip);
    return std::nullopt;
  }
  std::string data(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = 0;
  while (static_cast<zip_uint64_t>(got) < st.size) {
    const zip_int64_t n = zip_fread(file.get(), data.data() + got, st.size - static_cast<zip_uint64_t>(got));
    if (n <= 0) break;
    got += n;
  }
  char extra;
  if (static_cast<zip_uint64_t>(got) != st.size || zip_fread(file.get(), &extra, 1) != 0) {
    error = "the member " + name + " is damaged (its size is not what the archive says)";
    return std::nullopt;
  }
  return data;
}

} // namespace factdeck
