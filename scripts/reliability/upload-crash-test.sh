#!/bin/sh
# The long upload crash run: SIGKILLs the server at 20 seeded random moments while 4 clients upload 600 generated
# reports through POST /api/reports, and checks the archive through the API after each restart
# (tests/ReportArchive.Server.Tests/Reliability/UploadCrashTests.cs). CI runs 5 over 120.
set -eu
cd "$(dirname "$0")/../.."
RELIABILITY_UPLOAD_KILL_POINTS="${RELIABILITY_UPLOAD_KILL_POINTS:-20}" RELIABILITY_UPLOAD_REPORTS="${RELIABILITY_UPLOAD_REPORTS:-600}" \
  dotnet test tests/ReportArchive.Server.Tests --filter "FullyQualifiedName~UploadCrash" --logger "console;verbosity=detailed"
