"""Long operations that combine the store with importers, exporters and metrics (CLI and GUI use them)."""
