#!/usr/bin/env python3
"""Compare spaCy's ``char`` segmenter with pkuseg (CTB8) word tokens.

Trains (or reuses) one pipeline per segmenter from ``configs/char.cfg`` and
``configs/pkuseg.cfg`` with the same seed and step budget, one training at a
time, on training_data/train.jsonl only. Then, for each pipeline in a fresh
subprocess (so peak RSS is its own), measures on training_data/dev.jsonl:

* per-label P/R/F1 of zhaoshang.Parser over the pipeline (exact span match,
  zhaoshang.evaluation.evaluate_records);
* gold spans whose normalized offsets do not fall on token boundaries, per
  label, on dev and on train (the ones training has to drop), cross-checked
  against zhaoshang.pipeline.reader.record_to_example's ALIGNMENT counter;
* load time, ``nlp.pipe`` chars/s (best of N passes) and tokenizer-only chars/s,
  peak RSS (resource.getrusage), size on disk;

and writes docs/segmenters.md with the figures and the recommended default.

    python scripts/compare_segmenters.py                 # 3000 steps each
    python scripts/compare_segmenters.py --steps 1500 --retrain
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEGMENTERS = ("char", "pkuseg")
#: Resamples of the paired bootstrap over dev documents.
BOOTSTRAP = 2000


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- training


def ensure_trained(seg: str, args: argparse.Namespace) -> dict[str, Any]:
    """Train ``seg``'s pipeline unless a matching one (same config, data, steps) exists."""
    from zhaoshang.training import train

    config = ROOT / "configs" / f"{seg}.cfg"
    out = args.work / seg
    marker = args.work / f"{seg}.json"
    want = {"segmenter": seg, "config": _sha(config), "train": _sha(args.train), "steps": args.steps}
    if not args.retrain and marker.is_file() and (out / "config.cfg").is_file():
        have = json.loads(marker.read_text())
        if all(have.get(k) == v for k, v in want.items()):
            print(f"[{seg}] reusing {out} (trained in {have['train_seconds']:.0f} s)", file=sys.stderr)
            return have
    overrides: dict[str, Any] = {"training.max_steps": args.steps}
    if seg == "pkuseg":
        overrides["paths.pkuseg_model"] = str(args.pkuseg_model)
    print(f"[{seg}] training {args.steps} steps -> {out}", file=sys.stderr)
    t = time.perf_counter()
    train(config, args.train, out, overrides=overrides)
    want["train_seconds"] = round(time.perf_counter() - t, 1)
    args.work.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(want, indent=1))
    return want


# --------------------------------------------------------------------------- measuring (child process)


