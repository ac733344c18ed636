#!/usr/bin/env python3
"""Writes benchmarks/RESULTS.md from what run.sh left in its output directory.

usage: results.py OUT_DIR RESULTS.md [README.md]

With README.md, also rewrites the headline block between README_START and README_END there.

Reads (each optional: what is missing is reported as missing, with the reason when a log tells it):
  jmh-<variant>-<part>.json / .log   JMH results and logs, variants as in COLUMNS below, part handshakes or data
  startup.json                startup.py's launches (to main, to exit, to the first handshake) and footprints
  memory-<config>.jsonl       MemoryCheck's lines, configs "none" and "agent"
  sink.out                    the OTLP sink's endpoint and, once stopped, what it received
  probe-*.txt, jdk.txt, settings.txt, loadavg-*.txt, elapsed.txt   written by run.sh

Every figure is the median of the measurements, with their spread as (min-max). A ratio divides medians; it is
marked "~" when the two spreads overlap, i.e. when the difference is within what the run can resolve.
"""
import datetime
import itertools
import json
import os
import re
import statistics
import sys

COLUMNS = [
    # (column title, run.sh's variant, JMH's provider parameter)
    ("SunJSSE", "baseline", "SunJSSE"),
    ("SunJSSE + agent, OTLP", "agent-otlp", "SunJSSE"),
    ("SunJSSE + agent, console", "agent-console", "SunJSSE"),
    ("reference (direct)", "reference", "TLSLens"),
    ("reference swapped in by the agent, OTLP", "agent-reference", "SunJSSE"),
    ("BCJSSE", "baseline", "BCJSSE"),
]
RATIOS = [
    # (title, numerator column, denominator column)
    ("agent OTLP ÷ no agent", "SunJSSE + agent, OTLP", "SunJSSE"),
    ("agent console ÷ no agent", "SunJSSE + agent, console", "SunJSSE"),
    ("reference ÷ SunJSSE", "reference (direct)", "SunJSSE"),
    ("reference ÷ BCJSSE", "reference (direct)", "BCJSSE"),
    ("reference + agent ÷ reference", "reference swapped in by the agent, OTLP", "reference (direct)"),
]
KINDS = [
    # (JMH method, title, how a score is shown)
    ("HandshakeBenchmark.full", "full handshakes/s", "rate"),
    ("HandshakeBenchmark.resumed", "resumed handshakes/s", "rate"),
    ("ApplicationDataBenchmark.bulk", "16 KiB records, MB/s", "megabytes"),
    ("ApplicationDataBenchmark.roundTrip", "100-byte round trip, µs", "latency"),
]
TRANSPORTS = [("ENGINE", "in-memory engines"), ("SOCKET", "loopback sockets")]
PROTOCOLS = [("TLSv1.3", "TLS 1.3"), ("TLSv1.2", "TLS 1.2")]
KEYS = [("EC_P256", "ECDSA P-256"), ("RSA_2048", "RSA 2048")]
SWAP_ON_TLS13_ONLY = "not measured (the swap is measured on TLS 1.3)"
README_START = "<!-- benchmark headline: benchmarks/run.sh rewrites this block -->"
README_END = "<!-- end of benchmark headline -->"


