#!/bin/sh
# The long form of the document fuzzer: REPORTARCHIVE_DOCUMENT_FUZZ malformed documents (default 1,200: 50 of each of
# 24 kinds, .docx nested 100,000 deep, 1 GB zip bombs, 8 MB attributes, .html nested 100,000 deep, broken .pdf)
# uploaded one by one to the built server as a child process: 0 5xx, 0 server deaths, integrity_check ok afterwards.
# The per-kind outcomes and timings are printed. CI runs the fast form (6 of each kind) in the server tests.
set -eu
cd "$(dirname "$0")/../.."
export REPORTARCHIVE_DOCUMENT_FUZZ="${REPORTARCHIVE_DOCUMENT_FUZZ:-1200}"
dotnet test tests/ReportArchive.Server.Tests --filter "FullyQualifiedName~DocumentUploadFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -vE '^\s*$'
