"""The ``intervision_plugins`` marker in the normal case: the author's own distribution
is installed, and the test names its module (with ``entry_points=True`` or without).

Each run is a fresh pytest in a subprocess (pytester), in a project folder that holds
the author's module and the metadata pip leaves for an installed distribution, so the
entry point is really there when the registry looks.
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

#: The author's plugin: PLUGINS.md's quick-advice method, shortened.
MODULE = """
from intervision.engine import Fit, MethodSpec, PhaseSpec, Text, hookimpl

SAY = Text(nl="Zeg wat je ziet.", en="Say what you see.")
QUICK_ADVICE = MethodSpec(
    id="quick-advice",
    version="1.0",
    title=Text(nl="Snel advies", en="Quick advice"),
    summary=Text(nl="Vragen en advies.", en="Questions and advice."),
    derived=True,
    fit=Fit(),
    phases=(
        PhaseSpec(
            id="advice",
            title=Text(nl="Advies", en="Advice"),
            minutes=10,
            inbrenger_mode="listens",
            allowed={"participant": ("advice",)},
            instructions={r: SAY for r in ("facilitator", "inbrenger", "participant")},
        ),
    ),
)


@hookimpl
def intervision_methods():
    return [QUICK_ADVICE]
"""

TESTS = """
import pytest

import intervision_quick_advice
from intervision.testing import check_conformance, refused


@pytest.mark.intervision_plugins(intervision_quick_advice, entry_points=True)
def test_with_the_installed_plugins(intervision_registry):
    owner = intervision_registry.owner("quick-advice")
    assert (owner.name, owner.distribution) == ("quick-advice", "intervision-quick-advice")
    assert [i.name for i in intervision_registry.plugins].count("quick-advice") == 1
    assert "incident" in {m.id for m in intervision_registry.methods()}
    check_conformance("quick-advice", registry=intervision_registry)


@pytest.mark.intervision_plugins(intervision_quick_advice)
def test_on_its_own(intervision_registry, intervision_meeting):
    assert {m.id for m in intervision_registry.methods()} == {"quick-advice"}
    meeting = intervision_meeting("quick-advice")
    with refused(meeting, "allowed_kinds"):
        meeting.contribute("carla", "question", "too late for questions")
"""


def _installed_project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(intervision_quick_advice=MODULE, test_quick_advice=TESTS)
    info = pytester.path / "intervision_quick_advice-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: intervision-quick-advice\nVersion: 0.1.0\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(
        "[intervision]\nquick-advice = intervision_quick_advice\n", encoding="utf-8"
    )
    (info / "top_level.txt").write_text("intervision_quick_advice\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(pytester.path))


def test_the_marker_works_while_the_authors_distribution_is_installed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _installed_project(pytester, monkeypatch)

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")

    result.assert_outcomes(passed=2)


def test_a_plugin_name_taken_twice_is_one_clear_line_not_pluggys_table(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _installed_project(pytester, monkeypatch)
    pytester.makepyfile(
        test_clash="""
        import pytest

        import intervision_quick_advice
        from intervision.engine import PluginError, load_registry


        class Other:
            __name__ = "quick-advice"


        def test_clash():
            with pytest.raises(PluginError) as info:
                load_registry(strict=True, extra=[("quick-advice", Other())])
            message = str(info.value)
            assert "the name 'quick-advice' is taken by the plugin of distribution" in message
            assert "intervision-quick-advice" in message
            assert "{" not in message and "reinstall" not in message
        """
    )

    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "test_clash.py")

    result.assert_outcomes(passed=1)
