"""The zhaoshang command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhaoshang.cli import app

runner = CliRunner()


def records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_help_on_every_command() -> None:
    for args in (["--help"], ["parse", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output


def test_parse_folder_of_seeds(seed_texts: dict[str, str]) -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    result = runner.invoke(app, ["parse", str(seeds)])
    assert result.exit_code == 0
    recs = records(result.stdout)
    assert [r["id"] for r in recs] == list(seed_texts)
    for rec in recs:
        assert rec["text"] == seed_texts[str(rec["id"])]


def test_parse_jsonl_stdin_and_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "投资5亿元"}, ensure_ascii=False) + "\n\n"
                   + json.dumps({"id": "a2", "text": "签约3个项目"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["parse", str(src), "-", "-o", str(out)], input="增长12.5%")
    assert result.exit_code == 0, result.output
    recs = records(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in recs] == ["a1", "a2", "stdin"]
    assert recs[0]["spans"] == [{"start": 2, "end": 5, "label": "MONEY", "value": "500000000",
                                 "currency": "CNY", "bound": "exact"}]


def test_bad_files_are_named_others_still_parsed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("签约5个项目", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("投资".encode("gbk"))
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": "投资5亿元"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["parse", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert [r["id"] for r in records(result.stdout)] == ["x", "good"]
    assert "latin1.txt: not UTF-8" in result.stderr
    assert "broken.jsonl:2: not JSON" in result.stderr
    assert "missing.txt: no such file" in result.stderr


@pytest.mark.parametrize("args", [["parse"], ["nonsense"]])
def test_usage_errors_exit_nonzero(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code != 0


def test_train_rejects_a_malformed_override(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "--set", "no-equals-sign", "-o", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output
    assert not (tmp_path / "m").exists()
