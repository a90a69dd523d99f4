// Whole-file reads and crash-safe writes.
#pragma once

#include <filesystem>
#include <string>

namespace factdeck {

// Reads the whole file into `out`. Returns an empty string on success, else a message
// naming the file and the reason.
std::string ReadWholeFile(const std::filesystem::path& path, std::string& out);

// Writes `content` to `path` so that a crash leaves either the old file or the new one,
// never a mix: write to a sibling temporary file, fsync it, rename it over `path`, fsync
// the directory. Creates missing parent directories. Returns an empty string on success,
// else a message naming the file and the reason; on failure `path` is untouched.
std::string WriteFileAtomically(const std::filesystem::path& path, const std::string& content);

} // namespace factdeck
