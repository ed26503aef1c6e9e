"""Packaged data: the default schema, demo articles, suggestion and cleaning rules, translations."""
