"""Write src/claimgraph/resolve/data/territory_words.json.gz from the installed rigour.

    .venv/bin/python scripts/territory_table.py

Run it after upgrading rigour: until then the entity stage notices the version change and asks
rigour itself, paying rigour's table build (about 2 s of CPU) in every process.
"""
import gzip
import json

from claimgraph.resolve.territories import TABLE, build_table


def main() -> None:
    table = build_table()
    data = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(TABLE, "wb", mtime=0) as handle:  # mtime 0: the same rigour gives the same bytes
        handle.write(data)
    print(f"{TABLE}: rigour {table['rigour']}, {len(table['names'])} names, {len(table['ids'])} identifiers")


if __name__ == "__main__":
    main()
