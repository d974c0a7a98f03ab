#!/usr/bin/env bash
# Order load, same machine, same load: first the bare baseline (Spring MVC + Axon CommandGateway +
# event-sourced aggregate on JdbcEventStorageEngine over an H2 file), then the engine
# (app/target/pantrade.jar on a fresh data directory). Prints both result blocks and engine/bare.
#
#   bench/run-order-load.sh                        # ORDERS=50000 CLIENTS=16
#   ORDERS=20000 CLIENTS=8 bench/run-order-load.sh
#
# Environment: ORDERS, CLIENTS, CUSTOMERS (1000), WARMUP (5000), TRANSPORT (socket|http),
# BUILD=1 to force `mvn install`, THREAD_DUMPS=N to take N engine thread dumps during its load,
# SKIP_BARE=1 / SKIP_ENGINE=1, ENGINE_ARGS="--pantrade.h2.fsync=false ..." for engine options,
# ENGINE_JAVA_OPTS="-XX:MaxGCPauseMillis=10" for its JVM. Logs, outputs and dumps go to bench/target/order-load-<time>/.
# After each load it prints the server's CPU by thread (warm-up, load and read-model polling
# together) and the size of its data directory.
# Traffic goes to 127.0.0.1 only; every process started here is stopped on exit.
set -euo pipefail

ORDERS=${ORDERS:-50000}
CLIENTS=${CLIENTS:-16}
CUSTOMERS=${CUSTOMERS:-1000}
WARMUP=${WARMUP:-5000}
TRANSPORT=${TRANSPORT:-socket}
THREAD_DUMPS=${THREAD_DUMPS:-0}
LOAD_MAX_SECONDS=${LOAD_MAX_SECONDS:-600}
START_TIMEOUT_SECONDS=120

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_JAR=$ROOT/bench/target/pantrade-bench.jar
ENGINE_JAR=$ROOT/app/target/pantrade.jar
OUT=$ROOT/bench/target/order-load-$(date +%Y%m%d-%H%M%S)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pantrade-load.XXXXXX")
SERVER_PID=
DUMPER_PID=

