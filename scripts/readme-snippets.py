#!/usr/bin/env python3
"""Refreshes the code samples of README.md and docs/*.md from the tagged regions of the examples (STYLE:
samples are copied from compiled, tested code). A sample is a block opened by a line
`<!-- snippet: NAME -->` and the ```java fence after it; the block's body is replaced by the lines
between `// tag::NAME[]` and `// end::NAME[]` in examples/src/test and examples/spring-boot/src (every region of that name, in file
order, de-indented). ReadmeSnippetsIT fails the build when the README and the sources disagree."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted(p for tree in ("examples/src/test", "examples/spring-boot/src")
                 for p in (ROOT / tree).rglob("*") if p.suffix in (".java", ".sql"))


def region(name):
    lines, inside = [], False
    for source in SOURCES:
        for line in source.read_text().splitlines():
            if re.search(r"(//|--) tag::%s\[\]" % re.escape(name), line):
                inside = True
            elif re.search(r"(//|--) end::%s\[\]" % re.escape(name), line):
                inside = False
            elif inside:
                lines.append(line)
    if not lines:
        sys.exit("no region named %s in examples/src/test or examples/spring-boot/src" % name)
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return "\n".join("" if not l.strip() else l[indent:] for l in lines).strip()


def main():
    pattern = re.compile(r"(<!-- snippet: ([\w-]+) -->\n```(\w+)\n)(.*?)(^```$)", re.S | re.M)
    for page in [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text()
        page.write_text(pattern.sub(lambda m: m.group(1) + region(m.group(2)) + "\n" + m.group(5), text))


if __name__ == "__main__":
    main()
