#!/usr/bin/env bash
# The comparison benchmark (issue 11, DESIGN.md "Performance"): Slotraft next to redis-server, in one
# run on one machine, reported as ratios. Systems, each started here on free ports with its own temp
# dir and stopped before the next one starts (so they never compete with each other):
#   redis-server without persistence (--save '' --appendonly no): the speed of the protocol;
#   redis-server with --appendonly yes --appendfsync always: the fair baseline, since Slotraft fsyncs
#     its Raft log before it acknowledges a write;
#   three Slotraft nodes with 1 shard, then three with 12 shards (each node leads 4): more shards
#     must not cost throughput.
# Cases, the same redis-benchmark options for every system (-d 16, keys as redis-benchmark makes them):
#   SET and GET at -c 50 -P 1 and at -c 50 -P 16 (ops/s); SET at -c 1 (ops/s and p50, with N/5
#   requests: one request at a time, a full N would take minutes per system); SET at -c 10 (p99, max). 12 shards are driven with redis-benchmark --cluster, 1 shard
#   through its leader's port (the leader is checked again afterwards: had it moved, MOVED replies
#   would have been counted as requests served). Then the Java smart client, 64 requests in flight,
#   SET only and GET only, against each Slotraft cluster.
# Per case it reads the servers' CPU time (utime + stime in /proc/PID/stat; the three node JVMs
# summed) before and after, and prints CPU seconds per 100k operations: throughput alone hides a
# system that buys it with both cores. Fsyncs per second per node are counted with strace during an
# extra SET -c 50 -P 1 run whose throughput is not reported (ptrace slows the traced process).
# Threads and RSS per server process are read idle, after start and again after the cases.
# The node JVMs get an unmeasured pass of the -c 50 cases first, so they are measured JIT-compiled.
# Prints one markdown table; asserts nothing about the figures, but exits non-zero if a system did not
# start or a case produced no figure (so the --short mode in CI keeps every step working).
# Everything it starts is killed by pid and its temp dir removed on exit, also on failure or Ctrl-C.
# Usage: tests/bench/compare.sh [--requests N] [--short]
#   --requests N   requests per redis-benchmark case (default 100000)
#   --short        CI mode: 2,000 requests per case, a tiny warm-up, the smart client for 2 s
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$REPO/tests/bench/bench-common.sh"

REQUESTS=100000
SHORT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) [ $# -ge 2 ] || { echo "--requests needs a value" >&2; exit 2; }; REQUESTS="$2"; shift 2 ;;
    --short) SHORT=1; shift ;;
    *) echo "usage: $0 [--requests N] [--short]" >&2; exit 2 ;;
  esac
done
if [ "$SHORT" = 1 ]; then
  REQUESTS=2000; WARMUP_REQUESTS=1000; SMART_WARMUP=1; SMART_SECONDS=2; FSYNC_REQUESTS=1000
else
  WARMUP_REQUESTS="$REQUESTS"; SMART_WARMUP=20; SMART_SECONDS=15; FSYNC_REQUESTS=$((REQUESTS / 10))
fi

SYSTEMS=(redis always one twelve)
declare -A TITLE=([redis]="redis-server" [always]="redis-server appendfsync always"
                  [one]="Slotraft 1 shard" [twelve]="Slotraft 12 shards")
declare -A FIG=()      # "system/figure" -> value; a missing figure is what fails the run
SERVER_PIDS=()         # the measured system's server processes (redis-server, or the three nodes)
CHILD_PID=""           # the benchmark tool running now (redis-benchmark, the smart client)
STRACE_PIDS=()         # strace processes counting fsyncs now
REDIS_PID=""
TARGET=()              # redis-benchmark's options that pick the measured system (port, --cluster)
BASE=""                # the Slotraft cluster's port base (see free_base)
TICKS_PER_SECOND="$(getconf CLK_TCK)"
WORK="$(mktemp -d /tmp/slotraft-compare.XXXXXX)"

