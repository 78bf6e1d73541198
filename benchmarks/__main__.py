"""Run every ``bench_*`` module of the package and print its ratios.

Exit status 1 when a ratio misses its target, so ``make bench`` shows a regression.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from .common import Ratio


def main() -> int:
    """Run the benchmarks; return the exit status."""
    package = Path(__file__).parent
    names = sorted(
        info.name for info in pkgutil.iter_modules([str(package)]) if info.name.startswith("bench_")
    )
    missed = 0
    for name in names:
        module = importlib.import_module(f"{__package__}.{name}")
        print(f"== {name}", flush=True)
        ratios: list[Ratio] = module.run()
        for ratio in ratios:
            verdict = "ok" if ratio.ok else "MISS"
            print(f"  {ratio.name}: {ratio.value:.3f} (target <= {ratio.target:g}) {verdict}")
            if ratio.detail:
                print(f"      {ratio.detail}")
            missed += not ratio.ok
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
