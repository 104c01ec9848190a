#!/usr/bin/env bash
# Installs the Debian packages the tests need, when one is missing: Chromium (the browser test drives it through
# Playwright for .NET; Playwright's own browser download cannot work here), fonts-wqy-zenhei (screenshots of
# Chinese pages) and curl (the README's curl examples are run as written). PDF reports are read in process by PdfPig:
# no poppler-utils (the benchmark's --pdf-readers mode compares against pdftotext when it is installed). `dotnet test`
# runs this before building a
# test project (tests/Directory.Build.targets), so on a fresh Debian machine with only the .NET SDK the README's test
# command does all the set-up. Set REPORTARCHIVE_SKIP_SETUP=1 to skip it.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test set-up: missing ${missing[*]} and no apt-get here: install them by hand" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "test set-up: missing ${missing[*]}; run as root or install them: apt-get install ${missing[*]}" >&2
    exit 0
  fi
fi

# Several test projects build at once: one installs, the others wait for it and then find nothing missing.
exec 9>"${TMPDIR:-/tmp}/reportarchive-test-packages.lock"
flock 9
still=()
for package in "${missing[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || still+=("$package"); done
[ ${#still[@]} -eq 0 ] && exit 0
echo "test set-up: installing ${still[*]} (Debian packages, once)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${still[@]}" >/dev/null
