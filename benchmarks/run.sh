#!/usr/bin/env bash
# The TLSLens benchmark suite in one command; writes benchmarks/RESULTS.md. Sized to finish within 15 minutes on
# a quiet 2-core machine; it prints its own estimate first, scaled by how long this machine takes to start a JVM
# with and without the agent (a loaded machine takes longer, and says so).
#
# JMH (benchmarks/target/benchmarks.jar), one fork per trial (a benchmark with one set of parameters):
#   HandshakeBenchmark.full       full handshakes/s: TLS 1.3 and 1.2, ECDSA P-256 and RSA 2048 certificates
#   HandshakeBenchmark.resumed    resumed handshakes/s: TLS 1.3 and 1.2
#   ApplicationDataBenchmark      16 KiB records (MB/s) and 100-byte round trips (µs) on an established connection
# each over in-memory SSLEngine pairs and over loopback sockets (transport=ENGINE,SOCKET), in five variants:
#   baseline         SunJSSE and Bouncy Castle's JSSE (provider=SunJSSE,BCJSSE), no agent
#   reference        the reference stack's JSSE provider named by the application (provider=TLSLens)
#   agent-otlp       SunJSSE with the agent exporting every span and metric over OTLP/HTTP to OtlpSink, a
#                    separate process on 127.0.0.1 that answers 200 and drops (the SDK's default intervals)
#   agent-console    SunJSSE with the agent printing its ladders; handshakes in memory only (a ladder costs the
#                    same whatever the transport, and application data passes no hook). JMH carries the forked
#                    JVM's stderr to its own log, jmh-agent-console-handshakes.log.
#   agent-reference  the agent with stack=reference: SSLContext.getInstance("TLS") gets the reference stack, and
#                    the agent exports its spans to OtlpSink; TLS 1.3 only (the swap costs the same whichever
#                    version runs, and the suite must fit its time)
# A variant whose stack this build lacks is skipped, and RESULTS.md says so. Handshakes warm up for 1 s, application
# data for 4 s (JMH_SETTINGS, JMH_DATA_SETTINGS; see below why). Then full and resumed TLS 1.3 handshakes again,
# SunJSSE over in-memory engines, without the agent and with agent-otlp, at steady state (8 s warm-up,
# JMH_STEADY_SETTINGS).
# Then, with and without the agent: start-up (a hello world launched STARTUP_RUNS times per configuration:
# launch -> main and launch -> exit; and as often a program that makes one in-memory TLS handshake: launch -> first
# handshake done), the hello world's footprint (live heap after GC, threads), and memory (live heap over 100,000
# handshakes; bytes per in-flight handshake), see MemoryCheck.
#
# Builds nothing when benchmarks/target/benchmarks.jar and agent/target/tlslens-agent.jar exist; otherwise runs
# `mvn -B -q -o -DskipTests package -pl benchmarks -am` (the modules the benchmarks need) first.
#
# Usage: benchmarks/run.sh
#        s='-f 1 -wi 0 -i 1 -r 1s' JMH_SETTINGS="$s" JMH_DATA_SETTINGS="$s" JMH_STEADY_SETTINGS="$s" STARTUP_RUNS=1 \
#          benchmarks/run.sh                                                           (smoke run: every row once)
# Output: benchmarks/RESULTS.md and the headline block of the README; raw results and logs in benchmarks/target/run/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
classes="$root/benchmarks/target/classes"
agent="$root/agent/target/tlslens-agent.jar"
out="$root/benchmarks/target/run"
started=$(date +%s)

if [[ ! -f "$jar" || ! -f "$agent" ]]; then
  echo "== building the benchmarks and the agent (mvn -o package)" >&2
  (cd "$root" && mvn -B -q -o -DskipTests package -pl benchmarks -am)
fi
rm -rf "$out"
mkdir -p "$out"

# The baseline must differ from the agent runs in nothing but the agent, whatever the caller's environment says.
unset OTEL_TRACES_EXPORTER OTEL_METRICS_EXPORTER OTEL_LOGS_EXPORTER OTEL_EXPORTER_OTLP_ENDPOINT \
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT OTEL_EXPORTER_OTLP_METRICS_ENDPOINT OTEL_EXPORTER_OTLP_PROTOCOL \
  OTEL_SERVICE_NAME JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS TLSLENS_STACK TLSLENS_CONSOLE

