"""Inter-annotator agreement: pure metrics over annotation layers (no Qt, no SQL)."""
