#!/usr/bin/env bash
# run-scan-compare.sh - the scan engine against clamd on the same corpus and the same signatures,
# side by side in one run, interleaved REPS times (issue 3's benchmark).
#
#   bench/scan/run-scan-compare.sh
#   REPS=3 DBS="small ndb100k ndb100k_hdb1m" CORPUS_MB=100 THREADS=2 bench/scan/run-scan-compare.sh
#
# Uses the shared harness in ../shared/bench/scan (signature and corpus generators, clamd recipe).
# For each database: clamd is started with its own config (DisableCache, MaxThreads=THREADS), its
# load time (launch -> first PONG) and RSS taken, then `clamdscan --multiscan` over the corpus; then
# Postwarden's engine in a JVM of its own (ScanThroughput: load, scan with THREADS threads, reload
# beside the running database), same figures; its launch_s is process launch -> database loaded (JVM start-up
# included), the figure to set beside clamd's launch -> first PONG (clamd's launch_s = its db_load_s).
# Output: work/compare/results.tsv (one row per run)
# and summary.md (medians and ratios). Needs: clamav clamav-daemon clamdscan, a built tree
# (./mvnw -B -DskipTests package).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED_SCAN:-$repo/../shared/bench/scan}
here=$shared # lib.sh renders its clamd.conf.in from $here
# shellcheck source=/dev/null
source "$shared/lib.sh"
work=${WORK:-$repo/bench/scan/work}
out=${COMPARE_OUT:-$work/compare}
corpus=${CORPUS:-$work/corpus}
REPS=${REPS:-3}
DBS=${DBS:-small ndb100k ndb100k_hdb1m}
THREADS=${THREADS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseSerialGC}
bench_jar=$repo/bench/target/benchmarks.jar

trap 'stop_clamd' EXIT
trap 'exit 130' INT TERM

[ -f "$bench_jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
[ -d "$corpus" ] || CORPUS="$corpus" CORPUS_MB="${CORPUS_MB:-100}" bash "$shared/make-corpus.sh"
[ -f "$work/sigs/synth/synth.ndb" ] || SIGS_OUT="$work/sigs" bash "$shared/make-sigs.sh" >/dev/null
files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
mb=$(python3 -c "print(f'{$bytes/1048576:.1f}')")

mkdir -p "$out"
for db in $DBS; do
  d=$out/db/$db; rm -rf "$d"; mkdir -p "$d"
  cp "$work/sigs/oracle/all/"* "$d/"
  case $db in
    small) ;;
    ndb100k) cp "$work/sigs/synth/synth.ndb" "$d/" ;;
    ndb100k_hdb1m) cp "$work/sigs/synth/synth.ndb" "$work/sigs/synth/synth.hdb" "$d/" ;;
    *) echo "unknown DB $db" >&2; exit 2 ;;
  esac
done

{
  echo "date: $(date -u +%FT%TZ)"; echo "host: $(nproc) cpus, $(free -g | awk '/Mem:/ {print $2}') GiB"
  clamd --version; java -version 2>&1 | head -1
  echo "corpus: $corpus  files=$files  MiB=$mb"
  echo "THREADS=$THREADS REPS=$REPS DBS=$DBS JAVA_OPTS=$JAVA_OPTS"
} > "$out/env.txt"
cat "$out/env.txt"
find "$corpus" -type f -exec cat {} + > /dev/null   # page cache warm for every run

res=$out/results.tsv
printf 'rep\tdb\tengine\twall_s\tcpu_s\tfiles\tinput_mb\tmb_per_s\tfiles_per_s\tdb_load_s\tlaunch_s\trss_loaded_mb\trss_peak_mb\tinfected\treload_s\treload_peak_mb\tloadavg\n' > "$res"

for rep in $(seq "$REPS"); do
  for db in $DBS; do
    dbdir=$out/db/$db
    # clamd
    run=$out/run-$db; rm -rf "$run"; mkdir -p "$run"
    render_clamd_conf "$run" "$dbdir" "$(free_port)" "$THREADS" yes
    start_clamd "$run"
    sleep 1
    rss_loaded=$(proc_kb "$CLAMD_PID" VmRSS)
    c0=$(proc_cpu_s "$CLAMD_PID"); t0=$(now)
    clamdscan --config-file="$run/clamd.conf" --multiscan -i "$corpus" > "$out/log-$rep-$db-clamd.txt" 2>&1 || true
    t1=$(now); c1=$(proc_cpu_s "$CLAMD_PID")
    inf=$(grep -c ' FOUND$' "$out/log-$rep-$db-clamd.txt" || true)
    python3 - "$rep" "$db" clamd "$t0" "$t1" "$c0" "$c1" "$files" "$mb" "$CLAMD_LOAD_S" "$rss_loaded" \
        "$(proc_kb "$CLAMD_PID" VmHWM)" "$inf" >> "$res" <<'PY'
