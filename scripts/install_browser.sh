#!/usr/bin/env bash
# Debian's chromium for the browser tests (tests/test_serve_browser.py): installed from apt when
# missing. Playwright drives it as it is; no browser is ever downloaded by Playwright.
set -euo pipefail
CHROMIUM="${CLAIMGRAPH_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null; then
  echo "install_browser: $CHROMIUM is missing and I cannot install it (not root); the browser tests will be skipped" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
echo "install_browser: installing Debian's chromium (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version >&2