cleanup() {
  if [ -n "$CHILD_PID" ]; then kill "$CHILD_PID" 2>/dev/null || true; wait "$CHILD_PID" 2>/dev/null || true; fi
  stop_straces
  stop_redis
  stop_nodes
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a tool in the background and waits for it, so that a signal to this script interrupts the
# wait at once (a foreground child would delay the trap until it ends) and cleanup can kill it.
run_child() {
  "$@" &
  CHILD_PID=$!
  local status=0
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  return "$status"
}

install_tools() {
  install_redis_if_missing
  command -v strace >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null; } ||
    echo "strace could not be installed: fsyncs will not be counted" >&2
}

# --- Servers ------------------------------------------------------------------------------------

start_redis_server() { # system redis-server-options...: sets REDIS_PID, SERVER_PIDS and the target port
  local port dir="$WORK/$1"; shift
  port="$(free_port 16400 16999)"
  mkdir -p "$dir"
  start_redis "$port" "$dir" "$@"
  SERVER_PIDS=("$REDIS_PID")
  TARGET=(-p "$port")
}

stop_redis() {
  [ -n "$REDIS_PID" ] || return 0
  kill "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
}

start_slotraft() { # system shards: sets SERVER_PIDS, BASE and the target (the leader for 1 shard)
  local system="$1" shards="$2"
  BASE="$(free_base)"
  echo "${TITLE[$system]}: starting three nodes on ports $((BASE + 1))-$((BASE + 303)) ..." >&2
  start_nodes "$WORK/$system" "$shards" "$BASE"
  SERVER_PIDS=("${NODE_PIDS[@]}")
  if [ "$shards" -eq 1 ]; then
    TARGET=(-p "$(leader_port "$BASE")")
  else
    TARGET=(-p $((BASE + 1)) --cluster)
  fi
}

# --- Measurements -------------------------------------------------------------------------------

cpu_ticks() { # the server processes' user + system CPU time, in clock ticks
  local pid stat fields total=0
  for pid in "${SERVER_PIDS[@]}"; do
    stat="$(cat "/proc/$pid/stat")"
    read -r -a fields <<<"${stat##*) }" # after the command name: state is field 3, utime 14, stime 15
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# Threads and RSS (MB) of each server process, "a / b / c" for the three nodes. PHASE names the moment.
record_idle_footprint() { # system phase
  local pid threads=() rss=()
  sleep 2
  for pid in "${SERVER_PIDS[@]}"; do
    threads+=("$(ls "/proc/$pid/task" | wc -l)")
    rss+=("$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")")
  done
  FIG[$1/threads.$2]="$(join_by ' / ' "${threads[@]}")"
  FIG[$1/rss.$2]="$(join_by ' / ' "${rss[@]}")"
}

join_by() { local separator="$1" first="$2"; shift 2; printf '%s' "$first" "${@/#/$separator}"; }

# One redis-benchmark case against the current target. Records rps, p50, p99, max (ms) and CPU
# seconds per 100k operations under system/case. redis-benchmark counts error replies as answered
# requests, so its whole output is kept and searched for errors at the end.
bench_case() { # system case redis-benchmark-options...
  local system="$1" case="$2" out="$WORK/out/$1.$2.csv" before after line; shift 2
  mkdir -p "$WORK/out"
  before="$(cpu_ticks)"
  run_child redis-benchmark -h 127.0.0.1 "${TARGET[@]}" -d 16 --csv "$@" >"$out" 2>&1 || true
  after="$(cpu_ticks)"
  line="$(grep -E '^"(SET|GET)' "$out" | tail -n 1 | tr -d '"')" || true
  [ -n "$line" ] || { echo "${TITLE[$system]} $case: no figure from redis-benchmark; its output:" >&2; cat "$out" >&2; return 0; }
  local rps p50 p99 max requests # the columns: test, rps, avg, min, p50, p95, p99, max (ms)
  IFS=, read -r _ rps _ _ p50 _ p99 max <<<"$line"
  requests="$(option_value -n "$@")"
  FIG[$system/$case]="$rps"
  FIG[$system/$case.p50]="$p50"
  FIG[$system/$case.p99]="$p99"
  FIG[$system/$case.max]="$max"
  FIG[$system/$case.cpu]="$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" \
    'BEGIN {printf "%.2f", t / hz * 100000 / n}')"
}

