#!/usr/bin/env bash
# What the TLSLens agent costs a JVM, measured with JMH on in-memory SunJSSE engine pairs (no sockets):
#
#   * HandshakeBenchmark        full handshakes (TLS 1.3 and 1.2, ECDSA P-256 and RSA 2048 certificates)
#                               and resumed ones, per second;
#   * ApplicationDataBenchmark  16 KiB records (throughput, also shown as MB/s) and 100-byte round trips
#                               (latency) on an established connection, where the agent should cost nothing.
#
# Each benchmark runs twice: in a JVM without the agent, then in one with -javaagent:agent/target/tlslens-agent.jar.
# The agent run sets OTEL_TRACES_EXPORTER=none (and none for metrics and logs): every handshake is recorded,
# decoded and turned into a span, which the OpenTelemetry SDK then drops. So the numbers are the cost of
# instrumentation, recording and span building. The cost of exporting spans (console ladder, OTLP to a
# collector) is not part of these numbers.
#
# Builds nothing: run `mvn -B -DskipTests install` at the repository root first.
# Usage: benchmarks/run-agent-overhead.sh [JMH arguments selecting benchmarks, e.g. -p protocol=TLSv1.3 'full']
#        JMH_SETTINGS='-f 1 -wi 1 -w 1s -i 1 -r 1s' benchmarks/run-agent-overhead.sh   (a quicker look)
# Results: benchmarks/target/overhead-without-agent.json and overhead-with-agent.json, then a table on stdout.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
benchmarks_jar="$root/benchmarks/target/benchmarks.jar"
agent_jar="$root/agent/target/tlslens-agent.jar"
out="$root/benchmarks/target"

for jar in "$benchmarks_jar" "$agent_jar"; do
  if [[ ! -f "$jar" ]]; then
    echo "missing $jar: run 'mvn -B -DskipTests install' in $root first" >&2
    exit 1
  fi
done

# Sized for a 2-core machine: one fork, short iterations; about three minutes per run. JMH refuses an option
# given twice, so other settings replace these rather than being added to the arguments.
read -r -a jmh_settings <<< "${JMH_SETTINGS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
selection=('io\.tlslens\.benchmarks\.(HandshakeBenchmark|ApplicationDataBenchmark)\.')
if [[ $# -gt 0 ]]; then
  selection=("$@")
fi

run() { # run NAME [JMH arguments...]
  local name="$1"
  shift
  echo "== $name" >&2
  java -jar "$benchmarks_jar" "${jmh_settings[@]}" -rf json -rff "$out/overhead-$name.json" "$@" "${selection[@]}"
}

# Unset in case the caller's environment configures an exporter: the baseline must not differ in anything
# but the agent, and the agent run must export nowhere.
unset OTEL_TRACES_EXPORTER OTEL_METRICS_EXPORTER OTEL_LOGS_EXPORTER \
  OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_TRACES_ENDPOINT JAVA_TOOL_OPTIONS
run without-agent
OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none \
  run with-agent -jvmArgsAppend "-javaagent:$agent_jar"

python3 "$root/benchmarks/overhead-table.py" "$out/overhead-without-agent.json" "$out/overhead-with-agent.json"
