#!/usr/bin/env python3
"""Start-up cost and footprint of the agent on a hello-world JVM (io.tlslens.benchmarks.HelloWorld).

usage: startup.py OUT.json RUNS CLASSPATH NAME=JVM_ARGS...   (JVM_ARGS split on spaces; empty for none)

Each configuration is launched RUNS times, the configurations taking turns so that a change in the machine's
load spreads over all of them, after one unrecorded launch each (it fills the page cache). A launch records:
  * to_main_ms: from just before this script starts the JVM to the moment main() is entered, by the wall clock
    that both read (main prints it);
  * to_exit_ms: from the same start until the JVM has exited (the agent's shutdown work included).
Then one launch per configuration with the argument "footprint": live heap after GC, non-heap memory, threads.
"""
import json
import subprocess
import sys
import time


def launch(java_args, classpath, *program_args):
    started_us = time.time_ns() // 1000
    started = time.perf_counter()
    done = subprocess.run(["java", *java_args, "-cp", classpath, "io.tlslens.benchmarks.HelloWorld", *program_args],
                          capture_output=True, text=True, check=True)
    exited_ms = (time.perf_counter() - started) * 1000
    fields = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    entered_us = int(fields["main-entered-us"])
    return (entered_us - started_us) / 1000, exited_ms, fields


def main(out_path, runs, classpath, configs):
    results = {name: {"jvm_args": args, "to_main_ms": [], "to_exit_ms": []} for name, args in configs}
    for name, args in configs:
        launch(args, classpath)
    for _ in range(runs):
        for name, args in configs:
            to_main, to_exit, _ = launch(args, classpath)
            results[name]["to_main_ms"].append(round(to_main, 2))
            results[name]["to_exit_ms"].append(round(to_exit, 2))
    for name, args in configs:
        _, _, fields = launch(args, classpath, "footprint")
        results[name]["footprint"] = {
            "live_heap_bytes": int(fields["live-heap-bytes"]),
            "non_heap_bytes": int(fields["non-heap-bytes"]),
            "threads": int(fields["threads"]),
            "thread_names": fields["thread-names"].split(","),
        }
    with open(out_path, "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    parsed = []
    for config in sys.argv[4:]:
        name, _, args = config.partition("=")
        parsed.append((name, args.split()))
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], parsed)
