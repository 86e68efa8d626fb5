#!/usr/bin/env python3
"""Build the pkuseg CTB8 segmenter model that ``configs/pkuseg.cfg`` trains with.

Downloads ``pkuseg==0.0.12`` from the package registry with pip (once, into
the cache dir) and converts it into ``features.msgpack`` + ``weights.npz``.
Does nothing when the output already holds a model. See zhaoshang.segmenter.

    python scripts/build_pkuseg.py                  # -> build/pkuseg_ctb8
    python scripts/build_pkuseg.py --out DIR --cache DIR
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from zhaoshang.segmenter import build_pkuseg_model

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "pkuseg_ctb8",
                    help="model directory to write (default: build/pkuseg_ctb8)")
    ap.add_argument("--cache", type=Path, default=ROOT / "build" / "pkuseg-cache",
                    help="where the downloaded wheel is kept (default: build/pkuseg-cache)")
    ap.add_argument("--compress", action="store_true", help="write weights.npz compressed")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    t = time.perf_counter()
    out = build_pkuseg_model(args.out, args.cache, compress=args.compress)
    print(f"{out} ({time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main()
