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
  echo "install-deps: apt-get not found. Install these yourself: xmllint (libxml2-utils), soffice (libreoffice-calc), chromium (at /usr/bin/chromium), pdftotext/pdftoppm (poppler-utils), a CJK font (fonts-wqy-zenhei)." >&2
  exit 1
fi

# Packages to install: "check:package" pairs. A check is a command (or a full path) that must be
# found, or font=NAME: a font whose fc-list entry contains NAME (any case).
#   xmllint   offline manifest validation (npm run validate)
#   soffice   LibreOffice, the independent spreadsheet engine of the interop tests
#   chromium  Debian's Chromium, the browser of the end-to-end tests (test/e2e, playwright-core; no
#             browser is ever downloaded). Checked by its full path, /usr/bin/chromium, which is what
#             the tests launch: a `chromium` elsewhere on PATH (a snap wrapper) does not count.
#   pdftotext poppler-utils (also pdftoppm): text and PNG pages of the printed forms (test/forms)
#   font=wqy  a CJK font, so LibreOffice prints Chinese as Chinese and not as boxes (test/forms)
NEEDED=(
  "xmllint:libxml2-utils"
  "soffice:libreoffice-calc"
  "/usr/bin/chromium:chromium"
  "pdftotext:poppler-utils"
  "font=wqy:fonts-wqy-zenhei"
)

present() {
  case "$1" in
    font=*) command -v fc-list >/dev/null 2>&1 && fc-list | grep -i -- "${1#font=}" >/dev/null ;; # no -q: with pipefail an early exit would fail fc-list
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for pair in "${NEEDED[@]}"; do
  cmd="${pair%%:*}"; pkg="${pair#*:}"
  if present "$cmd"; then
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
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}" # with recommends, as measured (toolchain notes)
echo "install-deps: done"
