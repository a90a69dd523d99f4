// ZIP archives made for tests (packages, workbooks): each member deflated, as the programs
// that write them do.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace factdeck::test {

using ZipMembers = std::vector<std::pair<std::string, std::string>>; // name, bytes

// Writes `members` to a new archive at `path`; throws std::runtime_error when it cannot.
void WriteZip(const std::filesystem::path& path, const ZipMembers& members);

} // namespace factdeck::test
