"""Convert the jieba dictionary and HMM model shipped in the npm package nodejieba (MIT) into the
compact files embedded in ReportArchive.Analysis (src/ReportArchive.Analysis/Data/).

Usage: python3 scripts/dictionaries/convert_jieba.py [path/to/unpacked/nodejieba/package]
Without a path the pinned package is fetched with `npm pack`. Run once; the outputs are committed.

Outputs
  jieba-words.tsv.gz  `word<TAB>frequency`, one line per word, sorted by UTF-16 code units.
                      Words are NFKC-normalised and lower-cased like the analyzer's input; duplicates
                      keep the highest frequency; the part-of-speech column is dropped.
  jieba-hmm.tsv.gz    the B/M/E/S character HMM of jieba's finalseg (log probabilities):
                      `start<TAB>B<TAB>M<TAB>E<TAB>S`, four `trans<TAB>from<TAB>B<TAB>M<TAB>E<TAB>S`
                      lines, then `char<TAB>B<TAB>M<TAB>E<TAB>S` emission lines (empty = impossible).
  LICENSE-jieba.txt   the licence notices of nodejieba and cppjieba.
"""
import gzip
import pathlib
import sys
import unicodedata

from fetch_npm_package import unpack

PACKAGE = "nodejieba@3.5.8"
OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "ReportArchive.Analysis" / "Data"


def utf16_key(word: str) -> bytes:
    return word.encode("utf-16-be")


def write_gzip_text(path: pathlib.Path, lines: list[str]) -> None:
    # mtime=0 keeps the output byte-identical between runs.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))


def convert_words(dict_file: pathlib.Path) -> list[str]:
    frequencies: dict[str, int] = {}
    for line in dict_file.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word = unicodedata.normalize("NFKC", parts[0]).lower()
        if not word or any(ch.isspace() for ch in word):
            continue
        frequency = int(parts[1])
        if frequency > frequencies.get(word, 0):
            frequencies[word] = frequency
    return [f"{word}\t{frequencies[word]}" for word in sorted(frequencies, key=utf16_key)]


def convert_hmm(model_file: pathlib.Path) -> list[str]:
    # cppjieba's file: start row, 4x4 transition rows, then 4 emission rows, states in the order B E M S.
    rows = [line for line in model_file.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    order = ["B", "E", "M", "S"]
    target = ["B", "M", "E", "S"]

    def reorder(values: list[str]) -> list[str]:
        by_state = dict(zip(order, values))
        return [by_state[s] for s in target]

    def number(value: str) -> str:
        as_float = float(value)
        return "" if as_float < -1e90 else repr(round(as_float, 6))

    lines = ["start\t" + "\t".join(number(v) for v in reorder(rows[0].split()))]
    transitions = dict(zip(order, rows[1:5]))
    for state in target:
        lines.append(f"trans\t{state}\t" + "\t".join(number(v) for v in reorder(transitions[state].split())))
    emissions: dict[str, dict[str, str]] = {}
    for state, row in zip(order, rows[5:9]):
        for item in row.split(","):
            char, _, value = item.rpartition(":")
            emissions.setdefault(char, {})[state] = number(value)
    for char in sorted(emissions, key=utf16_key):
        lines.append(char + "\t" + "\t".join(emissions[char].get(s, "") for s in target))
    return lines


def main() -> None:
    package = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else unpack(PACKAGE)
    dict_dir = package / "submodules" / "cppjieba" / "dict"
    OUT.mkdir(parents=True, exist_ok=True)
    words = convert_words(dict_dir / "jieba.dict.utf8")
    write_gzip_text(OUT / "jieba-words.tsv.gz", words)
    write_gzip_text(OUT / "jieba-hmm.tsv.gz", convert_hmm(dict_dir / "hmm_model.utf8"))
    notice = [
        "The files jieba-words.tsv.gz and jieba-hmm.tsv.gz are converted from the dictionary",
        "(dict/jieba.dict.utf8) and the HMM model (dict/hmm_model.utf8) of cppjieba, as shipped in the",
        f"npm package {PACKAGE}, by scripts/dictionaries/convert_jieba.py (normalised, lower-cased,",
        "part-of-speech tags dropped, reformatted). Both are under the MIT licence, reproduced below.",
        "",
        "== nodejieba (LICENSE) ==",
        (package / "LICENSE").read_text(encoding="utf-8").strip(),
        "",
        "== cppjieba (submodules/cppjieba/LICENSE) ==",
        (package / "submodules" / "cppjieba" / "LICENSE").read_text(encoding="utf-8").strip(),
    ]
    (OUT / "LICENSE-jieba.txt").write_text("\n".join(notice) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
