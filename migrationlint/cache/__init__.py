"""What survives between runs: the facts cache and the run-result cache."""
