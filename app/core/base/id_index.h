// A look-up from an id to the position of the item that has it, for a vector of items with
// an `id` member. It holds positions only (an open-addressing table of numbers): building it
// copies no id and allocates once, however many items there are, and a copy of the vector's
// owner stays right because nothing points into the vector. When several items share an id,
// the first one is found, as a map filled in order would keep it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace factdeck {

class IdIndex {
public:
  template <typename T> void Build(const std::vector<T>& items) {
    m_slots.assign(SlotsFor(items.size()), 0);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = 0; i < items.size(); ++i) {
      const size_t hash = Hash(items[i].id);
      for (size_t s = hash & mask;; s = (s + 1) & mask) {
        if (m_slots[s] == 0) {
          m_slots[s] = Slot(hash, i);
          break;
        }
        if (Tag(m_slots[s]) == Tag(hash) && items[Position(m_slots[s])].id == items[i].id) break; // first one wins
      }
    }
  }

  template <typename T> const T* Find(const std::vector<T>& items, std::string_view id) const {
    if (m_slots.empty()) return nullptr;
    const size_t mask = m_slots.size() - 1;
    const size_t hash = Hash(id);
    for (size_t s = hash & mask; m_slots[s] != 0; s = (s + 1) & mask) {
      const size_t at = Position(m_slots[s]);
      if (Tag(m_slots[s]) == Tag(hash) && at < items.size() && items[at].id == id) return &items[at];
    }
    return nullptr;
  }

  void Clear() { m_slots.clear(); }

private:
  // Each slot: the item's position + 1 in the low 32 bits (0 is empty), the high bits of
  // the id's hash above them, so most probes compare no text.
  static size_t Hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  static std::uint64_t Tag(std::uint64_t hashOrSlot) { return hashOrSlot >> 32; }
  static std::uint64_t Slot(size_t hash, size_t position) {
    return (Tag(hash) << 32) | static_cast<std::uint64_t>(position + 1);
  }
  static size_t Position(std::uint64_t slot) { return static_cast<size_t>((slot & 0xffffffffu) - 1); }
  // A power of two at least twice the items, so that probes stay short.
  static size_t SlotsFor(size_t items) {
    size_t slots = 8;
    while (slots < 2 * items)
      slots *= 2;
    return slots;
  }

  std::vector<std::uint64_t> m_slots;
};

} // namespace factdeck
