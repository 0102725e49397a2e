#!/usr/bin/env bash
# Smoke-test the evaluators on tiny made-up samples (no corpus needed).
# Usage: bash tools/eval/selftest.sh [PATH/TO/copydesk]   (default: target/release/copydesk)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-target/release/copydesk}"
for s in quotes names furniture clean; do
  echo "== $s.py --selftest"
  python3 "$here/$s.py" --selftest --copydesk "$bin"
done
echo "all evaluator selftests passed"
