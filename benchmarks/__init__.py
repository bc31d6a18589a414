"""Benchmarks for the figures docs/architecture.md asks us to hold. Each ``bench_*.py`` module has a
``run()`` that yields ``{"name", "value", "unit", "target"}`` dicts; ``python -m benchmarks``
runs them all (or those named on the command line) and prints one JSON line per figure."""
