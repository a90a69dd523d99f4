// Threads FactDeck starts carry names beginning with "fd-" (at most 15 bytes, as Linux
// keeps them), so that a test can tell that every one of them was joined before exit.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace factdeck {

constexpr const char* kThreadPrefix = "fd-";

// Names the calling thread ("fd-pictures"); longer names are cut to 15 bytes.
void NameThisThread(const char* name);

// The names of this process's threads now (Linux: /proc/self/task), the calling one included.
std::vector<std::string> ThreadNames();

// Waits, up to `ms` milliseconds, until no thread's name satisfies `named`; returns the
// names of those still running then (empty when they all ended).
std::vector<std::string> WaitForThreadsToEnd(const std::function<bool(const std::string&)>& named, int ms);

} // namespace factdeck
