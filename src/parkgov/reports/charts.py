"""Charts for the documents (matplotlib, Agg, a CJK font): PNG bytes, or None with nothing to draw."""
from __future__ import annotations

from io import BytesIO
from typing import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from parkgov.reports.bulletin_data import IndicatorRow, Light, ProjectRow  # noqa: E402

plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "DejaVu Sans"]
plt.rcParams["font.family"] = "sans-serif"
plt.rcParams["axes.unicode_minus"] = False

LIGHT_COLOURS = {Light.GREEN: "#2e9d4a", Light.YELLOW: "#e6b000", Light.RED: "#d62728"}
NO_LIGHT_COLOUR = "#9e9e9e"
_DPI = 130
_MAX_BARS = 20


def _png(fig: Figure, labels: Sequence[str]) -> bytes:
    """The figure as PNG, its left margin sized to the longest y label (no second layout pass)."""
    width_in = fig.get_size_inches()[0]
    label_in = (max((len(x) for x in labels), default=4) * 9 + 24) / 72
    fig.subplots_adjust(left=min(0.5, label_in / width_in), right=0.96, top=0.97,
                        bottom=min(0.35, 0.75 / fig.get_size_inches()[1]))
    buffer = BytesIO()
    fig.savefig(buffer, format="png", dpi=_DPI)
    plt.close(fig)
    return buffer.getvalue()


def _height(bars: int, per_bar: float) -> float:
    """Figure height in inches: grows with the bars, at most 6.5 in so figure and caption fit one page."""
    return min(6.5, per_bar * bars + 1.6)


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def indicator_completion_chart(rows: Sequence[IndicatorRow], time_progress_pct=None) -> bytes | None:
    """Completion rate per indicator as bars, coloured by light, with the time-progress line."""
    drawable = [r for r in rows if r.completion_pct is not None][:_MAX_BARS]
    if not drawable:
        return None
    values = [float(r.completion_pct) for r in drawable]
    fig, ax = plt.subplots(figsize=(7.5, _height(len(drawable), 0.45)))
    positions = range(len(drawable))
    ax.barh(list(positions), values, color=[LIGHT_COLOURS.get(r.light, NO_LIGHT_COLOUR) for r in drawable])
    labels = [_short(r.name) for r in drawable]
    ax.set_yticks(list(positions), labels)
    ax.invert_yaxis()
    for y, v in zip(positions, values):
        ax.text(v, y, f" {v:.1f}%", va="center", fontsize=8)
    if time_progress_pct is not None:
        tp = float(time_progress_pct)
        ax.axvline(tp, color="#1f4e9c", linestyle="--", linewidth=1.5, label=f"序时进度 {tp:.1f}%")
        ax.legend(loc="lower right", fontsize=8)
    ax.set_xlabel("完成率（%）")
    ax.set_xlim(0, max(values + [float(time_progress_pct or 0), 100]) * 1.15)
    ax.grid(axis="x", alpha=0.3)
    return _png(fig, labels)


def project_investment_chart(rows: Sequence[ProjectRow]) -> bytes | None:
    """Annual planned vs completed investment per project, for projects of one money unit."""
    drawable = [r for r in rows if r.annual_plan is not None or r.completed is not None]
    if not drawable:
        return None
    unit = drawable[0].money_unit
    drawable = [r for r in drawable if r.money_unit == unit][:_MAX_BARS]
    fig, ax = plt.subplots(figsize=(7.5, _height(len(drawable), 0.5)))
    ys = list(range(len(drawable)))
    plan = [float(r.annual_plan or 0) for r in drawable]
    done = [float(r.completed or 0) for r in drawable]
    ax.barh([y - 0.2 for y in ys], plan, height=0.4, color="#9ab6d9", label="年度计划投资")
    ax.barh([y + 0.2 for y in ys], done, height=0.4, color="#1f4e9c", label="累计完成投资")
    labels = [_short(r.name, 14) for r in drawable]
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_xlabel(f"投资（{unit}）")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    return _png(fig, labels)


def light_counts_chart(groups: dict[str, dict[Light, int]]) -> bytes | None:
    """Stacked bars of red/yellow/green (and unrated) counts per group (unit or category)."""
    names = [n for n, counts in groups.items() if sum(counts.values())][:_MAX_BARS]
    if not names:
        return None
    fig, ax = plt.subplots(figsize=(7.5, _height(len(names), 0.42)))
    ys = list(range(len(names)))
    left = [0] * len(names)
    for light, label, colour in ((Light.GREEN, Light.GREEN.label, LIGHT_COLOURS[Light.GREEN]),
                                 (Light.YELLOW, "黄灯", LIGHT_COLOURS[Light.YELLOW]),
                                 (Light.RED, "红灯", LIGHT_COLOURS[Light.RED]),
                                 (Light.GREY, "灰灯", NO_LIGHT_COLOUR)):
        counts = [groups[n].get(light, 0) for n in names]
        if any(counts):
            ax.barh(ys, counts, left=left, color=colour, label=label)
            left = [a + b for a, b in zip(left, counts)]
    labels = [_short(n, 16) for n in names]
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    ax.set_xlabel("任务数（项）")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    return _png(fig, labels)

