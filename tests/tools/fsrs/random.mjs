// mulberry32: a small seeded generator, the same in tests/bench/srs.cpp, so the scripts and
// the C++ benchmark draw the same numbers.
export function mulberry32(seed) {
  let state = seed | 0
  return function random() {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
