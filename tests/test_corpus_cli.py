"""The ``zhaoshang data`` commands."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from zhaoshang.cli import app

runner = CliRunner()


def write(folder: Path, name: str, markup: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(markup, encoding="utf-8")
    return path


def test_help_on_every_data_command() -> None:
    for args in (["data", "--help"], ["data", "validate", "--help"], ["data", "stats", "--help"],
                 ["data", "build", "--help"], ["data", "consistency", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output, args


def test_validate_exit_codes_and_summary(tmp_path: Path) -> None:
    good = write(tmp_path / "good", "a.txt", "签约[23项|COUNT value=32 unit=项]\n")
    result = runner.invoke(app, ["data", "validate", str(good.parent)])
    assert result.exit_code == 0
    assert "COUNT '23项' value: annotated 32, normalizer 23" in result.output
    assert result.output.splitlines()[-1] == "1 documents, 0 errors, 1 warnings"
    write(tmp_path / "good", "b.txt", "[北京|LOC\n")
    result = runner.invoke(app, ["data", "validate", str(good.parent)])
    assert result.exit_code == 1
    assert "b.txt:1:1 [b]: '[' opened here is never closed" in result.output


def test_stats_json_and_consistency(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write(folder, "a.txt", "[高景|ORG]在[西宁|LOC]")
    write(folder, "b.txt", "[高景|LOC]在西宁")
    result = runner.invoke(app, ["data", "stats", str(folder), "--json"])
    assert result.exit_code == 0
    stats = json.loads(result.output)
    assert stats["documents"] == 2 and stats["spans"]["ORG"] == 1 and stats["distinct"]["LOC"] == 2
    result = runner.invoke(app, ["data", "stats", str(folder)])
    assert result.exit_code == 0 and "documents            2" in result.output
    result = runner.invoke(app, ["data", "consistency", str(folder)])
    assert result.exit_code == 0
    assert "'高景' is labelled differently" in result.output and "unlabelled here" in result.output
    assert result.output.splitlines()[-1] == "2 documents, 2 warnings"


def test_build_command(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src, "001_57ab336347a84060.txt", "[西寧|LOC]實施招商引資項目[84項|COUNT]\n")
    write(src, "002_d961d57cd21cf1ce.txt", "[西宁|LOC]签约[23项|COUNT]\n")
    result = runner.invoke(app, ["data", "build", "--from", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "2 documents; train 0, dev 2; split.json created" in result.output
    assert (tmp_path / "out" / "corpus.jsonl").exists()
    write(src, "bad.txt", "[x|FOO]")
    result = runner.invoke(app, ["data", "build", "--from", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "unknown label 'FOO'" in result.output
