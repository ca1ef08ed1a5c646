"""Maintainer commands, run from the repository root as `python -m scripts.<name>`."""