# One warm-up and three measured one-second iterations per trial: three measurements give a median and a spread,
# and the whole suite fits the time (forking, the PKI and the agent's start take longer than measuring). JMH
# refuses an option given twice, so JMH_SETTINGS replaces these.
read -r -a jmh_settings <<< "${JMH_SETTINGS:--f 1 -wi 1 -w 1s -i 3 -r 1s}"
# Application data warms up for 4 s: a round trip takes microseconds, so the measurement only means something once
# C2 has compiled the data path, which took about 4 s from the fork's start without the agent and 5.5 s with it
# (the agent's own code adds about 1,700 compilations; -XX:+PrintCompilation), so a 1-s warm-up measured the agent
# rows partly interpreted. Handshakes are milliseconds of EC arithmetic, compiled within the first second.
read -r -a data_settings <<< "${JMH_DATA_SETTINGS:--f 1 -wi 2 -w 2s -i 3 -r 1s}"
# And a few handshake rows again at steady state, with and without the agent: the 1-s warm-up above leaves the agent
# rows paying for compiling the agent's own code (its C2 work per handshake was 2-3x the no-agent JVM's in the
# first seconds), which a service pays once, not per handshake.
read -r -a steady_settings <<< "${JMH_STEADY_SETTINGS:--f 1 -wi 4 -w 2s -i 3 -r 1s}"
startup_runs="${STARTUP_RUNS:-7}"

java -version 2> "$out/jdk.txt"
date -u '+%Y-%m-%d %H:%M UTC' > "$out/date.txt"
cut -d' ' -f1-3 /proc/loadavg > "$out/loadavg-before.txt"
echo "handshakes \`${jmh_settings[*]}\`, application data \`${data_settings[*]}\`" > "$out/settings.txt"
echo "\`${steady_settings[*]}\`" > "$out/steady-settings.txt"

# What this build can measure: the reference stack named directly, and swapped in by the agent. Timed, as
# they are the cost of starting a JVM without and with the agent, which the estimate below scales with.
millis() { date +%s%3N; }
t0=$(millis)
java -cp "$jar" io.tlslens.benchmarks.ProviderProbe > "$out/probe-direct.txt"
t1=$(millis)
java -javaagent:"$agent"=stack=reference -cp "$jar" io.tlslens.benchmarks.ProviderProbe \
  > "$out/probe-agent-reference.txt" 2> "$out/probe-agent-reference.err"
t2=$(millis)
jvm_ms=$((t1 - t0))
agent_ms=$((t2 - t1))
echo "probe without the agent ${jvm_ms} ms, with it ${agent_ms} ms" > "$out/probe-times.txt"
reference=$(grep -q 'reference-provider available' "$out/probe-direct.txt" && echo yes || echo no)
swap=$(grep -q 'default-provider TLSLens' "$out/probe-agent-reference.txt" && echo yes || echo no)

# Trials: full handshakes have transport x provider x protocol x key type (2 x P x V x 2), resumed handshakes
# transport x provider x protocol (2 x P x V); bulk and round trip transport x provider x protocol each (2 x 2 x P x V).
plain_trials=$((2 * 2 * 2 * (2 + 1)))                                 # baseline handshakes
plain_data_trials=$((2 * 2 * 2 * 2))                                  # baseline application data
[[ $reference == yes ]] && plain_trials=$((plain_trials + 2 * 1 * 2 * (2 + 1))) \
  && plain_data_trials=$((plain_data_trials + 2 * 1 * 2 * 2))
agent_trials=$((2 * 1 * 2 * (2 + 1) + 1 * 1 * 2 * (2 + 1)))           # agent-otlp, agent-console handshakes
agent_data_trials=$((2 * 1 * 2 * 2))                                  # agent-otlp application data
[[ $swap == yes ]] && agent_trials=$((agent_trials + 2 * 1 * 1 * (2 + 1))) \
  && agent_data_trials=$((agent_data_trials + 2 * 1 * 1 * 2))
measured_seconds() { # per trial, from the settings named by $1: warm-up and measurement
  local warmups=0 warmup=10 iterations=1 iteration=10
  local -n settings="$1"
  local -a s=("${settings[@]}")
  for ((i = 0; i < ${#s[@]} - 1; i++)); do
    case "${s[i]}" in
      -wi) warmups="${s[i + 1]}" ;;
      -w) warmup="${s[i + 1]%s}" ;;
      -i) iterations="${s[i + 1]}" ;;
      -r) iteration="${s[i + 1]%s}" ;;
    esac
  done
  echo $((warmups * warmup + iterations * iteration))
}
# Besides measuring, a trial forks a JVM (with the agent: its start and its final flush), makes the PKI, checks
# its handshake kind and exits: about three probes' time, as measured on a loaded 2-core machine. Start-up
# launches cost about a probe each (two programs, each launched once more unrecorded, and the hello world once more
# for its footprint); the memory checks (four JVMs) about 60 probes.
plain_trial_ms=$(($(measured_seconds jmh_settings) * 1000 + 3 * jvm_ms))
agent_trial_ms=$(($(measured_seconds jmh_settings) * 1000 + 3 * agent_ms))
plain_data_trial_ms=$(($(measured_seconds data_settings) * 1000 + 3 * jvm_ms))
agent_data_trial_ms=$(($(measured_seconds data_settings) * 1000 + 3 * agent_ms))
steady_ms=$((4 * ($(measured_seconds steady_settings) * 1000 + 3 * agent_ms)))  # 2 benchmarks x 2 variants
fixed_ms=$(((2 * startup_runs + 3) * (jvm_ms + 2 * agent_ms) + 60 * (jvm_ms + agent_ms) + steady_ms))
trials_ms=$((plain_trials * plain_trial_ms + agent_trials * agent_trial_ms \
  + plain_data_trials * plain_data_trial_ms + agent_data_trials * agent_data_trial_ms))
