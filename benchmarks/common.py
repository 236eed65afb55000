"""What every figure shares: its result, how it is printed, and the sizes of a run."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Config:
    """Repetitions and sizes; ``quick`` only proves that the benchmarks still run."""

    quick: bool

    def pick(self, full: int, quick: int) -> int:
        return quick if self.quick else full


@dataclass
class Figure:
    """One figure: our runs against the baseline's runs, in the same process and folder.

    ``higher_is_better`` figures are rates (ours / baseline >= target); the others are
    costs (ours / baseline <= target). ``absolute`` targets compare our median itself.
    """

    name: str
    unit: str
    ours: list[float]
    baseline: list[float]
    target: float
    higher_is_better: bool = False
    absolute: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.baseline)

    @property
    def passed(self) -> bool:
        value = statistics.median(self.ours) if self.absolute else self.ratio
        return value >= self.target if self.higher_is_better else value <= self.target

    @property
    def target_text(self) -> str:
        sign = ">=" if self.higher_is_better else "<="
        if self.absolute:
            return f"ours {sign} {_number(self.target)} {self.unit}"
        return f"{sign} {self.target:g}x"

    def cells(self) -> list[str]:
        return [
            self.name,
            spread(self.ours, self.unit),
            spread(self.baseline, self.unit),
            f"{self.ratio:.2f}x",
            self.target_text,
            "PASS" if self.passed else "MISS",
        ]


def spread(values: list[float], unit: str) -> str:
    """``median (min..max) unit``."""
    median = statistics.median(values)
    return f"{_number(median)} ({_number(min(values))}..{_number(max(values))}) {unit}"


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


HEADER = ["figure", "ours median (min..max)", "baseline median (min..max)", "ratio", "target", ""]


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table (README.md takes it as it is)."""
    rows = [HEADER, ["---"] * len(HEADER), *(f.cells() for f in figures)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


FigureRun = Callable[[Config], list[Figure]]
