"""``intervision key``: make the key that encrypts a store, and check that it opens one.

The key itself is the only secret: it goes to standard output (for a variable or a
secret store) or into a file private to its owner, never into a message. The
words are kept here, in the same shape as :mod:`.texts_author` (plain tuples), as
only these commands say them.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from .console import say
from .settings import Settings, pass_settings
from .texts import Lang, said

__all__ = ["TEXTS", "key"]

_TEXTS: dict[str, tuple[str, str]] = {
    "new.printed": (
        "Nieuwe sleutel {id} hierboven. Bewaar hem goed: zonder sleutel is de opslag niet "
        "te lezen. Gebruik hem met INTERVISION_KEY.",
        "New key {id} above. Keep it safe: without the key the store cannot be read. "
        "Use it with INTERVISION_KEY.",
    ),
    "new.written": (
        "Nieuwe sleutel {id} geschreven naar {path}, alleen leesbaar voor jou. Bewaar een "
        "kopie op een veilige plek: zonder sleutel is de opslag niet te lezen.",
        "New key {id} written to {path}, readable by you only. Keep a copy somewhere "
        "safe: without the key the store cannot be read.",
    ),
    "new.use": ("Gebruik hem met:", "Use it with:"),
    "check.no_key": (
        "er is geen sleutel ingesteld; zet INTERVISION_KEY of INTERVISION_KEY_FILE",
        "no key is set; set INTERVISION_KEY or INTERVISION_KEY_FILE",
    ),
    "check.ok": (
        "Sleutel {id} opent de hele opslag: {streams} bijeenkomsten en groepen, {events} "
        "gebeurtenissen.",
        "Key {id} opens the whole store: {streams} meetings and groups, {events} events.",
    ),
    "check.fields": (
        "{sealed} tekstvelden versleuteld, {plain} onversleuteld (geschreven voordat de "
        "opslag een sleutel had).",
        "{sealed} text fields encrypted, {plain} in the clear (written before the store "
        "had a key).",
    ),
}


#: Every text of this table, for a language pack's author to translate (``check``).
TEXTS = _TEXTS


def t(lang: Lang, key: str, **values: object) -> str:
    return said(lang, _TEXTS[key], values)


@click.group()
def key() -> None:
    """Encryption at rest: make a key, check that it opens the store.

    With INTERVISION_KEY (or INTERVISION_KEY_FILE, a file readable by you only) set,
    everything said in a meeting and every name is stored encrypted.
    """


@key.command("new")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the key to FILE (new, readable by you only) instead of printing it.",
)
@pass_settings
def new(settings: Settings, output: Path | None) -> None:
    """Make a new random key (32 bytes, base64)."""
    from intervision.engine.storage import (
        EncryptionError,
        key_id,
        new_key,
        parse_key,
        write_key_file,
    )

    if output is not None:
        try:
            fingerprint = write_key_file(output)
        except EncryptionError as exc:  # a file problem, not a store problem: exit 1
            raise click.ClickException(str(exc)) from None
        say(t(settings.lang, "new.written", id=fingerprint, path=output))
        say(t(settings.lang, "new.use"))
        click.echo(f"  export INTERVISION_KEY_FILE={output.resolve()}")  # unwrapped: to copy
        return
    text = new_key()
    click.echo(text)
    fingerprint = key_id(parse_key(text, "the new key"))
    click.echo(t(settings.lang, "new.printed", id=fingerprint), err=True)


@key.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@pass_settings
def check(settings: Settings, as_json: bool) -> None:
    """Open every meeting and group with the configured key, and count what is encrypted.

    Exits 6 when no key is set, when the key is not the store's, or when a row is damaged.
    """
    from intervision.engine import Text
    from intervision.engine.storage import (
        EncryptedJournal,
        EncryptionError,
        configured_key,
        open_journal,
    )

    if configured_key() is None:
        raise EncryptionError(Text(nl=t("nl", "check.no_key"), en=t("en", "check.no_key")))
    journal = open_journal(settings.store)
    click.get_current_context().call_on_close(journal.close)
    assert isinstance(journal, EncryptedJournal)
    count = journal.count()
    if as_json:
        data = {"key": journal.key_id, **dataclasses.asdict(count)}
        click.echo(json.dumps(data, indent=2))
        return
    lang = settings.lang
    say(t(lang, "check.ok", id=journal.key_id, streams=count.streams, events=count.events))
    say(t(lang, "check.fields", sealed=count.sealed, plain=count.plain))
