#!/usr/bin/env bash
# The echo benchmark (the uvloop method): aio4j's three server styles (BufferedProtocol, plain
# Protocol, streams + drain) against a C epoll server, Netty 4.2 (native epoll; NIO on request),
# uvloop's protocol server and CPython asyncio, driven by the C load client. One command:
#   ./run bench echo                          # = aio4j-bench/echo/run-echo.sh: 3 rounds, 3 s per cell
#   ROUNDS=5 SECS=5 ./run bench echo
#   CELLS="1024:10 1024:100 10240:10 102400:10" SERVERS="aio4j-protocol netty-epoll" ./run bench echo
# Server pinned to CPU 0, client to CPU 1; servers interleaved A B C ... per round; each cell is a
# WARMUP-second (2) warm-up run, then a measured run with the server's CPU time read from /proc/PID/stat before
# and after. Writes aio4j-bench/results/echo.md (medians and ratios) and echo-raw.tsv.
# JAVA_OPTS adds JVM flags to every Java server (e.g. JAVA_OPTS=-Xlog:gc to see collections).
# BASE_CORE=<dir of another build's aio4j-core classes> adds base-protocol, base-buffered and
# base-streams: the same servers on that aio4j-core, to compare two builds in one run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ROUNDS=${ROUNDS:-3}
SECS=${SECS:-3}
WARMUP=${WARMUP:-2}
CELLS=${CELLS:-"1024:10 102400:10"}
SERVERS=${SERVERS:-"c-epoll netty-epoll aio4j-buffered aio4j-protocol aio4j-streams uvloop-protocol uvloop-streams asyncio-protocol"}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
# Debian's python3-uvloop installs uvloop for the system interpreter: asyncio and uvloop both run on it.
PY=${PYTHON:-/usr/bin/python3}
work="$root/aio4j-bench/target/echo"
results="$root/aio4j-bench/results"
mkdir -p "$work" "$results"
raw="$results/echo-raw.tsv"

say() { printf 'run-echo: %s\n' "$*" >&2; }

say "building the load client (gcc -O2)"
gcc -O2 -Wall -o "$work/echo-client" "$here/echo-client.c"
gcc -O2 -Wall -o "$work/echo-server" "$here/echo-server.c"

