"""What users touch: the command line, output formats, the language server, editors, pre-commit, the README."""
