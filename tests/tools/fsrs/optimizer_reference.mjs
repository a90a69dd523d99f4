// Writes review histories of simulated learners and what the reference optimizer makes of
// them: tests/data/fsrs_optimizer_histories.json and tests/data/fsrs_optimizer_reference.json.
// The reference is @open-spaced-repetition/binding (fsrs-rs 6.x, the optimizer Anki uses).
// Usage: node optimizer_reference.mjs HISTORIES_OUT REFERENCE_OUT
//        node optimizer_reference.mjs --bench ITEMS OUT   (writes the items, times the reference's fit)
import { writeFileSync } from 'node:fs'
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding'
import { mulberry32 } from './random.mjs'

const DEFAULT_W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]
const DAY_MS = 86400000

// FSRS-6 as a learner's memory: the simulated truth.
function learner(w) {
  const decay = -w[20]
  const factor = Math.pow(0.9, 1 / decay) - 1
  const curve = (t, s) => Math.pow(1 + factor * t / s, decay)
  const initD = (g) => Math.min(10, Math.max(1, w[4] - Math.exp(w[5] * (g - 1)) + 1))
  const clampS = (s) => Math.min(36500, Math.max(0.001, s))
  function step(state, t, g) {
    if (!state) return { s: w[g - 1], d: initD(g) }
    const { s, d } = state
    let ns
    if (t === 0) {
      const sinc = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(s, -w[19])
      ns = s * (g >= 2 ? Math.max(sinc, 1) : sinc)
    } else {
      const r = curve(t, s)
      if (g === 1) {
        ns = Math.min(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]),
          s / Math.exp(w[17] * w[18]))
      } else {
        ns = s * (Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) *
          (g === 2 ? w[15] : 1) * (g === 4 ? w[16] : 1) + 1)
      }
    }
    const dd = d + (10 - d) * (-w[6] * (g - 3)) / 9
    const nd = Math.min(10, Math.max(1, w[7] * (initD(4) - dd) + dd))
    return { s: clampS(ns), d: nd }
  }
  return { curve, step }
}

// Cards learned over `spanDays`, reviewed when due (with the spread real schedules have)
// until `horizonDays`. Each review: [day, rating, kind] with kind 0 learning, 1 review,
// 2 relearning.
function simulate(cards, trueW, seed, spanDays, horizonDays) {
  const random = mulberry32(seed)
  const model = learner(trueW)
  const histories = []
  for (let c = 0; c < cards; c++) {
    const reviews = []
    let day = Math.floor(random() * spanDays)
    const u = random()
    const first = u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.9 ? 3 : 4
    let state = model.step(null, 0, first)
    reviews.push([day, first, 0])
    if (first <= 2) { // a learning step the same day
      state = model.step(state, 0, 3)
      reviews.push([day, 3, 0])
    }
    let last = day
    while (reviews.length < 30) {
      const spread = Math.exp((random() - 0.5) * 0.8)
      const interval = Math.max(1, Math.round(state.s * spread))
      day = last + interval
      if (day > horizonDays) break
      const recalled = random() < model.curve(day - last, state.s)
      const v = random()
      const g = !recalled ? 1 : v < 0.12 ? 2 : v < 0.92 ? 3 : 4
      state = model.step(state, day - last, g)
      reviews.push([day, g, 1])
      if (g === 1) { // relearning the same day
        state = model.step(state, 0, 3)
        reviews.push([day, 3, 2])
      }
      last = day
    }
    histories.push(reviews)
  }
  return histories
}

// Training items as FactDeck and Anki build them: one per review a day or more after the
// one before, with the reviews before it; ordered by that review's time.
function items(histories) {
  const timed = []
  histories.forEach((reviews, card) => {
    const rs = []
    let seq = 0
    reviews.forEach(([day, rating], k) => {
      const delta = k === 0 ? 0 : day - reviews[k - 1][0]
      seq = k > 0 && day === reviews[k - 1][0] ? seq + 1 : 0
      rs.push({ rating, delta })
      if (k > 0 && delta > 0) timed.push({ time: day * DAY_MS + seq * 60000 + card, card, reviews: rs.slice() })
    })
  })
  timed.sort((a, b) => a.time - b.time)
  return timed.map((t) => Object.assign(t.reviews, { card: t.card }))
}

const binding = (list) => list.map((rs) => new FSRSBindingItem(rs.map((r) => new FSRSBindingReview(r.rating, r.delta))))
const round = (x) => Math.round(x * 1e7) / 1e7

async function reference(list) {
  const prepared = binding(list) // built before the clock starts: only the fit is timed
  const start = process.hrtime.bigint()
  const fitted = await computeParameters(prepared, { enableShortTerm: true, numRelearningSteps: 1, timeout: 1 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const judge = (w) => {
    const e = new FSRSBinding(w).evaluate(binding(list))
    return { logLoss: e.logLoss, rmseBins: e.rmseBins }
  }
  return { items: list.length, fitted: fitted.map(round), fitSeconds: seconds, defaults: judge(DEFAULT_W), fittedEvaluation: judge(fitted) }
}

const perturbed = (factors) => DEFAULT_W.map((w, i) => w * (factors[i] ?? 1))

if (process.argv[2] === '--bench') {
  // ITEMS items from simulated learners, written to OUT for FactDeck's benchmark to read;
  // times the reference's fit of the same items and prints it as JSON.
  const want = Number(process.argv[3])
  const hs = simulate(Math.ceil(want / 5), perturbed({ 8: 1.1, 20: 1.3 }), 7, 365, 730)
  const list = items(hs).slice(0, want)
  writeFileSync(process.argv[4], JSON.stringify(list.map((rs) => [rs.card, rs.map((r) => [r.rating, r.delta])])))
  const result = await reference(list)
  console.log(JSON.stringify({ items: list.length, fitSeconds: result.fitSeconds }))
} else {
  const datasets = [
    { name: 'slower forgetting', cards: 1200, seed: 20261201, trueW: perturbed({ 2: 2.0, 3: 1.5, 8: 1.15, 14: 0.8, 20: 1.6 }) },
    { name: 'faster forgetting', cards: 800, seed: 20261202, trueW: perturbed({ 0: 0.5, 2: 0.6, 8: 0.85, 11: 0.8, 20: 0.7 }) },
  ]
  const histories = []
  const references = []
  for (const d of datasets) {
    const hs = simulate(d.cards, d.trueW, d.seed, 200, 500)
    histories.push({ name: d.name, cards: hs })
    references.push({ name: d.name, trueWeights: d.trueW.map(round), ...(await reference(items(hs))) })
  }
  writeFileSync(process.argv[2], JSON.stringify({
    about: 'Simulated review histories: per card, [day, rating, kind] with kind 0 learning, 1 review, 2 relearning. Written by tests/tools/fsrs/optimizer_reference.mjs.',
    datasets: histories,
  }) + '\n')
  writeFileSync(process.argv[3], JSON.stringify({
    about: 'What @open-spaced-repetition/binding (fsrs-rs) fits to tests/data/fsrs_optimizer_histories.json, and its evaluation of the default and fitted weights. Written by tests/tools/fsrs/optimizer_reference.mjs.',
    binding: '@open-spaced-repetition/binding 0.5.0',
    datasets: references,
  }, null, 1) + '\n')
}
