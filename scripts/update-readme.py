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
    out = subprocess.run([BIN, *shlex.split(args)], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin"}).stdout
    return f"```console\n$ httpcode {args}\n{out}```"


text = open("README.md").read()
open("README.md", "w").write(BLOCK.sub(run, text))
