#!/usr/bin/env bash
# Starts HealthFuncs on this machine:
#   1. installs the npm packages (Azurite) when missing,
#   2. starts Azurite on 127.0.0.1 with telemetry off, data in .azurite/ (log: .azurite/azurite.log),
#   3. loads the seeds (units, indicators, the plans' targets, users with their dev keys),
#   4. starts the server on http://127.0.0.1:7071 and shows what to try.
# Ctrl-C stops the server and Azurite. Data stays in .azurite/ for the next start (seeding again is safe).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 10000 10001 10002 7071; do
  if port_open "$port"; then
    echo "Port $port on 127.0.0.1 is already in use (another Azurite or server?). Stop it and run again." >&2
    exit 1
  fi
done

azurite_pid=""; server_pid=""
stop() {
  trap - EXIT INT TERM
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

mkdir -p .azurite
node_modules/.bin/azurite --disableTelemetry --skipApiVersionCheck --location .azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  port_open 10002 && port_open 10000 && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite stopped; see .azurite/azurite.log" >&2; exit 1; }
  sleep 0.2
done
port_open 10002 || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
echo "Azurite: blob 127.0.0.1:10000, table 127.0.0.1:10002 (data in .azurite/)"

dotnet build src/Functions -c Release -nologo -v quiet
server=(dotnet "src/Functions/bin/Release/net10.0/HealthFuncs.Functions.dll")
export Storage__ConnectionString="UseDevelopmentStorage=true"
# The seeded plans are from 2021, long past their reporting deadlines. Locally the lock that follows a
# deadline is pushed out so those years can still be entered; a deployment keeps its configured calendar.
for level in Province District Commune Facility; do
  export "Workflow__Levels__${level}__DeadlineWorkingDays=10" "Workflow__Levels__${level}__LockWorkingDays=${HEALTHFUNCS_LOCK_WORKING_DAYS:-100000}"
done
"${server[@]}" seed --dev-keys

"${server[@]}" &
server_pid=$!
for _ in $(seq 1 150); do
  port_open 7071 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "The server stopped." >&2; exit 1; }
  sleep 0.2
done

key=$(node -e 'const u=require("./seeds/users.json").users.find(u=>u.id==="sd-pyt");console.log(u.devKey)')
province=$(node -e 'const u=require("./seeds/users.json").users.find(u=>u.id==="tq-syt");console.log(u.devKey)')
cat <<NEXT

HealthFuncs is running on http://127.0.0.1:7071  (OpenAPI: http://127.0.0.1:7071/openapi/v1.json)
Dev users and keys: seeds/users.json. Sample requests: src/Functions/HealthFuncs.http. Try:

  curl -s http://127.0.0.1:7071/api/me -H 'X-Api-Key: $key'

  curl -s -X POST http://127.0.0.1:7071/api/units/SD/periods/2021/values -H 'X-Api-Key: $key' \\
    -H 'Content-Type: application/json' -H 'Idempotency-Key: sd-2021-first' \\
    -d '{"values":[{"indicatorCode":"KCB.GIUONG_BENH","value":420},{"indicatorCode":"KCB.LUOT_KHAM","value":265000}]}'

  curl -s http://127.0.0.1:7071/api/units/SD/periods/2021/attainment -H 'X-Api-Key: $key'
  curl -s http://127.0.0.1:7071/api/units/TQ/periods/2021/consolidated -H 'X-Api-Key: $province'

Ctrl-C stops the server and Azurite.
NEXT
wait "$server_pid"
