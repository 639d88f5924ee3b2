#!/usr/bin/env bash
# `httpcode stats` against the bars of issue 16, on generated logs:
#  - every format at >= 1 GB/s on a ~500 MB log (a 50 MB block from
#    scripts/gen-logs.py, repeated ten times: IIS and CloudFront files then
#    carry their directives again mid-file, as after a restart);
#  - `--top 10` on a ~1 GB combined log with about a million distinct paths:
#    peak memory and the ratio to plain `stats` on the same file;
#  - side by side with GoAccess on the combined log (if installed:
#    `apt install goaccess`), and with awk | sort | uniq -c for the status
#    and sub-status pairs of the IIS log.
# Needs python3, hyperfine and GNU time. Usage: scripts/bench-formats.sh [FORMAT...]
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=$PWD/target/release/httpcode
work=target/bench/formats
mkdir -p "$work"

formats=("$@")
if [ ${#formats[@]} -eq 0 ]; then
    formats=(ncsa iis alb elb cloudfront haproxy envoy caddy traefik cloudflare heroku)
fi

# FORMAT SIZE_MB PATHS FILE [BLOCK_MB]: a log of about SIZE_MB, made once,
# as a block of BLOCK_MB (default 50) repeated.
make_log() {
    local format=$1 size=$2 paths=$3 file=$4 block=${5:-50}
    [ -f "$file" ] && return
    local sample per_line lines
    sample=$(python3 scripts/gen-logs.py "$format" 2000 --paths "$paths" | wc -c)
    per_line=$((sample / 2000))
    lines=$((block * 1000 * 1000 / per_line))
    python3 scripts/gen-logs.py "$format" "$lines" --paths "$paths" --seed 16 > "$file.block"
    for _ in $(seq $((size / block))); do cat "$file.block"; done > "$file"
    rm "$file.block"
}

mean() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$@"; }

# NAME RUNS LOG COMMAND: httpcode stats on LOG against COMMAND, side by side.
versus() {
    local name=$1 runs=$2 log=$3 theirs=$4
    hyperfine --style none --warmup 0 --runs "$runs" --export-json "$work/$name.json" \
        "$bin stats --color never $log" "$theirs" > /dev/null
    python3 -c 'import sys; n,o,t=sys.argv[1],float(sys.argv[2]),float(sys.argv[3]); print(f"httpcode {o:.3f} s, {n} {t:.2f} s: {t/o:.0f}x")' \
        "$name" "$(mean "$work/$name.json" 0)" "$(mean "$work/$name.json" 1)"
}

echo "== each format, ~500 MB, one file"
printf '%-11s %9s %9s %8s\n' format MB seconds MB/s
for format in "${formats[@]}"; do
    log="$work/$format-500m.log"
    make_log "$format" 500 50 "$log"
    cat "$log" > /dev/null
    hyperfine --style none --warmup 1 --runs 3 --export-json "$work/$format.json" \
        "$bin stats --color never $log" > /dev/null
    bytes=$(stat -c %s "$log")
    secs=$(mean "$work/$format.json" 0)
    python3 -c 'import sys; f,b,s=sys.argv[1],int(sys.argv[2]),float(sys.argv[3]); print(f"{f:<11} {b/1e6:9.0f} {s:9.3f} {b/s/1e6:8.0f}")' \
        "$format" "$bytes" "$secs"
done

if [[ " ${formats[*]} " == *" ncsa "* ]]; then
    echo "== --top 10 on ~1 GB of combined log with a million distinct paths"
    top="$work/ncsa-top-1g.log"
    # One block: repeating one would repeat its paths. Paths are drawn
    # skewed (gen-logs.py), so 1.2 million names give about a million.
    make_log ncsa 1000 1200000 "$top" 1000
    distinct=$(awk '{print $7}' "$top" | sed 's/?.*//' | sort -u | wc -l)
    echo "distinct paths: $distinct"
    cat "$top" > /dev/null
    hyperfine --style none --warmup 1 --runs 3 --export-json "$work/top.json" \
        "$bin stats --color never $top" "$bin stats --color never --top 10 $top" > /dev/null
    plain=$(mean "$work/top.json" 0)
    with_top=$(mean "$work/top.json" 1)
    peak=$(/usr/bin/time -f '%M' "$bin" stats --color never --top 10 "$top" 2>&1 >/dev/null | tail -1)
    python3 -c 'import sys; p,t,k=map(float,sys.argv[1:]); print(f"plain {p:.3f} s, --top 10 {t:.3f} s ({t/p:.2f}x), peak {k/1024:.1f} MB")' \
        "$plain" "$with_top" "$peak"

    if command -v goaccess > /dev/null; then
        echo "== GoAccess on the ~500 MB combined log"
        log="$work/ncsa-500m.log"
        versus goaccess 1 "$log" "goaccess $log --log-format=COMBINED -o $work/report.json"
    else
        echo "== GoAccess not installed: skipped (apt install goaccess)"
    fi
fi

if [[ " ${formats[*]} " == *" iis "* ]]; then
    echo "== awk on the ~500 MB IIS log: status.substatus pairs, by each #Fields line"
    log="$work/iis-500m.log"
    cat > "$work/iis.awk" <<'AWK'
/^#Fields:/ { for (i = 2; i <= NF; i++) { if ($i == "sc-status") s = i - 1; if ($i == "sc-substatus") ss = i - 1 }; next }
/^#/ { next }
{ print $s "." $ss }
AWK
    versus awk 2 "$log" "awk -f $work/iis.awk $log | sort | uniq -c"
fi
