"""Size limits of imported input (documented in the README)."""

MAX_FILE_BYTES = (
    200 * 1024 * 1024
)  # files read whole (.txt, .csv, .json, brat) above this are refused
MAX_LINE_BYTES = 50 * 1024 * 1024  # JSONL is streamed: only a single line this long is refused