option_value() { # option args...: the value following OPTION in ARGS
  local option="$1"; shift
  while [ $# -gt 1 ]; do [ "$1" = "$option" ] && { echo "$2"; return 0; }; shift; done
}

run_cases() { # system
  bench_case "$1" set1 -t set -n "$REQUESTS" -c 50 -P 1
  bench_case "$1" get1 -t get -n "$REQUESTS" -c 50 -P 1
  bench_case "$1" set16 -t set -n "$REQUESTS" -c 50 -P 16
  bench_case "$1" get16 -t get -n "$REQUESTS" -c 50 -P 16
  bench_case "$1" setc1 -t set -n $((REQUESTS / 5)) -c 1 -P 1
  bench_case "$1" setc10 -t set -n "$REQUESTS" -c 10 -P 1
}

warm_up() { # system: the -c 50 cases once, unmeasured, so the JIT has compiled the paths they take
  echo "${TITLE[$1]}: warm-up pass ($WARMUP_REQUESTS requests per case) ..." >&2
  local test pipeline
  for pipeline in 1 16; do
    for test in set get; do
      run_child redis-benchmark -h 127.0.0.1 "${TARGET[@]}" -d 16 -q -t "$test" -n "$WARMUP_REQUESTS" -c 50 \
        -P "$pipeline" >>"$WORK/warm-up.log" 2>&1 || true
    done
  done
}

# Fsyncs per second of each server process during a SET -c 50 -P 1 run of FSYNC_REQUESTS requests:
# strace -c attached to every process (all threads) for the whole run. The run's throughput is not
# reported (ptrace stops every thread at every system call).
count_fsyncs() { # system
  local system="$1" pid i=0 start_ns end_ns rates=() calls
  if ! command -v strace >/dev/null; then FIG[$system/fsyncs]="n/a (no strace)"; return 0; fi
  for pid in "${SERVER_PIDS[@]}"; do
    strace -f -c -e trace=fdatasync,fsync -p "$pid" 2>"$WORK/strace.$system.$i" &
    STRACE_PIDS+=($!)
    i=$((i + 1))
  done
  sleep 2 # attaching to every thread of a JVM takes a moment
  start_ns="$(date +%s%N)"
  run_child redis-benchmark -h 127.0.0.1 "${TARGET[@]}" -d 16 -q -t set -n "$FSYNC_REQUESTS" -c 50 -P 1 \
    >>"$WORK/fsync-run.log" 2>&1 || true
  end_ns="$(date +%s%N)"
  stop_straces
  for i in $(seq 0 $((${#SERVER_PIDS[@]} - 1))); do
    if ! grep -q 'attached' "$WORK/strace.$system.$i"; then
      FIG[$system/fsyncs]="n/a (strace could not attach: $(head -n 1 "$WORK/strace.$system.$i"))"
      return 0
    fi
    # strace prints no table at all when no traced call was made.
    calls="$(awk '$NF == "total" {print $4}' "$WORK/strace.$system.$i")"
    rates+=("$(awk -v c="${calls:-0}" -v ns=$((end_ns - start_ns)) 'BEGIN {printf "%.0f", c / (ns / 1e9)}')")
  done
  FIG[$system/fsyncs]="$(join_by ' / ' "${rates[@]}")"
}

stop_straces() { # SIGINT: strace detaches from every thread and prints its table
  local pid
  for pid in "${STRACE_PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${STRACE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STRACE_PIDS=()
}

# The Java smart client, 64 in flight, SET only (--reads 0) or GET only (--reads 100), against the
# current Slotraft cluster's gRPC ports. Runs SET first, so GET reads keys that exist.
smart_case() { # system case reads-percent
  local out="$WORK/out/$1.$2.txt" ops
  run_child java -Dslotraft.repo="$REPO" -cp "$BENCH_CP" io.slotraft.tests.bench.SmartClientBenchmark \
    --inflight 64 --warmup "$SMART_WARMUP" --seconds "$SMART_SECONDS" --reads "$3" \
    "127.0.0.1:$((BASE + 101))" "127.0.0.1:$((BASE + 102))" "127.0.0.1:$((BASE + 103))" >"$out" 2>&1 || true
  ops="$(sed -n 's/.* = \([0-9,]*\) ops\/s.*/\1/p' "$out" | tr -d ,)"
  if [ -z "$ops" ]; then
    echo "${TITLE[$1]} $2: no figure from the smart client; its output:" >&2; tail -n 20 "$out" >&2
    return 0
  fi
  FIG[$1/$2]="$ops"
  grep -h 'requests failed' "$out" >>"$WORK/smart-failures" || true
}

measure_redis() { # system redis-server-options...
  local system="$1"; shift
  echo "${TITLE[$system]}: measuring ..." >&2
  start_redis_server "$system" "$@"
  record_idle_footprint "$system" start
  run_cases "$system"
  count_fsyncs "$system"
  record_idle_footprint "$system" after
  stop_redis
}

measure_slotraft() { # system shards
  local system="$1" leader
  start_slotraft "$system" "$2"
  record_idle_footprint "$system" start
  warm_up "$system"
  echo "${TITLE[$system]}: measuring ..." >&2
  run_cases "$system"
  if [ "$2" -eq 1 ]; then
    leader="$(leader_port "$BASE")"
    [ "-p $leader" = "${TARGET[*]}" ] ||
      { echo "${TITLE[$system]}: the leader moved during the cases (now '${leader}'); its figures are not valid" >&2; exit 1; }
  fi
  echo "${TITLE[$system]}: smart client, 64 in flight ..." >&2
  smart_case "$system" smart_set 0
  smart_case "$system" smart_get 100
  count_fsyncs "$system"
  record_idle_footprint "$system" after
  stop_nodes
}

# --- The table ----------------------------------------------------------------------------------

with_commas() { awk -v x="$1" 'BEGIN {s = sprintf("%.0f", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s}'; }
ratio() { # a b: a/b, two significant digits below 0.1 so that small ratios do not read 0.00
  awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b <= 0) printf "-"; else if (a / b < 0.1) printf "%.3fx", a / b; else printf "%.2fx", a / b}'
}

# A throughput cell: ops/s, then ratios to the baselines that the issue's targets name.
ops_cell() { # system case
  local value="${FIG[$1/$2]:-}" notes=()
  [ -n "$value" ] || { printf 'no figure'; return; }
  case "$1/$2" in
    */smart_*) [ "$1" = twelve ] && notes+=("$(ratio "$value" "${FIG[one/$2]:-}") 1 shard") ;;
    always/*) [[ "$2" == get* ]] && notes+=("$(ratio "$value" "${FIG[redis/$2]:-}") redis") ;;
    one/*|twelve/*)
      notes+=("$(ratio "$value" "${FIG[always/$2]:-}") always")
      [[ "$2" == get* ]] && notes+=("$(ratio "$value" "${FIG[redis/$2]:-}") redis")
      [ "$1" = twelve ] && notes+=("$(ratio "$value" "${FIG[one/$2]:-}") 1 shard") ;;
  esac
  printf '%s' "$(with_commas "$value")"
  [ ${#notes[@]} -eq 0 ] || printf ' (%s)' "$(join_by ', ' "${notes[@]}")"
}

latency_cell() { # system figure
  local value="${FIG[$1/$2]:-}"
  [ -n "$value" ] || { printf 'no figure'; return; }
  printf '%s ms' "$value"
  case "$1" in one|twelve) printf ' (%s always)' "$(ratio "$value" "${FIG[always/$2]:-}")" ;; esac
}

plain_cell() { printf '%s' "${FIG[$1/$2]:-no figure}"; } # system figure

row() { # label cell-function figure [systems]: one table row; other systems get "-"
  local label="$1" cell="$2" figure="$3" systems="${4:-${SYSTEMS[*]}}" system
  printf '| %s |' "$label"
  for system in "${SYSTEMS[@]}"; do
    if [[ " $systems " == *" $system "* ]]; then printf ' %s |' "$("$cell" "$system" "$figure")"; else printf ' - |'; fi
  done
  printf '\n'
}

print_table() {
  local case
  printf '\n## Slotraft next to redis-server (%s; %s cores, %s; redis-server %s; load average at the end %s)\n\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
    "$(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
  printf 'redis-benchmark -d 16, %s requests per case (SET -c 1: %s).\n\n' "$(with_commas "$REQUESTS")" "$(with_commas $((REQUESTS / 5)))"
  printf '| case | %s |\n|---|---|---|---|---|\n' "$(join_by ' | ' "${TITLE[redis]}" "${TITLE[always]}" "${TITLE[one]}" "${TITLE[twelve]}")"
  row "SET -c 50 -P 1, ops/s" ops_cell set1
  row "GET -c 50 -P 1, ops/s" ops_cell get1
  row "SET -c 50 -P 16, ops/s" ops_cell set16
  row "GET -c 50 -P 16, ops/s" ops_cell get16
  row "SET -c 1, ops/s" ops_cell setc1
  row "SET -c 1, p50" latency_cell setc1.p50
  row "SET -c 10, p99" latency_cell setc10.p99
  row "SET -c 10, max" latency_cell setc10.max
  row "smart client SET, 64 in flight, ops/s" ops_cell smart_set "one twelve"
  row "smart client GET, 64 in flight, ops/s" ops_cell smart_get "one twelve"
  for case in set1 get1 set16 get16 setc1 setc10; do
    row "CPU s per 100k ops, $(case_label "$case")" plain_cell "$case.cpu"
  done
  row "fsyncs/s per process (strace, SET -c 50 -P 1)" plain_cell fsyncs
  row "threads per process, idle after start" plain_cell threads.start
  row "RSS MB per process, idle after start" plain_cell rss.start
  row "threads per process, idle after the cases" plain_cell threads.after
  row "RSS MB per process, idle after the cases" plain_cell rss.after
  printf '\nRatios: "always" is redis-server with appendfsync always, "redis" without persistence. Slotraft'
  printf ' CPU, threads, RSS and fsyncs are of its three node JVMs (CPU summed, the others per node). Smart'
  printf ' client: %s s after a %s s warm-up in the same JVM.\n' "$SMART_SECONDS" "$SMART_WARMUP"
}

case_label() {
  case "$1" in
    set1) echo "SET -c 50 -P 1" ;; get1) echo "GET -c 50 -P 1" ;; set16) echo "SET -c 50 -P 16" ;;
    get16) echo "GET -c 50 -P 16" ;; setc1) echo "SET -c 1" ;; setc10) echo "SET -c 10" ;;
  esac
}

# Every figure must exist: a case without one means a step broke (what --short in CI is there for).
check_figures() {
  local system figure missing=()
  for system in "${SYSTEMS[@]}"; do
    for figure in set1 get1 set16 get16 setc1 setc10 setc1.p50 setc10.p99 setc10.max fsyncs threads.start rss.after; do
      [ -n "${FIG[$system/$figure]:-}" ] || missing+=("${TITLE[$system]}: $figure")
    done
  done
  for system in one twelve; do
    for figure in smart_set smart_get; do
      [ -n "${FIG[$system/$figure]:-}" ] || missing+=("${TITLE[$system]}: $figure")
    done
  done
  if grep -qi 'error' "$WORK"/out/*.csv 2>/dev/null; then
    echo "WARNING: redis-benchmark saw error replies (counted in its figures as answered); the first:"
    grep -hi -m 3 'error' "$WORK"/out/*.csv | head -n 5
  fi
  [ ! -s "$WORK/smart-failures" ] || { echo "WARNING: the smart client saw failed requests:"; cat "$WORK/smart-failures"; }
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'FAILED: no figure for %s\n' "${missing[@]}" >&2
    exit 1
  fi
}

main() {
  install_tools
  echo "Building (node jar, client, benchmark classes) ..." >&2
  build_bench_classpath "$WORK/classpath"
  measure_redis redis
  measure_redis always --appendonly yes --appendfsync always
  measure_slotraft one 1
  measure_slotraft twelve 12
  print_table
  check_figures
}

main
