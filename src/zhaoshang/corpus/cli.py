"""``zhaoshang data``: validate, describe and build the annotated corpus.

Thin typer commands over :mod:`zhaoshang.corpus`; heavy imports happen inside
the commands so that the main CLI starts fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

data_app = typer.Typer(
    help="Annotated corpus: validate, statistics, consistency, build of corpus.jsonl and the train/dev split.",
    no_args_is_help=True,
    add_completion=False,
)

PathArg = Annotated[Path, typer.Argument(help="A SCHEMA .jsonl file, a markup .txt file, or a folder of them.")]


@data_app.command("validate")
def validate_command(
    path: PathArg,
    no_values: Annotated[bool, typer.Option("--no-values", help="Skip the normalizer recomputation.")] = False,
) -> None:
    """Check offsets, labels, fields and values; list errors and normalizer warnings. Exit 1 on errors."""
    from .validate import validate_path

    report = validate_path(path, values=not no_values)
    for finding in report.errors + report.warnings:
        typer.echo(str(finding))
    typer.echo(report.summary())
    if report.errors:
        raise typer.Exit(code=1)


@data_app.command("consistency")
def consistency_command(path: PathArg) -> None:
    """List surface strings labelled differently, or labelled in one place and unlabelled in another."""
    from .consistency import consistency
    from .loading import load

    docs, problems = load(path)
    for finding in problems:
        typer.echo(str(finding))
    findings = consistency(docs)
    for finding in findings:
        typer.echo(str(finding))
    typer.echo(f"{len(docs)} documents, {len(findings)} warnings")
    if any(p.severity == "error" for p in problems):
        raise typer.Exit(code=1)


@data_app.command("stats")
def stats_command(
    path: PathArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
) -> None:
    """Documents, characters, spans and distinct values per label, Traditional share, max 8-gram overlap."""
    from .loading import load
    from .stats import compute, format_stats

    docs, problems = load(path)
    for finding in problems:
        typer.echo(str(finding), err=True)
    stats = compute([d.record for d in docs])
    typer.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=1) if as_json else format_stats(stats))
    if problems:
        raise typer.Exit(code=1)


@data_app.command("build")
def build_command(
    source: Annotated[Optional[list[Path]], typer.Option(
        "--from", help="Folder of markup .txt files (repeatable). Default: training_data/seeds and "
                       "training_data/authored.")] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Folder for corpus.jsonl, train.jsonl, dev.jsonl and split.json. Default: training_data.")
    ] = None,
) -> None:
    """Convert the markup files to corpus.jsonl and write the fixed train/dev split."""
    from .build import BuildError, build

    try:
        result = build(source or None, out)
    except BuildError as exc:
        for finding in exc.findings:
            typer.echo(str(finding), err=True)
        typer.echo(f"build failed: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    state = "created" if result.split_created else f"kept ({len(result.new_in_split)} new documents assigned)"
    typer.echo(f"{result.corpus}: {len(result.train) + len(result.dev)} documents; "
               f"train {len(result.train)}, dev {len(result.dev)}; split.json {state}")
