// Writes a fresh random set of review histories in `factdeck srs replay`'s input format,
// and what ts-fsrs says after each review in its output format (default parameters, no
// fuzz). tests/cli/cli_test.cpp runs the replay on the input and compares.
//
// Usage: node replay_reference.mjs INPUT.jsonl EXPECTED.jsonl [CARDS] [SEED]
import { writeFileSync } from 'node:fs'
import { fsrs, createEmptyCard, State } from 'ts-fsrs'
import { mulberry32 } from './random.mjs'

const [input, expected] = process.argv.slice(2, 4)
const cards = Number(process.argv[4] ?? 200)
const random = mulberry32(Number(process.argv[5] ?? Date.now() % 1e9))
const names = ['new', 'learning', 'review', 'relearning']
const f = fsrs({ enable_fuzz: false })
const inputs = [], outputs = []
for (let c = 0; c < cards; ++c) {
  const id = `deck/item-${c}/${['multiple-choice', 'when', 'typed-year'][c % 3]}`
  let time = Date.UTC(2025, 0, 1) + Math.floor(random() * 300 * 86400000)
  let card = createEmptyCard(new Date(time))
  const reviews = []
  for (let i = 0, n = 1 + Math.floor(random() * 15); i < n; ++i) {
    if (i > 0) time = random() < 0.3 ? time + Math.floor(1 + random() * 300) * 60000
                                     : Math.max(time, card.due.getTime() + Math.floor((random() - 0.3) * 3 * 86400000))
    const rating = 1 + Math.floor(random() * 4)
    const now = new Date(time)
    const r = f.get_retrievability(card, now, false)
    card = f.next(card, now, rating).card
    reviews.push({ rating, time: now.toISOString() })
    outputs.push(JSON.stringify({ card: id, state: names[card.state], stability: card.stability,
      difficulty: card.difficulty, retrievability: r, due: card.due.toISOString() }))
  }
  inputs.push(JSON.stringify({ card: id, reviews }))
}
writeFileSync(input, inputs.join('\n') + '\n')
writeFileSync(expected, outputs.join('\n') + '\n')
console.log(`wrote ${input} (${cards} cards) and ${expected} (${outputs.length} reviews), seed ${process.argv[5] ?? 'from the clock'}`)
