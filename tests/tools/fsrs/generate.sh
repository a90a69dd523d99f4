#!/usr/bin/env bash
# Installs ts-fsrs (the version pinned in package.json, with npm) into build/fsrs-reference and
# regenerates tests/data/fsrs_vectors.json, the optimizer reference data, and a fresh random replay set
# (tests/data/srs_replay_input.jsonl and srs_replay_expected.jsonl). Needs node and npm; the
# tests themselves do not.
# Usage: tests/tools/fsrs/generate.sh [HISTORIES] [SEED]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$root/build/fsrs-reference"
mkdir -p "$work"
cp "$here"/package.json "$here"/*.mjs "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
node "$work/generate_vectors.mjs" "${OUT:-$root/tests/data/fsrs_vectors.json}" "${1:-1200}" "${2:-20261123}"
node "$work/replay_reference.mjs" "$root/tests/data/srs_replay_input.jsonl" "$root/tests/data/srs_replay_expected.jsonl" 200
# The optimizer's reference: simulated learners' histories and what fsrs-rs (through
# @open-spaced-repetition/binding) fits to them and makes of the default and fitted weights.
node "$work/optimizer_reference.mjs" "$root/tests/data/fsrs_optimizer_histories.json" \
  "$root/tests/data/fsrs_optimizer_reference.json"
