#!/usr/bin/env bash
# Builds the zstd dictionary the archive compresses report texts with (Storage/Compact/TextDictionary.cs): the
# national template's standard wording as plain text, taken from the summary of the report format
# (shared/report-format.md) and the five sample reports (seeds/) — never from a generated corpus, whose sentence
# patterns would flatter the benchmark. zstd uses it as a "raw content" dictionary: earlier history every text may
# copy from. The output is committed and must never change: every stored text of format 2 needs exactly these bytes
# (a test pins its SHA-256). A different dictionary needs a new format byte.
# Usage: scripts/storage/build-text-dictionary.sh [path/to/report-format.md]
set -euo pipefail
cd "$(dirname "$0")/../.."
format="${1:-../shared/report-format.md}"
out=src/ReportArchive/Storage/Compact/Data/text-dictionary-1.bin
# The format summary first and the seeds last: zstd copies more cheaply from the nearer (later) history, and the
# seeds' wording is what reports repeat most.
LC_ALL=C cat "$format" $(LC_ALL=C ls seeds/*.txt | sort) > "$out"
sha256sum "$out"
