#!/usr/bin/env bash
# Runs every test of HealthFuncs: the .NET suites (Core, the server against a real Azurite,
# workbooks, deployment) and the Excel add-in's suites. Ends with one summary line:
#   tests: N passed, N failed[, N skipped]
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

# npm packages exactly as locked (Azurite at the root, the add-in's tools in src/ExcelAddin), installed
# only when missing or older than the lock: `npm ci` empties node_modules first, which would pull
# Azurite from under a `scripts/start.sh` still running.
install() {
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    (cd "$1" && npm ci --no-audit --no-fund)
  fi
}

passed=0; failed=0; skipped=0; status=0
bash scripts/install-system-deps.sh || status=1
install . || status=1
[ -f src/ExcelAddin/package.json ] && { install src/ExcelAddin || status=1; }

dotnet build HealthFuncs.sln -c Release -nologo -v quiet || status=1
dotnet test HealthFuncs.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results/dotnet" || status=1
for trx in "$results"/dotnet/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ -f src/ExcelAddin/package.json ] && grep -q '"test"' src/ExcelAddin/package.json; then
  # The add-in's suites include its end-to-end test (Azurite, the server, the pane in Chromium),
  # so its counts already cover the browser tests.
  (cd src/ExcelAddin && npm test -- --reporter=default --reporter=json --outputFile="$results/addin.json") || status=1
  if [ -f "$results/addin.json" ]; then
    read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests+r.numTodoTests)' "$results/addin.json")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  fi
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "A build or test step failed before reporting its tests." >&2; fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
