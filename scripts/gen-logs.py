#!/usr/bin/env python3
"""Deterministic synthetic access logs for `httpcode stats` tests and benchmarks.

Usage:
    python3 scripts/gen-logs.py FORMAT LINES [--seed N] [--expected PATH] [--paths N]

FORMAT is one of: ncsa iis alb elb cloudfront haproxy envoy caddy traefik
cloudflare heroku. LINES log records of FORMAT go to stdout, plus whatever
header/directive lines the format needs (IIS #Software/#Version/#Date/#Fields,
written twice with a different #Fields in the middle; CloudFront
#Version/#Fields). Every line follows docs in /work/shared/reference/log-formats.md
and is synthetic: documentation IP ranges, 10.x targets, example.com hosts,
made-up IDs, account 123456789012, all on 2024-05-01 (UTC, increasing).

  --seed N         random seed (default 7); same arguments -> same bytes
  --expected PATH  also write a JSON file with the exact counts of the records
                   the generator chose (not obtained by parsing the output):
                   {"format", "total", "unparsed": 0, "codes", ["second"],
                    "details", "paths_5xx", "paths_4xx"}, sort_keys, indent=1.
                   "second" is present only for ncsa (us=, lines that have it,
                   last value of a comma list), alb (target_status_code, "-"),
                   elb (backend_status_code, "-"), traefik (OriginStatus, JSON
                   lines only), cloudflare (OriginResponseStatus, "0").
                   "Client got no response" (HAProxy -1, Envoy 0, CloudFront
                   000) is counted as code "0" and is part of "total".
                   paths_* are keyed by the path without query string; for
                   ALB/ELB the absolute URL's scheme://host:port is dropped too.
  --paths N        number of distinct URL paths (default 50). Paths are made
                   on the fly (a few named ones, then /p/<n>), so 1000000 is fine.

Speed: lines are f-strings joined and written in batches of 20000; about
150-300k lines/s, i.e. 500 MB of any format in well under three minutes.

How the fixtures in tests/fixtures/logs/formats/ were checked (independently of
the counters in this script): every file was read by eye against the samples in
log-formats.md, and was re-parsed by a throwaway checker (shlex/regex/json
based, one small parser per format, written separately from this file) whose
status/second/details/path counts matched FORMAT.expected.json exactly.
Quick spot checks anyone can repeat, e.g. for seed 7, 400 lines, --paths 20:
    f=tests/fixtures/logs/formats
    # ELB: 15 fields (quoted request and UA are one field each), status is field 8
    python3 -c 'import shlex,sys,collections as c;r=[shlex.split(l) for l in open(sys.argv[1])];\
print({len(x) for x in r}, sorted(c.Counter(x[7] for x in r).items()))' $f/elb.log
    # ALB: 30 fields; status field 9, target status field 10
    python3 -c 'import shlex,sys;print({len(shlex.split(l)) for l in open(sys.argv[1])})' $f/alb.log
    # CloudFront: 33 TAB-separated columns, status column 9, result type 14
    grep -v '^#' $f/cloudfront.log | awk -F'\\t' '{print NF, $9}' | sort | uniq -c
    # Caddy / Cloudflare / Traefik JSON lines load with json.loads
    python3 -c 'import json,sys,collections as c;print(c.Counter(json.loads(l)["status"] for l in open(sys.argv[1])))' $f/caddy.log
and compare the printed counts with "codes"/"second" in the .expected.json.
"""
import argparse
import base64
import bisect
import json
import random
import sys

DAY = "2024-05-01"
EPOCH = 1714521600  # 2024-05-01T00:00:00Z
FORMATS = ("ncsa", "iis", "alb", "elb", "cloudfront", "haproxy", "envoy",
           "caddy", "traefik", "cloudflare", "heroku")

NAMED_PATHS = ["/", "/index.html", "/api/v1/items", "/login", "/static/app.js",
               "/images/logo.png", "/api/v1/orders", "/reports", "/search",
               "/checkout", "/healthz", "/favicon.ico"]

