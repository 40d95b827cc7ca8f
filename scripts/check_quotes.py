"""Flag runs of consecutive words that a repository file shares with the article corpora we measure on.

The repository holds only our own words: a test, docstring, comment, data file or doc may describe a
story's case, not quote it. This lists every run of at least --words (6) consecutive words that a given
file shares with an article, with the file's line and the article's name.

    .venv/bin/python scripts/check_quotes.py $(git diff --name-only f043544..main)
    .venv/bin/python scripts/check_quotes.py src/claimgraph/graph/propositions.py --words 8
    .venv/bin/python scripts/check_quotes.py $(git ls-files tests src docs scripts) --skip-source examples

--skip-source NAME leaves out the articles under a directory of that name (examples: texts written for claimgraph).

Articles: ../shared/corpora/stories/*/articles, homenews/articles, wikinews/articles and ../shared/examples.
Words are compared lowercased, letters and digits only (punctuation and quoting do not hide a quote).
Exit status 1 when something is flagged.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
CORPORA = ("corpora/stories/*/articles/*.txt", "corpora/homenews/articles/*.txt",
           "corpora/wikinews/articles/*.txt", "examples/*.txt")
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def index(paths: list[Path], n: int) -> dict[tuple[str, ...], str]:
    """Every n-word run of the articles, to the first article holding it."""
    runs: dict[tuple[str, ...], str] = {}
    for path in paths:
        ws = words(path.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(ws) - n + 1):
            runs.setdefault(tuple(ws[i:i + n]), path.name)
    return runs


def quotes(text: str, runs: dict[tuple[str, ...], str], n: int) -> list[tuple[int, str, str]]:
    """(line, shared words, article) for each maximal run of >= n words the text shares with an article."""
    tokens, line, seen = [], 1, 0
    for m in WORD.finditer(text):
        line, seen = line + text.count("\n", seen, m.start()), m.start()
        tokens.append((m.group().lower(), line))
    found, i = [], 0
    while i + n <= len(tokens):
        article = runs.get(tuple(t for t, _ in tokens[i:i + n]))
        if article is None:
            i += 1
            continue
        end = i + n
        while end < len(tokens) and tuple(t for t, _ in tokens[end - n + 1:end + 1]) in runs:
            end += 1
        found.append((tokens[i][1], " ".join(t for t, _ in tokens[i:end]), article))
        i = end
    return found


def corpus_paths(shared: Path, skip: tuple[str, ...] = ()) -> list[Path]:
    """The articles, but those under a directory named in `skip`."""
    return sorted(p for pattern in CORPORA for p in shared.glob(pattern)
                  if not set(skip) & set(p.relative_to(shared).parts[:-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--words", type=int, default=6, help="shortest run flagged (default 6)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--skip-source", action="append", default=[], metavar="NAME",
                        help="leave out articles under a directory of this name (e.g. examples); repeatable")
    args = parser.parse_args(argv)
    runs = index(corpus_paths(args.shared, tuple(args.skip_source)), args.words)
    flagged = 0
    for path in args.files:
        if not path.is_file():
            continue
        for line, shared, article in quotes(path.read_text(encoding="utf-8", errors="replace"), runs, args.words):
            print(f"{path}:{line}: «{shared}» ({article})")
            flagged += 1
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
