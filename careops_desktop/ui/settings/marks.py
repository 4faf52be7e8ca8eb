"""``QT_TRANSLATE_NOOP`` typed for mypy (PySide6's returns ``object``).

lupdate reads the call by its name: ``QT_TRANSLATE_NOOP("Ctx", "Text")`` marks a constant
for the catalog; show it with ``translate("Ctx", VALUE)`` (or ``self.tr(VALUE)`` in class
``Ctx``).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; ``context`` is for lupdate."""
    del context
    return text
