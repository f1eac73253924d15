#!/usr/bin/env bash
# Builds the deployable Azure Functions app for HealthFuncs:
#   publish/app/                     the .NET isolated worker package: the app, host.json,
#                                    functions.metadata, worker.config.json, extensions.json (all four
#                                    written by the Functions worker SDK at publish), and the Excel
#                                    add-in's built files under addin/ (served at /api/addin/)
#   publish/healthfuncs-functions.zip  the same folder, zipped for `az functionapp deployment source config-zip`
#   publish/manifest.prod.xml        the add-in manifest pointing at the deployed app (with --app-url)
#
# Usage: bash scripts/publish.sh [--out DIR] [--app-url https://func-healthfuncs-prod.azurewebsites.net]
#
# Framework-dependent for linux-x64: the Flex Consumption "dotnet-isolated" 10.0 runtime brings
# .NET 10. The functions (one HTTP function handing every /api request to the API, one timer per
# scheduled job) are read from the code by the worker SDK, so they always match what is deployed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/publish"
app_url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --app-url) app_url="${2%/}"; shift 2 ;;
    *) echo "unknown option: $1 (use --out DIR, --app-url URL)" >&2; exit 2 ;;
  esac
done

app="$out/app"
zip="$out/healthfuncs-functions.zip"
rm -rf "$app" "$zip"
mkdir -p "$out"

echo "Publishing the isolated worker (linux-x64) to $app"
# ReadyToRun: the assemblies carry native code for linux-x64, so a cold start compiles far less before its first
# answer (about 95 ms of 500 on the 2-core development machine; docs/performance.md). The package grows from about
# 21 to 47 MB (the zip to about 18 MB).
dotnet publish "$root/src/Functions" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -p:DebugType=none -p:GenerateDocumentationFile=false -o "$app" -nologo -v quiet
cp "$root/host.json" "$app/host.json"
for file in functions.metadata worker.config.json extensions.json; do
  if [ ! -f "$app/$file" ]; then
    echo "the worker SDK did not write $file into $app" >&2
    exit 1
  fi
done

addin="$root/src/ExcelAddin"
if [ -f "$addin/package.json" ] && grep -q '"build"' "$addin/package.json"; then
  echo "Building the Excel add-in"
  if [ -f "$addin/package-lock.json" ] && [ ! -d "$addin/node_modules" ]; then
    (cd "$addin" && npm ci --no-audit --no-fund)
  fi
  (cd "$addin" && npm run build)
  dist="$addin/${ADDIN_DIST:-dist}"
  if [ ! -d "$dist" ]; then
    echo "the add-in build did not produce $dist (set ADDIN_DIST to its output folder)" >&2
    exit 1
  fi
  mkdir -p "$app/addin"
  cp -R "$dist/." "$app/addin/"

  manifest="$(ls "$addin"/manifest.xml "$dist"/manifest.xml 2>/dev/null | head -n1 || true)"
  if [ -n "$app_url" ] && [ -n "$manifest" ]; then
    # The development manifest points at the local dev server; production serves the same files
    # from the function app under /api/addin (the add-in's build uses relative paths).
    python3 - "$manifest" "$out/manifest.prod.xml" "$app_url" <<'PY'
import re, sys
import xml.dom.minidom
source, target, origin = sys.argv[1:4]
text = open(source, encoding="utf-8").read()
# AppDomain takes an origin; every other URL moves under /api/addin, where the app serves the files.
text = re.sub(r"<AppDomain>\s*https://localhost(:\d+)?/?\s*</AppDomain>", f"<AppDomain>{origin}</AppDomain>", text)
text = re.sub(r"https://localhost(:\d+)?", origin + "/api/addin", text)
xml.dom.minidom.parseString(text.encode("utf-8"))  # still well-formed
open(target, "w", encoding="utf-8").write(text)
PY
    echo "Production manifest: $out/manifest.prod.xml"
  elif [ -z "$app_url" ]; then
    echo "No --app-url given: no production manifest written"
  fi
else
  echo "No add-in build script in src/ExcelAddin: add-in files not included"
fi

echo "Zipping to $zip"
python3 - "$app" "$zip" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1:3]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            # ZipFile.write keeps the Unix mode, so the executable stays executable after deployment.
            archive.write(path, os.path.relpath(path, root))
PY
echo "Done: $zip ($(du -h "$zip" | cut -f1))"
