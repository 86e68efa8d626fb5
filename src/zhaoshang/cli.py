"""The ``zhaoshang`` command line. Commands are thin wrappers over plain functions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .corpus.cli import data_app

app = typer.Typer(
    help="Structured data from Chinese investment-attraction (招商引资) news.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(data_app, name="data")


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


@app.command("train")
def train_command(
    config: Annotated[Path, typer.Option(help="spaCy training config.")] = Path("configs/charword.cfg"),
    train_path: Annotated[Path, typer.Option("--train", help="SCHEMA JSON Lines training file.")] = Path(
        "training_data/train.jsonl"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the pipeline.")] = Path(
        "models/zh_zhaoshang"),
    public: Annotated[int, typer.Option(help="Add this many sentences of the public corpora in ../shared/data.")] = 0,
    max_steps: Annotated[Optional[int], typer.Option(help="Override training.max_steps.")] = None,
    settings: Annotated[Optional[list[str]], typer.Option(
        "--set", help="Override any config value, e.g. --set components.tok2vec.model.encode.width=128 "
                      "(the value is read as JSON where it parses, else as a string).")] = None,
) -> None:
    """Retrain the pipeline from annotated documents (fixed seed, CPU)."""
    import json

    from .training import train

    overrides: dict[str, object] = {} if max_steps is None else {"training.max_steps": max_steps}
    for item in settings or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--set")
        try:
            overrides[key.strip()] = json.loads(raw)
        except ValueError:
            overrides[key.strip()] = raw
    path = train(config, train_path, output, public_limit=public, overrides=overrides)
    typer.echo(f"pipeline written to {path}")


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="SCHEMA JSON Lines file with gold spans.")],
    model: Annotated[Optional[Path], typer.Option(help="Pipeline directory (default: the shipped model).")] = None,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="Score the rule layer alone, no model.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    errors: Annotated[int, typer.Option(help="How many errors to list in the text report.")] = 200,
) -> None:
    """Per-label precision, recall and F1 (exact span match), value accuracy and errors."""
    import json

    from tqdm import tqdm

    from .evaluation import evaluate_records, format_report
    from .parser import Parser, _default_parser, load
    from .records import read_records

    records = list(read_records(gold))
    parser = Parser(None) if rules_only else load(model) if model else _default_parser()
    results = parser.parse_many(str(r["text"]) for r in records)
    predicted = {}
    for record, result in tqdm(zip(records, results), total=len(records), desc="evaluating", unit="doc",
                               file=sys.stderr, disable=len(records) < 2):
        predicted[str(record["id"])] = result.to_record(str(record["id"]))
    report = evaluate_records(records, predicted)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        typer.echo(format_report(report, max_errors=errors))


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
