#!/usr/bin/env bash
# Installs what the test suite needs: the system tools it drives (poppler, qpdf, Chromium,
# Firefox ESR, LibreOffice Writer and Calc, the Carlito font) from Debian, then the npm packages
# from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(poppler-utils qpdf chromium firefox-esr libreoffice-writer-nogui libreoffice-calc-nogui fonts-crosextra-carlito)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
