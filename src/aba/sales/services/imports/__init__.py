"""Imports: each format is parsed into plain records, then one writer applies them atomically."""

from aba.sales.services.imports.problems import ImportFailed, Problem

__all__ = ["ImportFailed", "Problem"]