def read(out, name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read()


def spread(values):
    return statistics.median(values), min(values), max(values)


# ---- JMH ---------------------------------------------------------------------------------------------------

def row_key(benchmark, params):
    method = ".".join(benchmark.split(".")[-2:])
    return method, params.get("transport"), params.get("protocol"), params.get("keyType")


def jmh_scores(text, provider):
    """{row key: (median, min, max)} of one JMH result file, for one provider."""
    scores = {}
    for result in json.loads(text) if text else []:
        params = result.get("params", {})
        if params.get("provider") != provider:
            continue
        metric = result["primaryMetric"]
        values = [v for fork in metric["rawData"] for v in fork]
        value = spread(values)
        if "recordBytes" in params:  # ops/s of 16 KiB records -> MB/s
            factor = int(params["recordBytes"]) / 1e6
            value = tuple(v * factor for v in value)
        scores[row_key(result["benchmark"], params)] = value
    return scores


def load_jmh(out):
    """{(column, row key): (median, min, max)} and {(column, row key): reason} for failed trials."""
    scores, failures = {}, {}
    for (title, variant, provider), part in itertools.product(COLUMNS, ("handshakes", "data")):
        for key, value in jmh_scores(read(out, f"jmh-{variant}-{part}.json"), provider).items():
            scores[(title, key)] = value
        log = read(out, f"jmh-{variant}-{part}.log")
        if log:
            for (benchmark, param_items), reason in parse_failures(log).items():
                params = dict(param_items)
                if params.get("provider") == provider:
                    failures[(title, row_key(benchmark, params))] = reason
    return scores, failures


def parse_failures(log):
    """JMH prints a failed trial's exception after "<failure>"; its first line is the reason."""
    failures = {}
    for block in log.split("# Benchmark: ")[1:]:
        if "<failure>" not in block:
            continue
        benchmark = block.split("\n", 1)[0].strip()
        params = dict(re.findall(r"(\w+) = ([^,)]+)", re.search(r"# Parameters: \((.*)\)", block).group(1)))
        after = block.split("<failure>", 1)[1].strip().split("\n")
        reason = after[0].strip() if after else "failed"
        reason = re.sub(r"^[\w.$]+(Exception|Error): ", "", reason)
        failures[(benchmark, tuple(sorted(params.items())))] = reason
    return failures


def show(value, how):
    median, low, high = value
    if how == "latency":
        return f"{median:.1f} ({low:.1f}–{high:.1f})"
    return f"{median:,.0f} ({low:,.0f}–{high:,.0f})"


def ratio(a, b):
    if a is None or b is None:
        return None, False
    overlap = a[1] <= b[2] and b[1] <= a[2]
    return a[0] / b[0], overlap


def show_ratio(a, b):
    value, overlap = ratio(a, b)
    if value is None:
        return "–"
    return f"{value:.2f}" + (" ~" if overlap else "")


def rows():
    for method, kind_title, how in KINDS:
        for transport, transport_title in TRANSPORTS:
            for protocol, protocol_title in PROTOCOLS:
                keys = KEYS if method.endswith(".full") else [(None, None)]
                for key, key_title in keys:
                    label = ", ".join(x for x in (protocol_title, key_title) if x)
                    yield method, kind_title, how, transport_title, label, (method, transport, protocol, key)


def missing(column, key, failures, context):
    if key in failures.get(column, {}):
        return "failed: " + failures[column][key]
    if column.startswith("reference swapped") and key[2] == "TLSv1.2":
        return SWAP_ON_TLS13_ONLY
    return context.get(column, "not measured")


# ---- the document ------------------------------------------------------------------------------------------

def machine(out):
    model = "unknown"
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    jdk = (read(out, "jdk.txt") or "unknown").strip().splitlines()
    return model, os.cpu_count(), jdk[0] if jdk else "unknown", " / ".join(jdk[1:2])


def main(out, results_path, readme_path=None):
    scores, failed = load_jmh(out)
    failures = {}
    for (column, key), reason in failed.items():
        failures.setdefault(column, {})[key] = reason
    context = {}
    direct = read(out, "probe-direct.txt") or ""
    swapped = read(out, "probe-agent-reference.txt") or ""
    if "reference-provider available" not in direct:
        context["reference (direct)"] = "not in this build (no TLSLens provider)"
    if "default-provider TLSLens" not in swapped:
        context["reference swapped in by the agent, OTLP"] = "not in this build (the agent's stack=reference " \
                                                             "keeps SunJSSE)"
    context["SunJSSE + agent, console"] = "handshakes in memory only (\"not run\"): a ladder costs the same " \
                                          "whatever the transport, and application data passes no hook. The " \
                                          "ladders go to standard error, which JMH carries from the forked JVM " \
                                          "to its log file"

    model, cores, jdk, jdk_vm = machine(out)
    lines = ["# TLSLens benchmark results", ""]
    lines += [
        "Written by `benchmarks/run.sh` (see its header for what each part measures and how). Every figure is the "
        "**median** of the measurements, followed by their **spread** (min–max). A ratio divides medians; "
        "`~` marks a ratio whose two spreads overlap, a difference this run cannot tell from noise.", "",
        f"* Machine: {model}, {cores} cores",
        f"* JDK: {jdk}" + (f" ({jdk_vm})" if jdk_vm else ""),
        f"* Date: {(read(out, 'date.txt') or datetime.datetime.utcnow().isoformat()).strip()}",
        f"* JMH settings: {(read(out, 'settings.txt') or '?').strip()} (one fork per trial; each iteration is "
        "one measurement)",
        f"* Load average before / after: {(read(out, 'loadavg-before.txt') or '?').strip()} / "
        f"{(read(out, 'loadavg-after.txt') or '?').strip()}",
        f"* Wall time of run.sh: {(read(out, 'elapsed.txt') or '?').strip()}",
        "",
    ]
    summary = headline(scores, read(out, "startup.json"), read(out, "memory-none.jsonl"),
                       read(out, "memory-agent.jsonl"))
    lines += ["## Headline", ""] + summary + [
        "", "Throughput ratios below 1 and latency ratios above 1 mean slower.", ""]
    steady_none = jmh_scores(read(out, "jmh-baseline-steady.json"), "SunJSSE")
    steady_agent = jmh_scores(read(out, "jmh-agent-otlp-steady.json"), "SunJSSE")
    lines += targets(scores, read(out, "startup.json"), steady_none, steady_agent)
    lines += jmh_tables(scores, failures, context)
    lines += ratio_tables(scores)
    lines += steady_section(steady_none, steady_agent, (read(out, "steady-settings.txt") or "?").strip())
    lines += startup_section(read(out, "startup.json"))
    lines += memory_section(read(out, "memory-none.jsonl"), read(out, "memory-agent.jsonl"))
    lines += evidence_section(out)
    with open(results_path, "w") as f:
        f.write("\n".join(lines) + "\n")
    if readme_path:
        machine_line = f"Measured {(read(out, 'date.txt') or '').strip()} on {model}, {cores} cores, {jdk}:"
        update_readme(readme_path, [machine_line, ""] + summary)


def update_readme(path, block):
    with open(path) as f:
        text = f.read()
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    with open(path, "w") as f:
        f.write(text[:start] + "\n" + "\n".join(block) + "\n" + text[end:])


def handshake_verdict(costs):
    """costs: (row title, cost as a fraction, whether the two spreads overlap) per row."""
    over = [title for title, cost, overlap in costs if cost > 0.01 and not overlap]
    if not over:
        return "met: no row costs more than 1 % beyond this run's noise"
    return f"not met in {len(over)} of {len(costs)} rows: " + "; ".join(over)


def targets(scores, startup_text, steady_none, steady_agent):
    """The agent's targets, each with what this run measured and whether that meets it."""
    lines = ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    agent, base = "SunJSSE + agent, OTLP", "SunJSSE"
    for methods, title in ((("HandshakeBenchmark.full", "HandshakeBenchmark.resumed"),
                            "at most 1 % of handshake throughput"),
                           (("ApplicationDataBenchmark.bulk", "ApplicationDataBenchmark.roundTrip"),
                            "nothing measurable on application data")):
        # Cost as time per operation: a throughput ratio r costs 1/r - 1, a latency ratio r costs r - 1.
        rated = []
        for row in rows():
            r, overlap = ratio(scores.get((agent, row[5])), scores.get((base, row[5])))
            if row[0] in methods and r is not None:
                cost = r - 1 if row[2] == "latency" else 1 / r - 1
                rated.append((f"{row[1]}, {row[3]}, {row[4]} {cost * 100:+.0f} %", cost, overlap))
        if not rated:
            lines.append(f"| {title} | not measured | – |")
            continue
        costs = sorted(cost for _, cost, _ in rated)
        noise = sum(overlap for _, _, overlap in rated)
        median = statistics.median(costs) * 100
        measured = f"median {median:+.1f} % time per operation over {len(costs)} rows ({costs[0] * 100:+.1f} to " \
                   f"{costs[-1] * 100:+.1f} %); {noise} of {len(costs)} within noise"
        within_noise = noise == len(costs)
        if methods[0].startswith("Handshake"):
            verdict = handshake_verdict(rated)
        else:
            verdict = "met: nothing measurable" if within_noise else "not met"
        lines.append(f"| {title} | {measured} | {verdict} |")
    steady = []
    for key in steady_none:
        if key in steady_agent:
            r, overlap = ratio(steady_agent[key], steady_none[key])
            kind = next(title for m, title, _ in KINDS if m == key[0])
            steady.append((f"{kind} {1 / r - 1:+.0%}", 1 / r - 1, overlap))
    if steady:
        costs = sorted(cost for _, cost, _ in steady)
        median = statistics.median(costs) * 100
        lines.append(f"| at most 1 % of handshake throughput, steady state (see below) | median {median:+.1f} % "
                     f"time per operation over {len(costs)} rows ({costs[0] * 100:+.1f} to {costs[-1] * 100:+.1f} %)"
                     f" | {handshake_verdict(steady)} |")
    if startup_text:
        data = json.loads(startup_text)
        base_ms = statistics.median(data["none"]["to_main_ms"])
        for name, result in data.items():
            if name != "none":
                added = statistics.median(result["to_main_ms"]) - base_ms
                lines.append(f"| at most 200 ms of start-up ({name}) | +{added:.0f} ms to main | "
                             f"{'met' if added <= 200 else 'not met'} |")
    return lines + [""]


def headline(scores, startup_text, memory_none, memory_agent):
    """The ratios per kind of benchmark (median over its rows), start-up and memory, as Markdown bullets."""
    lines = []
    for title, numerator, denominator in RATIOS:
        for method, kind_title, _ in KINDS:
            values = []
            for row in rows():
                if row[0] != method:
                    continue
                r, _ = ratio(scores.get((numerator, row[5])), scores.get((denominator, row[5])))
                if r is not None:
                    values.append(r)
            if values:
                lines.append(f"* {title}, {kind_title}: median ratio {statistics.median(values):.2f} over "
                             f"{len(values)} rows ({min(values):.2f}–{max(values):.2f})")
    if startup_text:
        data = json.loads(startup_text)
        base = statistics.median(data["none"]["to_main_ms"])
        for name, result in data.items():
            if name != "none":
                added = statistics.median(result["to_main_ms"]) - base
                lines.append(f"* start-up, {name}: +{added:.0f} ms from launch to main (without the agent "
                             f"{base:.0f} ms)")
        base = first_handshake(data["none"])
        for name, result in data.items():
            if name != "none" and base is not None and first_handshake(result) is not None:
                added = first_handshake(result) - base
                lines.append(f"* first handshake, {name}: +{added:.0f} ms from launch to the first TLS handshake "
                             f"done (without the agent {base:.0f} ms)")
    for name, text in (("no agent", memory_none), ("agent", memory_agent)):
        checks = [json.loads(line) for line in (text or "").splitlines() if line.startswith("{")]
        soak = [c for c in checks if c["check"] == "soak"]
        if len(soak) > 1:
            growth = statistics.median(soak[-1]["liveHeapBytes"]) - statistics.median(soak[0]["liveHeapBytes"])
            lines.append(f"* live heap, {name}: {growth / 1e6:+.2f} MB from {soak[0]['handshakes']:,} to "
                         f"{soak[-1]['handshakes']:,} handshakes")
        for c in checks:
            if c["check"] == "in-flight":
                lines.append(f"* in-flight handshake, {name}: {statistics.median(c['bytesPerHandshake']):,.0f} "
                             f"bytes each, {c['harnessBytesPerHandshake']:,} of them the benchmark's buffers")
    return lines


def jmh_tables(scores, failures, context):
    lines = []
    for method, kind_title, how in KINDS:
        lines += [f"## {kind_title[0].upper() + kind_title[1:]}", ""]
        lines.append("| transport | protocol | " + " | ".join(c[0] for c in COLUMNS) + " |")
        lines.append("|---|---|" + "---|" * len(COLUMNS))
        for row in rows():
            if row[0] != method:
                continue
            key = row[5]
            cells = []
            for column, _, _ in COLUMNS:
                value = scores.get((column, key))
                if value is not None:
                    cells.append(show(value, how))
                elif column == "SunJSSE + agent, console" and key not in failures.get(column, {}):
                    cells.append("not run")
                else:
                    cells.append(missing(column, key, failures, context))
            lines.append(f"| {row[3]} | {row[4]} | " + " | ".join(cells) + " |")
        lines.append("")
    if context:
        lines += ["Not measured in this run:", ""] + [f"* {column}: {text}" for column, text in sorted(context.items())]
        lines.append("")
    return lines


def ratio_tables(scores):
    lines = ["## Ratios", "",
             "Per row: the first column's figure divided by the second's (throughput, or latency for round trips).",
             ""]
    lines.append("| benchmark | transport | protocol | " + " | ".join(r[0] for r in RATIOS) + " |")
    lines.append("|---|---|---|" + "---|" * len(RATIOS))
    for row in rows():
        key = row[5]
        cells = [show_ratio(scores.get((num, key)), scores.get((den, key))) for _, num, den in RATIOS]
        if all(c == "–" for c in cells):
            continue
        lines.append(f"| {row[1]} | {row[3]} | {row[4]} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def first_handshake(result):
    """Median launch → first handshake done, or None for a startup.json from before it was measured."""
    values = result.get("to_handshake_ms")
    return statistics.median(values) if values else None


def steady_section(none, agent, settings):
    """Handshakes/s with and without the agent once the JIT is done with the agent's code too."""
    if not none:
        return []
    lines = ["## Handshakes at steady state", "",
             f"The same benchmark with a long warm-up ({settings}), so that neither JVM is still compiling: the "
             "agent's own code (recorder, OpenTelemetry SDK, exporter) is compiled in a fork's first seconds, which "
             "the short trials above measure on 2 cores. SunJSSE, in-memory engines.", "",
             "| benchmark | protocol | no agent | agent, OTLP | agent ÷ no agent |", "|---|---|---|---|---|"]
    for key in sorted(none, key=lambda k: (k[0], k[2] or "", k[3] or "")):
        method, _, protocol, key_type = key
        kind = next(title for m, title, _ in KINDS if m == method)
        label = ", ".join(t for p, t in PROTOCOLS + KEYS if p in (protocol, key_type))
        lines.append(f"| {kind} | {label} | {show(none[key], 'rate')} | "
                     f"{show(agent[key], 'rate') if key in agent else 'not measured'} | "
                     f"{show_ratio(agent.get(key), none[key])} |")
    return lines + [""]


def startup_section(text):
    lines = ["## Start-up and footprint", ""]
    if not text:
        return lines + ["Not measured in this run.", ""]
    data = json.loads(text)
    base = data.get("none")
    lines += ["Launch → `main` is the time from starting `java` to entering `main` of a hello world, by the wall "
              "clock both read; launch → exit includes the JVM's shutdown (the agent's final flush). Launch → first "
              "handshake is the same for a program whose `main` makes one TLS 1.3 handshake between two in-memory "
              "SunJSSE engines (HelloTls): what the first handshake of a JVM pays, the agent's weaving of SunJSSE "
              "included. Footprint: one launch of the hello world that waits 2 s, then two full GCs.", "",
              "| configuration | launches | launch → main, ms | added | launch → exit, ms | launch → first "
              "handshake, ms | added | live heap after GC | non-heap | threads |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for name, result in data.items():
        to_main = spread(result["to_main_ms"])
        to_exit = spread(result["to_exit_ms"])
        added = "" if base is None or name == "none" else \
            f"+{to_main[0] - statistics.median(base['to_main_ms']):.0f} ms"
        handshake, handshake_added = "not measured", ""
        if first_handshake(result) is not None:
            median, low, high = spread(result["to_handshake_ms"])
            handshake = f"{median:.0f} ({low:.0f}–{high:.0f})"
            if base is not None and name != "none" and first_handshake(base) is not None:
                handshake_added = f"+{median - first_handshake(base):.0f} ms"
        fp = result["footprint"]
        extra = ""
        if base is not None and name != "none":
            new = [t for t in fp["thread_names"] if t not in base["footprint"]["thread_names"]]
            extra = f" (+{', '.join(new)})" if new else ""
        jvm_args = " ".join(re.sub(r"^(-javaagent:)\S*/", r"\1", arg) for arg in result["jvm_args"])
        jvm_args = re.sub(r"http://127\.0\.0\.1:\d+", "(the sink)", jvm_args)
        lines.append(f"| {name}{f' `{jvm_args}`' if jvm_args else ''} | {len(result['to_main_ms'])} | "
                     f"{to_main[0]:.0f} ({to_main[1]:.0f}–{to_main[2]:.0f}) | {added} | "
                     f"{to_exit[0]:.0f} ({to_exit[1]:.0f}–{to_exit[2]:.0f}) | {handshake} | {handshake_added} | "
                     f"{fp['live_heap_bytes'] / 1e6:.1f} MB | {fp['non_heap_bytes'] / 1e6:.1f} MB | "
                     f"{fp['threads']}{extra} |")
    return lines + [""]


def memory_section(none_text, agent_text):
    lines = ["## Memory", ""]
    runs = {}
    for name, text in (("no agent", none_text), ("agent, OTLP", agent_text)):
        if text:
            runs[name] = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    if not runs:
        return lines + ["Not measured in this run.", ""]
    lines += ["Live heap after full GCs (median of 3 readings, spread) while 100,000 in-memory SunJSSE handshakes "
              "run one after another (TLS 1.2, 1 in 100 full, the rest resumed), read after 10,000, 25,000, "
              "50,000 and 100,000:", "",
              "| configuration | " + " | ".join(f"{n:,}" for n in (10_000, 25_000, 50_000, 100_000)) +
              " | growth 10k → 100k | handshakes/s |", "|---|---|---|---|---|---|---|"]
    for name, checks in runs.items():
        soak = [c for c in checks if c["check"] == "soak"]
        if not soak:
            continue
        cells = [spread(c["liveHeapBytes"]) for c in soak]
        shown = [f"{m / 1e6:.2f} MB ({lo / 1e6:.2f}–{hi / 1e6:.2f})" for m, lo, hi in cells]
        growth = (cells[-1][0] - cells[0][0]) / 1e6
        rate = soak[-1]["handshakes"] / sum(c["seconds"] for c in soak)
        lines.append(f"| {name} | " + " | ".join(shown) + f" | {growth:+.2f} MB | {rate:,.0f} |")
    lines += ["", "Bytes per in-flight handshake: live heap added by TLS 1.3 handshakes held mid-flight (the "
              "server's flight sent, the client not yet answered), divided by their number; three repeats. The "
              "harness's own buffers are included in the total and shown apart.", "",
              "| configuration | handshakes held | bytes per handshake | of which harness buffers | "
              "added by the agent |", "|---|---|---|---|---|"]
    base = None
    for name, checks in runs.items():
        for c in checks:
            if c["check"] != "in-flight":
                continue
            m, lo, hi = spread(c["bytesPerHandshake"])
            if base is None:
                base = m
            added = "" if name == "no agent" else f"{m - base:+,.0f}"
            lines.append(f"| {name} | {c['handshakes']} | {m:,.0f} ({lo:,.0f}–{hi:,.0f}) | "
                         f"{c['harnessBytesPerHandshake']:,} | {added} |")
    return lines + [""]


def evidence_section(out):
    lines = ["## Evidence that the exporters exported", ""]
    received = []
    for line in (read(out, "sink.out") or "").splitlines():
        match = re.match(r"received (\S+) requests=(\d+) bytes=(\d+)(?: spans=(\d+))?", line)
        if match:
            path, requests, size = match.group(1), int(match.group(2)), int(match.group(3))
            spans = int(match.group(4) or 0)
            received.append(f"{path}: {requests:,} requests, {size / 1e6:,.1f} MB"
                            + (f", {spans:,} spans ({size / spans:,.0f} bytes each)" if spans else ""))
    lines.append("* OTLP sink, over the whole run: " + ("; ".join(received) if received else
                                                        "received nothing (or was not run)"))
    console = read(out, "jmh-agent-console-handshakes.log")
    if console is not None:
        ladders = console.count("TLS client handshake") + console.count("TLS server handshake")
        lines.append(f"* console: {ladders:,} handshake ladders printed")
    return lines + [""]


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
