#!/bin/sh
# Screenshots of the search, report, statistics and agency pages at 1400×1000 and 390×844, on an archive of 2,000
# generated reports, through Debian's chromium: scripts/screenshots/take.sh [--out DIR] [--reports N] [--seed N]
# (default --out screenshots). The server and the archive are temporary; only the PNG files stay.
set -eu
cd "$(dirname "$0")/../.."
dotnet build tools/ReportArchive.Screenshots -v q -nologo | grep -E " error |rror\(s\)" || true
exec dotnet tools/ReportArchive.Screenshots/bin/Debug/net10.0/ReportArchive.Screenshots.dll "$@"
