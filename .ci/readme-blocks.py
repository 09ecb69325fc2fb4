#!/usr/bin/env python3
"""Extracts fenced code blocks from README.md, exactly as written, for the CI checks.

  readme-blocks.py README.md commands          prints the lines of every ```bash block in order,
                                                skipping a block preceded by <!-- ci: skip ... -->
  readme-blocks.py README.md commands --all    the same, skipped blocks included
  readme-blocks.py README.md files DIR         writes each block preceded by
                                                <!-- consumer: PATH --> to DIR/PATH

A marker applies to the next fenced block; only blank lines may stand between them.
"""
import pathlib
import re
import sys

MARKER = re.compile(r"^<!--\s*(ci:\s*skip|consumer:\s*(\S+))\b.*-->\s*$")


def blocks(text):
    """Yields (language, marker match or None, block text) for each fenced block."""
    lines = text.split("\n")
    marker = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = MARKER.match(line)
        if m:
            marker = m
            i += 1
            continue
        if line.startswith("```"):
            lang = line[3:].strip()
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            yield lang, marker, "\n".join(body) + "\n"
            marker = None
        elif line.strip():
            marker = None
        i += 1


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    text = pathlib.Path(argv[1]).read_text(encoding="utf-8")
    if argv[2] == "commands":
        everything = "--all" in argv[3:]
        for lang, marker, body in blocks(text):
            skipped = marker is not None and marker.group(1).startswith("ci")
            if lang == "bash" and (everything or not skipped):
                sys.stdout.write(body)
    elif argv[2] == "files" and len(argv) == 4:
        out = pathlib.Path(argv[3])
        written = 0
        for _, marker, body in blocks(text):
            if marker is not None and marker.group(2):
                target = out / marker.group(2)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(body, encoding="utf-8")
                print(target)
                written += 1
        if written == 0:
            sys.exit("readme-blocks.py: no <!-- consumer: PATH --> block in " + argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
