#!/usr/bin/env python
"""Speed, cold start and peak memory of zhaoshang, with jieba.posseg as the reference.

Run from the repository root (jieba comes with ``pip install -e '.[bench]'``)::

    python benchmarks/bench_parse.py                  # shipped model, Markdown table
    python benchmarks/bench_parse.py --model PATH     # a retrained model
    python benchmarks/bench_parse.py --json           # machine-readable results
    python benchmarks/bench_parse.py --write-docs     # also rewrite docs/performance.md
    python benchmarks/bench_parse.py --components-only --model PATH   # time per component

The text is fixed: the seed articles in ``REPO/../shared/seeds`` (sorted by file
name, joined with line ends) repeated and cut to exactly 100,000 characters.
Every configuration runs in its own fresh subprocess, so the peak RSS of one
(``getrusage(RUSAGE_SELF).ru_maxrss``; ``RUSAGE_CHILDREN`` for the
``n_process=2`` workers) never includes another's:

* ``docs``  - ``Parser.parse`` on each article-sized piece (~2,000 characters, cut at line ends);
* ``whole`` - one ``Parser.parse`` call on the whole text;
* ``many2`` - ``Parser.parse_many(pieces, n_process=2)``;
* ``jieba`` - ``jieba.posseg.cut`` over the whole text (the reference);
* ``cold``  - import zhaoshang, load the model, first parse, each timed separately;
* ``components`` - where the time goes: each pipeline component timed on its own over the articles.

Throughput is the best of ``--repeat`` runs after one warm-up parse (jieba:
after ``jieba.initialize()`` and a warm-up cut), so model loading and
dictionary loading are not counted; they are what the cold-start rows show.
Only the standard library is imported at module level: the worker
subprocesses time ``import zhaoshang`` themselves.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import hashlib
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DOCS = REPO / "docs" / "performance.md"

TEXT_CHARS = 100_000
PIECE_CHARS = 2_000
N_PROCESS = 2
GOAL_RATIO = 2.0  # zhaoshang chars/s at least this many times jieba.posseg's
GOAL_RSS_MB = 500.0  # peak RSS per process

CONFIGS = ("docs", "whole", "many2", "jieba", "cold", "components")
LABELS = {
    "docs": "`parse`, one call per article (~2,000 chars)",
    "whole": "`parse`, one call on the whole text",
    "many2": f"`parse_many(n_process={N_PROCESS})` over the articles",
    "jieba": "`jieba.posseg.cut` on the whole text (reference)",
}


# --------------------------------------------------------------------------- text


def build_text(seeds_dir: str | Path = SEEDS, n_chars: int = TEXT_CHARS) -> str:
    """The seed articles (sorted by name, one line end between them) repeated and cut to ``n_chars``."""
    paths = sorted(Path(seeds_dir).glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    unit = "".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in paths)
    if not unit.strip():
        raise ValueError(f"the seed articles in {seeds_dir} are empty")
    return (unit * (n_chars // len(unit) + 1))[:n_chars]


def split_articles(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of about ``size`` characters, each ending at a line end where possible."""
    pieces, start = [], 0
    while start < len(text):
        end = start + size
        if end >= len(text):
            end = len(text)
        else:
            cut = text.rfind("\n", start, end)
            if cut < 0:
                cut = text.find("\n", end)
            end = cut + 1 if cut >= 0 else len(text)
        pieces.append(text[start:end])
        start = end
    return pieces


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- workers


def _maxrss_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def _best_of(repeat: int, run: Any) -> tuple[list[float], Any]:
    times, out = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - t)
    return times, out


