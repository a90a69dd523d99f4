// A hint to the kernel for large blocks filled at once (a big deck's facts): back them with
// huge pages where it can, so that filling 50 MB costs a few dozen page faults instead of
// twelve thousand. Only a hint: nothing changes where the system does not take it.
#pragma once

#include <cstddef>

namespace factdeck {

// Advises huge pages for the whole 2 MiB pages inside [data, data + bytes).
void AdviseHugePages(const void* data, size_t bytes);

} // namespace factdeck
