#!/usr/bin/env bash
# stdin mode against its bar: ten million status lines through a pipe peak
# under 20 MB, in every output mode, and the first hops of an endless
# stream show at once. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=target/release/httpcode

peak() { # peak resident KiB of httpcode reading ten million lines from a pipe
    yes 'HTTP/1.1 200 OK' | head -n 10000000 |
        /usr/bin/time -f '%M %e' "$bin" "$@" 2>&1 >/dev/null | tail -1
}

echo "== ten million status lines on stdin (bar: peak under 20 MB)"
printf '%-28s %s\n' "mode" "peak KiB, seconds"
printf '%-28s %s\n' "table" "$(peak --color never)"
printf '%-28s %s\n' "--json" "$(peak --json)"
printf '%-28s %s\n' "--lang go" "$(peak --lang go)"

echo
echo "== an endless stream ends with its reader (yes | httpcode | head -3)"
start=$(date +%s.%N)
timeout 10 bash -c "yes 'HTTP/1.1 200 OK' | '$bin' --color never | head -3 >/dev/null"
end=$(date +%s.%N)
echo "done after $(echo "$end - $start" | bc) s"
