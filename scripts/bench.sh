#!/usr/bin/env bash
# The speed comparison side by side with peer libraries, one line per row:
#   work: project X, peer Y, ratio R, goal G, met yes|no
# Starts its own Azurite (root node_modules, data in a temporary folder) and the built server dll on free
# loopback ports; never touches .azurite/ or a running server. Not part of scripts/test.sh: timings are
# measured here, never asserted in tests. Takes several minutes on 2 cores; docs/performance.md records a run.
# Optional: HEALTHFUNCS_BENCH_ROUNDS (5): interleaved runs per contender, medians printed;
# HEALTHFUNCS_BENCH_ONLY=workbooks: only the flat export and upload rows (no Azurite, no server);
# HEALTHFUNCS_BENCH_ONLY=coldstart: only the cold start row;
# HEALTHFUNCS_BENCH_ONLY=consolidation: only the two province consolidation rows (JSON and .xlsx);
# HEALTHFUNCS_BENCH_ONLY=ingest: only the two API ingest rows.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi
dotnet build src/Functions -c Release -nologo -v quiet >&2
dotnet build tests/Benchmarks -c Release -nologo -v quiet >&2
dotnet tests/Benchmarks/bin/Release/net10.0/HealthFuncs.Benchmarks.dll side-by-side "$root" "${HEALTHFUNCS_BENCH_ROUNDS:-5}" ${HEALTHFUNCS_BENCH_ONLY:-}
