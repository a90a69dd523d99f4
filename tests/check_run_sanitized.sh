#!/usr/bin/env bash
# Checks run_sanitized.sh: a test that passed and then met LeakSanitizer's tracer crash runs
# again, up to five runs in all; a leak report, a failed assertion or another crash is
# returned at once.
set -u
wrapper="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "check_run_sanitized: $*" >&2; exit 1; }

# A fake test binary: its first ${3:-1} runs print $1 on stdout and $2 on stderr and exit 1;
# later runs pass.
make_fake() {
  cat >"$dir/fake" <<FAKE
#!/usr/bin/env bash
n=\$(cat "$dir/runs" 2>/dev/null || echo 0); echo \$((n + 1)) > "$dir/runs"
if [ "\$n" -lt ${3:-1} ]; then printf '%b' "$1"; printf '%b' "$2" >&2; exit 1; fi
echo "All tests passed (1 assertion in 1 test case)"; exit 0
FAKE
  chmod +x "$dir/fake"
  rm -f "$dir/runs"
}
tracer='Tracer caught signal 11: addr=0x1d68 pc=0x7f sp=0x7f\n==1==LeakSanitizer has encountered a fatal error.\n'
passed='All tests passed (3 assertions in 1 test case)\n'

make_fake "$passed" "$tracer"
"$wrapper" "$dir/fake" >/dev/null 2>&1 || fail "the tracer's crash after a pass was not run again"
[ "$(cat "$dir/runs")" = 2 ] || fail "expected two runs after the tracer's crash"

make_fake "$passed" "$tracer" 4
"$wrapper" "$dir/fake" >/dev/null 2>&1 || fail "the tracer's crash four times in a row was not run a fifth time"
[ "$(cat "$dir/runs")" = 5 ] || fail "expected five runs after four tracer crashes"

make_fake "$passed" "$tracer" 5
"$wrapper" "$dir/fake" >/dev/null 2>&1 && fail "five tracer crashes in a row counted as a pass"
[ "$(cat "$dir/runs")" = 5 ] || fail "expected no more than five runs"

make_fake "$passed" "==1==ERROR: LeakSanitizer: detected memory leaks\n${tracer}"
"$wrapper" "$dir/fake" >/dev/null 2>&1 && fail "a leak report was run again until it passed"
[ "$(cat "$dir/runs")" = 1 ] || fail "a leak report was run twice"

make_fake 'test cases: 1 | 0 passed | 1 failed\n' "$tracer"
"$wrapper" "$dir/fake" >/dev/null 2>&1 && fail "a failed assertion was run again"
[ "$(cat "$dir/runs")" = 1 ] || fail "a failed assertion was run twice"

make_fake "$passed" 'AddressSanitizer:DEADLYSIGNAL\n==1==ERROR: AddressSanitizer: SEGV on unknown address\n'
"$wrapper" "$dir/fake" >/dev/null 2>&1 && fail "another crash was run again"
[ "$(cat "$dir/runs")" = 1 ] || fail "another crash was run twice"
echo "run_sanitized.sh: reruns only the tracer's crash after a pass, up to five runs"
