#!/usr/bin/env bash
# Debian packages the tests use: Chromium for the add-in's browser test, LibreOffice and
# openpyxl to open generated workbooks as a user's spreadsheet program would, and poppler's
# pdftoppm to keep the rendered pages as pictures.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium chromium-driver)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui fonts-liberation)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