def _worker(name: str, model: str, seeds: str, repeat: int, batch_size: int) -> dict[str, Any]:
    text = build_text(seeds)
    pieces = split_articles(text)
    out: dict[str, Any] = {"config": name, "text_sha": _sha(text)}

    if name == "cold":
        t0 = time.perf_counter()
        import zhaoshang

        t1 = time.perf_counter()
        parser = zhaoshang.load(model)
        t2 = time.perf_counter()
        parser.parse(pieces[0])
        t3 = time.perf_counter()
        out.update(import_s=t1 - t0, load_s=t2 - t1, first_parse_s=t3 - t2,
                   first_parse_chars=len(pieces[0]), rss_mb=_maxrss_mb(resource.RUSAGE_SELF))
        return out

    if name == "components":
        import zhaoshang
        from zhaoshang.parser import _BATCH
        from zhaoshang.textnorm import normalize

        parser = zhaoshang.load(model)
        parser.parse(pieces[0])  # warm-up
        nlp = parser.nlp
        assert nlp is not None
        t = time.perf_counter()
        docs = [nlp.make_doc(normalize(p).text) for p in pieces]
        steps = [("normalize + tokenize", time.perf_counter() - t)]
        for pipe_name, pipe in nlp.pipeline:
            t = time.perf_counter()
            docs = list(pipe.pipe(docs, batch_size=_BATCH))
            steps.append((pipe_name, time.perf_counter() - t))
        out.update(steps=steps, chars=len(text), rss_mb=_maxrss_mb(resource.RUSAGE_SELF))
        return out

    if name == "jieba":
        import jieba
        import jieba.posseg as pseg

        jieba.setLogLevel(60)  # silence "Building prefix dict..." on stderr
        jieba.initialize()
        list(pseg.cut(pieces[0]))  # warm-up
        times, tokens = _best_of(repeat, lambda: list(pseg.cut(text)))
        out.update(calls=1, items=len(tokens))
    else:
        import zhaoshang

        parser = zhaoshang.load(model)
        parser.parse(pieces[0])  # warm-up
        if name == "docs":
            times, results = _best_of(repeat, lambda: [parser.parse(p) for p in pieces])
            out["calls"] = len(pieces)
        elif name == "whole":
            times, results = _best_of(repeat, lambda: [parser.parse(text)])
            out["calls"] = 1
        elif name == "many2":
            options = {"batch_size": batch_size} if batch_size > 0 else {}
            times, results = _best_of(repeat, lambda: list(
                parser.parse_many(pieces, n_process=N_PROCESS, **options)))
            out.update(calls=1, n_process=N_PROCESS, batch_size=batch_size or "default", docs=len(pieces))
            # spaCy joins its workers once the stream is exhausted, so they are counted here.
            out["workers_rss_mb"] = _maxrss_mb(resource.RUSAGE_CHILDREN)
        else:
            raise ValueError(f"unknown configuration {name!r}")
        out["items"] = sum(len(r.spans) for r in results)
    best = min(times)
    out.update(times_s=times, seconds=best, chars=len(text), chars_per_s=len(text) / best,
               rss_mb=_maxrss_mb(resource.RUSAGE_SELF))
    return out


