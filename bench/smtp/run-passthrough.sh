#!/usr/bin/env bash
# run-passthrough.sh — Postwarden pass-through benchmark (throughput, latency, memory, profile).
#
# Uses the shared SMTP harness (throughput.sh, sink.sh, fixtures.sh, summarize.sh) from
# $(git rev-parse --show-toplevel)/../shared/bench/smtp (override with HARNESS=DIR).
# Everything listens on 127.0.0.1, every run is bounded in messages and time, and every
# process this script starts is stopped by PID when it exits.
#
#   smtp-source ──▶ gateway 127.0.0.1:27524 ──▶ smtp-sink 127.0.0.1:27525   ("gateway")
#   smtp-source ──▶ gateway 127.0.0.1:27523 ──▶ smtp-sink 127.0.0.1:27525   ("gateway-warn",
#                   same build and configuration, -Dpostwarden.logLevel=WARN: no per-message log line;
#                   GW2_LABEL and GW2_OPTS make it any other variant, e.g. other JVM options)
#   smtp-source ──────────────────────────────▶ smtp-sink 127.0.0.1:27525   ("direct")
#
# Steps: build (or reuse) the distribution; start one long-lived sink and the gateways
# (their log goes to a file); prove liveness (clean fixtures arrive, loss 0, gateway logged
# them); warm up until the JIT compilers are quiet; interleaved matrix of
# rep x fixture {plain5k, attach100k} x sessions {1, 4, 16} x target (order reversed on
# every other rep); latency at half the gateway's measured 16-session rate (latency.py,
# with and without pipelining); heap and RSS throughout; a JFR + per-thread CPU profile
# of the gateway at 16 sessions (JFR is started first and the load repeated until the JIT
# compilers are quiet again, because starting JFR makes HotSpot recompile); summary tables.
#
# Usage: run-passthrough.sh [-r REPS] [-s "1 4 16"] [-f "plain5k attach100k"] [-o PREFIX]
#                           [-b] [-N] [-L] [-J] [-q] [-M MATRIX_RESULTS]
#   -r REPS    matrix repetitions (default 5)
#   -s LIST    sessions (default "1 4 16")
#   -f LIST    fixtures (default "plain5k attach100k")
#   -o PREFIX  results prefix (default bench/smtp/results/passthrough-<timestamp>)
#   -b         don't build; use the existing server/target/postwarden
#   -N         no second gateway (measure the default gateway only)
#   -L         skip the latency runs        -J  skip the profile
#   -q         quick smoke test: tiny counts, 1 rep, short latency and profile runs
#   -M FILE    no throughput matrix (and no second gateway): take the gateway's 16-session
#              rates for the latency and profile runs from FILE, the PREFIX.txt of an earlier run
# Env: SINK_PORT (27525), GW_PORT (27524), GW_WARN_PORT (27523), HARNESS, DIST,
#      POSTWARDEN_JAVA_OPTS (added to both gateways), RUN_TIMEOUT (300 s per run),
#      message counts MSGS_DIRECT_PLAIN (12000) MSGS_GW_PLAIN (5000)
#      MSGS_DIRECT_ATTACH (4000) MSGS_GW_ATTACH (1500), LAT_SECONDS (10), LAT_REPS (5),
#      GW2_LABEL (gateway-warn), GW2_OPTS (-Dpostwarden.logLevel=WARN),
#      SCAN (off: pass-through, nothing scanned; on: every message scanned with the demo database).
# Writes PREFIX.txt (one line per run, for summarize.sh), PREFIX.txt.log (full output),
# PREFIX-latency.txt, PREFIX-memory.txt, PREFIX-profile.md and PREFIX-summary.md.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
HARNESS=${HARNESS:-$repo/../shared/bench/smtp}
DIST=${DIST:-$repo/server/target/postwarden}

reps=5 sessions_list="1 4 16" fixtures="plain5k attach100k" prefix="" build=1 warn=1
do_lat=1 do_prof=1 quick=0 matrix_from=""
while getopts ':r:s:f:o:bNLJqM:h' o; do
  case $o in
    r) reps=$OPTARG ;; s) sessions_list=$OPTARG ;; f) fixtures=$OPTARG ;; o) prefix=$OPTARG ;;
    b) build=0 ;; N) warn=0 ;; L) do_lat=0 ;; J) do_prof=0 ;; q) quick=1 ;;
    M) matrix_from=$(readlink -f "$OPTARG"); warn=0 ;;
    *) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
  esac
