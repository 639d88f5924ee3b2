#!/usr/bin/env bash
# Issue 17's bars, on generated input: a ~100 MB HAR file summarised by
# `httpcode har` (throughput and peak memory; bars 100 MB/s, under 100 MB),
# and a chain of 10,000 responses on stdin (peak memory stays flat).
# Needs python3, hyperfine and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=$PWD/target/release/httpcode
work=target/bench/responses
mkdir -p "$work"
har="$work/session-100m.har"
chain="$work/chain-10k.txt"

if [ ! -f "$har" ]; then
    python3 - "$har" <<'PY'
import json, random, sys
random.seed(17)
hosts = ["www.example.com", "api.example.com", "cdn.example.net", "ads.example.org"]
servers = [("server", "cloudflare"), ("server", "nginx/1.27.3"), ("server", "awselb/2.0"),
           ("x-amz-cf-id", "Tq8vW2nX5bR1kM7pL3sY9dF0gH4jC6zA2eU8oI1qN5tV7wB3xK9mEg==")]
codes = [200] * 80 + [204, 301, 302, 304, 304, 404, 429, 500, 502, 503, 0]
out = open(sys.argv[1], "w")
out.write('{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": [\n')
size, first = 0, True
while size < 100 * 1000 * 1000:
    code = random.choice(codes)
    url = "https://%s/p/%d?id=%d" % (random.choice(hosts), random.randrange(5000), random.randrange(10**6))
    name, value = random.choice(servers)
    headers = [{"name": name, "value": value}, {"name": "content-type", "value": "text/html; charset=utf-8"},
               {"name": "cache-control", "value": "private, max-age=0"}, {"name": "date", "value": "Thu, 03 Dec 2026 10:00:00 GMT"}]
    if code in (301, 302):
        headers.append({"name": "location", "value": "/next"})
    response = {"status": code, "statusText": "", "httpVersion": "h2", "headers": headers, "cookies": [],
                "content": {"size": 2000, "mimeType": "text/html", "text": "x" * random.randrange(200, 4000)},
                "redirectURL": "/next" if code in (301, 302) else "", "headersSize": -1, "bodySize": -1}
    if code == 0:
        response["_error"] = random.choice(["net::ERR_BLOCKED_BY_CLIENT", "net::ERR_FAILED", "net::ERR_ABORTED"])
    entry = {"startedDateTime": "2026-12-03T10:00:00.000Z", "time": random.random() * 900,
             "request": {"method": "GET", "url": url, "httpVersion": "h2", "headers": [{"name": "accept", "value": "*/*"}], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
             "response": response, "cache": {}, "timings": {"send": 0.1, "wait": 20.5, "receive": 1.2}}
    text = ("" if first else ",\n") + json.dumps(entry)
    first = False
    out.write(text)
    size += len(text)
out.write("\n]}}\n")
PY
fi
if [ ! -f "$chain" ]; then
    python3 - "$chain" <<'PY'
import sys
with open(sys.argv[1], "w", newline="") as out:
    for i in range(10000):
        out.write("HTTP/1.1 302 Found\r\nServer: cloudflare\r\nCF-RAY: 8f1b2c3d4e5f%04x-FRA\r\nLocation: https://www.example.com/step/%d\r\n\r\n" % (i % 65536, i + 1))
    out.write("HTTP/1.1 200 OK\r\nServer: cloudflare\r\n\r\n")
PY
fi

bytes=$(stat -c %s "$har")
cat "$har" > /dev/null
hyperfine --style none --warmup 1 --runs 3 --export-json "$work/har.json" "$bin har --json $har" > /dev/null
secs=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/har.json")
peak=$(/usr/bin/time -f '%M' "$bin" har --json "$har" 2>&1 >/dev/null | tail -1)
python3 -c 'import sys; b,s,k=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f"har: {b/1e6:.0f} MB in {s:.3f} s = {b/s/1e6:.0f} MB/s, peak {k/1024:.1f} MB")' "$bytes" "$secs" "$peak"

for n in 10 10001; do
    head -c $(( $(stat -c %s "$chain") * n / 10001 )) "$chain" > "$work/chain-$n.txt"
done
for n in 10 10001; do
    peak=$(/usr/bin/time -f '%M' "$bin" --json < "$work/chain-$n.txt" 2>&1 >/dev/null | tail -1)
    start=$(date +%s.%N)
    "$bin" < "$work/chain-$n.txt" > /dev/null
    end=$(date +%s.%N)
    python3 -c 'import sys; n,k,a,b=sys.argv[1],int(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]); print(f"chain of {n} responses: peak {k/1024:.1f} MB (--json), {b-a:.3f} s (text)")' "$n" "$peak" "$start" "$end"
done
