"""Widgets of the main window; each gets the session in its constructor."""
