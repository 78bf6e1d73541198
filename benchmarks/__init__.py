"""Benchmarks of helsefellesskap: ``make bench`` (``python -m benchmarks``).

One run measures every figure of issue 11 against a baseline measured in the same run
on the same machine (parsing the same TOML with compiled tomli, or starting a bare
interpreter that imports the dependencies), so the ratios mean something anywhere:

- :mod:`benchmarks.corpus` generates a realistic national corpus from the bundled data;
- :mod:`benchmarks.pipeline` is what is timed, through the public API only;
- :mod:`benchmarks.measure` times interleaved runs and prints the table;
- :mod:`benchmarks.figures` measures each figure; :mod:`benchmarks.child` runs those that
  need a fresh interpreter (Word tables with a time limit, peak memory);
- :mod:`benchmarks.profile` shows where the time goes.

See ``benchmarks/README.md`` for the figures, the targets and the results.
"""
