#!/usr/bin/env bash
# run-load-compare.sh - cold signature database load only: clamd (launch -> first PONG) against one or
# more Postwarden benchmark jars (a fresh JVM each: ScanThroughput loads the database and scans one
# empty file), interleaved REPS times on the same database.
#
#   bench/scan/run-load-compare.sh
#   REPS=5 DB=ndb100k_hdb1m JARS="/tmp/before.jar bench/target/benchmarks.jar" bench/scan/run-load-compare.sh
#   JARS="bench/target/benchmarks.jar bench/target/benchmarks.jar+cds" bench/scan/run-load-compare.sh
#
# A jar named with "+cds" runs with an application class-data sharing archive (JDK 17 dynamic AppCDS),
# made first by one untimed load with -XX:ArchiveClassesAtExit: the JVM then maps the classes of the
# scan engine and of logging instead of loading and verifying them.
#
# Uses the shared harness in ../shared/bench/scan (signatures, clamd recipe) and the signatures that
# run-scan-compare.sh generates (work/sigs; SIGS=DIR to use others). Per run: clamd's launch -> PONG and RSS after loading
# (VmRSS, VmHWM); for each jar the load call (load_s), process launch -> loaded (launch_s, JVM start-up
# included: the figure to set beside clamd's) and RSS after loading and at peak. Output:
# work/load-compare/results.tsv and summary.md (medians; ratio = jar / clamd).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED_SCAN:-$repo/../shared/bench/scan}
here=$shared # lib.sh renders its clamd.conf.in from $here
# shellcheck source=/dev/null
source "$shared/lib.sh"
work=${WORK:-$repo/bench/scan/work}
sigs=${SIGS:-$work/sigs}
out=${LOAD_OUT:-$work/load-compare}
REPS=${REPS:-5}
DB=${DB:-ndb100k_hdb1m}
JARS=${JARS:-$repo/bench/target/benchmarks.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseSerialGC}

trap 'stop_clamd' EXIT
trap 'exit 130' INT TERM

for jar in $JARS; do
  [ -f "${jar%+cds}" ] || { echo "no such jar: ${jar%+cds} (build: ./mvnw -B -DskipTests package)" >&2; exit 2; }
done
[ -f "$sigs/synth/synth.ndb" ] || SIGS_OUT="$sigs" bash "$shared/make-sigs.sh" >/dev/null

dbdir=$out/db/$DB
rm -rf "$dbdir"; mkdir -p "$dbdir"
cp "$sigs/oracle/all/"* "$dbdir/"
case $DB in
  small) ;;
  ndb100k) cp "$sigs/synth/synth.ndb" "$dbdir/" ;;
  ndb100k_hdb1m) cp "$sigs/synth/synth.ndb" "$sigs/synth/synth.hdb" "$dbdir/" ;;
  *) echo "unknown DB $DB" >&2; exit 2 ;;
esac
: > "$out/empty.txt"
cat "$dbdir"/* > /dev/null   # page cache warm for every run

{
  echo "date: $(date -u +%FT%TZ)"; echo "host: $(nproc) cpus, $(free -g | awk '/Mem:/ {print $2}') GiB"
  clamd --version; java -version 2>&1 | head -1
  echo "DB=$DB REPS=$REPS JAVA_OPTS=$JAVA_OPTS"
  for jar in $JARS; do echo "jar: $jar ($(stat -c %y "$jar"))"; done
} > "$out/env.txt"
cat "$out/env.txt"

n=0
for jar in $JARS; do
  n=$((n + 1))
  if [ "$jar" != "${jar%+cds}" ]; then
    rm -f "$out/jar$n.jsa"
    # shellcheck disable=SC2086
    java -XX:ArchiveClassesAtExit="$out/jar$n.jsa" $JAVA_OPTS -cp "${jar%+cds}" com.postwarden.bench.ScanThroughput \
        --db "$dbdir" --threads 1 "$out/empty.txt" > "$out/cds-jar$n.log" 2>&1
  fi
done

res=$out/results.tsv
printf 'rep\tengine\tload_s\tlaunch_s\tcpu_s\trss_loaded_mb\trss_peak_mb\tloadavg\n' > "$res"
for rep in $(seq "$REPS"); do
  run=$out/run-clamd; rm -rf "$run"; mkdir -p "$run"
  render_clamd_conf "$run" "$dbdir" "$(free_port)" 1 yes
  start_clamd "$run"
  printf '%s\tclamd\t%s\t%s\t%s\t%.0f\t%.0f\t%s\n' "$rep" "$CLAMD_LOAD_S" "$CLAMD_LOAD_S" "$(proc_cpu_s "$CLAMD_PID")" \
      "$(( $(proc_kb "$CLAMD_PID" VmRSS) / 1024 ))" "$(( $(proc_kb "$CLAMD_PID" VmHWM) / 1024 ))" \
      "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" >> "$res"
  stop_clamd
  tail -1 "$res"
  n=0
  for jar in $JARS; do
    n=$((n + 1))
    log=$out/log-$rep-jar$n.txt
    cds=
    [ "$jar" != "${jar%+cds}" ] && cds=-XX:SharedArchiveFile=$out/jar$n.jsa
    # shellcheck disable=SC2086
    /usr/bin/time -f 'cpu %U %S' java $cds $JAVA_OPTS -cp "${jar%+cds}" com.postwarden.bench.ScanThroughput \
        --db "$dbdir" --threads 1 "$out/empty.txt" > "$log" 2>&1
    python3 - "$rep" "jar$n" "$log" >> "$res" <<'PY'
import json, sys
rep, name, log = sys.argv[1:]
lines = open(log).read().splitlines()
r = json.loads([l for l in lines if l.startswith("{")][-1])
cpu = [l.split() for l in lines if l.startswith("cpu ")][-1]
la = open("/proc/loadavg").read().split()[:3]
print("\t".join([rep, name, f"{r['loadSeconds']:.2f}", f"{r.get('startupSeconds', -1):.2f}",
                 f"{float(cpu[1]) + float(cpu[2]):.2f}", f"{r['rssLoadedKb']/1024:.0f}",
                 f"{r['rssPeakKb']/1024:.0f}", "/".join(la)]))
PY
    tail -1 "$res"
  done
done

python3 - "$res" "$JARS" > "$out/summary.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
jars = sys.argv[2].split()
med = lambda rs, f: statistics.median(float(r[f]) for r in rs)
engines = list(dict.fromkeys(r["engine"] for r in rows))
names = {f"jar{i + 1}": jar for i, jar in enumerate(jars)}
c = [r for r in rows if r["engine"] == "clamd"]
print("medians over runs; clamd: launch -> first PONG, CPU s until then; jars: load call, launch -> loaded, "
      "CPU s of the whole JVM (load, one empty file scanned, exit); ratio = jar / clamd\n")
print("| engine | runs | load s | launch → loaded s | CPU s | RSS loaded MiB | RSS peak MiB | launch ratio | RSS peak ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for e in engines:
    rs = [r for r in rows if r["engine"] == e]
    print(f"| {names.get(e, e)} | {len(rs)} | {med(rs, 'load_s'):.2f} | {med(rs, 'launch_s'):.2f} | "
          f"{med(rs, 'cpu_s'):.2f} | {med(rs, 'rss_loaded_mb'):.0f} | {med(rs, 'rss_peak_mb'):.0f} | "
          f"{med(rs, 'launch_s') / med(c, 'launch_s'):.2f} | {med(rs, 'rss_peak_mb') / med(c, 'rss_peak_mb'):.2f} |")
PY
cat "$out/summary.md"
echo "per-run rows: $res"