done
case ${SCAN:-off} in on) scan_enabled=true ;; off) scan_enabled=false ;; *) echo "SCAN is on or off" >&2; exit 2 ;; esac
SINK_PORT=${SINK_PORT:-27525} GW_PORT=${GW_PORT:-27524} GW_WARN_PORT=${GW_WARN_PORT:-27523}
RUN_TIMEOUT=${RUN_TIMEOUT:-300}
MSGS_DIRECT_PLAIN=${MSGS_DIRECT_PLAIN:-12000} MSGS_GW_PLAIN=${MSGS_GW_PLAIN:-5000}
MSGS_DIRECT_ATTACH=${MSGS_DIRECT_ATTACH:-4000} MSGS_GW_ATTACH=${MSGS_GW_ATTACH:-1500}
LAT_SECONDS=${LAT_SECONDS:-10} LAT_REPS=${LAT_REPS:-5}
GW2_LABEL=${GW2_LABEL:-gateway-warn} GW2_OPTS=${GW2_OPTS:--Dpostwarden.logLevel=WARN}
WARM_PLAIN=5000 WARM_ATTACH=1000 WARM_ROUNDS=8 PROF_SECONDS=15
if (( quick )); then
  reps=1 MSGS_DIRECT_PLAIN=300 MSGS_GW_PLAIN=100 MSGS_DIRECT_ATTACH=100 MSGS_GW_ATTACH=40
  LAT_SECONDS=2 LAT_REPS=1 WARM_PLAIN=200 WARM_ATTACH=40 WARM_ROUNDS=1 PROF_SECONDS=2
fi

for f in throughput.sh sink.sh fixtures.sh summarize.sh; do
  [[ -x $HARNESS/$f ]] || { echo "shared harness not found: $HARNESS/$f (set HARNESS=DIR)" >&2; exit 2; }
done
for c in /usr/sbin/smtp-source /usr/sbin/smtp-sink python3 java jcmd jstat jfr ss timeout; do
  command -v "$c" >/dev/null 2>&1 || { echo "missing: $c" >&2; exit 2; }
done
for p in "$SINK_PORT" "$GW_PORT" $( ((warn)) && echo "$GW_WARN_PORT"); do
  if ss -Hltn "sport = :$p" | grep -q .; then echo "port $p is already in use" >&2; exit 2; fi
done

mkdir -p "$here/results"
[[ -z $prefix ]] && prefix="$here/results/passthrough-$(date +%Y%m%d-%H%M%S)"
out="$prefix.txt" lat_out="$prefix-latency.txt" mem_out="$prefix-memory.txt"
prof_out="$prefix-profile.md" sum_out="$prefix-summary.md"
state=$(mktemp -d "${TMPDIR:-/tmp}/pw-passthrough.XXXXXX")
t_begin=$(date +%s)

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$out.log" >&2; }

