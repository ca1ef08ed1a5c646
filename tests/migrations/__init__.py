"""TypeORM migration rules (MIG001-MIG008, MIG010-MIG014) and their oracles."""
