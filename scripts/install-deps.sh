#!/usr/bin/env bash
# Installs the system (non-npm) tools GradeKit's tests and scripts rely on.
# Idempotent: each tool is installed only when missing; safe to run repeatedly.
# Debian/Ubuntu (apt-get). Run as root, or with sudo available.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: not root and sudo is not available; run as root." >&2
    exit 1
  fi
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found. Install these yourself: xmllint (libxml2-utils), soffice (libreoffice-calc)." >&2
  exit 1
fi

# Packages to install: "command:package" pairs.
#   xmllint   offline manifest validation (npm run validate)
#   soffice   LibreOffice, the independent spreadsheet engine of the interop tests
NEEDED=(
  "xmllint:libxml2-utils"
  "soffice:libreoffice-calc"
)

missing=()
for pair in "${NEEDED[@]}"; do
  cmd="${pair%%:*}"; pkg="${pair#*:}"
  if command -v "$cmd" >/dev/null 2>&1; then
    echo "install-deps: $cmd already present ($pkg)"
  else
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: nothing to install"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done"
