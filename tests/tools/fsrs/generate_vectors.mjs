// Writes tests/data/fsrs_vectors.json: random review histories run through ts-fsrs 5.x,
// with every step's result, for tests/core/fsrs_test.cpp to replay. Run through
// tests/tools/fsrs/generate.sh, which installs ts-fsrs first.
//
// Usage: node generate_vectors.mjs OUT.json [HISTORIES] [SEED]
import { writeFileSync } from 'node:fs'
import { fsrs, createEmptyCard, default_w, get_fuzz_range, State, Rating } from 'ts-fsrs'
import { mulberry32 } from './random.mjs'

const out = process.argv[2]
const histories = Number(process.argv[3] ?? 1200)
// Seeded, so the same seed writes the same file.
const random = mulberry32(Number(process.argv[4] ?? 20261123))
const pick = (items) => items[Math.floor(random() * items.length)]
const MINUTE = 60_000
const DAY = 86_400_000

// Weight sets: the defaults and two others drawn around them (ts-fsrs clips out-of-range values).
const perturbed = () => default_w.map((w) => +(w * (0.7 + 0.6 * random())).toFixed(4))
const weightSets = [[...default_w], perturbed(), perturbed()]
const configs = []
for (const w of weightSets)
  for (const request_retention of [0.9, 0.85, 0.95])
    for (const enable_fuzz of [false, true])
      configs.push({
        w,
        request_retention,
        enable_fuzz,
        enable_short_term: pick([true, true, true, false]),
        maximum_interval: pick([36500, 36500, 365]),
        learning_steps: pick([['1m', '10m'], ['1m', '10m'], [], ['5m'], ['2m', '15m', '1h']]),
        relearning_steps: pick([['10m'], ['10m'], [], ['5m', '20m']]),
      })

const minutes = (steps) => steps.map((s) => parseInt(s) * (s.endsWith('h') ? 60 : 1))

// The range ts-fsrs's fuzz can give the interval a rating gets, given the unfuzzed
// intervals of all four ratings, following the order rules of its two schedulers.
function fuzzRange(f, params, before, preview, rating, elapsed) {
  const raw = [1, 2, 3, 4].map((g) =>
    Math.min(Math.max(1, Math.round(preview[g].card.stability * f.interval_modifier)), params.maximum_interval))
  const range = raw.map((ivl) => {
    if (ivl < 2.5) return [ivl, ivl]
    const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsed, params.maximum_interval)
    return [min_ivl, max_ivl]
  })
  const chain = (v) => {
    let [a, h, g, e] = v
    if (!params.enable_short_term) {
      a = Math.min(a, h); h = Math.max(h, a + 1); g = Math.max(g, h + 1); e = Math.max(e, g + 1)
    } else if (before.state === State.Review) {
      h = Math.min(h, g); g = Math.max(g, h + 1); e = Math.max(e, g + 1)
    }
    return [a, h, g, e][rating - 1]
  }
  return [chain(range.map((r) => r[0])), chain(range.map((r) => r[1]))]
}

const cases = []
for (let h = 0; h < histories; ++h) {
  const config = configs[h % configs.length]
  const f = fsrs(config)
  let time = Date.UTC(2024, 0, 1) + Math.floor(random() * 700 * DAY)
  let card = createEmptyCard(new Date(time))
  const reviews = []
  const length = 1 + Math.floor(random() * 20)
  for (let i = 0; i < length; ++i) {
    if (i > 0) {
      const waitedDays = (card.due.getTime() - time) / DAY
      if (random() < 0.3) time += Math.floor(1 + random() * 600) * MINUTE // same day or soon after
      else time = card.due.getTime() + Math.floor((random() * 1.5 - 0.5) * Math.max(waitedDays, 0.01) * DAY)
      time = Math.max(time, card.last_review.getTime())
    }
    const rating = pick([Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Good, Rating.Easy])
    const now = new Date(time)
    const retrievability = f.get_retrievability(card, now, false)
    const preview = f.repeat(card, now)
    const next = preview[rating].card
    const step = {
      time,
      rating,
      retrievability,
      state: next.state,
      stability: next.stability,
      difficulty: next.difficulty,
      due: next.due.getTime(),
      scheduled_days: next.scheduled_days,
      learning_steps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
    }
    if (config.enable_fuzz && next.scheduled_days > 0 && next.due.getTime() === time + next.scheduled_days * DAY)
      step.interval_range = fuzzRange(f, config, card, preview, rating, preview[rating].log.elapsed_days)
    reviews.push(step)
    card = next
  }
  cases.push({
    params: { ...config, learning_steps: minutes(config.learning_steps), relearning_steps: minutes(config.relearning_steps) },
    start: reviews[0].time,
    reviews,
  })
}

writeFileSync(out, JSON.stringify({ generator: 'ts-fsrs 5.4.2', cases }) + '\n')
console.log(`wrote ${out}: ${cases.length} histories, ${cases.reduce((n, c) => n + c.reviews.length, 0)} reviews`)