cleanup() {
  [[ -n $DUMPER_PID ]] && kill "$DUMPER_PID" 2>/dev/null || true
  [[ -n $SERVER_PID ]] && stop_server || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[order-load] $*" >&2; }

build_if_needed() {
  if [[ ${BUILD:-0} == 1 || ! -f $ENGINE_JAR || ! -f $BENCH_JAR ]]; then
    log "building: mvn -B -q -DskipTests install"
    (cd "$ROOT" && timeout 1200 mvn -B -q -DskipTests install)
  elif [[ -n $(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
    log "bench sources changed: rebuilding bench"
    (cd "$ROOT" && timeout 600 mvn -B -q -DskipTests -pl bench -am install)
  fi
}

free_port() { java -jar "$WORK/bench.jar" free-port; }

# start_server NAME READY_PATTERN COMMAND... : starts it in the background, waits until its log shows READY_PATTERN
start_server() {
  local name=$1 ready=$2
  shift 2
  "$@" >"$OUT/$name-server.log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until grep -q "$ready" "$OUT/$name-server.log"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name exited before it was ready:"; tail -40 "$OUT/$name-server.log" >&2; SERVER_PID=; exit 1
    fi
    if (( waited >= START_TIMEOUT_SECONDS * 2 )); then
      log "$name not ready within ${START_TIMEOUT_SECONDS}s"; tail -40 "$OUT/$name-server.log" >&2; exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  log "$name is up (pid $SERVER_PID)"
}

stop_server() {
  local pid=$SERVER_PID
  SERVER_PID=
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# run_load NAME PORT PATH : the load generator against 127.0.0.1:PORT, its block saved to $OUT/NAME.txt
run_load() {
  local name=$1 port=$2 path=$3
  timeout $((LOAD_MAX_SECONDS + 300)) java -Xmx1g -jar "$WORK/bench.jar" load \
    --label "$name" --url "http://127.0.0.1:$port" --path "$path" \
    --orders "$ORDERS" --clients "$CLIENTS" --customers "$CUSTOMERS" --warmup "$WARMUP" \
    --transport "$TRANSPORT" --max-seconds "$LOAD_MAX_SECONDS" | tee "$OUT/$name.txt"
}

thread_dumps() {
  local pid=$1
  sleep 10
  for i in $(seq "$THREAD_DUMPS"); do
    kill -0 "$pid" 2>/dev/null || return 0
    timeout 20 jcmd "$pid" Thread.print >"$OUT/engine-threads-$i.txt" 2>&1 || true
    sleep 5
  done
}

# cpu_by_thread BEFORE AFTER : CPU seconds each group of threads used between two thread dumps
cpu_by_thread() {
  awk 'FNR == 1 { file++ }
       /^"/ && match($0, / cpu=[0-9.]+ms/) {
         ms = substr($0, RSTART + 5, RLENGTH - 7)
         split($0, q, "\""); raw = q[2]; group = raw; gsub(/[0-9]+/, "N", group)
         if (file == 1) { before[raw] = ms } else { used[group] += ms - before[raw]; total += ms - before[raw] }
       }
       END { for (g in used) if (used[g] >= 0.005 * total) printf "%8.1f s  %5.1f%%  %s\n", used[g] / 1000, 100 * used[g] / total, g
             printf "%8.1f s  100.0%%  all threads\n", total / 1000 }' "$1" "$2" | sort -rn
}

# measure NAME PORT PATH DATA_DIR : the load, then the server's CPU by thread and its disk use
measure() {
  local name=$1 port=$2 path=$3 data=$4
  timeout 30 jcmd "$SERVER_PID" Thread.print >"$OUT/$name-threads-before.txt" 2>/dev/null || true
  run_load "$name" "$port" "$path"
  timeout 30 jcmd "$SERVER_PID" Thread.print >"$OUT/$name-threads-after.txt" 2>/dev/null || true
  {
    echo "-- $name server CPU by thread, whole run --"
    cpu_by_thread "$OUT/$name-threads-before.txt" "$OUT/$name-threads-after.txt"
    echo "-- $name data directory: $(du -sh "$data" | cut -f1) --"
  } | tee -a "$OUT/$name.txt"
}

figure() { awk -v key="$2" '$1 == key { print $2 }' "$OUT/$1.txt"; }
p99() { sed -n 's/.* p99 \([0-9.]*\) .*/\1/p' "$OUT/$1.txt"; }

build_if_needed
mkdir -p "$OUT"
# private copies, so that a concurrent rebuild cannot swap a jar under a running JVM
cp "$BENCH_JAR" "$WORK/bench.jar"
cp "$ENGINE_JAR" "$WORK/engine.jar"
log "ORDERS=$ORDERS CLIENTS=$CLIENTS CUSTOMERS=$CUSTOMERS WARMUP=$WARMUP TRANSPORT=$TRANSPORT; output in $OUT"

if [[ ${SKIP_BARE:-0} != 1 ]]; then
  port=$(free_port)
  start_server bare "Bare baseline is ready" \
    java -Xmx2g -jar "$WORK/bench.jar" bare --server.port="$port" --server.address=127.0.0.1 --bare.data-dir="$WORK/bare-data"
  measure bare "$port" /bare/orders "$WORK/bare-data"
  stop_server
fi

if [[ ${SKIP_ENGINE:-0} != 1 ]]; then
  port=$(free_port)
  start_server engine "Pantrade is ready" \
    java -Xmx2g ${ENGINE_JAVA_OPTS:-} -jar "$WORK/engine.jar" --server.port="$port" --server.address=127.0.0.1 --pantrade.data-dir="$WORK/engine-data" \
      ${ENGINE_ARGS:-}
  if (( THREAD_DUMPS > 0 )); then
    thread_dumps "$SERVER_PID" &
    DUMPER_PID=$!
  fi
  measure engine "$port" /api/orders "$WORK/engine-data"
  if [[ -n $DUMPER_PID ]]; then kill "$DUMPER_PID" 2>/dev/null || true; wait "$DUMPER_PID" 2>/dev/null || true; DUMPER_PID=; fi
  stop_server
fi

if [[ -f $OUT/bare.txt && -f $OUT/engine.txt ]]; then
  awk -v e="$(figure engine throughput)" -v b="$(figure bare throughput)" -v ep="$(p99 engine)" -v bp="$(p99 bare)" 'BEGIN {
    printf "== engine / bare ==\nthroughput  %.2f  (%s vs %s orders/s)\np99         %.2f  (%s vs %s ms)\n", e / b, e, b, ep / bp, ep, bp }' \
    | tee "$OUT/ratio.txt"
fi
log "logs and results in $OUT"
