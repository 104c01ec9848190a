#!/bin/sh
# A 100 MB file through the CLI import: refused by size with its reason, the process stays small and exits normally.
set -eu
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
head -c 100000000 /dev/urandom > "$work/in/huge.txt"
cp seeds/000_e43356999c5a4606.txt "$work/in/good.txt"
dotnet build src/ReportArchive.Cli -v q -nologo >/dev/null
status=0
/usr/bin/time -v dotnet src/ReportArchive.Cli/bin/Debug/net10.0/ReportArchive.Cli.dll import "$work/in" --data-dir "$work/data" \
  > "$work/out.txt" 2> "$work/time.txt" || status=$?
cat "$work/out.txt"
grep "Maximum resident set size" "$work/time.txt"
grep -q "file too large" "$work/out.txt" && grep -q "Imported 1," "$work/out.txt" && [ "$status" -eq 1 ]
echo "ok: the 100 MB file was refused with its reason, the good file imported, exit code $status"
