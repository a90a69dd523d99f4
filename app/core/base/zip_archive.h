// ZIP archives read member by member through libzip, within limits: a hostile archive (a
// ZIP bomb, a member whose size lies, thousands of members) is refused with a reason, never
// unpacked into memory whole. The readers of spreadsheets and Anki packages share it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

typedef struct zip zip_t;

namespace factdeck {

class ZipArchive {
public:
  static constexpr std::int64_t kMaxMembers = 100000;
  static constexpr std::uint64_t kMaxRatio = 1000; // unpacked size to packed size, at most (over 1 MiB)

  // Opens the archive in `bytes` (which must outlive it), or the file at `path` (read as
  // members are asked for). `error` says why not, beginning "not KIND: " ("not a spreadsheet: ").
  static ZipArchive FromBytes(const std::string& bytes, const std::string& kind, std::string& error);
  static ZipArchive FromFile(const std::string& path, const std::string& kind, std::string& error);
  ZipArchive(ZipArchive&& other) noexcept : m_zip(other.m_zip) { other.m_zip = nullptr; }
  ZipArchive& operator=(ZipArchive&&) = delete;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  bool Has(const std::string& name) const;
  // The members' names, in the archive's order.
  std::vector<std::string> Names() const;
  // The member `name` unpacked; nullopt with `error` set when it is missing, damaged, or
  // too large once unpacked (over `limit` bytes, or packed more than kMaxRatio times over).
  std::optional<std::string> Read(const std::string& name, std::uint64_t limit, std::string& error) const;

private:
  ZipArchive() = default;
  void CheckCount(std::string& error) const;
  zip_t* m_zip = nullptr;
};

} // namespace factdeck