# ---- processes we start (all stopped by PID in cleanup) ---------------------------------
bg_pids=()          # samplers
declare -A gw_tpid gw_jpid gw_port
cleanup() {
  local p n
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
  for n in "${!gw_jpid[@]}"; do
    p=${gw_jpid[$n]}
    kill -TERM "$p" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$p" 2>/dev/null && echo "gateway $n (pid $p) had to be killed" >&2
  done
  for n in "${!gw_tpid[@]}"; do kill "${gw_tpid[$n]}" 2>/dev/null; done
  "$HARNESS/sink.sh" stop "$state/sink" >/dev/null 2>&1 || true
  wait 2>/dev/null
  echo "state dir (configs, gateway logs, JFR recording): $state" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 0. build, fixtures --------------------------------------------------------------------
if (( build )); then
  log "building the distribution"
  (cd "$repo" && ./mvnw -B -q -DskipTests package) >> "$out.log" 2>&1 || { log "build failed (see $out.log)"; exit 1; }
fi
[[ -x $DIST/bin/postwarden ]] || { echo "no distribution at $DIST" >&2; exit 2; }
"$HARNESS/fixtures.sh" "$state/fx" || exit 1

[[ -n $matrix_from && ! -r $matrix_from ]] && { echo "cannot read $matrix_from" >&2; exit 2; }
{ echo "# run-passthrough.sh reps=$reps sessions=[$sessions_list] fixtures=[$fixtures] second_gateway=$( ((warn)) && echo "$GW2_LABEL [$GW2_OPTS]" || echo none) quick=$quick${matrix_from:+ matrix_from=$(basename "$matrix_from")}"
  echo "# msgs: direct plain5k=$MSGS_DIRECT_PLAIN attach100k=$MSGS_DIRECT_ATTACH; gateway plain5k=$MSGS_GW_PLAIN attach100k=$MSGS_GW_ATTACH"
  echo "# host: $(nproc) cpus ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "# load at start: $(cut -d' ' -f1-3 /proc/loadavg); cpu pressure: $(head -1 /proc/pressure/cpu 2>/dev/null)"
  echo "# java: $(java -version 2>&1 | sed -n 2p); postfix $(dpkg-query -W -f='${Version}' postfix 2>/dev/null)"
  echo "# postwarden: $(git -C "$repo" describe --always --dirty) ($(git -C "$repo" log -1 --format=%cd --date=short))"
  echo "# scan: ${SCAN:-off}"
} >> "$out"

# ---- 1. sink and gateways ----------------------------------------------------------------
"$HARNESS/sink.sh" start "$SINK_PORT" "$state/sink" 3h >&2 || exit 1
SINK_OUT="$state/sink/sink.out"

start_gw() { # name port extra-java-opts
  local n=$1 port=$2 opts=$3 d="$state/$1"
  mkdir -p "$d/var"
  cat > "$d/postwarden.yaml" <<EOF
# pass-through benchmark: relay everything to the harness's smtp-sink
smtp:
  listen: 127.0.0.1:$port
  hostname: gateway.bench.test
  nextHop: 127.0.0.1:$SINK_PORT
  trustedNetworks: [127.0.0.0/8]
  relayDomains: [postwarden.test]
scan:
  enabled: $scan_enabled
dataDir: $d/var
EOF
  POSTWARDEN_JAVA_OPTS="$opts ${POSTWARDEN_JAVA_OPTS:-}" \
    timeout -s TERM 3h "$DIST/bin/postwarden" serve --config "$d/postwarden.yaml" > "$d/gateway.log" 2>&1 &
  gw_tpid[$n]=$! gw_port[$n]=$port
  local i jp=""
  for i in $(seq 300); do
    [[ -z $jp ]] && jp=$(pgrep -P "${gw_tpid[$n]}" | head -1)
    [[ -n $jp ]] && gw_jpid[$n]=$jp
    ss -Hltn "sport = :$port" | grep -q . && [[ -n $jp ]] && break
    kill -0 "${gw_tpid[$n]}" 2>/dev/null || { log "gateway $n died:"; cat "$d/gateway.log" >&2; exit 1; }
    sleep 0.2
  done
  ss -Hltn "sport = :$port" | grep -q . || { log "gateway $n not listening on $port after 60 s"; exit 1; }
  log "gateway $n up: pid $jp on 127.0.0.1:$port ($(tr '\0' ' ' < /proc/$jp/cmdline | grep -o -- '-X[^ ]*\|-D[^ ]*logLevel[^ ]*' | paste -sd' '))"
  echo "# $n: pid $jp, $(jcmd "$jp" VM.command_line 2>/dev/null | grep '^jvm_args' | sed 's/-Dpostwarden.home=[^ ]* //; s/-Dpostwarden.defaultConfig=[^ ]* //')" >> "$out"
}
targets="direct gateway"
start_gw gateway "$GW_PORT" ""
if (( warn )); then start_gw "$GW2_LABEL" "$GW_WARN_PORT" "$GW2_OPTS"; targets="direct gateway $GW2_LABEL"; fi

port_of() { case $1 in direct) echo "$SINK_PORT" ;; *) echo "${gw_port[$1]}" ;; esac; }
pids_of() { case $1 in direct) cat "$state/sink/sink.pid" ;; *) echo "${gw_jpid[$1]}" ;; esac; }
msgs_of() { # target fixture
  case $1:$2 in direct:plain5k) echo "$MSGS_DIRECT_PLAIN" ;; direct:*) echo "$MSGS_DIRECT_ATTACH" ;;
    *:plain5k) echo "$MSGS_GW_PLAIN" ;; *) echo "$MSGS_GW_ATTACH" ;; esac; }

