#!/usr/bin/env bash
# run-engines.sh — messages/s through the gateway with the built-in engine alone, with clamd beside it,
# and with an ICAP antivirus (c-icap + virus_scan backed by the same clamd) beside it.
#
#   smtp-source ──▶ gateway "builtin" 127.0.0.1:27534 ──────────────────────────────┐
#   smtp-source ──▶ gateway "clamd"   127.0.0.1:27535 ── INSTREAM ──▶ clamd          ├─▶ smtp-sink :27537
#   smtp-source ──▶ gateway "icap"    127.0.0.1:27536 ── RESPMOD  ──▶ c-icap ─▶ clamd ┘
#
# Same build, same configuration but for `scan.external`; every gateway scans with the demo database.
# The runs are interleaved (the order reverses on every other repetition). Each message carries the same
# attachment, so after the first message every external engine is answered from the verdict cache: the
# script counts the external scans the gateways logged (`external=N` in each message's log line) and
# prints them beside the message count. A second series with the cache off (`cache.entries: 0`) shows
# what one external scan per attachment costs.
#
# Usage: run-engines.sh [-r REPS] [-s SESSIONS] [-f FIXTURE] [-b]
#   -r REPS      repetitions (default 3)      -s SESSIONS  smtp-source sessions (default 16)
#   -f FIXTURE   plain5k | attach100k (default attach100k)
#   -b           don't build; use the existing server/target/postwarden
# Env: MSGS (messages per run, default 1500), RUN_TIMEOUT (300 s per run), HARNESS (shared SMTP harness),
#      SCAN_HARNESS (shared scan recipes: clamd.conf.in, c-icap.conf.in, lib.sh, make-sigs.py).
# Writes bench/smtp/results/engines-<timestamp>.txt (one RESULT line per run) and -summary.md.
# Needs: postfix (smtp-source, smtp-sink), clamav-daemon, c-icap, libc-icap-mod-virus-scan.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
HARNESS=${HARNESS:-$repo/../shared/bench/smtp}
SCAN_HARNESS=${SCAN_HARNESS:-$repo/../shared/bench/scan}
DIST=$repo/server/target/postwarden
reps=3 sessions=16 fixture=attach100k build=1
while getopts ':r:s:f:bh' o; do
  case $o in
    r) reps=$OPTARG ;; s) sessions=$OPTARG ;; f) fixture=$OPTARG ;; b) build=0 ;;
    *) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
  esac
done
MSGS=${MSGS:-1500} RUN_TIMEOUT=${RUN_TIMEOUT:-300}
SINK_PORT=27537
declare -A port=([builtin]=27534 [clamd]=27535 [icap]=27536)
targets=(builtin clamd icap)

for b in clamd c-icap smtp-source smtp-sink; do
  command -v "$b" >/dev/null || [ -x "/usr/sbin/$b" ] || { echo "missing $b" >&2; exit 2; }
done
moddir=$(dirname "$(dpkg -L libc-icap-mod-virus-scan 2>/dev/null | grep '/virus_scan\.so$' | head -1)")
[ -f "$moddir/clamd_mod.so" ] || { echo "libc-icap-mod-virus-scan is not installed" >&2; exit 2; }

stamp=$(date +%Y%m%d-%H%M%S)
out=$repo/bench/smtp/results/engines-$stamp
state=$(mktemp -d /tmp/pw-engines.XXXXXX)
log() { printf '%s %s\n' "$(date +%T)" "$*" | tee -a "$out.log" >&2; }

if ((build)); then (cd "$repo" && ./mvnw -B -q -DskipTests package) || exit 1; fi
bash "$HARNESS/fixtures.sh" "$state/fixtures" >/dev/null
payload=$state/fixtures/$fixture.eml

# ---- clamd and c-icap, private, on loopback ----------------------------------------------
here=$SCAN_HARNESS # lib.sh finds its templates and clamd-client.py under $here
# shellcheck source=/dev/null
source "$SCAN_HARNESS/lib.sh"
ICAP_PID=""; declare -A gw_pid
cleanup() {
  for t in "${!gw_pid[@]}"; do kill "${gw_pid[$t]}" 2>/dev/null; done
  [ -n "$ICAP_PID" ] && { pkill -P "$ICAP_PID" 2>/dev/null; kill "$ICAP_PID" 2>/dev/null; }
  stop_clamd
  bash "$HARNESS/sink.sh" stop "$state/sink" >/dev/null 2>&1
  wait 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 "$SCAN_HARNESS/make-sigs.py" oracle "$state/sigs" >/dev/null
clamd_port=$(free_port)
render_clamd_conf "$state/clamd" "$state/sigs/all" "$clamd_port" 2 no
start_clamd "$state/clamd" || exit 1
icap_port=$(free_port)
mkdir -p "$state/icap/tmp"
sed -e "s|@RUN@|$state/icap|g" -e "s|@SOCK@|$CLAMD_SOCK|g" -e "s|@ICAPPORT@|$icap_port|g" \
    -e "s|@MODDIR@|$moddir|g" -e "s|@DEBUG@|0|g" "$SCAN_HARNESS/c-icap.conf.in" > "$state/icap/c-icap.conf"
c-icap -N -f "$state/icap/c-icap.conf" > "$state/icap/stdout" 2>&1 &
ICAP_PID=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1',$icap_port),1)" 2>/dev/null && break
  sleep 0.1
done
log "clamd pid $CLAMD_PID ($CLAMD_SOCK), c-icap pid $ICAP_PID (icap://127.0.0.1:$icap_port/avscan)"

bash "$HARNESS/sink.sh" start "$SINK_PORT" "$state/sink" 3h >&2 || exit 1

external_of() { # target -> the scan.external section
  case $1 in
    builtin) ;;
    clamd) printf '  external:\n    - type: clamd\n      socket: %s\n' "$CLAMD_SOCK" ;;
    icap) printf '  external:\n    - type: icap\n      url: icap://127.0.0.1:%s/avscan\n' "$icap_port" ;;
  esac
}

