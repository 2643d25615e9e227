"""Shared plumbing every stage may use: problems and messages, URLs, atomic files, the output writer.

Imports nothing else from the package."""
