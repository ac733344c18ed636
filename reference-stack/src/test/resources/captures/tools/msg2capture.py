#!/usr/bin/env python3
"""Turns the output of `openssl s_client -msg` / `s_server -msg` into a capture file.

Each message line becomes `<direction> <kind> <hex>`: direction c2s or s2c, kind handshake,
change_cipher_spec or alert. Record headers and TLS 1.3 inner content-type bytes are dropped:
OpenSSL prints the plaintext message separately from them.
usage: msg2capture.py <client|server> <comment> < log > capture.txt
"""
import re, sys

role, comment = sys.argv[1], sys.argv[2]
kinds = {"Handshake": "handshake", "ChangeCipherSpec": "change_cipher_spec", "Alert": "alert"}
header = re.compile(r"^(<<<|>>>) .*?, (\w+) \[length ([0-9a-f]+)\]")
print("# " + comment.replace("\n", "\n# "))
current, hexdigits = None, []

def flush():
    if current:
        direction, kind, length = current
        data = "".join(hexdigits)
        assert len(data) == 2 * length, (current, data)
        print(direction, kind, data)

for line in sys.stdin:
    m = header.match(line)
    if m:
        flush()
        sent = m.group(1) == ">>>"
        direction = "c2s" if sent == (role == "client") else "s2c"
        kind = kinds.get(m.group(2))
        current = (direction, kind, int(m.group(3), 16)) if kind else None
        hexdigits = []
    elif current and re.match(r"^    [0-9a-f]{2}( [0-9a-f]{2})*\s*$", line):
        hexdigits.extend(line.split())
    elif current and not line.startswith("    "):
        flush()
        current = None
flush()
