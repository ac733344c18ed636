#!/usr/bin/env python3
"""Compares two JMH JSON result files (without and with the agent) as a table on stdout.

"time ratio" is time per operation with the agent divided by time without it, whatever the benchmark's mode:
1.00 means the agent costs nothing, 1.25 that an operation takes 25% longer. It is marked "~" when the two
scores' error intervals (JMH's 99.9% confidence) overlap, i.e. when the difference is within noise.
"""
import json
import math
import sys


def load(path):
    with open(path) as f:
        return {(r["benchmark"], tuple(sorted(r.get("params", {}).items()))): r for r in json.load(f)}


def score(result):
    metric = result["primaryMetric"]
    value, error, unit = metric["score"], metric["scoreError"], metric["scoreUnit"]
    text = f"{value:,.1f} ± {error:,.1f} {unit}" if not _nan(error) else f"{value:,.1f} {unit}"
    record_bytes = result.get("params", {}).get("recordBytes")
    if record_bytes and unit == "ops/s":
        text += f" ({value * int(record_bytes) / 1e6:,.0f} MB/s)"
    return text


def time_ratio(without, with_agent):
    a, b = without["primaryMetric"], with_agent["primaryMetric"]
    # Throughput modes report operations per time, the others time per operation.
    per_time = a["scoreUnit"].startswith("ops/")
    ratio = a["score"] / b["score"] if per_time else b["score"] / a["score"]
    overlap = not _nan(a["scoreError"]) and not _nan(b["scoreError"]) and \
        abs(a["score"] - b["score"]) <= a["scoreError"] + b["scoreError"]
    return f"{ratio:.2f}" + (" ~" if overlap else "")


def _nan(x):
    return x is None or (isinstance(x, float) and math.isnan(x)) or x == "NaN"


def main(without_path, with_path):
    without, with_agent = load(without_path), load(with_path)
    rows = [("benchmark", "params", "without agent", "with agent", "time ratio")]
    for key, base in without.items():
        name, params = key
        other = with_agent.get(key)
        rows.append((name.rsplit(".", 2)[-2] + "." + name.rsplit(".", 1)[-1],
                     " ".join(f"{k}={v}" for k, v in params),
                     score(base),
                     score(other) if other else "missing",
                     time_ratio(base, other) if other else "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * width for width in widths))
    print('\ntime ratio: time per operation with the agent / without; "~" = within the error intervals.')


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: overhead-table.py WITHOUT_AGENT.json WITH_AGENT.json")
    main(sys.argv[1], sys.argv[2])
