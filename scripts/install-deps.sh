#!/usr/bin/env bash
# Installs the system (non-npm) tools GradeKit's tests need. `npm test` does this itself first
# (scripts/preflight.js); this script stays for older instructions and for CI images.
set -euo pipefail
exec node "$(dirname "$0")/preflight.js" "$@"