import os, sys
rep, db, eng, t0, t1, c0, c1, files, mb, load, rl, rp, inf = sys.argv[1:]
w = float(t1) - float(t0)
la = open("/proc/loadavg").read().split()[:3]
print("\t".join([rep, db, eng, f"{w:.2f}", f"{float(c1)-float(c0):.2f}", files, mb, f"{float(mb)/w:.2f}",
                 f"{int(files)/w:.1f}", load, load, f"{int(rl)/1024:.0f}", f"{int(rp)/1024:.0f}", inf, "", "", "/".join(la)]))
PY
    tail -1 "$res"
    stop_clamd
    # postwarden
    # shellcheck disable=SC2086
    java $JAVA_OPTS -cp "$bench_jar" com.postwarden.bench.ScanThroughput --db "$dbdir" --threads "$THREADS" \
        --reload "$corpus" > "$out/log-$rep-$db-postwarden.txt" 2>&1
    python3 - "$rep" "$db" "$files" "$mb" "$out/log-$rep-$db-postwarden.txt" >> "$res" <<'PY'
import json, sys
rep, db, files, mb, log = sys.argv[1:]
r = json.loads([l for l in open(log) if l.startswith("{")][-1])
w = r["scanSeconds"]
la = open("/proc/loadavg").read().split()[:3]
print("\t".join([rep, db, "postwarden", f"{w:.2f}", f"{r['scanCpuSeconds']:.2f}", str(r["files"]), mb,
                 f"{float(mb)/w:.2f}", f"{r['files']/w:.1f}", f"{r['loadSeconds']:.2f}",
                 f"{r['startupSeconds']:.2f}", f"{r['rssLoadedKb']/1024:.0f}", f"{r['rssPeakKb']/1024:.0f}", str(r["infected"]),
                 f"{r['reloadSeconds']:.2f}", f"{r['reloadPeakKb']/1024:.0f}", "/".join(la)]))
PY
    tail -1 "$res"
  done
done

python3 - "$res" > "$out/summary.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
dbs = list(dict.fromkeys(r["db"] for r in rows))
med = lambda rs, f: statistics.median(float(r[f]) for r in rs if r[f] != "")
print("medians over runs; MiB = corpus bytes before unpacking; ratio = Postwarden / clamd\n")
print("| DB | engine | runs | MiB/s | files/s | CPU s | DB load s | launch → loaded s | RSS loaded MiB | RSS peak MiB | detections | reload s | RSS peak during reload MiB |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for db in dbs:
    for eng in ("clamd", "postwarden"):
        rs = [r for r in rows if r["db"] == db and r["engine"] == eng]
        reload = f"{med(rs, 'reload_s'):.2f} | {med(rs, 'reload_peak_mb'):.0f}" if eng == "postwarden" else "– | –"
        print(f"| {db} | {eng} | {len(rs)} | {med(rs, 'mb_per_s'):.2f} | {med(rs, 'files_per_s'):.0f} | "
              f"{med(rs, 'cpu_s'):.1f} | {med(rs, 'db_load_s'):.2f} | {med(rs, 'launch_s'):.2f} | "
              f"{med(rs, 'rss_loaded_mb'):.0f} | "
              f"{med(rs, 'rss_peak_mb'):.0f} | {max(int(r['infected']) for r in rs)} | {reload} |")
print("\n| DB | throughput ratio (MiB/s) | load time ratio | launch → loaded ratio | RSS peak ratio |")
print("|---|---|---|---|---|")
for db in dbs:
    c = [r for r in rows if r["db"] == db and r["engine"] == "clamd"]
    p = [r for r in rows if r["db"] == db and r["engine"] == "postwarden"]
    print(f"| {db} | {med(p, 'mb_per_s')/med(c, 'mb_per_s'):.2f} | {med(p, 'db_load_s')/med(c, 'db_load_s'):.2f} | "
          f"{med(p, 'launch_s')/med(c, 'launch_s'):.2f} | {med(p, 'rss_peak_mb')/med(c, 'rss_peak_mb'):.2f} |")
PY
cat "$out/summary.md"
echo "per-run rows: $res"
