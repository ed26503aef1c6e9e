"""Pre-annotation suggestions: rule-based, Arabic-aware."""
