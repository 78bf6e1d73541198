"""Benchmarks of helsefellesskap, run with ``make bench`` (``python -m benchmarks``).

Every module named ``bench_*.py`` in this package is a benchmark: it has a function
``run()`` that returns a list of :class:`benchmarks.common.Ratio`. Ratios compare two
times measured in the same run on the same machine, so they mean something anywhere.
"""
