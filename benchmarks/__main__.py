"""``python -m benchmarks [NAME ...]``: run every benchmark module (or the named ones) and print
one JSON line per figure. A module that fails prints an error line and the others still run."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [a if a.startswith("bench_") else f"bench_{a}" for a in argv]
    failures = 0
    for name in names:
        if wanted and name not in wanted:
            continue
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            for figure in module.run():
                print(json.dumps(figure, ensure_ascii=False), flush=True)
        except Exception as exc:
            failures += 1
            traceback.print_exc(file=sys.stderr)
            print(json.dumps({"name": name, "error": f"{type(exc).__name__}: {exc}"}), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
