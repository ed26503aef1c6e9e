"""Writing datasets for training: pure conversion from model objects to files (no Qt, no SQL)."""
