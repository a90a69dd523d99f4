// Times ts-fsrs on the workload tests/bench/srs.cpp runs through FactDeck's scheduler:
// 10,000 cards reviewed 100 times each at their due times, ratings from a seeded
// mulberry32 generator, default parameters without fuzz. Prints one JSON line.
import { fsrs, createEmptyCard } from 'ts-fsrs'
import { mulberry32 } from './random.mjs'

const random = mulberry32(12345)
const f = fsrs({ enable_fuzz: false })
const start = Date.UTC(2025, 0, 1)
const began = process.hrtime.bigint()
let checksum = 0
for (let c = 0; c < 10000; ++c) {
  let time = start + c * 60000
  let card = createEmptyCard(new Date(time))
  for (let i = 0; i < 100; ++i) {
    const rating = 1 + Math.floor(random() * 4)
    card = f.next(card, new Date(time), rating).card
    time = Math.max(card.due.getTime(), time + 60000)
  }
  checksum += card.stability
}
const ms = Number(process.hrtime.bigint() - began) / 1e6
console.log(JSON.stringify({ implementation: 'ts-fsrs', reviews: 1000000, ms, checksum }))
