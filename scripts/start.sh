#!/usr/bin/env bash
# Starts HealthFuncs on this machine:
#   1. installs the npm packages (Azurite) when missing,
#   2. starts Azurite on 127.0.0.1 with telemetry off, data in .azurite/ (log: .azurite/azurite.log),
#   3. loads the seeds (units, indicators, the plans' targets, users with their dev keys),
#   4. writes the seeded plan's annex and the province's consolidated workbook into out/,
#   5. starts the server on http://127.0.0.1:7071 (or HEALTHFUNCS_PORT),
#   6. sets up the sample province ("Số liệu mẫu") through the API as an administrator would, and shows what to try.
# Ctrl-C stops the server and Azurite. Data stays in .azurite/ for the next start (seeding again is safe).
# Optional settings: HEALTHFUNCS_PORT (7071), HEALTHFUNCS_STORAGE_PORTS ("10000 10001 10002": blob,
# queue, table), HEALTHFUNCS_DATA (.azurite), HEALTHFUNCS_OUT (out).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
port="${HEALTHFUNCS_PORT:-7071}"
read -r blob_port queue_port table_port <<<"${HEALTHFUNCS_STORAGE_PORTS:-10000 10001 10002}"
data="${HEALTHFUNCS_DATA:-.azurite}"
out="${HEALTHFUNCS_OUT:-out}"
url="http://127.0.0.1:$port"

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$blob_port" "$queue_port" "$table_port" "$port"; do
  if port_open "$p"; then
    echo "Port $p on 127.0.0.1 is already in use (another Azurite or server?). Stop it and run again." >&2
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

mkdir -p "$data"
node_modules/.bin/azurite --disableTelemetry --skipApiVersionCheck --location "$data" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$data/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  port_open "$table_port" && port_open "$blob_port" && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite stopped; see $data/azurite.log" >&2; exit 1; }
  sleep 0.2
done
port_open "$table_port" || { echo "Azurite did not start; see $data/azurite.log" >&2; exit 1; }
echo "Azurite: blob 127.0.0.1:$blob_port, table 127.0.0.1:$table_port (data in $data/)"

dotnet build src/Functions -c Release -nologo -v quiet
server=(dotnet "src/Functions/bin/Release/net10.0/HealthFuncs.Functions.dll")
# Azurite's publicly documented development account.
account="AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export Storage__ConnectionString="DefaultEndpointsProtocol=http;$account;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export Server__Port="$port"
# Local use: Development settings for the server and its operator commands alike.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
# The seeded plans are from 2021, long past their reporting deadlines. Locally the lock that follows a
# deadline is pushed out so those years can still be entered; a deployment keeps its configured calendar.
for level in Province District Commune Facility; do
  export "Workflow__Levels__${level}__DeadlineWorkingDays=10" "Workflow__Levels__${level}__LockWorkingDays=${HEALTHFUNCS_LOCK_WORKING_DAYS:-100000}"
done
"${server[@]}" seed --dev-keys
"${server[@]}" export plan --unit SD --period 2021 --out "$out/SD-2021-ke-hoach.xlsx"
"${server[@]}" export consolidated --unit TQ --period 2021 --out "$out/TQ-2021-tong-hop.xlsx"

"${server[@]}" &
server_pid=$!
for _ in $(seq 1 150); do
  port_open "$port" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "The server stopped." >&2; exit 1; }
  sleep 0.2
done

admin=$(node -e 'const u=require("./seeds/users.json").users.find(u=>u.id==="admin");console.log(u.devKey)')
node scripts/sample-province.mjs "$url" "$admin" || echo "The sample province could not be set up (see above); the seeded plans are unaffected." >&2

# The operator commands' default storage is Azurite's default ports; other ports need the full string.
storage="UseDevelopmentStorage=true"
[ "$blob_port $queue_port $table_port" = "10000 10001 10002" ] || storage="$Storage__ConnectionString"
key=$(node -e 'const u=require("./seeds/users.json").users.find(u=>u.id==="sd-pyt");console.log(u.devKey)')
province=$(node -e 'const u=require("./seeds/users.json").users.find(u=>u.id==="tq-syt");console.log(u.devKey)')
cat <<NEXT

HealthFuncs is running on $url  (OpenAPI: $url/openapi/v1.json)
Workbooks written: $out/SD-2021-ke-hoach.xlsx (Sơn Dương's 2021 plan annex),
                   $out/TQ-2021-tong-hop.xlsx (Tuyên Quang's districts consolidated for 2021).
Dev users and keys: seeds/users.json. Submitting figures: README.md ("Try it with curl") and
src/Functions/HealthFuncs.http. Try:

  curl -s $url/api/me -H 'X-Api-Key: $key'

  curl -s $url/api/units/SD/periods/2021/attainment -H 'X-Api-Key: $key'
  curl -s $url/api/units/TQ/periods/2021/consolidated -H 'X-Api-Key: $province'
  curl -s -o TQ-2021.xlsx $url/api/units/TQ/periods/2021/consolidated.xlsx -H 'X-Api-Key: $province'

Sample province MAU (Số liệu mẫu: four districts, 2025 monthly figures), as the administrator:
  curl -s -o MAU-2025-06.xlsx $url/api/units/MAU/periods/2025-M06/consolidated.xlsx -H 'X-Api-Key: $admin'
  curl -s '$url/api/units/MAU-D/indicators?year=2025' -H 'X-Api-Key: $admin'

Operator commands (seed, run-job, export) reach this Azurite with:
  export Storage__ConnectionString='$storage'

Ctrl-C stops the server and Azurite.
NEXT
wait "$server_pid"
