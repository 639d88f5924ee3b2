#!/usr/bin/env bash
# `httpcode stats` against the bars of its issue: throughput on a ~1 GB
# combined log (deterministic), the awk | sort | uniq -c pipeline on the
# same file in the same run, and peak memory. Needs hyperfine and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=target/release/httpcode
work=target/bench
log="$work/access-1g.log"
mkdir -p "$work"

if [ ! -f "$log" ]; then
    # A 10 MB block of varied combined-log lines from a fixed seed, repeated.
    python3 - "$work/block.log" <<'PY'
import random, sys
random.seed(20261123)
codes = [200] * 70 + [301, 302, 304] * 4 + [404] * 6 + [400, 401, 403, 429, 499] + [500, 502, 503, 504]
paths = ["/", "/index.html", "/api/v1/items", "/login", "/static/app.js", "/images/logo.png", "/search?q=status"]
agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
          "curl/8.5.0", "Go-http-client/2.0", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]
out = []
size = 0
while size < 10 * 1024 * 1024:
    line = '%d.%d.%d.%d - - [23/Nov/2026:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
        random.randrange(1, 255), random.randrange(256), random.randrange(256), random.randrange(1, 255),
        random.randrange(24), random.randrange(60), random.randrange(60),
        random.choice(["GET"] * 8 + ["POST", "PUT"]), random.choice(paths), random.choice(codes),
        random.randrange(100, 50000), random.choice(["-", "https://example.com/"]), random.choice(agents))
    out.append(line)
    size += len(line)
open(sys.argv[1], "w").write("".join(out))
PY
    for _ in $(seq 100); do cat "$work/block.log"; done > "$log"
fi

bytes=$(stat -c %s "$log")
echo "== input: $log, $bytes bytes"
cat "$log" > /dev/null # warm the page cache for both contenders

hyperfine --warmup 1 --runs 3 --export-json "$work/stats.json" \
    "$bin stats --color never $log" \
    "awk '{print \$9}' $log | sort | uniq -c"

python3 - "$work/stats.json" "$bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
ours, theirs = results[0]["mean"], results[1]["mean"]
print(f"httpcode stats: {size / ours / 1e6:.0f} MB/s ({ours:.3f} s); awk|sort|uniq: {theirs:.2f} s; "
      f"httpcode is {theirs / ours:.1f}x faster")
PY

echo "== peak memory (KiB) of httpcode stats on the 1 GB file"
/usr/bin/time -f '%M' "$bin" stats --color never "$log" 2>&1 >/dev/null | tail -1
