"""Dependency rules (DEP, MAN) and the workspace model they read: manifests, lockfiles, what ships."""
