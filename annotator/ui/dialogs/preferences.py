"""Preferences: annotator name, interface language, article font, theme, key bindings.

Key bindings are edited per action id; a binding used twice is refused with both actions named.
Font and theme apply at once; the language applies the next time the window opens.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.text.bidi import isolate
from annotator.ui.actions import ActionSpec, clashes, tr_action
from annotator.ui.fonts import article_families
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.settings import Settings
from annotator.ui.widgets.plain import plain_label

LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("PreferencesDialog", "System language")),
    ("ar", "العربية"),
    ("en", "English"),
)  # each language in its own words
THEMES = (
    ("light", QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)


class PreferencesDialog(QDialog):
    """Edits the Settings; ``saved`` is True after OK with valid values."""

    def __init__(
        self, settings: Settings, specs: list[ActionSpec], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.specs = [s for s in specs if s.shortcut or s.id in settings.key_overrides()]
        self.saved = False
        self.name = QLineEdit(settings.get("annotator"), self)
        self.language = QComboBox(self)
        for code, text in LANGUAGES:
            self.language.addItem(self.tr(text), code)  # marked above
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.family = QComboBox(self)
        self.family.addItems(article_families())
        self.family.setCurrentText(settings.get("font_family"))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(8, 48)
        self.font_size.setValue(settings.get("font_size"))
        self.theme = QComboBox(self)
        for code, text in THEMES:
            self.theme.addItem(self.tr(text), code)  # marked above
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("theme"))))
        overrides = settings.key_overrides()
        self.keys = QTableWidget(len(self.specs), 2, self)
        self.keys.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.editors: dict[str, QKeySequenceEdit] = {}
        for row, spec in enumerate(self.specs):
            self.keys.setItem(row, 0, QTableWidgetItem(tr_action(spec.text)))
            editor = QKeySequenceEdit(
                QKeySequence(overrides.get(spec.id, spec.shortcut)), self.keys
            )
            self.keys.setCellWidget(row, 1, editor)
            self.editors[spec.id] = editor
        self.keys.resizeColumnToContents(0)
        self.problem = plain_label(parent=self)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Article font"), self.family)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow(self.tr("Theme"), self.theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Key bindings"), self))
        layout.addWidget(self.keys, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.resize(620, 700)

    def chosen_keys(self) -> dict[str, str]:
        return {
            action_id: editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
            for action_id, editor in self.editors.items()
        }

    def save(self) -> bool:
        """Store the values, or say which bindings clash and keep the dialog open."""
        keys = self.chosen_keys()
        specs = [ActionSpec(s.id, s.text, shortcut=keys.get(s.id, s.shortcut)) for s in self.specs]
        found = clashes(specs)
        if found:
            a, b, key = found[0]
            names = {s.id: tr_action(s.text) for s in self.specs}
            shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            self.problem.setText(  # the keys read left to right inside an Arabic sentence
                self.tr("{0} is used by both “{1}” and “{2}”.").format(
                    isolate(shown, "ltr"), names[a], names[b]
                )
            )
            return False
        if not self.name.text().strip():
            self.problem.setText(self.tr("Your name cannot be empty."))
            return False
        self.settings.set("annotator", self.name.text().strip())
        self.settings.set("language", self.language.currentData())
        self.settings.set("font_family", self.family.currentText())
        self.settings.set("font_size", self.font_size.value())
        self.settings.set("theme", self.theme.currentData())
        portable = QKeySequence.SequenceFormat.PortableText
        defaults = {s.id: QKeySequence(s.shortcut).toString(portable) for s in self.specs}
        self.settings.set_key_overrides({k: v for k, v in keys.items() if v != defaults.get(k)})
        self.settings.sync()
        self.saved = True
        self.accept()
        return True
