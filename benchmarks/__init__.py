"""Benchmarks: scripts that measure, separate from the tests."""
