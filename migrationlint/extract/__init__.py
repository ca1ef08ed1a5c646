"""The only code that touches syntax trees: source text in, picklable facts out."""
