#!/usr/bin/env bash
# Measures httpcode against the bars in the issues: instructions (callgrind),
# wall time against an empty Rust binary (hyperfine), peak memory and binary
# size. Needs valgrind and hyperfine (Debian packages). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=target/release/httpcode
work=target/bench
mkdir -p "$work"

# The baseline: an empty Rust program built with the same toolchain.
echo 'fn main() {}' > "$work/empty.rs"
rustc -C opt-level=3 -C strip=symbols -o "$work/empty" "$work/empty.rs"

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

peak_kib() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1
    else
        # Fall back to the kernel's high-water mark of a child process.
        python3 -c 'import resource,subprocess,sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
    fi
}

empty_ins=$(instructions "$work/empty")
lookup_ins=$(instructions "$bin" 404 --color never)
search_ins=$(instructions "$bin" search "gatway timeout" --color never)

echo "== instructions (callgrind)"
printf '%-44s %12s\n' "empty Rust main" "$empty_ins"
printf '%-44s %12s  (bar: 1,000,000)\n' "httpcode 404 --color never" "$lookup_ins"
printf '%-44s %12s  (bar: 1.5x lookup = %s)\n' "httpcode search \"gatway timeout\"" "$search_ins" \
    "$((lookup_ins * 3 / 2))"

echo
echo "== peak memory"
printf '%-44s %8s KiB  (bar: 5 MB)\n' "httpcode 404" "$(peak_kib "$bin" 404 --color never)"
printf '%-44s %8s KiB\n' "httpcode search \"gatway timeout\"" "$(peak_kib "$bin" search "gatway timeout" --color never)"
printf '%-44s %8s KiB\n' "httpcode list" "$(peak_kib "$bin" list --color never)"

echo
echo "== binary size"
printf '%-44s %8s bytes  (bar: 3 MB)\n' "$bin (stripped)" "$(stat -c %s "$bin")"

echo
echo "== wall time (bar: 404 within 1.5x of the empty binary, side by side)"
hyperfine --warmup 20 --runs 300 -N \
    "$work/empty" \
    "$bin 404 --color never" \
    "$bin search 'gatway timeout' --color never" \
    --export-markdown "$work/wall.md" 2>&1 | grep -v '^$'
