"""English counts that agree with their number ("1 document", "3 documents"), never "document(s)",
and written one way: with thousands separators ("1,500 documents", as "1,120,723 tokens").

Terminal messages are English (the window's are translated through Qt, with Arabic's plural forms);
every count a command prints goes through here.
"""

from __future__ import annotations

MARK = "(s)"  # in a counted phrase (a key of a not-imported count): where the plural 's' goes


def number(n: int) -> str:
    """A count as the terminal and the reports write it: ``number(32199)`` is "32,199"."""
    return f"{n:,}"


def plural(n: int, one: str, many: str = "") -> str:
    """``n`` and the noun that agrees with it; ``many`` for an irregular plural.

    >>> plural(1, "span"), plural(0, "span"), plural(2, "layer status", "layer statuses")
    ('1 span', '0 spans', '2 layer statuses')
    """
    return f"{number(n)} {form(n, one, many)}"


def form(n: int, one: str, many: str = "") -> str:
    """The word alone, agreeing with ``n``: ``form(2, "label")`` is "labels", ``form(1, "is",
    "are")`` is "is"."""
    return one if n == 1 else (many or one + "s")


def counted(n: int, phrase: str) -> str:
    """A phrase whose noun carries the mark, with its count: ``counted(2, "draft(s) of x")`` is
    "2 drafts of x", ``counted(1, ...)`` "1 draft of x"; a phrase without the mark is kept as it
    is ("extra choices beyond the first")."""
    return f"{number(n)} {phrase.replace(MARK, '' if n == 1 else 's')}"
