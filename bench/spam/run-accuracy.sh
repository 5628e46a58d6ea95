#!/usr/bin/env bash
# run-accuracy.sh — Postwarden's spam scoring on the SpamAssassin public corpus with the fixed split of
# ../shared/bench/spam (TRAIN: spam-1, easy-ham-1, odd hard-ham-1; TEST: spam-2, easy-ham-2, even hard-ham-1),
# side by side with the references measured on the same split by the shared scripts.
#
#   the classifier learns TRAIN; TEST is scored with the shipped rules + classifier and with the rules alone;
#   network checks off; nothing is tuned on TEST.
#
# Usage: bench/spam/run-accuracy.sh [REFERENCES...]    REFERENCES: bogofilter sa (default: none; the last
#        results under bench/spam/results/<engine> are shown if present). sa runs spamd twice: 30-80 min.
# Env: CORPUS (an exported corpus: DIR with eml/; default: fetched with the shared get-corpus.sh into a temporary
#      directory, deleted at exit; needs npm), RESULTS (default bench/spam/results).
# Writes RESULTS/postwarden/{scores-postwarden.txt,scores-postwarden-rules.txt,metrics*.txt,timing.txt} and
# prints a summary table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
shared=${SHARED_SPAM:-$repo/../shared/bench/spam}
results=${RESULTS:-$here/results}
jar=$repo/bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }

fetched=""
cleanup() { if [ -n "$fetched" ]; then rm -rf "$fetched"; fi; }
trap cleanup EXIT
if [ -z "${CORPUS:-}" ]; then
  fetched=$(mktemp -d /tmp/pw-spamcorpus.XXXXXX)
  bash "$shared/get-corpus.sh" "$fetched" >&2
  CORPUS=$fetched
fi
[ -f "$CORPUS/eml/test.tsv" ] || { echo "no exported corpus at $CORPUS (eml/test.tsv)" >&2; exit 2; }

for ref in "$@"; do
  case $ref in
    bogofilter) CORPUS=$CORPUS RESULTS=$results bash "$shared/run-bogofilter.sh" >&2 ;;
    sa) CORPUS=$CORPUS RESULTS=$results bash "$shared/run-sa.sh" both >&2 ;;
    *) echo "unknown reference $ref" >&2; exit 2 ;;
  esac
done

out=$results/postwarden
mkdir -p "$out"
java -Xmx2g -cp "$jar" com.postwarden.bench.SpamCorpusRun "$CORPUS/eml" "$out"
python3 "$shared/evaluate.py" "$out/scores-postwarden.txt" --threshold 5.0 --name postwarden > "$out/metrics.txt"
python3 "$shared/evaluate.py" "$out/scores-postwarden-rules.txt" --threshold 5.0 --name postwarden-rules \
  > "$out/metrics-rules.txt"

python3 - "$results" <<'PY'
import os, re, sys
results = sys.argv[1]
rows = [("Postwarden (rules + classifier)", "postwarden/metrics.txt"),
        ("Postwarden (rules only)", "postwarden/metrics-rules.txt"),
        ("SpamAssassin 4 + Bayes", "sa-bayes/metrics.txt"),
        ("SpamAssassin 4, rules only", "sa-rules/metrics.txt"),
        ("bogofilter", "bogofilter/metrics.txt")]
print("| filter | ham FP at its threshold | hard-ham FP | spam recall at its threshold | recall at FP <= 0.1 % | recall at FP <= 1 % | ROC AUC |")
print("|---|---|---|---|---|---|---|")
for name, path in rows:
    p = os.path.join(results, path)
    if not os.path.exists(p):
        continue
    t = open(p).read()
    fp = re.search(r"ham FP rate ([\d.]+%)", t); hard = re.search(r"hard-ham FP ([\d.]+%)", t)
    rec = re.search(r"spam recall ([\d.]+%)", t)
    r01 = re.search(r"budget 0\.1%.*?spam recall ([\d.]+%)", t); r1 = re.search(r"budget 1\.0%.*?spam recall ([\d.]+%)", t)
    auc = re.search(r"ROC AUC ([\d.]+)", t)
    g = lambda m: m.group(1) if m else "-"
    print(f"| {name} | {g(fp)} | {g(hard)} | {g(rec)} | {g(r01)} | {g(r1)} | {g(auc)} |")
PY
cat "$out/timing.txt"
