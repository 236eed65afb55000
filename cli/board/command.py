"""``intervision board``: serve a meeting to every member's own device.

It starts (or resumes) a meeting as ``intervision run`` does, makes a link for the
facilitator's console, one for the room display and one per member present, prints
them with their QR codes, and serves the pages until Ctrl-C. Every command a page
sends is committed to the store before it is acknowledged, so a board stopped in any
way resumes where it was: ``intervision board --resume ID`` (the links given before
still work) or ``intervision run --resume ID`` in the terminal.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import sys
from typing import TYPE_CHECKING

import click

from ..day_roles import ROLE_OPTION, day_roles
from ..settings import LANG_TYPE, Settings, pass_settings
from .texts import Lang, t

if TYPE_CHECKING:
    from intervision.engine import Engine, Meeting

__all__ = ["board"]

DEFAULT_PORT = 8765


@click.command()
@click.option("--group", "group_ref", metavar="GROUP", help="A meeting of this group.")
@click.option("--members", metavar="NAMES", help='A meeting of these people: "Anna,Bram,Carla".')
@click.option(
    "--present", metavar="NAMES", help="With --group: who is here (else asked; Enter: everyone)."
)
@click.option("--facilitator", metavar="NAME", help="Who facilitates (else proposed or asked).")
@click.option(
    "--external-facilitator",
    "external",
    is_flag=True,
    help="The facilitator is not a member: a guide from outside (else asked at a terminal).",
)
@click.option("--resume", "resume_id", metavar="ID", help="Serve a meeting that was stopped.")
@click.option("--lang", type=LANG_TYPE, default=None, help="Language of the meeting.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 for the room's network (a warning is printed).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0: any free one).",
)
@click.option(
    "--certfile", type=click.Path(exists=True, dir_okay=False), help="TLS certificate (https)."
)
@click.option("--keyfile", type=click.Path(exists=True, dir_okay=False), help="TLS private key.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the pages may be reached by (repeatable).",
)
@click.option("--new-links", is_flag=True, help="With --resume: replace every link given before.")
@click.option("--json", "as_json", is_flag=True, help="Print the links as one JSON line.")
@ROLE_OPTION
@pass_settings
def board(
    settings: Settings,
    group_ref: str | None,
    members: str | None,
    present: str | None,
    facilitator: str | None,
    external: bool,
    resume_id: str | None,
    lang: str | None,
    host: str,
    port: int,
    certfile: str | None,
    keyfile: str | None,
    allow_hosts: tuple[str, ...],
    new_links: bool,
    as_json: bool,
    roles: tuple[str, ...],
) -> None:
    """Serve a meeting on every member's own device: a console, a room display, a link each.

    Prints a link (and a QR code) for the facilitator's console, the room display
    and every member present. Listens on 127.0.0.1 unless --host says otherwise.
    """
    from .passes import PassBook
    from .terminal import Links, issue_all, print_links

    ui: Lang = settings.lang
    if sum(bool(x) for x in (group_ref, members, resume_id)) > 1:
        raise click.UsageError(t(ui, "term.one_start"))
    if resume_id and roles:
        raise click.UsageError(_cli_text(ui, "run.no_resume_options"))
    if bool(certfile) != bool(keyfile):
        raise click.UsageError(t(ui, "term.tls_pair"))
    chosen: Lang | None = None if lang is None else settings.language(lang)
    engine = settings.open_engine()
    if resume_id:
        meeting = engine.meeting(resume_id)
        if meeting.state.closed:
            click.echo(t(ui, "term.already_closed", id=meeting.id))
            return
    else:
        held = day_roles(roles, engine.registry, chosen or ui)
        meeting = _start(
            engine, settings, chosen, group_ref, members, present, facilitator, external, held
        )
    state = meeting.state
    ui = chosen or (settings.lang if settings.lang_explicit else state.lang)
    port = port or _free_port(host)
    if not _loopback(host):
        click.echo(t(ui, "term.open_network", host=host), err=True)
    scheme = "https" if certfile else "http"
    shown = _advertised(host)
    base_url = f"{scheme}://{_netloc(shown, port, scheme)}"
    passes = PassBook()
    if resume_id and not new_links and passes.load(meeting.id):
        links = Links(base_url, meeting.id)
    else:
        if resume_id:
            passes.load(meeting.id)  # the meeting's secret stays; every link is new
        links = issue_all(passes, state, base_url)
    print_links(links, state, ui, as_json=as_json, out=sys.stdout)
    _serve(engine, meeting, passes, links, ui, host, port, certfile, keyfile, allow_hosts)


def _start(
    engine: Engine,
    settings: Settings,
    chosen: Lang | None,
    group_ref: str | None,
    members: str | None,
    present: str | None,
    facilitator: str | None,
    external: bool,
    held: dict[str, list[str]],
) -> Meeting:
    """A new meeting, as ``intervision run`` starts one (asking what was not given).

    A facilitator who is not a member is a guest only on purpose: with
    ``--external-facilitator``, or confirmed at a terminal as ``run`` asks.
    """
    from ..group_start import (
        ask_facilitator,
        ask_present,
        facilitator_problem,
        is_guide,
        present_problem,
        start_with_guest,
    )
    from ..group_view import find_group, find_member
    from ..parse import split_names

    lang: Lang = chosen or settings.lang
    if group_ref:
        group = find_group(engine, group_ref, lang)
        lang = chosen or (settings.lang if settings.lang_explicit else group.lang)
        if present:
            ids, problem = present_problem(group, split_names(present), lang)
            if problem:
                raise click.BadParameter(problem, param_hint="--present")
        else:
            ids = ask_present(group, lang)
        asked = facilitator is None
        if facilitator is not None:
            problem = facilitator_problem(group, facilitator, ids, lang)
            if problem:
                raise click.BadParameter(problem, param_hint="--facilitator")
        else:
            facilitator = ask_facilitator(engine, group, ids, lang)  # confirms a guest
        chosen_facilitator = facilitator
        # The group's own guide comes from outside by definition; so does a guest
        # the user confirmed when asked.
        outside = (
            external
            or is_guide(group, facilitator)
            or (asked and find_member(group, facilitator) is None)
        )
        return start_with_guest(
            chosen_facilitator,
            outside,
            lang,
            lambda guest: engine.start_meeting(
                group,
                facilitator=chosen_facilitator,
                present=ids,
                lang=lang,
                roles=held,
                external_facilitator=guest,
            ),
            ask_guest=sys.stdin.isatty(),
        )
    if members:
        names = split_names(members)
    else:
        from ..console import ask

        names = split_names(ask(f"{_cli_text(lang, 'run.ask_members')}: "))
    problem = _names_problem(names, lang)
    if problem:
        raise click.BadParameter(problem, param_hint="--members")
    who = facilitator or names[0]
    return start_with_guest(
        who,
        external,
        lang,
        lambda guest: engine.start_meeting(
            names, facilitator=who, lang=lang, roles=held, external_facilitator=guest
        ),
        ask_guest=sys.stdin.isatty(),
    )


def _cli_text(lang: Lang, key: str, **values: object) -> str:
    from ..texts import t as cli_t

    return cli_t(lang, key, **values)


def _names_problem(names: list[str], lang: Lang) -> str:
    if len(names) < 2:
        return _cli_text(lang, "run.too_few")
    folded = [n.casefold() for n in names]
    twice = sorted({n for n in names if folded.count(n.casefold()) > 1})
    return _cli_text(lang, "run.duplicate", names=", ".join(twice)) if twice else ""


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _advertised(host: str) -> str:
    """The address printed in the links: the host, or this machine's address on the
    room's network when listening on every address."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the route
        return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()


