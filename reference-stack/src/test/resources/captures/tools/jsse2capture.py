#!/usr/bin/env python3
"""Turns JsseCapture's standard error (with -Djavax.net.debug=ssl:record:plaintext) into a capture.

SunJSSE logs "WRITE: <version> <content type>, length = N" for every record it writes, followed by
a "Plaintext before ENCRYPTION" dump when the record is protected; JsseCapture prints the records
themselves, in the same order. A cleartext record becomes a `record` line with the whole record; a
protected one becomes a line with its plaintext content (several handshake messages may share it).
usage: jsse2capture.py <comment> < stderr > capture.txt
"""
import re, sys

comment = sys.argv[1]
kinds = {"handshake": "handshake", "change_cipher_spec": "change_cipher_spec", "alert": "alert"}
writes, records = [], []   # writes: [kind, length, plaintext or None]; records: (direction, hex)
dump = None
for line in sys.stdin:
    line = line.rstrip("\n")
    m = re.search(r"\|WRITE: \S+ (\w+), length = (\d+)", line)
    if m:
        writes.append([m.group(1), int(m.group(2)), None])
    elif "Plaintext before ENCRYPTION" in line:
        dump = []
    elif dump is not None:
        if line.startswith(")"):
            writes[-1][2] = bytes(dump)
            dump = None
        else:
            dump.extend(int(b, 16) for b in line[8:57].split())
    elif line.startswith("@@ "):
        _, direction, _, data = line.split()
        records.append((direction, data))

assert len(writes) == len(records), (len(writes), len(records))
print("# " + comment.replace("\n", "\n# "))
for (kind, length, plaintext), (direction, data) in zip(writes, records):
    if plaintext is None:
        assert int(data[6:10], 16) == length, (kind, length, data[:10])
        print(direction, "record", data)
    elif kind in kinds:
        print(direction, kinds[kind], plaintext[:length].hex())
