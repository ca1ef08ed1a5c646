"""Import rules (IMP) and module resolution (tsconfig, aliases, tsc as the oracle)."""
