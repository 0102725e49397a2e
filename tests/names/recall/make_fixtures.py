#!/usr/bin/env python3
"""Builds the recall articles and sidecars from src/ (see src/README.md)."""
import pathlib
import re

HERE = pathlib.Path(__file__).parent
MARK = re.compile(r"\{\{([^|}]+)\|([^}]+)\}\}")

for src in sorted((HERE / "src").glob("*")):
    if src.suffix not in (".txt", ".md") or src.name.startswith("README"):
        continue
    text = src.read_text(encoding="utf-8")
    out_lines, expect = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        for m in MARK.finditer(line):
            expect.append(f"{n}\t{m.group(1)}\t{m.group(2)}")
        out_lines.append(MARK.sub(lambda m: m.group(1), line))
    (HERE / src.name).write_text("\n".join(out_lines), encoding="utf-8")
    (HERE / (src.stem + ".expect")).write_text("\n".join(expect) + "\n", encoding="utf-8")