say "building aio4j-core and aio4j-bench"
(cd "$root" && mvn -B -ntp -q -pl aio4j-bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null)
# The servers run from a snapshot of the built classes, so a rebuild during the run changes nothing.
rm -rf "$work/snap" && mkdir -p "$work/snap"
CP=""
for entry in "$root/aio4j-bench/target/classes" $(tr ':' ' ' < "$work/cp.txt"); do
  if [[ "$entry" == "$root"/*/target/classes ]]; then
    module=${entry#"$root"/}; module=${module%%/*}
    cp -r "$entry" "$work/snap/$module"
    entry="$work/snap/$module"
  fi
  CP="${CP:+$CP:}$entry"
done
BASE_CP=""
if [[ -n "${BASE_CORE:-}" ]]; then BASE_CP=${CP//"$work/snap/aio4j-core"/$BASE_CORE}; fi
# shellcheck disable=SC2206
JVM=(-XX:+UseSerialGC -Xms256m -Xmx256m ${JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED -cp "$CP")

server_cmd() { # name port
  case "$1" in
    aio4j-protocol) echo "$JAVA ${JVM[*]} io.aio4j.bench.echo.Aio4jEchoServer protocol $2" ;;
    aio4j-buffered) echo "$JAVA ${JVM[*]} io.aio4j.bench.echo.Aio4jEchoServer buffered $2" ;;
    aio4j-streams) echo "$JAVA ${JVM[*]} io.aio4j.bench.echo.Aio4jEchoServer streams $2" ;;
    base-protocol|base-buffered|base-streams)
      [[ -n "$BASE_CP" ]] || { say "$1 needs BASE_CORE"; exit 4; }
      echo "$JAVA ${JVM[*]:0:${#JVM[@]}-1} $BASE_CP io.aio4j.bench.echo.Aio4jEchoServer ${1#base-} $2" ;;
    netty-nio) echo "$JAVA ${JVM[*]} io.aio4j.bench.echo.NettyEchoServer nio $2" ;;
    netty-epoll) echo "$JAVA ${JVM[*]} io.aio4j.bench.echo.NettyEchoServer epoll $2" ;;
    c-epoll) echo "$work/echo-server $2" ;;
    asyncio-protocol|asyncio-streams|uvloop-protocol|uvloop-streams)
      echo "$PY $here/asyncio_echo.py ${1#asyncio-} $2" ;;
    *) say "unknown server $1"; exit 4 ;;
  esac
}

# cpu_ticks, TCK, wait_port
source "$here/common.sh"

pid=
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null' EXIT
printf 'round\tserver\tsize\tconns\trequests_per_s\tcpu_us_per_req\tp50_us\tp99_us\n' > "$raw"
port=25100
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    port=$((port + 1))
    # shellcheck disable=SC2046
    taskset -c 0 $(server_cmd "$server" "$port") > "$work/$server.log" 2>&1 &
    pid=$!
    wait_port "$port" "$pid"
    for cell in $CELLS; do
      size=${cell%%:*}; conns=${cell##*:}
      # A warm-up that fails (a JVM still compiling on a loaded machine) is not fatal: the measured run says.
      taskset -c 1 "$work/echo-client" --port "$port" --conns "$conns" --size "$size" --warmup 0 --seconds "$WARMUP" \
          >/dev/null 2>&1 || say "$server $size x $conns: warm-up run failed (exit $?)"
      t0=$(cpu_ticks "$pid")
      if ! out=$(taskset -c 1 "$work/echo-client" --port "$port" --conns "$conns" --size "$size" --warmup 0 \
          --seconds "$SECS" 2>"$work/client.err"); then
        say "$server $size x $conns: client failed (exit $?): $(cat "$work/client.err")"
        continue
      fi
      t1=$(cpu_ticks "$pid")
      rps=$(sed -n 's/.*requests_per_s=\([0-9.]*\).*/\1/p' <<<"$out")
      p50=$(sed -n 's/.*p50_us=\([0-9.]*\).*/\1/p' <<<"$out")
      p99=$(sed -n 's/.*p99_us=\([0-9.]*\).*/\1/p' <<<"$out")
      cpu=$(awk -v t="$((t1 - t0))" -v hz="$TCK" -v r="$rps" -v s="$SECS" \
          'BEGIN { printf "%.2f", (t / hz) * 1e6 / (r * s) }')
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$size" "$conns" "$rps" "$cpu" "$p50" "$p99" \
          | tee -a "$raw" >&2
    done
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    pid=
  done
done

"$PY" - "$raw" "$results/echo.md" "$ROUNDS" "$SECS" "$("$JAVA" -version 2>&1 | head -n1)" "$("$PY" --version)" \
    "$SERVERS" "$(uptime)" "$WARMUP" <<'PYEOF'
import statistics, sys, collections, platform, os, datetime
raw, out, rounds, secs, jv, pv, servers, load, warmup = sys.argv[1:10]
servers = servers.split()
rows = [l.rstrip("\n").split("\t") for l in open(raw)][1:]
data = collections.defaultdict(lambda: collections.defaultdict(list))
for r, server, size, conns, rps, cpu, p50, p99 in rows:
    data[(int(size), int(conns))][server].append((float(rps), float(cpu), float(p50), float(p99)))
def med(cell, server, i):
    v = data[cell].get(server)
    return statistics.median(x[i] for x in v) if v else float("nan")
L = ["# Echo benchmark (uvloop method)\n"]
L.append(f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs ({platform.machine()}), "
         f"{jv}, {pv}. Server pinned to CPU 0 (`taskset -c 0`), load client (`echo-client.c`, gcc -O2) to CPU 1. "
         f"JVMs: `-XX:+UseSerialGC -Xms256m -Xmx256m` (serial GC: a JVM pinned to one CPU picks it anyway), "
         f"aio4j in native mode. {rounds} rounds, servers interleaved in each round; per cell a {warmup} s warm-up run, "
         f"then {secs} s measured. Figures are medians over the rounds. Load at the end: `{load.strip()}` "
         f"(the machine is shared with other sessions: compare ratios from this run, not absolute figures).\n")
L.append(f"Command: `ROUNDS={rounds} SECS={secs} ./run bench echo` (= `aio4j-bench/echo/run-echo.sh`); raw rows in `echo-raw.tsv`.\n")
for cell in sorted(data):
    L.append(f"## {cell[0]} bytes x {cell[1]} connections\n")
    L.append("| server | req/s | server CPU µs/req | p50 µs | p99 µs |")
    L.append("|---|---|---|---|---|")
    for s in servers:
        if s in data[cell]:
            L.append(f"| {s} | {med(cell,s,0):,.0f} | {med(cell,s,1):.2f} | {med(cell,s,2):.0f} | {med(cell,s,3):.0f} |")
    L.append("")
peers = [p for p in ("netty-epoll", "c-epoll", "uvloop-protocol", "netty-nio", "asyncio-protocol") if p in servers]
mine = [s for s in servers if s.startswith("aio4j-") or s.startswith("base-")]
if peers and mine:
    L.append("## Ratios in the same run: server CPU per request, aio4j / peer (< 1: aio4j spends less)\n")
    L.append("| size | conns | aio4j style | " + " | ".join(f"vs {p}" for p in peers) + " | p99 / netty-epoll p99 |")
    L.append("|---|---|---|" + "---|" * len(peers) + "---|")
    for cell in sorted(data):
        for s in mine:
            p99 = med(cell, s, 3) / med(cell, "netty-epoll", 3) if "netty-epoll" in servers else float("nan")
            L.append(f"| {cell[0]} | {cell[1]} | {s} | " + " | ".join(f"{med(cell,s,1)/med(cell,p,1):.2f}" for p in peers)
                     + f" | {p99:.2f} |")
open(out, "w").write("\n".join(L) + "\n")
print("\n".join(L))
PYEOF
say "wrote $results/echo.md"