UAS = ["Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/125.0",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
       "curl/8.5.0", "python-requests/2.31.0", "okhttp/4.12.0", "Go-http-client/2.0",
       "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]
REFS = ["-", "-", "-", "https://www.example.com/", "https://www.example.com/cart",
        "https://search.example.org/?q=status"]
IPS_A = ("192.0.2", "198.51.100", "203.0.113")

# Generic status mix: mostly 200, some 2xx/3xx, 4xx, 5xx.
GENERIC = [(200, 700), (201, 30), (204, 20), (301, 20), (302, 20), (304, 40),
           (400, 20), (401, 20), (403, 20), (404, 50), (429, 10),
           (500, 20), (502, 15), (503, 15), (504, 10)]


class Picker:
    """Weighted choice via bisect on cumulative weights (fast, deterministic)."""

    def __init__(self, rng, items):
        self.rng = rng
        self.items = [it for it, _ in items]
        self.cum = []
        s = 0
        for _, w in items:
            s += w
            self.cum.append(s)
        self.total = s

    def __call__(self):
        return self.items[bisect.bisect_right(self.cum, self.rng.random() * self.total)]


def hms(t):
    s = int(t)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def usec(t):
    return f"{int(t % 1 * 1e6):06d}"


def clf_time(t):
    return f"01/May/2024:{hms(t)} +0000"


def iso_us(t):
    return f"{DAY}T{hms(t)}.{usec(t)}Z"


class Gen:
    def __init__(self, fmt, lines, seed, npaths):
        self.fmt = fmt
        self.lines = lines
        self.rng = random.Random(seed)
        self.npaths = max(1, npaths)
        self.codes = {}
        self.second = {}
        self.details = {}
        self.p5 = {}
        self.p4 = {}
        self.total = 0
        self.generic = Picker(self.rng, GENERIC)
        # request times: monotone, a few minutes apart (or closer for big files)
        self.step = min(180.0, 86000.0 / max(1, lines))

    # ---- helpers -------------------------------------------------------
    def path(self):
        r = self.rng.random()
        idx = int(self.npaths * r * r)
        return NAMED_PATHS[idx] if idx < len(NAMED_PATHS) else f"/p/{idx}"

    def query(self):
        r = self.rng.random()
        if r < 0.12:
            return f"?id={self.rng.randrange(1, 1000)}"
        if r < 0.2:
            return f"?page={self.rng.randrange(1, 20)}&sort=asc"
        return ""

    def ip(self):
        r = self.rng
        return f"{IPS_A[r.randrange(3)]}.{r.randrange(1, 255)}"

    def uuid(self):
        h = f"{self.rng.getrandbits(128):032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:]}"

    def method(self, status):
        if status == 201:
            return "POST"
        if status == 204:
            return "DELETE" if self.rng.random() < 0.5 else "PUT"
        r = self.rng.random()
        return "GET" if r < 0.82 else ("POST" if r < 0.95 else "HEAD")

    def size(self, status):
        if status in (204, 304, 499, 0, -1):
            return 0
        if status >= 300:
            return self.rng.randrange(90, 600)
        return self.rng.randrange(200, 60000)

    def count(self, status, path, second=None):
        """status: int (0 = no response). path: without query, or None."""
        self.total += 1
        k = str(status)
        self.codes[k] = self.codes.get(k, 0) + 1
        if second is not None:
            self.second[second] = self.second.get(second, 0) + 1
        if path is not None:
            if 500 <= status <= 599:
                self.p5[path] = self.p5.get(path, 0) + 1
            elif 400 <= status <= 499:
                self.p4[path] = self.p4.get(path, 0) + 1

    def detail(self, group, key):
        d = self.details.setdefault(group, {})
        d[key] = d.get(key, 0) + 1

    # ---- driver --------------------------------------------------------
    def run(self, out):
        line_fn = getattr(self, "line_" + self.fmt)
        setup = getattr(self, "setup_" + self.fmt, None)
        if setup:
            setup()
        buf = []
        head = getattr(self, "header_" + self.fmt, None)
        if head:
            buf.append(head(0))
        step = self.step
        rnd = self.rng.random
        for i in range(self.lines):
            t = 60.0 + i * step + rnd() * step * 0.9
            buf.append(line_fn(i, t))
            if len(buf) >= 20000:
                out.write("".join(buf))
                buf.clear()
        out.write("".join(buf))

    def expected(self):
        return {"format": self.fmt, "total": self.total, "unparsed": 0,
                "codes": self.codes, "details": self.details,
                "paths_5xx": self.p5, "paths_4xx": self.p4,
                **({"second": self.second} if self.fmt in
                   ("ncsa", "alb", "elb", "traefik", "cloudflare") else {})}

    # ---- NCSA common / combined / combined + nginx k=v tail ------------
    def setup_ncsa(self):
        self.ncsa_st = Picker(self.rng, GENERIC + [(499, 10)])
        # a UA with an escaped quote, as Apache/nginx write it
        self.ncsa_odd_ua = 'Mozilla/5.0 (X11; Linux x86_64) \\"Fake\\" Bot/1.0'

    def line_ncsa(self, i, t):
        r = self.rng
        st = self.ncsa_st()
        p = self.path()
        target = p + self.query()
        user = "-" if r.random() < 0.93 else "alice"
        proto = "HTTP/1.1" if r.random() < 0.75 else "HTTP/2.0"
        b = self.size(st)
        head = (f'{self.ip()} - {user} [{clf_time(t)}] '
                f'"{self.method(st)} {target} {proto}" {st}')
        kind = r.random()
        if kind < 0.1:  # Apache common: zero-byte body is "-"
            self.count(st, p)
            return f"{head} {b if b else '-'}\n"
        ua = r.choice(UAS) if r.random() < 0.98 else self.ncsa_odd_ua
        ref = r.choice(REFS)
        if kind < 0.67 or st == 499:  # plain combined
            self.count(st, p)
            return f'{head} {b if b else "-"} "{ref}" "{ua}"\n'
        # nginx combined + key=value tail; nginx writes 0 for an empty body
        rt = r.randrange(1, 1500) / 1000
        if st == 200 and r.random() < 0.1:
            us, last = '"502, 200"', "200"
            uct, uht, urt = '"0.001, 0.000"', f'"-, {rt - 0.003:.3f}"', f'"0.002, {rt - 0.002:.3f}"'
        elif st == 502 and r.random() < 0.5:
            us, last = '"502, 502"', "502"
            uct, uht, urt = '"0.001, 0.001"', '"-, -"', f'"0.001, {rt - 0.002:.3f}"'
        else:
            us = last = str(st)
            uct, uht, urt = '"0.001"', f'"{max(0, rt - 0.003):.3f}"', f'"{max(0, rt - 0.001):.3f}"'
        self.count(st, p, last)
        return (f'{head} {b} "{ref}" "{ua}" rt={rt:.3f} uct={uct} uht={uht} '
                f'urt={urt} us={us}\n')

    # ---- IIS W3C extended ------------------------------------------------
    IIS_F1 = ("date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username "
              "c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken")
    IIS_F2 = ("date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query "
              "s-port cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) "
              "cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken")

    def setup_iis(self):
        self.iis_st = Picker(self.rng, [
            ((200, 0, 0), 680), ((200, 0, 64), 20), ((200, 0, 1236), 5), ((200, 0, 121), 5),
            ((201, 0, 0), 30), ((204, 0, 0), 20), ((301, 0, 0), 20), ((302, 0, 0), 20),
            ((304, 0, 0), 40), ((400, 0, 0), 15), ((400, 5, 0), 5),
            ((401, 2, 5), 12), ((401, 1, 1326), 8), ((403, 14, 0), 8), ((403, 502, 0), 6),
            ((403, 4, 5), 6), ((404, 0, 2), 35), ((404, 3, 50), 5), ((404, 7, 0), 5),
            ((404, 8, 0), 5), ((429, 0, 0), 10), ((500, 0, 0), 10), ((500, 0, 64), 6),
            ((500, 19, 13), 4), ((502, 3, 12002), 8), ((502, 3, 12030), 4),
            ((503, 0, 0), 10), ((503, 2, 0), 5), ((504, 0, 0), 5)])
        self.iis_uas = [u.replace(" ", "+") for u in UAS]
        self.iis_mid = self.lines // 2
        self.iis_last_t = 0.0

    def header_iis(self, t, fields=None):
        return (f"#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"
                f"#Date: {DAY} {hms(t)}\n#Fields: {fields or self.IIS_F1}\n")

    def line_iis(self, i, t):
        r = self.rng
        (st, sub, w32) = self.iis_st()
        p = self.path()
        q = self.query()[1:] or "-"
        ua = r.choice(self.iis_uas)
        ref = r.choice(REFS)
        user = "-" if r.random() < 0.93 else "EXAMPLE\\bob"
        port = 443 if r.random() < 0.85 else 80
        tt = r.randrange(1, 400) if st < 500 else r.randrange(10, 30000)
        self.count(st, p)
        self.detail("sub", f"{st}.{sub}")
        self.detail("win32", str(w32))
        m = self.method(st)
        pre = ""
        if i == self.iis_mid:
            # W3SVC restarted with more fields: new directive block
            pre = self.header_iis(t, self.IIS_F2)
        if i < self.iis_mid:
            return (f"{DAY} {hms(t)} 10.0.0.4 {m} {p} {q} {port} {user} {self.ip()} "
                    f"{ua} {ref} {st} {sub} {w32} {tt}\n")
        cookie = "-" if r.random() < 0.7 else f"ASP.NET_SessionId={r.getrandbits(64):016x};+lang=en"
        host = "www.example.com" if r.random() < 0.8 else "api.example.com"
        return (f"{pre}{DAY} {hms(t)} W3SVC1 WEB01 10.0.0.4 {m} {p} {q} {port} {user} "
                f"{self.ip()} HTTP/1.1 {ua} {cookie} {ref} {host} {st} {sub} {w32} "
                f"{self.size(st) + 180} {r.randrange(200, 2000)} {tt}\n")

    # ---- AWS ALB (30 fields) ---------------------------------------------
    def setup_alb(self):
        # (elb_status, target_status, has_target, actions, error_reason, kind)
        sc = [((s, str(s), True, "forward", "-", "fwd"), w) for s, w in GENERIC
              if s not in (301, 302)]
        sc += [
            ((301, "-", False, "redirect", "-", "redir"), 20),
            ((302, "-", False, "redirect", "-", "redir"), 10),
            ((302, "302", True, "forward", "-", "fwd"), 10),
            ((502, "-", True, "forward", "-", "reset"), 10),
            ((503, "-", False, "forward", "-", "nodispatch"), 6),
            ((504, "-", True, "forward", "-", "reset"), 6),
            ((460, "-", True, "forward", "-", "reset"), 12),
            ((463, "-", False, "-", "-", "nodispatch"), 10),
            ((561, "-", False, "authenticate", "AuthInvalidTokenResponse", "auth"), 8),
            ((401, "-", False, "authenticate", "AuthInvalidCookie", "auth"), 10),
            ((500, "-", False, "authenticate", "AuthTokenEpRequestTimeout", "auth"), 5),
            ((502, "-", False, "forward", "LambdaUnhandled", "lambda"), 10),
            ((502, "-", False, "forward", "LambdaInvalidResponse", "lambda"), 5),
            ((200, "200", False, "forward", "-", "lambda"), 15),
            ((403, "-", False, "waf", "-", "waf"), 6),
            ((200, "200", True, "waf-failed,forward", "WAFConnectionTimeout", "fwd"), 10),
            ((503, "-", False, "fixed-response", "-", "fixed"), 8),
        ]
        self.alb_sc = Picker(self.rng, sc)

    def line_alb(self, i, t):
        r = self.rng
        st, ts, has_t, actions, err, kind = self.alb_sc()
        p = self.path()
        target = p + self.query()
        typ = "https" if r.random() < 0.6 else ("h2" if r.random() < 0.7 else "http")
        host = "www.example.com" if r.random() < 0.6 else "api.example.com"
        port = 80 if typ == "http" else 443
        scheme = "http" if typ == "http" else "https"
        proto = "HTTP/2.0" if typ == "h2" else "HTTP/1.1"
        tgt_ip = f"10.0.1.{r.randrange(10, 30)}:8080" if has_t else "-"
        if kind in ("fwd", "lambda"):
            rpt, tpt, spt = 0.001, r.randrange(1, 900) / 1000, 0.0
        elif kind == "reset":
            rpt, tpt, spt = 0.0, -1, -1
        elif kind == "nodispatch":
            rpt, tpt, spt = -1, -1, -1
        else:
            rpt, tpt, spt = 0.0, 0.001, 0.0
        dur = sum(x for x in (rpt, tpt, spt) if x > 0) + (30.0 if kind == "reset" and st == 504 else 0)
        fmt = lambda x: "-1" if x == -1 else f"{x:.3f}"
        if kind == "lambda":
            tg = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/fn-tg/2c3d4e5f60718293"
        elif kind in ("fwd", "reset", "nodispatch") and actions != "-":
            tg = ("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0a1b2c3d4e5f6071"
                  if host[0] == "w" else
                  "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/1b2c3d4e5f607182")
        else:
            tg = "-"
        if typ == "http":
            cipher = sslp = "-"
            dom = cert = '"-"'
        else:
            cipher, sslp = (("TLS_AES_128_GCM_SHA256", "TLSv1.3") if r.random() < 0.5 else
                            ("ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2"))
            dom = f'"{host}"'
            cert = ('"arn:aws:acm:us-east-1:123456789012:certificate/00000000-1111-2222-3333-444444444444"'
                    if r.random() < 0.8 else '"session-reused"')
        prio = "-" if actions == "-" else (str(r.randrange(1, 6)) if r.random() < 0.7 else "0")
        redirect = f'"https://{host}:443{target}"' if kind == "redir" else '"-"'
        crt = max(0.0, t - dur)
        trace = f'"Root=1-{int(EPOCH + crt):08x}-{r.getrandbits(96):024x}"'
        ua = r.choice(UAS)
        self.count(st, p, ts)
        if err != "-":
            self.detail("error_reason", err)
        tq = f'"{tgt_ip}"' if has_t else '"-"'
        return (f"{typ} {iso_us(t)} app/web-alb/0f1e2d3c4b5a6978 {self.ip()}:{r.randrange(1024, 65535)} "
                f"{tgt_ip} {fmt(rpt)} {fmt(tpt)} {fmt(spt)} {st} {ts} {r.randrange(80, 2000)} "
                f'{self.size(st) + 200} "{self.method(st)} {scheme}://{host}:{port}{target} {proto}" '
                f'"{ua}" {cipher} {sslp} {tg} {trace} {dom} {cert} {prio} {iso_us(crt)} '
                f'"{actions}" {redirect} "{err}" {tq} "{ts}" "-" "-" TID_{r.getrandbits(128):032x}\n')

    # ---- AWS Classic ELB (15 fields) -------------------------------------
    def setup_elb(self):
        sc = [((s, str(s), True), w) for s, w in GENERIC]
        sc += [((503, "0", False), 15), ((504, "0", False), 12), ((502, "0", False), 4),
               ((408, "0", False), 4), ((400, "-", False), 6)]
        self.elb_sc = Picker(self.rng, sc)

    def line_elb(self, i, t):
        r = self.rng
        st, bs, has_b = self.elb_sc()
        p = self.path()
        https = r.random() < 0.6
        scheme, port = ("https", 443) if https else ("http", 80)
        tls = "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2" if https else "- -"
        if has_b:
            backend = f"10.0.2.{r.randrange(10, 40)}:80"
            times = f"0.0000{r.randrange(10, 99)} 0.{r.randrange(0, 900000):06d} 0.0000{r.randrange(10, 99)}"
        else:
            backend, times = "-", "-1 -1 -1"
        self.count(st, p, bs)
        return (f"{iso_us(t)} legacy-elb {self.ip()}:{r.randrange(1024, 65535)} {backend} {times} "
                f"{st} {bs} {r.randrange(0, 900) if has_b else 0} {self.size(st) if has_b else 0} "
                f'"{self.method(st)} {scheme}://www.example.com:{port}{p}{self.query()} HTTP/1.1" '
                f'"{r.choice(UAS)}" {tls}\n')

    # ---- CloudFront standard (TAB, 33 fields) ----------------------------
    CF_FIELDS = ("date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
                 "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type "
                 "x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for "
                 "ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version "
                 "fle-status fle-encrypted-fields c-port time-to-first-byte "
                 "x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end")

    def header_cloudfront(self, t):
        return f"#Version: 1.0\n#Fields: {self.CF_FIELDS}\n"

    def setup_cloudfront(self):
        # (result, status, response_result, detailed)
        self.cf_sc = Picker(self.rng, [
            (("Hit", 200, "Hit", "Hit"), 380), (("Hit", 304, "Hit", "Hit"), 30),
            (("RefreshHit", 200, "RefreshHit", "RefreshHit"), 50),
            (("RefreshHit", 304, "RefreshHit", "RefreshHit"), 10),
            (("Miss", 200, "Miss", "Miss"), 250), (("Miss", 201, "Miss", "Miss"), 20),
            (("Miss", 204, "Miss", "Miss"), 15), (("Miss", 302, "Miss", "Miss"), 15),
            (("Miss", 301, "Miss", "Miss"), 5), (("Miss", 304, "Miss", "Miss"), 10),
            (("Miss", 400, "Miss", "Miss"), 10), (("Miss", 401, "Miss", "Miss"), 15),
            (("Miss", 403, "Miss", "Miss"), 10), (("Miss", 404, "Miss", "Miss"), 45),
            (("Miss", 429, "Miss", "Miss"), 8), (("Miss", 500, "Miss", "Miss"), 15),
            (("Miss", 503, "Miss", "Miss"), 5),
            (("Error", 502, "Error", "OriginConnectError"), 12),
            (("Error", 504, "Error", "OriginReadError"), 10),
            (("Error", 502, "Error", "OriginDnsError"), 3),
            (("Error", 403, "Error", "ClientGeoBlocked"), 8),
            (("Error", 400, "Error", "InvalidRequestHeader"), 5),
            (("Error", 0, "Error", "ClientHungUpRequest"), 10),
            (("Hit", 200, "Error", "ClientCommError"), 8),
            (("LimitExceeded", 503, "LimitExceeded", "LimitExceeded"), 10),
            (("CapacityExceeded", 503, "CapacityExceeded", "CapacityExceeded"), 10),
            (("Redirect", 301, "Redirect", "Redirect"), 20)])
        self.cf_uas = [u.replace(" ", "%20") for u in UAS]
        self.cf_pops = ["IAD89-C1", "FRA56-P3", "NRT57-P2", "LHR61-C2", "SFO5-P1"]

    def line_cloudfront(self, i, t):
        r = self.rng
        res, st, rres, det = self.cf_sc()
        p = self.path()
        q = self.query()[1:] or "-"
        proto = "http" if res == "Redirect" else "https"
        tls = "-\t-" if proto == "http" else (
            "TLSv1.3\tTLS_AES_128_GCM_SHA256" if r.random() < 0.6 else "TLSv1.2\tECDHE-RSA-AES128-GCM-SHA256")
        tt = r.randrange(1, 200) / 1000 if res != "Error" else r.randrange(100, 30000) / 1000
        ttfb = tt if st != 0 else "-"
        b = self.size(st) + 300 if st else 0
        reqid = base64.urlsafe_b64encode(r.getrandbits(320).to_bytes(40, "big")).decode()
        ctype = "text/html" if st >= 300 or p.endswith((".html", "/")) else "application/json"
        clen = self.size(st) if st and st not in (204, 304) else "-"
        m = "GET" if res in ("Hit", "RefreshHit") else self.method(st)
        self.count(st, p)
        self.detail("edge_result", res)
        return (f"{DAY}\t{hms(t)}\t{r.choice(self.cf_pops)}\t{b}\t{self.ip()}\t{m}\t"
                f"dexample0abcd1.cloudfront.net\t{p}\t{st if st else '000'}\t{r.choice(REFS)}\t"
                f"{r.choice(self.cf_uas)}\t{q}\t-\t{res}\t{reqid}\twww.example.com\t"
                f"{proto}\t{r.randrange(100, 1500)}\t{tt:.3f}\t-\t{tls}\t{rres}\t"
                f"{'HTTP/2.0' if r.random() < 0.6 else 'HTTP/1.1'}\t-\t-\t{r.randrange(1024, 65535)}\t"
                f"{ttfb if ttfb == '-' else f'{ttfb:.3f}'}\t{det}\t{ctype}\t{clen}\t-\t-\n")

    # ---- HAProxy httplog ---------------------------------------------------
    def setup_haproxy(self):
        # (term, status, server_kind, timers_kind, badreq)
        sc = [(("----", s, "srv", "ok", False), w) for s, w in GENERIC if s not in (301, 302)]
        sc += [
            (("--NI", 200, "srv", "ok", False), 30), (("--VN", 200, "srv", "ok", False), 30),
            (("----", 302, "srv", "ok", False), 10),
            (("sH--", 504, "srv", "sH", False), 36), (("SH--", 502, "srv", "SH", False), 24),
            (("SC--", 503, "nosrv", "SC", False), 24), (("SC--", 503, "srv", "SCs", False), 12),
            (("sQ--", 503, "nosrv", "sQ", False), 9),
            (("CD--", 200, "srv", "CD", False), 30), (("CDNI", 200, "srv", "CD", False), 9),
            (("cR--", 408, "nosrv", "cR", False), 18), (("CR--", 400, "nosrv", "CR", False), 15),
            (("CR--", -1, "nosrv", "CR-1", True), 15),
            (("PR--", 403, "nosrv", "PR", False), 18), (("PR--", 429, "nosrv", "PR", False), 12),
            (("PR--", 400, "nosrv", "PR", False), 6),
            (("LR--", 301, "nosrv", "LR", False), 45), (("LR--", 302, "nosrv", "LR", False), 15),
        ]
        self.ha_sc = Picker(self.rng, sc)

    def line_haproxy(self, i, t):
        r = self.rng
        term, st, sk, tk, bad = self.ha_sc()
        p = self.path()
        fe_r = r.random()
        fe = "www-https~" if fe_r < 0.35 else ("api-https~" if fe_r < 0.75 else "www-http")
        be = "app" if fe[0] == "w" else "api"
        srv = f"{be}/web{r.randrange(1, 4)}" if sk == "srv" else f"{be}/<NOSRV>"
        ta = r.randrange(2, 400)
        timers = {
            "ok": f"0/0/{r.randrange(0, 3)}/{ta - 1}/{ta}", "sH": "0/0/0/-1/30002",
            "SH": f"0/0/1/-1/{ta}", "SC": "0/-1/-1/-1/0", "SCs": "0/0/-1/-1/3001",
            "sQ": "0/10000/-1/-1/10000", "CD": f"0/0/1/{ta}/{ta * 40}",
            "cR": "10001/-1/-1/-1/10001", "CR": f"{ta}/-1/-1/-1/{ta}", "CR-1": "-1/-1/-1/-1/0",
            "PR": "0/-1/-1/-1/0", "LR": "0/-1/-1/-1/0"}[tk]
        dur = int(timers.rsplit("/", 1)[1]) / 1000.0
        b = 0 if st == -1 else self.size(st) + 150
        ac = r.randrange(1, 40)
        conns = f"{ac}/{ac}/{r.randrange(0, ac + 1)}/{r.randrange(0, 4)}/{1 if term[:2] == 'SC' else 0}"
        if fe == "www-https~":
            ua = r.choice(UAS)
            cap = "{|} {} " if bad else f"{{www.example.com|{ua}}} {{}} "
        else:
            cap = ""
        req = "<BADREQ>" if bad else f"{self.method(st)} {p}{self.query()} HTTP/1.1"
        self.count(0 if st == -1 else st, None if bad else p)
        self.detail("termination", term[:2])
        end = t + dur
        return (f"May  1 {hms(end)} lb1 haproxy[2201]: {self.ip()}:{r.randrange(1024, 65535)} "
                f"[01/May/2024:{hms(t)}.{int(t % 1 * 1000):03d}] {fe} {srv} {timers} {st} {b} - - "
                f'{term} {conns} 0/0 {cap}"{req}"\n')

    # ---- Envoy default format ---------------------------------------------
    def setup_envoy(self):
        # (status, flags, upstream_host?)
        sc = [((s, "-", True), w) for s, w in GENERIC]
        sc += [((503, "UF", True), 10), ((503, "UH", False), 10), ((504, "UT", True), 10),
               ((404, "NR", False), 10), ((503, "URX", True), 6), ((503, "UF,URX", True), 8),
               ((429, "RL", False), 10), ((0, "DC", True), 6), ((200, "DC", True), 5)]
        self.env_sc = Picker(self.rng, sc)

    def line_envoy(self, i, t):
        r = self.rng
        st, flags, up = self.env_sc()
        p = self.path()
        host = "api.example.com" if r.random() < 0.5 else "www.example.com"
        upstream = f'"10.0.3.{r.randrange(10, 40)}:8080"' if up else '"-"'
        dur = {"UT": 15001, "UF": 3005, "UF,URX": 3005, "URX": 250}.get(flags, r.randrange(0, 300))
        ust = "-" if flags in ("UF", "UH", "UF,URX", "NR", "RL", "UT") or st == 0 else str(max(0, dur - 2))
        sent = 0 if st == 0 else (self.size(st) if flags == "-" else r.randrange(0, 120))
        xff = f'"{self.ip()}"' if r.random() < 0.8 else '"-"'
        self.count(st, p)
        if flags != "-":
            for f in flags.split(","):
                self.detail("flags", f)
        proto = "HTTP/1.1" if r.random() < 0.6 else "HTTP/2"
        ms = int(t % 1 * 1000)
        return (f'[{DAY}T{hms(t)}.{ms:03d}Z] "{self.method(st)} {p}{self.query()} {proto}" {st} {flags} '
                f'{r.randrange(0, 400) if st in (201, 204) else 0} {sent} {dur} {ust} {xff} '
                f'"{r.choice(UAS)}" "{self.uuid()}" "{host}" {upstream}\n')

    # ---- Caddy JSON ---------------------------------------------------------
    def line_caddy(self, i, t):
        r = self.rng
        st = self.generic()
        p = self.path()
        uri = p + self.query()
        ip = self.ip()
        h2 = r.random() < 0.6
        host = "www.example.com" if r.random() < 0.6 else "api.example.com"
        tls = (f',"tls":{{"resumed":false,"version":772,"cipher_suite":4865,"proto":"{"h2" if h2 else "http/1.1"}",'
               f'"server_name":"{host}"}}')
        size = self.size(st)
        dur = r.randrange(100, 900000) / 1e6 if st < 500 else r.randrange(1000000, 30000000) / 1e6
        self.count(st, p)
        ts = repr(round(EPOCH + t, 6))
        return (f'{{"level":"{"error" if st >= 500 else "info"}","ts":{ts},"logger":"http.log.access.log0",'
                f'"msg":"handled request","request":{{"remote_ip":"{ip}","remote_port":"{r.randrange(1024, 65535)}",'
                f'"client_ip":"{ip}","proto":"{"HTTP/2.0" if h2 else "HTTP/1.1"}","method":"{self.method(st)}",'
                f'"host":"{host}","uri":"{uri}","headers":{{"User-Agent":["{r.choice(UAS)}"],"Accept":["*/*"]}}'
                f'{tls}}},"bytes_read":{r.randrange(1, 900) if st == 201 else 0},"user_id":"","duration":{dur},'
                f'"size":{size},"status":{st},"resp_headers":{{"Server":["Caddy"],'
                f'"Content-Type":["{"application/json" if host[0] == "a" else "text/html; charset=utf-8"}"]}}}}\n')

    # ---- Traefik common + JSON ---------------------------------------------
    def setup_traefik(self):
        # (downstream, origin, routed)
        sc = [((s, s, True), w) for s, w in GENERIC]
        sc += [((404, 0, False), 30), ((502, 0, True), 12), ((504, 0, True), 8), ((503, 0, True), 5)]
        self.tr_sc = Picker(self.rng, sc)

    def line_traefik(self, i, t):
        r = self.rng
        ds, os_, routed = self.tr_sc()
        p = self.path()
        path = p + self.query()
        host = "api.example.com" if r.random() < 0.5 else "www.example.com"
        router = ("api-router@docker" if host[0] == "a" else "web-router@docker") if routed else "-"
        svc_name = ("api@docker" if host[0] == "a" else "web@docker") if routed else "-"
        addr = f"10.0.4.{r.randrange(10, 30)}:8080"
        surl = f"http://{addr}" if routed else "-"
        if ds == 504 and os_ == 0:
            dur_ms = 30000 + r.randrange(0, 50)
        else:
            dur_ms = r.randrange(0, 400) if routed else 0
        size = self.size(ds) if os_ else 19 + (ds == 502) * 2
        m = self.method(ds)
        proto = "HTTP/2.0" if r.random() < 0.4 else "HTTP/1.1"
        ip = self.ip()
        if r.random() < 0.5:
            self.count(ds, p)
            return (f'{ip} - - [{clf_time(t)}] "{m} {path} {proto}" {ds} {size} "{r.choice(REFS)}" '
                    f'"{r.choice(UAS)}" {i + 1} "{router}" "{surl}" {dur_ms}ms\n')
        self.count(ds, p, str(os_))
        dur_ns = dur_ms * 1000000 + r.randrange(0, 999999)
        odur = max(0, dur_ns - 2345678) if routed else 0
        port = r.randrange(1024, 65535)
        st = f"{DAY}T{hms(t)}.{int(t % 1 * 1e9):09d}Z"
        end = f"{DAY}T{hms(t + dur_ms / 1000)}Z"
        svc = (f'"ServiceAddr":"{addr}","ServiceName":"{svc_name}","ServiceURL":"{surl}",'
               if routed else "")
        return (f'{{"ClientAddr":"{ip}:{port}","ClientHost":"{ip}","ClientPort":"{port}",'
                f'"ClientUsername":"-","DownstreamContentSize":{size},"DownstreamStatus":{ds},'
                f'"Duration":{dur_ns},"OriginContentSize":{size if os_ else 0},"OriginDuration":{odur},'
                f'"OriginStatus":{os_},"Overhead":{dur_ns - odur},"RequestAddr":"{host}",'
                f'"RequestContentSize":0,"RequestCount":{i + 1},"RequestHost":"{host}",'
                f'"RequestMethod":"{m}","RequestPath":"{path}","RequestPort":"-",'
                f'"RequestProtocol":"{proto}","RequestScheme":"https","RetryAttempts":0,'
                f'"RouterName":"{router}",{svc}"StartLocal":"{st}","StartUTC":"{st}",'
                f'"level":"info","msg":"","time":"{end}"}}\n')

    # ---- Cloudflare Logpush http_requests NDJSON ----------------------------
    def setup_cloudflare(self):
        # (edge, origin, cache, security)
        self.cfl_sc = Picker(self.rng, [
            ((200, 0, "hit", ""), 300), ((304, 0, "hit", ""), 30),
            ((200, 200, "miss", ""), 150), ((200, 200, "dynamic", ""), 180),
            ((200, 200, "expired", ""), 20), ((200, 304, "revalidated", ""), 20),
            ((201, 201, "dynamic", ""), 30), ((204, 204, "dynamic", ""), 20),
            ((301, 0, "unknown", ""), 10), ((301, 301, "dynamic", ""), 10),
            ((302, 302, "dynamic", ""), 20), ((304, 304, "miss", ""), 10),
            ((400, 400, "dynamic", ""), 15), ((401, 401, "dynamic", ""), 20),
            ((403, 0, "unknown", "block"), 20), ((403, 403, "dynamic", ""), 5),
            ((404, 404, "miss", ""), 50), ((429, 0, "unknown", "block"), 6),
            ((429, 429, "dynamic", ""), 4), ((500, 500, "dynamic", ""), 18),
            ((502, 502, "dynamic", ""), 6), ((503, 503, "dynamic", ""), 8),
            ((504, 504, "dynamic", ""), 4), ((520, 0, "dynamic", ""), 8),
            ((522, 0, "dynamic", ""), 8), ((524, 0, "dynamic", ""), 6)])
        self.cfl_colos = ["IAD", "FRA", "NRT", "LHR", "SJC", "GRU"]

    def line_cloudflare(self, i, t):
        r = self.rng
        es, os_, cache, sec = self.cfl_sc()
        p = self.path()
        host = "www.example.com" if r.random() < 0.6 else "api.example.com"
        dur = r.randrange(1, 300) / 1000 if es < 520 else (r.randrange(15, 100) if es != 524 else 100.0)
        if r.random() < 0.06:
            ts0, ts1 = f'"{DAY}T{hms(t)}Z"', f'"{DAY}T{hms(t + dur)}Z"'
        else:
            ns = int((EPOCH + t) * 1e6) * 1000
            ts0, ts1 = str(ns), str(ns + int(dur * 1e9))
        self.count(es, p, str(os_))
        secf = f'"SecurityAction":"{sec}",' if sec else ""
        m = "GET" if cache == "hit" else self.method(es)
        return (f'{{"ClientIP":"{self.ip()}","ClientRequestHost":"{host}",'
                f'"ClientRequestMethod":"{m}","ClientRequestURI":"{p}{self.query()}",'
                f'"ClientRequestProtocol":"{"HTTP/2" if r.random() < 0.6 else "HTTP/1.1"}",'
                f'"EdgeStartTimestamp":{ts0},"EdgeEndTimestamp":{ts1},"EdgeResponseStatus":{es},'
                f'"OriginResponseStatus":{os_},"CacheCacheStatus":"{cache}",{secf}'
                f'"EdgeColoCode":"{r.choice(self.cfl_colos)}","EdgeResponseBytes":{self.size(es) + 400},'
                f'"RayID":"{r.getrandbits(64):016x}"}}\n')

    # ---- Heroku router ------------------------------------------------------
    def setup_heroku(self):
        # (status, at, code, desc, sock, empty_dyno, service_ms)
        sc = [((s, "info", "", "", "", False, None), w) for s, w in GENERIC if s not in (503,)]
        sc += [
            ((503, "info", "", "", "", False, None), 5),
            ((503, "error", "H10", "App crashed", "", True, None), 8),
            ((503, "error", "H11", "Backlog too deep", "", False, 0), 3),
            ((503, "error", "H12", "Request timeout", "", False, 30000), 12),
            ((503, "error", "H13", "Connection closed without response", "", False, None), 10),
            ((503, "error", "H14", "No web processes running", "", True, None), 6),
            ((503, "error", "H18", "Server Request Interrupted", "backend", False, None), 5),
            ((499, "warning", "H27", "Client Request Interrupted", "client", False, None), 8),
            ((499, "warning", "H28", "Client Connection Idle", "", False, None), 3),
            ((503, "info", "H80", "Maintenance mode", "", True, None), 4),
        ]
        self.hk_sc = Picker(self.rng, sc)

    def line_heroku(self, i, t):
        r = self.rng
        st, at, code, desc, sock, empty, svc = self.hk_sc()
        p = self.path()
        self.count(st, p)
        if code:
            self.detail("h_codes", code)
        head = f'sock={sock} ' if sock else ""
        err = f'code={code} desc="{desc}" ' if code else ""
        host = "example-app.herokuapp.com" if r.random() < 0.7 else "www.example.com"
        if empty:
            dyn = "dyno= connect= service= "
            b = ""
        else:
            s = svc if svc is not None else r.randrange(1, 900)
            dyn = f"dyno=web.{r.randrange(1, 4)} connect={r.randrange(0, 3)}ms service={s}ms "
            b = 0 if code else self.size(st)
        return (f"{DAY}T{hms(t)}.{usec(t)}+00:00 heroku[router]: {head}at={at} {err}"
                f'method={self.method(st)} path="{p}{self.query()}" host={host} '
                f'request_id={self.uuid()} fwd="{self.ip()}" {dyn}status={st} bytes={b} protocol=https\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("format", choices=FORMATS)
    ap.add_argument("lines", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--expected", metavar="PATH")
    ap.add_argument("--paths", type=int, default=50)
    a = ap.parse_args()
    g = Gen(a.format, a.lines, a.seed, a.paths)
    out = open(sys.stdout.fileno(), "w", encoding="ascii", newline="\n", buffering=1 << 20, closefd=False)
    g.run(out)
    out.flush()
    if a.expected:
        with open(a.expected, "w", encoding="ascii", newline="\n") as f:
            json.dump(g.expected(), f, sort_keys=True, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