def _alignment(nlp: Any, records: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Per label, [aligned, lost]: gold spans whose offsets, mapped onto the
    normalized text, do (not) fall on token boundaries. The same test as
    zhaoshang.pipeline.reader.record_to_example (which counts only the labels
    it trains on; this counts every label, TARGET too)."""
    from zhaoshang.textnorm import normalize

    counts: dict[str, list[int]] = {}
    for record in records:
        norm = normalize(str(record["text"]))
        doc = nlp.make_doc(norm.text)
        for span in record.get("spans", []):
            start, end = norm.to_normalized(int(span["start"]), int(span["end"]))
            ok = end > start and doc.char_span(start, end) is not None
            counts.setdefault(str(span["label"]), [0, 0])[0 if ok else 1] += 1
    return counts


def _check_against_reader(nlp: Any, records: list[dict[str, Any]], counts: dict[str, list[int]]) -> None:
    """The training reader must lose exactly the spans :func:`_alignment` counts."""
    from zhaoshang.pipeline.reader import ALIGNMENT, record_to_example

    ALIGNMENT.clear()
    for record in records:
        record_to_example(nlp, record)
    for label, reader_counts in ALIGNMENT.items():
        if list(reader_counts) != counts.get(label):
            raise AssertionError(f"{label}: reader {reader_counts} != {counts.get(label)}")
    ALIGNMENT.clear()


def _flatten_project_scores(nlp: Any) -> None:
    """Work around zhaoshang.parser._doc_spans calling float() on spancat's
    per-span scores, which spaCy's single-label path (max_positive = 1) stores
    as an (n, 1) array and numpy 2 refuses to convert: add, in this process
    only, a component after spancat that flattens them to (n,)."""
    from spacy.language import Language

    from zhaoshang.pipeline.reader import PROJECT_KEY

    name = "compare_segmenters/flatten_scores"
    if name not in Language.factories:
        @Language.component(name)
        def flatten(doc: Any) -> Any:
            group = doc.spans.get(PROJECT_KEY)
            if group is not None and group.attrs.get("scores") is not None:
                group.attrs["scores"] = group.attrs["scores"].reshape(-1)
            return doc
    if "spancat" in nlp.pipe_names:
        nlp.add_pipe(name, after="spancat")


def measure(path: Path, dev: Path, train: Path, repeats: int) -> dict[str, Any]:
    """Everything measured on one pipeline; run in its own process."""
    import resource

    import spacy  # noqa: F401  imported before the load timer starts

    from zhaoshang.evaluation import evaluate_records
    from zhaoshang.model import load_pipeline
    from zhaoshang.parser import Parser
    from zhaoshang.records import read_records
    from zhaoshang.textnorm import normalize

    dev_records = list(read_records(dev))
    texts = [normalize(str(r["text"])).text for r in dev_records]
    n_chars = sum(len(t) for t in texts)

    t = time.perf_counter()
    nlp = load_pipeline(path)
    load_s = time.perf_counter() - t

    list(nlp.pipe(texts[:2]))  # warm-up
    pipe_s, tok_s = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        pipe_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        tok_s.append(time.perf_counter() - t)
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    align_dev = _alignment(nlp, dev_records)
    _check_against_reader(nlp, dev_records, align_dev)
    align_train = _alignment(nlp, list(read_records(train)))

    _flatten_project_scores(nlp)
    parser = Parser(nlp)
    predicted = {str(r["id"]): res.to_record(str(r["id"]))
                 for r, res in zip(dev_records, parser.parse_many(str(r["text"]) for r in dev_records))}
    report = evaluate_records(dev_records, predicted)
    per_doc = {}
    for r in dev_records:
        m = evaluate_records([r], predicted).micro
        per_doc[str(r["id"])] = [m.tp, m.fp, m.fn]
    return {
        "path": str(path),
        "load_s": load_s,
        "chars": n_chars,
        "tokens": tokens,
        "pipe_chars_per_s": n_chars / min(pipe_s),
        "tokenizer_chars_per_s": n_chars / min(tok_s),
        "peak_rss_mb": peak_rss_kb / 1024,
        "disk_bytes": _du(path),
        "tokenizer_bytes": _du(path / "tokenizer") if (path / "tokenizer").is_dir()
        else (path / "tokenizer").stat().st_size,
        "align_dev": align_dev,
        "align_train": align_train,
        "report": report.as_dict()["labels"],
        "micro": report.as_dict()["micro_layer1"],
        "per_doc_micro": per_doc,
    }


def measure_in_subprocess(path: Path, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", str(path), "--dev", str(args.dev),
           "--train", str(args.train), "--repeats", str(args.repeats)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measuring {path} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def paired_bootstrap(a: dict[str, list[int]], b: dict[str, list[int]], n: int, seed: int = 0) -> tuple[float, float]:
    """95% interval of micro-F1(b) - micro-F1(a) over dev documents resampled with replacement."""
    ids = sorted(a)
    rng = random.Random(seed)
    diffs = []
    for _ in range(n):
        sample = [rng.choice(ids) for _ in ids]
        sa = [sum(a[i][k] for i in sample) for k in range(3)]
        sb = [sum(b[i][k] for i in sample) for k in range(3)]
        diffs.append(_f1(*sb) - _f1(*sa))
    diffs.sort()
    return diffs[int(0.025 * n)], diffs[int(0.975 * n) - 1]


def _lost(align: dict[str, list[int]], label: str) -> str:
    ok, lost = align.get(label, [0, 0])
    return f"{lost}/{ok + lost}" if ok + lost else "–"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} B"


def _lost_total(align: dict[str, list[int]]) -> tuple[int, int]:
    lost = sum(v[1] for v in align.values())
    return lost, lost + sum(v[0] for v in align.values())


def write_markdown(res: dict[str, dict[str, Any]], trained: dict[str, dict[str, Any]],
                   args: argparse.Namespace) -> str:
    from zhaoshang.labels import LABELS, LAYER1

    from spacy.util import load_config

    seed = load_config(ROOT / "configs" / "char.cfg")["system"]["seed"]
    c, p = res["char"], res["pkuseg"]
    lo, hi = paired_bootstrap(c["per_doc_micro"], p["per_doc_micro"], BOOTSTRAP)
    dc, dp = _lost_total(c["align_dev"]), _lost_total(p["align_dev"])
    tc, tp_ = _lost_total(c["align_train"]), _lost_total(p["align_train"])
    mc, mp = c["micro"]["f1"], p["micro"]["f1"]
    pkuseg_better = lo > 0
    default = "pkuseg" if pkuseg_better else "char"

    def row(name: str, a: str, b: str) -> str:
        return f"| {name} | {a} | {b} |"

    lines = [
        "# Segmenters: spaCy `char` vs pkuseg (CTB8) word tokens",
        "",
        "Generated by `scripts/compare_segmenters.py`; rerun it to refresh every number here.",
        f"Both pipelines: the same config apart from the tokenizer (`configs/char.cfg`, "
        f"`configs/pkuseg.cfg`), seed {seed}, {args.steps} training steps, trained on "
        "`training_data/train.jsonl` (model-best picked on its held-out 12%), scored on "
        f"`training_data/dev.jsonl` ({len(c['per_doc_micro'])} documents, {c['chars']:,} characters "
        "after normalization) through `zhaoshang.Parser`. Speed, load time and memory were measured "
        "in one fresh process per pipeline on a 2-core machine shared with another training, so "
        "treat them as rough.",
        "",
        "## Summary",
        "",
        "| | char | pkuseg (CTB8) |",
        "|---|---|---|",
        row("micro F1, layer 1 (P / R)", f"**{mc:.3f}** ({c['micro']['precision']:.3f} / {c['micro']['recall']:.3f})",
            f"**{mp:.3f}** ({p['micro']['precision']:.3f} / {p['micro']['recall']:.3f})"),
        row("pkuseg − char micro F1, 95% paired bootstrap over documents", "",
            f"{mp - mc:+.3f} [{lo:+.3f}, {hi:+.3f}]"),
        row("dev gold spans not on token boundaries (lost)", f"{dc[0]} of {dc[1]}",
            f"{dp[0]} of {dp[1]} ({dp[0] / max(dp[1], 1):.1%})"),
        row("train gold spans dropped from training", f"{tc[0]} of {tc[1]}",
            f"{tp_[0]} of {tp_[1]} ({tp_[0] / max(tp_[1], 1):.1%})"),
        row("tokens on dev", f"{c['tokens']:,}", f"{p['tokens']:,}"),
        row("`nlp.pipe` chars/s (whole pipeline)", f"{c['pipe_chars_per_s']:,.0f}", f"{p['pipe_chars_per_s']:,.0f}"),
        row("tokenizer alone, chars/s", f"{c['tokenizer_chars_per_s']:,.0f}", f"{p['tokenizer_chars_per_s']:,.0f}"),
        row("load time", f"{c['load_s']:.2f} s", f"{p['load_s']:.2f} s"),
        row("peak RSS (load + pipe)", f"{c['peak_rss_mb']:.0f} MB", f"{p['peak_rss_mb']:.0f} MB"),
        row("pipeline on disk (of it the tokenizer)",
            f"{_mb(c['disk_bytes'])} ({_mb(c['tokenizer_bytes'])})",
            f"{_mb(p['disk_bytes'])} ({_mb(p['tokenizer_bytes'])})"),
        row("training wall time (shared CPU)", f"{trained['char']['train_seconds'] / 60:.1f} min",
            f"{trained['pkuseg']['train_seconds'] / 60:.1f} min"),
        row("extra build step", "none", "`scripts/build_pkuseg.py` (44 MB download)"),
        "",
        "## Per label",
        "",
        "F1 (P / R) on dev; *lost* = gold spans of dev whose offsets do not align with the "
        "pipeline's tokens (for the model labels such a span cannot be predicted at all; figures and "
        "dates come from the rule layer, whose spans are expanded to token boundaries, so a lost "
        "figure comes out with the wrong boundary).",
        "",
        "| label | gold | char F1 (P / R) | pkuseg F1 (P / R) | lost, char | lost, pkuseg |",
        "|---|---|---|---|---|---|",
    ]
    for label in LABELS:
        a, b = c["report"][label], p["report"][label]
        gold = a["tp"] + a["fn"]
        if gold == 0 and a["fp"] == 0 and b["fp"] == 0:
            continue
        name = label if label in LAYER1 else f"{label} (layer 2)"
        lines.append(
            f"| {name} | {gold} | {a['f1']:.3f} ({a['precision']:.2f} / {a['recall']:.2f}) | "
            f"{b['f1']:.3f} ({b['precision']:.2f} / {b['recall']:.2f}) | "
            f"{_lost(c['align_dev'], label)} | {_lost(p['align_dev'], label)} |")
    lines += ["", "## Recommendation", ""]
    if pkuseg_better:
        lines.append(
            f"**Default: pkuseg.** Its micro F1 is {mp - mc:+.3f} above char and the 95% interval "
            f"[{lo:+.3f}, {hi:+.3f}] excludes zero, which pays for the extra build step, "
            f"{p['disk_bytes'] / 1e6:.0f} MB on disk, {p['peak_rss_mb']:.0f} MB peak memory and "
            f"{p['load_s']:.1f} s load time.")
    else:
        verdict = ("is significantly lower" if hi < 0 else
                   "shows no significant difference (the interval includes zero)")
        lines.append(
            f"**Default: char.** pkuseg's micro F1 is {mp - mc:+.3f} against char's, 95% interval "
            f"[{lo:+.3f}, {hi:+.3f}]: it {verdict}, so nothing pays for its costs: {dp[0]} of {dp[1]} dev gold spans ({dp[0] / max(dp[1], 1):.1%}) cannot "
            f"align with its tokens, the pipeline is {p['disk_bytes'] / c['disk_bytes']:.0f}× larger on disk "
            f"({p['disk_bytes'] / 1e6:.0f} vs {c['disk_bytes'] / 1e6:.0f} MB), needs "
            f"{p['peak_rss_mb'] - c['peak_rss_mb']:.0f} MB more memory and "
            f"{p['load_s'] - c['load_s']:.1f} s more to load, and needs a build step. "
            "char tokens lose no gold span by construction.")
    better = [lb for lb in LABELS if p["report"][lb]["f1"] > c["report"][lb]["f1"]]
    worst = max(LAYER1, key=lambda lb: p["align_dev"].get(lb, [0, 0])[1])
    ok_w, lost_w = p["align_dev"].get(worst, [0, 0])
    lines += [
        "",
        f"Where pkuseg does better (F1): {', '.join(better) or 'nowhere'}. Its largest alignment loss is "
        f"{worst}: {lost_w} of {ok_w + lost_w} dev spans ({lost_w / max(ok_w + lost_w, 1):.1%}). "
        f"Whole-pipeline throughput is {p['pipe_chars_per_s'] / c['pipe_chars_per_s']:.1f}× char's "
        f"because the model runs over {1 - p['tokens'] / c['tokens']:.0%} fewer tokens, although the "
        f"pkuseg tokenizer alone is {c['tokenizer_chars_per_s'] / p['tokenizer_chars_per_s']:.0f}× slower; "
        "peak memory is dominated by the pipeline, not the segmenter.",
    ]
    lines += [
        "",
        "Decision rule, fixed before the run: pkuseg becomes the default only if its micro F1 over "
        "the layer-1 labels is higher than char's with a 95% paired-bootstrap interval over dev "
        "documents that excludes zero; otherwise char, the cheaper one, stays. One seed per "
        "segmenter: differences within the interval are noise.",
        "",
        "Both stay trainable: `zhaoshang train --config configs/char.cfg` or, after "
        "`python scripts/build_pkuseg.py`, `zhaoshang train --config configs/pkuseg.cfg`.",
        "The CTB8 weights are trained on an LDC corpus and their licence is not stated (the pkuseg "
        "code is MIT): a pipeline shipping them must say so in its model card.",
        "",
        "## Reproduce",
        "",
        "    python scripts/build_pkuseg.py",
        f"    python scripts/compare_segmenters.py --steps {args.steps}",
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=3000, help="training.max_steps for each pipeline (default 3000)")
    ap.add_argument("--train", type=Path, default=ROOT / "training_data" / "train.jsonl")
    ap.add_argument("--dev", type=Path, default=ROOT / "training_data" / "dev.jsonl")
    ap.add_argument("--work", type=Path, default=ROOT / "training" / "segmenters",
                    help="where the two pipelines are kept (default: training/segmenters)")
    ap.add_argument("--pkuseg-model", type=Path, default=ROOT / "build" / "pkuseg_ctb8")
    ap.add_argument("--pkuseg-cache", type=Path, default=ROOT / "build" / "pkuseg-cache")
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "segmenters.md")
    ap.add_argument("--retrain", action="store_true", help="train even when a matching pipeline exists")
    ap.add_argument("--repeats", type=int, default=3, help="timing passes over dev; the best counts")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.train, args.dev = args.train.resolve(), args.dev.resolve()

    if args.measure:
        print(json.dumps(measure(args.measure, args.dev, args.train, args.repeats)))
        return
    if args.train.samefile(args.dev):
        raise SystemExit("refusing to train on the dev split")

    from zhaoshang.segmenter import build_pkuseg_model

    os.chdir(ROOT)  # the configs' relative paths
    build_pkuseg_model(args.pkuseg_model, args.pkuseg_cache)
    trained = {seg: ensure_trained(seg, args) for seg in SEGMENTERS}  # one after the other
    results = {}
    for seg in SEGMENTERS:
        print(f"[{seg}] measuring", file=sys.stderr)
        results[seg] = measure_in_subprocess(args.work / seg, args)
    (args.work / "results.json").write_text(json.dumps({"trained": trained, "results": results}, indent=1))
    args.doc.parent.mkdir(parents=True, exist_ok=True)
    args.doc.write_text(write_markdown(results, trained, args), encoding="utf-8")
    print(f"wrote {args.doc}", file=sys.stderr)


if __name__ == "__main__":
    main()
