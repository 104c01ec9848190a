#!/bin/sh
# The long crash-safety run: SIGKILLs the CLI import of 3,000 generated reports at 24 seeded random moments and
# checks the archive after each (tests/ReportArchive.Cli.Tests/Reliability/ImportCrashTests.cs). CI runs 6 over 1,000.
set -eu
cd "$(dirname "$0")/../.."
RELIABILITY_KILL_POINTS="${RELIABILITY_KILL_POINTS:-24}" RELIABILITY_REPORTS="${RELIABILITY_REPORTS:-3000}" \
  dotnet test tests/ReportArchive.Cli.Tests --filter "FullyQualifiedName~ImportCrash" --logger "console;verbosity=detailed"