tp() { # target rep fixture sessions msgs [extra throughput.sh args]
  local t=$1 rep=$2 pl=$3 s=$4 m=$5 res; shift 5
  res=$("$HARNESS/throughput.sh" -p "$(port_of "$t")" -S "$SINK_OUT" -s "$s" -m "$m" -F "$pl" \
        -P "$(pids_of "$t")" -T "$RUN_TIMEOUT" -W 60 -n "$t" "$@" 2>&1)
  printf '%s\n' "$res" >> "$out.log"
  res=$(printf '%s\n' "$res" | grep '^RESULT ')
  [[ -n $res ]] || { log "no RESULT from throughput.sh ($t $pl s=$s)"; return 1; }
  printf 'rep=%s %s\n' "$rep" "${res#RESULT }" >> "$out"
  printf '%s\n' "$res" | awk '{for(i=2;i<=NF;i++){split($i,a,"=");v[a[1]]=a[2]} printf "  %-12s %-30s s=%-3s m=%-6s rc=%s rate=%-8s got=%s/%s cpu/msg=%sms rss=%sMB busy=%s%% psi=%s%%\n", v["label"], v["payload"], v["sessions"], v["msgs"], v["src_rc"], v["e2e_rate"], v["sink_got"], v["expect"], v["cpu_ms_per_msg"], v["rss_mb"], v["host_busy_pct"], v["psi_some_pct"]}' | tee -a "$out.log" >&2
  [[ $res == *" src_rc=0 "* && $res == *" loss=0 "* ]]
}
relayed() { grep -c 'outcome=relayed' "$state/$1/gateway.log"; }
jit_ticks() { # CPU ticks of the JIT compiler threads and of the whole JVM
  local p=$1 t j=0 all
  for t in /proc/"$p"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compiler* ]] || continue
    set -- $(cut -d')' -f2- "$t/stat"); j=$(( j + ${12} + ${13} ))
  done
  set -- $(cut -d')' -f2- "/proc/$p/stat"); all=$(( ${12} + ${13} ))
  echo "$j $all"
}

# ---- 2. memory monitor (whole run) -----------------------------------------------------
{ echo "# gateway memory during the run: jstat -gc (KB) every 5 s for pid ${gw_jpid[gateway]}, and RSS samples"
  echo "# columns of RSS lines: RSS epoch_s gateway_rss_kb second_gateway_rss_kb"; } > "$mem_out"
timeout 3h jstat -gc -t "${gw_jpid[gateway]}" 5000 > "$state/jstat.txt" 2>&1 &
bg_pids+=($!)
( while :; do
    r1=$(awk '/^VmRSS:/{print $2}' "/proc/${gw_jpid[gateway]}/status" 2>/dev/null)
    r2=-; (( warn )) && r2=$(awk '/^VmRSS:/{print $2}' "/proc/${gw_jpid[$GW2_LABEL]}/status" 2>/dev/null)
    echo "RSS $(date +%s) ${r1:--} ${r2:--}"; sleep 5
  done ) > "$state/rss.txt" 2>/dev/null &
bg_pids+=($!)
heap_info() { { echo "## GC.heap_info ($1)"; jcmd "${gw_jpid[gateway]}" GC.heap_info 2>&1 | sed 1d; } >> "$state/heapinfo.txt"; }
heap_info "after start"

