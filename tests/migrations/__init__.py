"""TypeORM migration rules (MIG001-MIG007, MIG010-MIG013) and their oracles."""