def _netloc(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    default = (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    return shown if default else f"{shown}:{port}"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host if host not in ("0.0.0.0", "::") else "", 0))
        return int(probe.getsockname()[1])


def _check_port(host: str, port: int, lang: Lang) -> None:
    """A port that is taken fails here, with a sentence, not in the server's log."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise click.ClickException(t(lang, "term.port_taken", port=port)) from None


def _serve(
    engine: Engine,
    meeting: Meeting,
    passes: object,
    links: object,
    lang: Lang,
    host: str,
    port: int,
    certfile: str | None,
    keyfile: str | None,
    allow_hosts: tuple[str, ...],
) -> None:
    import uvicorn

    from ..timebox import time_scale
    from .app import create_app
    from .passes import PassBook
    from .terminal import Links, listen, replace_link

    assert isinstance(passes, PassBook) and isinstance(links, Links)
    scheme = "https" if certfile else "http"
    names = {host, _advertised(host), "127.0.0.1", "localhost", *allow_hosts}
    hosts = [_netloc(name, port, scheme) for name in names]
    app = create_app(
        engine,
        passes,
        hosts=hosts,
        base_url=links.base_url,
        tls=bool(certfile),
        rate=time_scale(),
    )
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,  # the URLs hold the links' tokens
        log_level="warning",
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        timeout_graceful_shutdown=1,
        lifespan="on",
    )
    _check_port(host, port, lang)
    server = uvicorn.Server(config)

    def answer(line: str) -> str | None:
        if line.strip().casefold() in ("stop", "quit", "exit"):
            server.should_exit = True
            return None
        return replace_link(passes, engine.state(meeting.id), links, line, lang)

    def on_close(state: object, event: object) -> None:
        from intervision.engine import MeetingClosed

        if type(event) is MeetingClosed:
            click.echo(t(lang, "term.closed"))

    engine.subscribe(on_close)
    if sys.stdin is not None and not sys.stdin.closed:
        listen(answer)
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    if not engine.state(meeting.id).closed:
        click.echo(t(lang, "term.stopped", id=meeting.id), err=True)
