"""Masthead: turns article and issue uploads into a typed index of articles and magazine issues."""

__version__ = "0.1.0"

# Bumped whenever extraction rules change what a file yields; stored on every indexed item so a
# re-index can find items extracted by older rules.
EXTRACTOR_VERSION = "2026.12.07"
