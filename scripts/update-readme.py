#!/usr/bin/env python3
"""Refreshes the outputs of the ```console examples in README.md.

Each block starts with `$ httpcode ARGS`; everything after that line is replaced
by what the binary prints (not a terminal, so 80 columns and no color).
tests/readme.rs checks that the README still matches.
"""
import re
import shlex
import subprocess
import sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/debug/httpcode"
BLOCK = re.compile(r"```console\n\$ httpcode (.*?)\n.*?```", re.S)


def run(match):
    args = match.group(1)
    words = shlex.split(args)
    # `< FILE` at the end: the file is the standard input.
    stdin = b""
    if "<" in words:
        at = words.index("<")
        stdin = open(words[at + 1], "rb").read()
        words = words[:at]
    out = subprocess.run([BIN, *words], capture_output=True, input=stdin,
                         env={"PATH": "/usr/bin:/bin"}).stdout.decode()
    return f"```console\n$ httpcode {args}\n{out}```"


text = open("README.md").read()
open("README.md", "w").write(BLOCK.sub(run, text))
