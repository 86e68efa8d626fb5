"""Reading input documents for the CLI: .txt files, folders of them, .jsonl
record files and stdin. Problems are reported per file, never fatal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import RecordError, json_lines

__all__ = ["Document", "InputError", "iter_documents"]


@dataclass(frozen=True)
class Document:
    id: str
    text: str


@dataclass(frozen=True)
class InputError:
    """A file (or a line of one) that could not be read."""

    source: str
    reason: str


def _decode(data: bytes, source: str) -> str | InputError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(source, f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})")


def _from_jsonl(path: Path) -> Iterator[Document | InputError]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), exc.strerror or str(exc))
        return
    content = _decode(raw, str(path))
    if isinstance(content, InputError):
        yield content
        return
    for lineno, record in json_lines(content.splitlines()):
        where = f"{path}:{lineno}"
        if isinstance(record, RecordError):
            yield InputError(where, str(record))
            continue
        if not isinstance(record.get("text"), str):
            yield InputError(where, "a record needs a 'text' string")
            continue
        yield Document(str(record.get("id", f"{path.stem}-{lineno}")), record["text"])


def _from_txt(path: Path) -> Document | InputError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), exc.strerror or str(exc))
    content = _decode(raw, str(path))
    return content if isinstance(content, InputError) else Document(path.stem, content)


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    """Documents from ``paths`` in order: files, folders (their .txt and .jsonl
    files, sorted), or ``-`` for one document on stdin."""
    for name in paths:
        if name == "-":
            content = _decode(sys.stdin.buffer.read(), "<stdin>")
            yield content if isinstance(content, InputError) else Document("stdin", content)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file())
            if not files:
                yield InputError(name, "folder holds no .txt or .jsonl files")
        elif path.exists():
            files = [path]
        else:
            yield InputError(name, "no such file or folder")
            continue
        for file in files:
            if file.suffix == ".jsonl":
                yield from _from_jsonl(file)
            else:
                yield _from_txt(file)
