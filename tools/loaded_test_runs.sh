#!/usr/bin/env bash
# The README's test command three times in a row while two busy loops keep both cores busy:
# how the suite is checked to hold on a loaded machine (no assertion reads a clock).
#   bash tools/loaded_test_runs.sh [PYTHON]      (default .venv/bin/python)
set -u
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
python3 -c "while True: pass" & hog1=$!
python3 -c "while True: pass" & hog2=$!
trap 'kill $hog1 $hog2 2>/dev/null' EXIT
status=0
for run in 1 2 3; do
    "$python" -m pytest -q -p no:cacheprovider 2>&1 | tail -n 1 | sed "s/^/run $run: /"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
exit $status