# ---- 3. liveness ---------------------------------------------------------------------
fail=0
for gw in ${targets#direct }; do
  r0=$(relayed "$gw")
  for pl in plain5k attach100k; do tp "$gw" check "$pl" 1 5 || fail=1; done
  r1=$(relayed "$gw")
  line="liveness $gw: 10 clean messages sent, sink loss 0: $( ((fail)) && echo no || echo yes), gateway logged outcome=relayed: $((r1 - r0))"
  if [[ $gw == gateway ]]; then (( r1 - r0 == 10 )) || fail=1
  else (( r1 - r0 == 0 )) && line+=" (no per-message log lines at WARN level)"; fi
  echo "# $line" >> "$out"; log "$line"
  (( fail )) && { log "LIVENESS CHECK FAILED for $gw"; exit 1; }
done

# ---- 4. warm-up until the JIT compilers are quiet -----------------------------------
for gw in ${targets#direct }; do
  jp=${gw_jpid[$gw]}
  for round in $(seq "$WARM_ROUNDS"); do
    read -r j0 a0 < <(jit_ticks "$jp")
    tp "$gw" warmup plain5k 16 "$WARM_PLAIN" >/dev/null 2>&1
    tp "$gw" warmup attach100k 16 "$WARM_ATTACH" >/dev/null 2>&1
    tp "$gw" warmup plain5k 1 $(( WARM_PLAIN / 5 )) >/dev/null 2>&1
    read -r j1 a1 < <(jit_ticks "$jp")
    share=$(awk -v j=$((j1 - j0)) -v a=$((a1 - a0)) 'BEGIN{printf "%.1f", (a > 0) ? 100 * j / a : 0}')
    log "warm-up $gw round $round: $((WARM_PLAIN + WARM_ATTACH + WARM_PLAIN / 5)) messages, JIT compiler threads used ${share}% of the JVM's CPU"
    echo "# warm-up $gw round $round: JIT share ${share}%" >> "$out"
    awk -v s="$share" 'BEGIN{exit !(s < 3)}' && break
  done
done
tp direct warmup plain5k 16 "$MSGS_DIRECT_PLAIN" >/dev/null 2>&1
heap_info "after warm-up"

# ---- 5. interleaved matrix ---------------------------------------------------------------
t_start=$(date +%s)
matrix_fail=0
rates_from=$out
if [[ -n $matrix_from ]]; then
  reps=0 rates_from=$matrix_from
  echo "# throughput matrix not run; rates for latency and profile from $(basename "$matrix_from")" >> "$out"
fi
for rep in $(seq "$reps"); do
  order=$targets
  (( rep % 2 == 0 )) && order=$(printf '%s\n' $targets | tac | paste -sd' ')
  for pl in $fixtures; do
    for s in $sessions_list; do
      for t in $order; do
        tp "$t" "$rep" "$pl" "$s" "$(msgs_of "$t" "$pl")" || matrix_fail=1
      done
    done
  done
  log "rep $rep done ($(( $(date +%s) - t_start ))s elapsed)"
done
(( reps )) && heap_info "after the throughput matrix"
log "gateway log: $(wc -c < "$state/gateway/gateway.log") bytes for $(relayed gateway) relayed messages"
echo "# gateway INFO log file: $(wc -c < "$state/gateway/gateway.log") bytes, $(relayed gateway) outcome=relayed lines ($(awk -v b="$(wc -c < "$state/gateway/gateway.log")" -v n="$(relayed gateway)" 'BEGIN{printf "%.0f", n ? b / n : 0}') bytes per message)" >> "$out"

# ---- 6. latency at half the 16-session gateway rate -----------------------------------
median_rate() { # label fixture sessions
  grep -E "^rep=[0-9]+ label=$1 .* sessions=$3 .*payload=file:$2\.eml" "$rates_from" | grep -o 'e2e_rate=[0-9.]*' | cut -d= -f2 |
    sort -n | awk '{a[NR]=$1} END{ if (NR) print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'
}
lat() { # target rep fixture rate count [extra latency.py args]
  local t=$1 rep=$2 pl=$3 rate=$4 count=$5 res pidopt=(); shift 5
  [[ $t != direct ]] && pidopt=(--pid "${gw_jpid[$t]}")
  res=$(timeout $(( LAT_SECONDS * 6 + 120 )) python3 "$here/latency.py" run --port "$(port_of "$t")" \
        --connections 16 --rate "$rate" --count "$count" --file "$state/fx/$pl.eml" --label "$t" \
        --max-seconds $(( LAT_SECONDS * 4 + 30 )) "${pidopt[@]}" "$@" 2>&1)
  printf '%s\n' "$res" >> "$lat_out.log"
  res=$(printf '%s\n' "$res" | grep '^LATENCY ')
  [[ -n $res ]] || { log "latency run failed ($t $pl)"; return 1; }
  printf 'rep=%s %s\n' "$rep" "${res#LATENCY }" >> "$lat_out"
  printf '%s\n' "$res" | awk '{for(i=2;i<=NF;i++){split($i,a,"=");v[a[1]]=a[2]} printf "  %-12s %-10s pipelining=%s offered=%s achieved=%s p50=%sms p99=%sms txn_p99=%sms lag_p99=%sms errors=%s rss=%sMB client_cpu=%sms/msg busy=%s%% psi=%s%%\n", v["label"], v["payload"], v["pipelining"], v["offered_rate"], v["achieved_rate"], v["eod_p50_ms"], v["eod_p99_ms"], v["txn_p99_ms"], v["lag_p99_ms"], v["errors"], v["rss_peak_mb"], v["client_cpu_ms_per_msg"], v["host_busy_pct"], v["psi_some_pct"]}' | tee -a "$out.log" >&2
}
if (( do_lat )); then
  s16=$(printf '%s\n' $sessions_list | sort -n | tail -1)
  echo "# latency: latency.py, 16 connections, open loop at half the gateway's median $s16-session rate (from $(basename "$rates_from")), $LAT_SECONDS s per run" > "$lat_out"
  for pl in $fixtures; do
    r=$(median_rate gateway "$pl" "$s16")
    [[ -n $r ]] || continue
    rate=$(awk -v r="$r" 'BEGIN{printf "%.0f", r / 2}')
    count=$(( rate * LAT_SECONDS ))
    echo "# $pl: gateway median rate at $s16 sessions $r msgs/s -> offered $rate msgs/s, $count messages per run" >> "$lat_out"
    log "latency $pl: offered $rate msgs/s (half of $r), $count messages per run, pipelining off"
    for rep in $(seq "$LAT_REPS"); do
      order="direct gateway"; (( rep % 2 == 0 )) && order="gateway direct"
      for t in $order; do lat "$t" "$rep" "$pl" "$rate" "$count" --no-pipelining; done
    done
  done
  heap_info "after latency runs without pipelining"
  # the same with MAIL/RCPT/DATA pipelined, as Postfix's SMTP client sends them
  r=$(median_rate gateway plain5k "$s16")
  if [[ -n $r ]]; then
    rate=$(awk -v r="$r" 'BEGIN{printf "%.0f", r / 2}')
    count=$(( rate * LAT_SECONDS / 3 ))
    log "latency plain5k: offered $rate msgs/s, $count messages per run, pipelining on"
    for rep in $(seq $(( (LAT_REPS + 1) / 2 ))); do
      order="direct gateway"; (( rep % 2 == 0 )) && order="gateway direct"
      for t in $order; do lat "$t" "$rep" plain5k "$rate" "$count"; done
    done
    for t in direct gateway; do
      for qa in "" --quickack; do
        res=$(timeout 120 python3 "$here/latency.py" probe --port "$(port_of "$t")" --file "$state/fx/plain5k.eml" \
              --label "$t" --count 50 $qa 2>&1 | grep '^PROBE')
        echo "# $res" >> "$lat_out"; log "$res"
      done
    done
  fi
fi

# ---- 7. profile ------------------------------------------------------------------------
# Starting JFR makes HotSpot deoptimise and recompile (measured: the C2 thread took ~30 % of
# the JVM's CPU for tens of thousands of messages afterwards). So JFR is started once, the
# mixed load is repeated until the compilers are quiet again, and only then are the measured
# windows taken; profile.py reads just those windows from the recording.
if (( do_prof )); then
  jp=${gw_jpid[gateway]}
  : > "$prof_out"
  jcmd "$jp" JFR.start name=bench settings="$here/profile.jfc" filename="$state/profile.jfr" >/dev/null
  for round in $(seq "$WARM_ROUNDS"); do
    read -r j0 a0 < <(jit_ticks "$jp")
    tp gateway jfr-settle plain5k 16 "$WARM_PLAIN" >/dev/null 2>&1
    tp gateway jfr-settle attach100k 16 "$WARM_ATTACH" >/dev/null 2>&1
    read -r j1 a1 < <(jit_ticks "$jp")
    share=$(awk -v j=$((j1 - j0)) -v a=$((a1 - a0)) 'BEGIN{printf "%.1f", (a > 0) ? 100 * j / a : 0}')
    log "profile: JFR on, settle round $round: JIT compiler threads used ${share}% of the JVM's CPU"
    echo "# profile: JFR on, settle round $round: JIT share ${share}%" >> "$out"
    awk -v s="$share" 'BEGIN{exit !(s < 3)}' && break
  done
  for pl in $fixtures; do
    r=$(median_rate gateway "$pl" 16); r=${r:-500}
    m=$(awk -v r="$r" -v s="$PROF_SECONDS" 'BEGIN{printf "%.0f", r * s}')
    log "profile: $pl, 16 sessions, $m messages, JFR + per-thread CPU + Thread.print"
    python3 "$here/profile.py" threads "$jp" > "$state/threads-$pl-a.txt"
    ( for i in $(seq 8); do sleep $(( PROF_SECONDS / 8 + 1 )); jcmd "$jp" Thread.print > "$state/stacks-$pl-$i.txt" 2>/dev/null; done ) &
    dumper=$!; bg_pids+=($dumper)
    begin=$(date +%H:%M:%S.%3N)
    tp gateway profile "$pl" 16 "$m"
    end=$(date +%H:%M:%S.%3N)
    kill "$dumper" 2>/dev/null; wait "$dumper" 2>/dev/null
    python3 "$here/profile.py" threads "$jp" > "$state/threads-$pl-b.txt"
    echo "$pl $begin $end $m" >> "$state/profile-windows.txt"
  done
  jcmd "$jp" JFR.stop name=bench >/dev/null
  while read -r pl begin end m; do
    { echo "## $pl, 16 sessions, $m messages through the gateway (INFO logging, JFR recording)"
      echo
      grep "^rep=profile .*payload=file:$pl" "$out" | tail -1 | sed 's/^/    /'
      echo
      echo "### CPU by thread (from /proc, user and system time)"
      echo
      python3 "$here/profile.py" threads-diff "$state/threads-$pl-a.txt" "$state/threads-$pl-b.txt" --msgs "$m"
      echo
      echo "### JFR"
      echo
      python3 "$here/profile.py" jfr "$state/profile.jfr" --msgs "$m" --begin "$begin" --end "$end"
      echo
      echo "### Thread.print snapshots"
      echo
      python3 "$here/profile.py" stacks "$state"/stacks-"$pl"-*.txt
      echo
    } >> "$prof_out" 2>&1
  done < "$state/profile-windows.txt"
fi

# ---- 8. summary ---------------------------------------------------------------------------
heap_info "at the end"
kill "${bg_pids[@]}" 2>/dev/null; wait "${bg_pids[@]}" 2>/dev/null; bg_pids=()
{ cat "$state/heapinfo.txt"
  echo "## jstat -gc -t ${gw_jpid[gateway]} 5000 (gateway, KB; Timestamp = JVM uptime s)"
  cat "$state/jstat.txt"
  cat "$state/rss.txt"; } >> "$mem_out"
{
  echo "# Postwarden pass-through benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  grep '^# ' "$out" | sed 's/^# /    /'
  echo
  echo "## Throughput (medians; ratio vs direct)"
  echo
  if (( reps )); then "$HARNESS/summarize.sh" "$out"; else echo "not run (see $(basename "$rates_from"))"; fi
  if (( warn )); then
    echo
    echo "## gateway vs $GW2_LABEL ($GW2_OPTS)"
    echo
    "$HARNESS/summarize.sh" "$out" "$GW2_LABEL" | awk -F'|' 'NR <= 2 || $2 ~ /^ gateway $/'
  fi
  if [[ -s $lat_out ]]; then
    echo
    echo "## Latency: end of DATA to the reply (latency.py)"
    echo
    grep '^# ' "$lat_out" | sed 's/^# /    /'
    echo
    python3 "$here/latency.py" summarize "$lat_out"
  fi
  echo
  echo "## Gateway memory"
  echo
  awk '$1 == "RSS" && $3 != "-" { if ($3 > m) m = $3 } END { printf "    peak RSS (5 s samples, whole run): %.0f MB\n", m / 1024 }' "$state/rss.txt"
  # jstat -gc -t columns: Timestamp S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT
  awk '$1 ~ /^[0-9.]+$/ && NF >= 20 { used = $4 + $5 + $7 + $9; if (used > mu) mu = used; if ($9 > mo) mo = $9; if ($11 > mm) mm = $11;
         if (!n++) { y0 = $14; f0 = $16; g0 = $20 } y = $14; f = $16; g = $20 }
       END { printf "    heap used (jstat S0U+S1U+EU+OU, 5 s samples) max %.1f MB, old generation max %.1f MB, metaspace max %.1f MB\n", mu / 1024, mo / 1024, mm / 1024;
             printf "    collections while sampled: %d young, %d full, %.2f s total GC time\n", y - y0, f - f0, g - g0 }' "$state/jstat.txt"
  echo
  echo "Wall time: $(( $(date +%s) - t_begin )) s. Raw: $(basename "$out"), $(basename "$lat_out"), $(basename "$mem_out"), $(basename "$prof_out")."
} > "$sum_out"
cat "$sum_out" >&2
log "summary: $sum_out"
(( matrix_fail )) && log "some runs failed or lost messages (see $out.log)"
exit "$matrix_fail"
