"""The words of `check` and `new-method`, the method author's commands, in Dutch and English.

Apart from :mod:`.texts` for the same reason as :mod:`.texts_series`, and in the
same shape (plain tuples, no pydantic) so that ``intervision --help`` stays quick.
"""

from __future__ import annotations

from .texts import Lang, said

__all__ = ["TEXTS", "t"]

_TEXTS: dict[str, tuple[str, str]] = {
    # -- check ----------------------------------------------------------------
    "check.ok": ("{target}: geen problemen", "{target}: no problems"),
    "check.not_found": ("{target}: niet gevonden: {error}", "{target}: not found: {error}"),
    "check.summary": (
        "{problems} problemen in {failed} van de {n} gecontroleerde doelen.",
        "{problems} problems in {failed} of the {n} targets checked.",
    ),
    "check.summary_one": (
        "1 probleem in {failed} van de {n} gecontroleerde doelen.",
        "1 problem in {failed} of the {n} targets checked.",
    ),
    # -- new-method -------------------------------------------------------------
    "new.bad_name": (
        "een naam begint met een kleine letter en bevat alleen a-z, 0-9 en -, zoals "
        "walk-and-talk; hooguit 40 tekens.",
        "a name starts with a lowercase letter and has only a-z, 0-9 and -, like "
        "walk-and-talk; at most 40 characters.",
    ),
    "new.not_empty": (
        "{path} bestaat al en is niet leeg; kies een andere map met --dir.",
        "{path} already exists and is not empty; choose another folder with --dir.",
    ),
    "new.written": (
        "Plugin-distributie {dist} geschreven in {path}:",
        "Plugin distribution {dist} written to {path}:",
    ),
    "new.next": ("Verder:", "Next:"),
    "new.step_install": ("installeren (bewerkbaar)", "install it (editable)"),
    "new.step_test": ("de tests draaien", "run its tests"),
    "new.step_check": ("de methode controleren", "check the method"),
    "new.step_adapt": (
        "pas de methode aan in {module} (zoek naar TODO); README.md legt uit hoe.",
        "adapt the method in {module} (look for TODO); README.md explains how.",
    ),
}


#: Every text of this table, for a language pack's author to translate (``check``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    return said(lang, _TEXTS[key], values)
