"""Edits and their application: import and manifest edits, the fix loop, atomic writes."""