estimate=$(((trials_ms + fixed_ms) / 1000))
all_trials=$((plain_trials + agent_trials + plain_data_trials + agent_data_trials))
echo "== $all_trials JMH trials (~$((trials_ms / 1000)) s), start-up and memory ~$((fixed_ms / 1000)) s:" \
  "about $((estimate / 60)) min $((estimate % 60)) s (reference stack: direct $reference, swapped in by the" \
  "agent $swap)" >&2
if ((estimate > 15 * 60)); then
  echo "   more than 15 min: this machine starts JVMs slowly (load average $(cut -d' ' -f1 /proc/loadavg));" \
    "the results will be noisy too" >&2
fi

java -cp "$classes" io.tlslens.benchmarks.OtlpSink > "$out/sink.out" 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  [[ -s "$out/sink.out" ]] && break
  sleep 0.2
done
endpoint="$(head -1 "$out/sink.out")"

handshakes='io\.tlslens\.benchmarks\.HandshakeBenchmark\.'
data='io\.tlslens\.benchmarks\.ApplicationDataBenchmark\.'
jmh() { # jmh VARIANT PART [JMH arguments...], PART handshakes, data or steady (the handshakes at steady state):
        # a failed trial is reported in RESULTS.md, it does not stop the run
  local variant="$1" part="$2"
  shift 2
  local -a settings=("${jmh_settings[@]}") benchmarks="$handshakes"
  if [[ $part == data ]]; then
    settings=("${data_settings[@]}")
    benchmarks="$data"
  elif [[ $part == steady ]]; then
    settings=("${steady_settings[@]}")
  fi
  echo "== $variant, $part ($(date -u +%H:%M:%S))" >&2
  java -jar "$jar" "${settings[@]}" -to 60s -rf json -rff "$out/jmh-$variant-$part.json" "$@" "$benchmarks" \
    > "$out/jmh-$variant-$part.log" 2>&1 || echo "   JMH exited with $?: see $out/jmh-$variant-$part.log" >&2
}
otlp() { # runs a command with the agent's exporter pointed at the sink
  OTEL_EXPORTER_OTLP_ENDPOINT="$endpoint" OTEL_SERVICE_NAME=tlslens-benchmarks "$@"
}

for part in handshakes data; do
  jmh baseline $part -p provider=SunJSSE,BCJSSE
  if [[ $reference == yes ]]; then
    jmh reference $part -p provider=TLSLens
  fi
  otlp jmh agent-otlp $part -p provider=SunJSSE -jvmArgsAppend "-javaagent:$agent"
  if [[ $swap == yes ]]; then
    otlp jmh agent-reference $part -p provider=SunJSSE -p protocol=TLSv1.3 -jvmArgsAppend "-javaagent:$agent=stack=reference"
  fi
done
jmh agent-console handshakes -p provider=SunJSSE -p transport=ENGINE -jvmArgsAppend "-javaagent:$agent"
steady=(-p provider=SunJSSE -p transport=ENGINE -p protocol=TLSv1.3 -p keyType=EC_P256)
jmh baseline steady "${steady[@]}"
otlp jmh agent-otlp steady "${steady[@]}" -jvmArgsAppend "-javaagent:$agent"

echo "== start-up and footprint ($(date -u +%H:%M:%S))" >&2
python3 "$root/benchmarks/startup.py" "$out/startup.json" "$startup_runs" "$classes" \
  "none=" "agent-console=-javaagent:$agent" \
  "agent-otlp=-javaagent:$agent -Dotel.exporter.otlp.endpoint=$endpoint -Dotel.service.name=tlslens-benchmarks"

echo "== memory ($(date -u +%H:%M:%S))" >&2
for check in soak in-flight; do
  java -Xmx1g -cp "$jar" io.tlslens.benchmarks.MemoryCheck "$check" >> "$out/memory-none.jsonl"
  otlp java -Xmx1g -javaagent:"$agent" -cp "$jar" io.tlslens.benchmarks.MemoryCheck "$check" \
    >> "$out/memory-agent.jsonl" 2>> "$out/memory-agent.err"
done

kill "$sink"
wait "$sink" || true
cut -d' ' -f1-3 /proc/loadavg > "$out/loadavg-after.txt"
elapsed=$(($(date +%s) - started))
echo "$((elapsed / 60)) min $((elapsed % 60)) s (estimated $((estimate / 60)) min $((estimate % 60)) s)" \
  > "$out/elapsed.txt"
python3 "$root/benchmarks/results.py" "$out" "$root/benchmarks/RESULTS.md" "$root/README.md"
echo "== done in $(cat "$out/elapsed.txt"): $root/benchmarks/RESULTS.md" >&2