def _run_worker(name: str, args: argparse.Namespace, model: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--model", model,
           "--seeds", str(args.seeds), "--repeat", str(args.repeat), "--batch-size", str(args.batch_size)]
    print(f"bench_parse: running {name} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        # Report the failure in the table instead of losing the other configurations.
        sys.stderr.write(proc.stderr)
        errors = [line.strip() for line in proc.stderr.splitlines() if "Error" in line or "error" in line]
        message = errors[-1] if errors else f"exit status {proc.returncode}"
        print(f"bench_parse: the {name} subprocess failed: {message}", file=sys.stderr)
        return {"config": name, "error": message}
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return json.loads(lines[-1])


# --------------------------------------------------------------------------- report


def _machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def ver(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "not installed"

    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": nproc, "cpu": cpu, "python": platform.python_version(), "spacy": ver("spacy"),
            "jieba": ver("jieba"), "zhaoshang": ver("zhaoshang"), "platform": platform.platform(),
            "loadavg_before": list(os.getloadavg())}


def _model_desc(model: str) -> str:
    try:
        meta = json.loads((Path(model) / "meta.json").read_text(encoding="utf-8"))
        return f"`{model}` ({meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')})"
    except (OSError, ValueError):
        return f"`{model}`"


def _command() -> str:
    script = Path(sys.argv[0]).resolve()
    try:
        script = script.relative_to(REPO)
    except ValueError:
        pass
    return shlex.join(["python", str(script), *sys.argv[1:]])


def _ok(r: dict[str, Any]) -> bool:
    return "error" not in r


def _ratios(res: dict[str, Any]) -> dict[str, float | None]:
    if not _ok(res["jieba"]):
        return {c: None for c in ("docs", "whole", "many2")}
    return {c: res[c]["chars_per_s"] / res["jieba"]["chars_per_s"] if _ok(res[c]) else None
            for c in ("docs", "whole", "many2")}


def _goals(res: dict[str, Any]) -> dict[str, Any]:
    """Goal verdicts; a failed configuration counts as not meeting either goal."""
    failed = [c for c in CONFIGS if not _ok(res[c])]
    ratios = {c: r for c, r in _ratios(res).items() if r is not None}
    best = max(ratios, key=ratios.get) if ratios else None
    rss = {c: res[c]["rss_mb"] for c in CONFIGS if c != "jieba" and _ok(res[c])}
    if _ok(res["many2"]):
        rss["many2 workers"] = res["many2"]["workers_rss_mb"]
    worst = max(rss, key=rss.get) if rss else None
    return {"failed": failed,
            "speed": {"goal_ratio": GOAL_RATIO, "best_config": best, "ratio": ratios.get(best),
                      "met": best is not None and ratios[best] >= GOAL_RATIO},
            "rss": {"goal_mb": GOAL_RSS_MB, "largest_config": worst, "largest_mb": rss.get(worst),
                    "met": worst is not None and rss[worst] <= GOAL_RSS_MB and not failed}}


def _components_table(comp: dict[str, Any]) -> list[str]:
    total = sum(s for _, s in comp["steps"])
    return ["| Where the time goes (each component alone, same articles) | Seconds | Share |",
            "|---|--:|--:|", *(f"| `{n}` | {s:.2f} | {s / total:.0%} |" for n, s in comp["steps"])]


def markdown(report: dict[str, Any]) -> str:
    res, ratios = report["results"], report["ratios_to_jieba"]
    t = report["text"]
    lines = [
        f"Text: {t['chars']:,} characters ({t['seeds']} seed articles repeated; sha256 {t['sha256']}), "
        f"{t['pieces']} articles of ~{PIECE_CHARS:,} characters. Model: {report['model_desc']}. "
        f"Throughput: best of {report['repeat']} runs after a warm-up.",
        "",
        "| Configuration | Calls | Seconds | Chars/s | × jieba.posseg | Peak RSS (MB) | Spans / tokens |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for c in ("docs", "whole", "many2", "jieba"):
        r = res[c]
        if not _ok(r):
            lines.append(f"| {LABELS[c]} | failed: {r['error'].replace('|', '/')} | | | | | |")
            continue
        rss = f"{r['rss_mb']:.0f}"
        if c == "many2":
            rss += f" + {r['workers_rss_mb']:.0f} per worker (largest)"
        ratio = "1.00×" if c == "jieba" else ("–" if ratios[c] is None else f"{ratios[c]:.2f}×")
        lines.append(f"| {LABELS[c]} | {r['calls']} | {r['seconds']:.2f} | {r['chars_per_s']:,.0f} | "
                     f"{ratio} | {rss} | {r['items']:,} |")
    cold = res["cold"]
    lines += ["", "| Cold start (fresh process) | Seconds |", "|---|--:|"]
    if _ok(cold):
        total = cold["import_s"] + cold["load_s"] + cold["first_parse_s"]
        lines += [
            f"| `import zhaoshang` | {cold['import_s']:.2f} |",
            f"| load the model (`zhaoshang.load`) | {cold['load_s']:.2f} |",
            f"| first parse ({cold['first_parse_chars']:,} chars) | {cold['first_parse_s']:.2f} |",
            f"| total (peak RSS {cold['rss_mb']:.0f} MB) | {total:.2f} |",
        ]
    else:
        lines.append(f"| failed: {cold['error'].replace('|', '/')} | |")
    comp = res.get("components", {"error": "not run"})
    if _ok(comp):
        lines += ["", *_components_table(comp)]
    g = report["goals"]
    s, m = g["speed"], g["rss"]
    best = f"best: {s['best_config']}, {s['ratio']:.2f}×" if s["ratio"] is not None else "no result"
    worst = f"largest: {m['largest_config']}, {m['largest_mb']:.0f} MB" if m["largest_mb"] is not None else "no result"
    lines += [
        "",
        f"- Goal ≥ {s['goal_ratio']:g}× jieba.posseg chars/s: **{'met' if s['met'] else 'not met'}** ({best}).",
        f"- Goal peak RSS ≤ {m['goal_mb']:.0f} MB per process: **{'met' if m['met'] else 'not met'}** ({worst}).",
    ]
    if g["failed"]:
        lines.append(f"- Failed configurations: {', '.join(g['failed'])} (see above).")
    return "\n".join(lines) + "\n"


def docs_page(report: dict[str, Any]) -> str:
    m = report["machine"]
    return f"""# Performance

Written by `benchmarks/bench_parse.py --write-docs`; rerun that script to update this page
(do it on an otherwise idle machine: the numbers are only meaningful when nothing else uses the CPU).

## Goals

- Throughput: at least **{GOAL_RATIO:g}× the characters per second of `jieba.posseg`** on the same text
  (jieba's default part-of-speech segmentation, HMM on), measured in the same run.
- Memory: peak RSS of at most **{GOAL_RSS_MB:.0f} MB per process**, including each `parse_many` worker.

## Results

{markdown(report)}
## Machine and run

- Date: {report['date']}
- Command (from the repository root): `{report['command']}`
- CPU: {m['cpu']}; nproc {m['nproc']}; load average before the run {m['loadavg_before'][0]:.2f}
- Python {m['python']}, spaCy {m['spacy']}, jieba {m['jieba']}, zhaoshang {m['zhaoshang']}; {m['platform']}

## Method

- Text: the seed articles in `../shared/seeds`, sorted by file name and joined with line ends,
  repeated and cut to exactly {TEXT_CHARS:,} characters; "articles" are pieces of about
  {PIECE_CHARS:,} characters cut at line ends.
- Each configuration runs in its own fresh subprocess. Throughput is the best of
  {report['repeat']} timed runs after one warm-up parse; model and dictionary loading are excluded
  (see the cold-start table). `parse_many` uses batch_size={report['batch_size']} (pieces analysed together); its time includes
  starting the workers.
- Peak RSS is `resource.getrusage(RUSAGE_SELF).ru_maxrss` of the subprocess at the end, and
  `RUSAGE_CHILDREN` (the largest worker) for `parse_many(n_process={N_PROCESS})`.
  1 MB = 1,048,576 bytes.
"""


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="model directory (default: the shipped model, as zhaoshang.parse finds it)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of Markdown")
    ap.add_argument("--write-docs", action="store_true", help=f"rewrite {DOCS.relative_to(REPO)}")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per configuration; the best counts (3)")
    ap.add_argument("--batch-size", type=int, default=0,
                    help="batch_size for parse_many (default: the library's default)")
    ap.add_argument("--components-only", action="store_true",
                    help="only time each pipeline component (a quick check of a retrained model)")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help=argparse.SUPPRESS)
    ap.add_argument("--worker", choices=CONFIGS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    if args.worker:
        print(json.dumps(_worker(args.worker, args.model, str(args.seeds), args.repeat, args.batch_size)))
        return 0

    model = args.model
    if model is None:
        from zhaoshang.model import default_model_path

        found = default_model_path()
        if found is None:
            ap.error("no shipped model found (models/zh_zhaoshang or $ZHAOSHANG_MODEL); pass --model PATH")
        model = str(found)
    model = str(Path(model).resolve())
    if not (Path(model) / "config.cfg").is_file():
        ap.error(f"{model} is not a model directory (no config.cfg)")

    if args.components_only:
        comp = _run_worker("components", args, model)
        if not _ok(comp):
            return 1
        print("\n".join(_components_table(comp)))
        return 0

    machine = _machine()
    if args.write_docs and machine["loadavg_before"][0] > 0.5:
        print(f"bench_parse: warning: load average {machine['loadavg_before'][0]:.2f} before the run; "
              "the CPU may be shared and the numbers low", file=sys.stderr)
    text = build_text(args.seeds)
    results = {name: _run_worker(name, args, model) for name in CONFIGS}
    for r in results.values():
        if _ok(r) and r["text_sha"] != _sha(text):
            raise SystemExit(f"bench_parse: the {r['config']} subprocess built a different text")
    report = {
        "text": {"chars": len(text), "sha256": _sha(text), "pieces": len(split_articles(text)),
                 "seeds": len(list(Path(args.seeds).glob("*.txt")))},
        "model": model, "model_desc": _model_desc(model), "repeat": args.repeat, "batch_size": args.batch_size or "the default",
        "results": results, "machine": machine, "command": _command(),
        "date": _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }
    report["ratios_to_jieba"] = _ratios(results)
    report["goals"] = _goals(results)

    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else markdown(report), end="\n" if args.json else "")
    if args.write_docs:
        DOCS.write_text(docs_page(report), encoding="utf-8")
        print(f"bench_parse: wrote {DOCS}", file=sys.stderr)
    return 1 if report["goals"]["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
