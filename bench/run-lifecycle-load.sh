#!/usr/bin/env bash
# Full-lifecycle load: orders placed with a fulfilment block, paid through the simulated provider,
# delivered by simulated couriers, captured and completed, against the engine (app/target/pantrade.jar
# on a fresh data directory); measured against the event store's raw append rate from the same run.
#
#   bench/run-lifecycle-load.sh                    # ORDERS=6000 WARMUP=8000 CLIENTS=128 COURIERS=100 COURIER_THREADS=6
#   ORDERS=300 WARMUP=50 CLIENTS=8 RAW_SECONDS=5 bench/run-lifecycle-load.sh     # a smoke run
#
# Steps: 1. raw-append, the engine not yet started: JdbcEventStorageEngine on a fresh H2 file,
# WRITE_DELAY=0, RAW_THREADS threads appending one event per call for RAW_SECONDS (after 5 s of
# warm-up); 2. the engine, with DISPATCH_INTERVAL (PT0.1S) and the simulated provider answering at
# once (answer-delay PT0S, unless ENGINE_ARGS sets it); 3. the lifecycle load; 4. the engine stopped,
# the events it appended since the first order counted by type, and raw-append again (the better of
# the two counts: other work on the machine, disk writes above all, lowers it); 5. a summary line:
# completed orders/s, events per order, raw appends/s, the target 0.5 x raw / events-per-order, and
# the fraction of it achieved.
#
# Environment: ORDERS, WARMUP, CLIENTS, CUSTOMERS (500), COURIERS, CAPACITY (4), COURIER_THREADS (6: with 2, the
# simulated couriers set the pace and the engine idled at ~1.5 of 2 cores),
# COURIER_PAUSE_MS (20: between reads of the delivery board), RAW_THREADS (1: more threads contend for H2's file writes and append less), RAW_SECONDS (20), PAYLOAD_BYTES (300: the mean of the engine's lifecycle events),
# DISPATCH_INTERVAL, TRANSPORT (socket|http), BUILD=1, THREAD_DUMPS=N, ENGINE_ARGS, ENGINE_JAVA_OPTS.
# Logs and outputs go to bench/target/lifecycle-load-<time>/. The client's private key lives in the
# run's temporary directory and is deleted on exit. Traffic goes to 127.0.0.1 only; every process
# started here is stopped on exit.
set -euo pipefail

ORDERS=${ORDERS:-6000}
WARMUP=${WARMUP:-8000}
CLIENTS=${CLIENTS:-128}
CUSTOMERS=${CUSTOMERS:-500}
COURIERS=${COURIERS:-100}
CAPACITY=${CAPACITY:-4}
COURIER_THREADS=${COURIER_THREADS:-6}
COURIER_PAUSE_MS=${COURIER_PAUSE_MS:-20}
RAW_THREADS=${RAW_THREADS:-1}
RAW_SECONDS=${RAW_SECONDS:-20}
PAYLOAD_BYTES=${PAYLOAD_BYTES:-300}
DISPATCH_INTERVAL=${DISPATCH_INTERVAL:-PT0.1S}
CLIENT_ID=bench-client

SCENARIO=lifecycle-load
source "$(dirname "${BASH_SOURCE[0]}")/load-lib.sh"

# raw_append NAME: the store's raw append rate on a fresh H2 file, to $OUT/raw-append-NAME.txt
raw_append() {
  log "raw append ($1): $RAW_THREADS threads, ${RAW_SECONDS}s"
  java -Xmx1g -jar "$WORK/bench.jar" raw-append --data-dir "$WORK/raw-$1" --threads "$RAW_THREADS" \
    --seconds "$RAW_SECONDS" --payload-bytes "$PAYLOAD_BYTES" 2>/dev/null | tee "$OUT/raw-append-$1.txt"
  rm -rf "$WORK/raw-$1"
}

run_load() {
  signed_load "$1" lifecycle-load --orders "$ORDERS" --clients "$CLIENTS" --warmup "$WARMUP" --customers "$CUSTOMERS" \
    --couriers "$COURIERS" --capacity "$CAPACITY" --courier-threads "$COURIER_THREADS" \
    --courier-pause-ms "$COURIER_PAUSE_MS"
}

build_if_needed
copy_jars
log "ORDERS=$ORDERS WARMUP=$WARMUP CLIENTS=$CLIENTS COURIERS=$COURIERS CAPACITY=$CAPACITY DISPATCH_INTERVAL=$DISPATCH_INTERVAL RAW_THREADS=$RAW_THREADS RAW_SECONDS=$RAW_SECONDS; output in $OUT"

raw_append before
measure_signed_load run_load --pantrade.dispatch.interval="$DISPATCH_INTERVAL"

read -r placed since < <(awk '/^placed / { print $2, $NF }' "$OUT/engine.txt")
java -jar "$WORK/bench.jar" count-events --data-dir "$WORK/engine-data" --since "$since" --orders "$placed" \
  | tee "$OUT/events.txt"
raw_append after

awk '
  FILENAME ~ /raw-append-before/ && /^throughput/ { before = $2 }
  FILENAME ~ /raw-append-after/ && /^throughput/ { after = $2 }
  FILENAME ~ /engine.txt/ && /^throughput/ { rate = $2 }
  FILENAME ~ /events.txt/ && /^per order/ { per = $3 }
  END {
    raw = before > after ? before : after
    target = 0.5 * raw / per
    printf "summary     lifecycle %.1f completed orders/s, %.2f events/order, raw append %.0f events/s (the better of %.0f before and %.0f after the load); " \
           "target 0.5 x raw / events-per-order = %.1f orders/s; achieved %.2f of the target (%.1f%% of raw / events-per-order)\n",
           rate, per, raw, before, after, target, rate / target, 100 * rate * per / raw
  }' "$OUT/raw-append-before.txt" "$OUT/raw-append-after.txt" "$OUT/engine.txt" "$OUT/events.txt" | tee "$OUT/summary.txt"
log "logs and results in $OUT"
