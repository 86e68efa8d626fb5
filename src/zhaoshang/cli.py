"""The ``zhaoshang`` command line. Commands are thin wrappers over plain functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="Structured data from Chinese investment-attraction (招商引资) news.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Structured data from Chinese investment-attraction (招商引资) news."""


@app.command("parse")
def parse_command(
    paths: Annotated[list[str], typer.Argument(
        help=".txt files, folders of them, .jsonl files of records with 'id' and 'text', or - for stdin.")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write records here instead of stdout.")] = None,
) -> None:
    """Parse documents and write one SCHEMA JSON Lines record per document."""
    from tqdm import tqdm

    from .documents import InputError, iter_documents
    from .parser import parse
    from .records import dumps

    items = list(iter_documents(paths))
    docs = [d for d in items if not isinstance(d, InputError)]
    failures = [d for d in items if isinstance(d, InputError)]
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for doc in tqdm(docs, desc="parsing", unit="doc", file=sys.stderr, disable=len(docs) < 2):
            try:
                result = parse(doc.text)
            except ValueError as exc:
                failures.append(InputError(doc.id, str(exc)))
                continue
            out.write(dumps(result.to_record(doc.id)) + "\n")
    finally:
        if output:
            out.close()
    for failure in failures:
        typer.echo(f"error: {failure.source}: {failure.reason}", err=True)
    if failures:
        raise typer.Exit(code=1)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