start_gateways() { # cache-entries
  local t d
  for t in "${targets[@]}"; do
    d=$state/gw-$t; rm -rf "$d"; mkdir -p "$d/var"
    { cat <<EOF
smtp:
  listen: 127.0.0.1:${port[$t]}
  hostname: gateway.bench.test
  nextHop: 127.0.0.1:$SINK_PORT
  trustedNetworks: [127.0.0.0/8]
  relayDomains: [postwarden.test]
dataDir: $d/var
scan:
  cache:
    entries: $1
EOF
      external_of "$t"; } > "$d/postwarden.yaml"
    timeout -s TERM 3h "$DIST/bin/postwarden" serve --config "$d/postwarden.yaml" > "$d/gateway.log" 2>&1 &
    gw_pid[$t]=$!
  done
  for t in "${targets[@]}"; do
    for _ in $(seq 300); do grep -q 'SMTP listener on' "$state/gw-$t/gateway.log" && break; sleep 0.1; done
    grep -q 'SMTP listener on' "$state/gw-$t/gateway.log" || { log "gateway $t did not start"; exit 1; }
  done
}
stop_gateways() {
  local t
  for t in "${!gw_pid[@]}"; do kill "${gw_pid[$t]}" 2>/dev/null; wait "${gw_pid[$t]}" 2>/dev/null; done
  gw_pid=()
}
jvm_of() { pgrep -P "${gw_pid[$1]}" java || echo "${gw_pid[$1]}"; }
external_scans() { grep -o ' external=[0-9]*' "$state/gw-$1/gateway.log" | awk -F= '{s+=$2} END {print s+0}'; }
relayed() { grep -c 'outcome=relayed' "$state/gw-$1/gateway.log"; }

run() { # series target rep msgs
  local series=$1 t=$2 rep=$3 m=$4 res before after
  before=$(external_scans "$t")
  res=$("$HARNESS/throughput.sh" -p "${port[$t]}" -S "$state/sink/sink.out" -s "$sessions" -m "$m" -F "$payload" \
        -P "$(jvm_of "$t")" -T "$RUN_TIMEOUT" -W 60 -n "$t" 2>&1 | grep '^RESULT ')
  after=$(external_scans "$t")
  [ -n "$res" ] || { log "no RESULT ($series $t rep $rep)"; return 1; }
  printf 'series=%s rep=%s external_scans=%s %s\n' "$series" "$rep" "$((after - before))" "${res#RESULT }" >> "$out.txt"
  printf '%s\n' "$res" | awk -v s="$series" -v x="$((after - before))" '{for(i=2;i<=NF;i++){split($i,a,"=");v[a[1]]=a[2]}
    printf "  %-6s %-8s rate=%-8s got=%s/%s loss=%s cpu/msg=%sms rss=%sMB external scans=%s\n", s, v["label"], v["e2e_rate"], v["sink_got"], v["expect"], v["loss"], v["cpu_ms_per_msg"], v["rss_mb"], x}' | tee -a "$out.log" >&2
}

{ echo "# run-engines.sh reps=$reps sessions=$sessions fixture=$fixture msgs=$MSGS"
  echo "# host: $(nproc) cpus, $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo); $(clamd --version)"
  echo "# postwarden: $(git -C "$repo" describe --always --dirty)"; } > "$out.txt"

for series in cached uncached; do
  entries=10000; [ "$series" = uncached ] && entries=0
  start_gateways "$entries"
  log "series $series (cache.entries=$entries): warm-up"
  for t in "${targets[@]}"; do run warmup "$t" 0 "$MSGS" >/dev/null 2>&1; done
  for rep in $(seq "$reps"); do
    order=("${targets[@]}"); ((rep % 2 == 0)) && order=(icap clamd builtin)
    for t in "${order[@]}"; do run "$series" "$t" "$rep" "$MSGS"; done
  done
  stop_gateways
done

python3 - "$out.txt" > "$out-summary.md" <<'PY'
import statistics, sys
rows = []
for line in open(sys.argv[1]):
    if line.startswith("#"):
        continue
    kv = dict(f.split("=", 1) for f in line.split() if "=" in f)
    rows.append(kv)
print("| cache | engines | runs | median msgs/s | ratio to built-in alone | CPU ms/msg (gateway) | external scans per message | lost |")
print("|---|---|---|---|---|---|---|---|")
for series in ("cached", "uncached"):
    base = None
    for target in ("builtin", "clamd", "icap"):
        rs = [r for r in rows if r["series"] == series and r["label"] == target]
        if not rs:
            continue
        rate = statistics.median(float(r["e2e_rate"]) for r in rs)
        base = rate if target == "builtin" else base
        cpu = statistics.median(float(r["cpu_ms_per_msg"]) for r in rs)
        scans = sum(int(r["external_scans"]) for r in rs) / sum(int(r["msgs"]) for r in rs)
        lost = sum(int(r["loss"]) for r in rs)
        name = {"builtin": "built-in", "clamd": "built-in + clamd", "icap": "built-in + ICAP (c-icap)"}[target]
        print(f"| {'on' if series == 'cached' else 'off'} | {name} | {len(rs)} | {rate:.0f} | {rate / base:.2f} | {cpu:.2f} | {scans:.3f} | {lost} |")
PY
cat "$out-summary.md"
log "results: $out.txt, $out-summary.md"
