"""Extraction, the caches, the fix loop, suppressions, configuration, bad input."""
