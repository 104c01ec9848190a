#!/bin/sh
# The long upload transport fuzz: 2,000 seeded malformed uploads over raw sockets (framing, Content-Length lies,
# chunked errors, bad headers, multipart variants, huge headers, truncated and trickled bodies) to the real Kestrel
# server on 127.0.0.1 with 4 clients; no response may be a 5xx, the server must still answer /healthz, and the
# archive must pass integrity_check with every acknowledged upload whole
# (tests/ReportArchive.Server.Tests/Reliability/UploadTransportFuzzTests.cs). CI runs 300.
set -eu
cd "$(dirname "$0")/../.."
RELIABILITY_UPLOAD_FUZZ_CASES="${RELIABILITY_UPLOAD_FUZZ_CASES:-2000}" \
  dotnet test tests/ReportArchive.Server.Tests --filter "FullyQualifiedName~UploadTransportFuzz" --logger "console;verbosity=detailed"
