"""Loading annotated documents: SCHEMA JSON Lines files, markup .txt files, or
folders of both, with problems reported as :class:`Finding` objects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..records import RecordError, json_lines
from .markup import MarkupError, read_markup_file

__all__ = ["Severity", "Finding", "Document", "files_under", "load"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found in the annotated data.

    ``severity`` is ``error`` for structural problems (the data is wrong or
    unusable) and ``warning`` for things to look at (normalizer disagreements,
    inconsistencies). ``code`` names the kind of check.
    """

    severity: Severity
    code: str
    source: str
    message: str
    doc: str = ""
    start: int | None = None
    end: int | None = None
    label: str | None = None
    field: str | None = None
    annotated: str | None = None
    normalizer: str | None = None

    def __str__(self) -> str:
        where = self.source + (f" [{self.doc}]" if self.doc else "")
        if self.start is not None:
            where += f" {self.start}:{self.end}"
        return f"{self.severity}: {where}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The finding as a JSON-ready dict (absent parts left out)."""
        return {k: v for k, v in self.__dict__.items() if v is not None and v != ""}


@dataclass(frozen=True)
class Document:
    """A record and where it came from (``path`` or ``path:line``)."""

    record: dict[str, Any]
    source: str


def _from_jsonl(path: Path) -> tuple[list[Document], list[Finding]]:
    docs: list[Document] = []
    problems: list[Finding] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Finding("error", "unreadable", str(path), str(exc))]
    for lineno, record in json_lines(lines):
        where = f"{path}:{lineno}"
        if isinstance(record, RecordError):
            problems.append(Finding("error", "json", where, str(record)))
            continue
        docs.append(Document(record, where))
    return docs, problems


def _from_markup(path: Path) -> tuple[list[Document], list[Finding]]:
    try:
        return [Document(read_markup_file(path), str(path))], []
    except MarkupError as exc:
        return [], [Finding("error", "markup", f"{exc.source}:{exc.line}:{exc.col}", exc.message, doc=path.stem)]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Finding("error", "unreadable", str(path), str(exc))]


#: Files that ``zhaoshang data build`` derives from the markup sources beside them.
DERIVED = ("corpus.jsonl", "train.jsonl", "dev.jsonl")


def files_under(path: Path) -> list[Path]:
    """The .jsonl and .txt files of ``path`` (itself, or a folder searched recursively), sorted.

    In a folder that holds markup sources, the files built from them
    (:data:`DERIVED`) are skipped: each document is checked once, at its source.
    """
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.rglob("*") if p.suffix in (".jsonl", ".txt") and p.is_file())
    if any(p.suffix == ".txt" for p in files):
        files = [p for p in files if p.name not in DERIVED]
    return files


def load(path: Path | str) -> tuple[list[Document], list[Finding]]:
    """All documents under ``path`` (a .jsonl file, a markup .txt file or a folder)."""
    path = Path(path)
    if not path.exists():
        return [], [Finding("error", "missing", str(path), "no such file or folder")]
    docs: list[Document] = []
    problems: list[Finding] = []
    files = files_under(path)
    if not files:
        problems.append(Finding("error", "missing", str(path), "folder holds no .jsonl or .txt files"))
    for file in files:
        got, found = _from_jsonl(file) if file.suffix == ".jsonl" else _from_markup(file)
        docs.extend(got)
        problems.extend(found)
    return docs, problems
