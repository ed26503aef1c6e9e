"""Load the packaged Arabic font explicitly: fontconfig would otherwise pick DejaVu (notes/QT.md).

Emoji (news quotes and social media posts carry them) are not in the Arabic fonts; the article
font names a colour emoji font after its own family, so they are drawn as pictures rather than
empty boxes wherever one is installed (.ci/setup installs Debian's fonts-noto-color-emoji).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

_loaded: dict[str, str] = {}

# colour emoji fonts (Linux, macOS, Windows), asked in this order for what the article font lacks
EMOJI_FAMILIES = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji")


def arabic_font_files() -> list[Path]:
    """The Arabic font files shipped by the fontpkg packages (Amiri, Noto Sans Arabic)."""
    import fontpkg_amiri
    import fontpkg_noto_sans_arabic

    files: list[Path] = []
    for package in (fontpkg_amiri, fontpkg_noto_sans_arabic):
        files += sorted(Path(package.ROOT, "files").glob("*.[ot]tf"))
    return files


def article_families() -> list[str]:
    """The packaged font families an article can be shown in."""
    article_font()
    return sorted(_loaded)


def article_font(family: str = "Amiri", size: int = 18) -> QFont:
    """The article font, loading the packaged files once."""
    if not _loaded:
        for path in arabic_font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            for fam in QFontDatabase.applicationFontFamilies(font_id):
                _loaded[fam] = str(path)
    font = QFont(family if family in _loaded else "Amiri", size)
    font.setFamilies([font.family(), *EMOJI_FAMILIES])
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
