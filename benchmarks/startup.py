#!/usr/bin/env python3
"""Start-up cost and footprint of the agent: on a hello-world JVM (io.tlslens.benchmarks.HelloWorld), and on one
that makes a single TLS handshake (io.tlslens.benchmarks.HelloTls), for what the first handshake pays.

usage: startup.py OUT.json RUNS CLASSPATH NAME=JVM_ARGS...   (JVM_ARGS split on spaces; empty for none)

Each configuration is launched RUNS times with each program, the configurations and programs taking turns so that
a change in the machine's load spreads over all of them, after one unrecorded launch of each (it fills the page
cache). Times are from just before this script starts the JVM, by the wall clock that the JVM reads too (the
program prints its own moments):
  * to_main_ms: HelloWorld, until main() is entered;
  * to_exit_ms: HelloWorld, until the JVM has exited (the agent's shutdown work included);
  * to_handshake_ms: HelloTls, until its one handshake is done: a TLS 1.3 handshake between two in-memory SunJSSE
    engines, with a P-256 key and self-signed certificate that keytool makes once, beforehand.
Then one launch per configuration of HelloWorld with the argument "footprint": live heap after GC, non-heap
memory, threads.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

STORE_PASSWORD = "changeit"


def launch(java_args, classpath, main_class, *program_args):
    started_us = time.time_ns() // 1000
    started = time.perf_counter()
    done = subprocess.run(["java", *java_args, "-cp", classpath, main_class, *program_args],
                          capture_output=True, text=True, check=True)
    exited_ms = (time.perf_counter() - started) * 1000
    fields = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    return {name[:-len("-us")]: (int(value) - started_us) / 1000 for name, value in fields.items()
            if name.endswith("-us")}, exited_ms, fields


def hello_world(java_args, classpath, *program_args):
    return launch(java_args, classpath, "io.tlslens.benchmarks.HelloWorld", *program_args)


def hello_tls(java_args, classpath, store):
    moments, _, _ = launch(java_args, classpath, "io.tlslens.benchmarks.HelloTls", store, STORE_PASSWORD)
    return moments["handshake-done"]


def make_store(directory):
    """A PKCS#12 store with a P-256 key and its self-signed certificate for "localhost", by the JDK's keytool."""
    store = os.path.join(directory, "hello-tls.p12")
    subprocess.run(["keytool", "-genkeypair", "-keystore", store, "-storetype", "PKCS12", "-storepass",
                    STORE_PASSWORD, "-alias", "hello", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-validity", "2"], capture_output=True, text=True, check=True)
    return store


def main(out_path, runs, classpath, configs):
    with tempfile.TemporaryDirectory() as directory:
        measure(out_path, runs, classpath, configs, make_store(directory))


def measure(out_path, runs, classpath, configs, store):
    results = {name: {"jvm_args": args, "to_main_ms": [], "to_exit_ms": [], "to_handshake_ms": []}
               for name, args in configs}
    for name, args in configs:
        hello_world(args, classpath)
        hello_tls(args, classpath, store)
    for _ in range(runs):
        for name, args in configs:
            moments, to_exit, _ = hello_world(args, classpath)
            results[name]["to_main_ms"].append(round(moments["main-entered"], 2))
            results[name]["to_exit_ms"].append(round(to_exit, 2))
            results[name]["to_handshake_ms"].append(round(hello_tls(args, classpath, store), 2))
    for name, args in configs:
        _, _, fields = hello_world(args, classpath, "footprint")
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
