"""Methods written as TOML files: the same fields as ``MethodSpec``, no Python.

A facilitator adapts a method (shorter phases, another variant) by exporting it,
editing the file and dropping it in the user's methods folder, or passing it with
``--method-file``. A faulty file is reported with the file, the field and what is
wrong; the other methods keep working.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intervision.engine import MethodSpec

__all__ = ["METHODS_DIR_ENV", "dump_method", "load_method_file", "user_methods_dir"]

METHODS_DIR_ENV = "INTERVISION_METHODS_DIR"


def user_methods_dir() -> Path:
    """``INTERVISION_METHODS_DIR``, else ``methods/`` in the user's config folder."""
    configured = os.environ.get(METHODS_DIR_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return platformdirs.user_config_path("intervision") / "methods"


def load_method_file(path: str | os.PathLike[str]) -> MethodSpec:
    """Read one TOML method; any problem is a :class:`SpecError` naming file and field.

    The parser and the spec models are imported here, not at the top: the cache of
    ``intervision methods`` asks :func:`user_methods_dir` without loading either.
    """
    import tomllib

    from pydantic import ValidationError

    from intervision.engine import MethodSpec, SpecError

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise SpecError(f"{path}: is not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"{path}: is not valid TOML: {exc}") from None
    try:
        return MethodSpec.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"field {'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors()
        )
        method = data.get("id", "?") if isinstance(data, dict) else "?"
        raise SpecError(f"{path}: method {method!r}: {problems}") from None


def dump_method(spec: MethodSpec) -> str:
    """The method as TOML that :func:`load_method_file` reads back to an equal spec."""
    import tomli_w

    data: dict[str, Any] = spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    # Fields left at their default are not written, except the ones a reader needs.
    data = {"id": spec.id, "version": spec.version, **data}
    return tomli_w.dumps(data, multiline_strings=True)
