"""A small, dependency-free SVG chart: win rate against days since the last advance, one panel
per stage, with the baseline, half the baseline and the proposed threshold marked.

Hand-written because the chart is simple and a plotting stack (matplotlib) is not installed;
the output is plain SVG 1.1 that browsers and `xml.etree` read.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from aba.core.thresholds import Proposal

PANEL_W, PANEL_H = 420, 260
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 52, 16, 34, 44
COLUMNS = 2
LINE, BAND, BASE, THRESH = "#1f5fa8", "#c9dcf2", "#555555", "#c0392b"


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def _panel(label: str, p: Proposal, ox: float, oy: float) -> list[str]:
    """One stage's panel with its top-left corner at (ox, oy)."""
    w = PANEL_W - MARGIN_L - MARGIN_R
    h = PANEL_H - MARGIN_T - MARGIN_B
    x0, y0 = ox + MARGIN_L, oy + MARGIN_T
    last = p.buckets[-1].start if p.buckets else 1
    x_max = max(last + (p.buckets[1].start if len(p.buckets) > 1 else 7), 1)

    def x(days: float) -> float:
        return x0 + w * min(days, x_max) / x_max

    def y(rate: float) -> float:
        return y0 + h * (1 - rate)

    out = [f'<g class="panel" aria-label="{escape(label)}">']
    base = f"{p.baseline:.0%}" if p.baseline is not None else "-"
    title = f"{label} (n={p.n}, baseline {base})"
    out.append(f'<text x="{_fmt(x0)}" y="{_fmt(oy + 20)}" class="title">{escape(title)}</text>')
    # Axes, gridlines and ticks: 0-100% up the side, days along the bottom.
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        ty = y(tick)
        out.append(
            f'<line x1="{_fmt(x0)}" y1="{_fmt(ty)}" x2="{_fmt(x0 + w)}" y2="{_fmt(ty)}" '
            'class="grid"/>'
        )
        out.append(f'<text x="{_fmt(x0 - 6)}" y="{_fmt(ty + 4)}" class="ytick">{tick:.0%}</text>')
    step = 7 if x_max <= 63 else 14 if x_max <= 126 else 28
    for day in range(0, int(x_max) + 1, step):
        tx = x(day)
        out.append(
            f'<line x1="{_fmt(tx)}" y1="{_fmt(y0 + h)}" x2="{_fmt(tx)}" '
            f'y2="{_fmt(y0 + h + 4)}" class="axis"/>'
        )
        out.append(f'<text x="{_fmt(tx)}" y="{_fmt(y0 + h + 16)}" class="xtick">{day}</text>')
    out.append(
        f'<line x1="{_fmt(x0)}" y1="{_fmt(y0)}" x2="{_fmt(x0)}" y2="{_fmt(y0 + h)}" class="axis"/>'
    )
    out.append(
        f'<line x1="{_fmt(x0)}" y1="{_fmt(y0 + h)}" x2="{_fmt(x0 + w)}" '
        f'y2="{_fmt(y0 + h)}" class="axis"/>'
    )
    out.append(
        f'<text x="{_fmt(x0 + w / 2)}" y="{_fmt(y0 + h + 34)}" class="xlabel">'
        "days since the last advance at the decision</text>"
    )
    out.append(
        f'<text transform="translate({_fmt(ox + 14)},{_fmt(y0 + h / 2)}) rotate(-90)" '
        'class="ylabel">win rate</text>'
    )
    # Each bucket plotted at its middle; the open-ended last one at its start.
    pts = [
        (b.start + ((b.end - b.start) / 2 if b.end is not None else 0), b) for b in p.buckets if b.n
    ]
    if pts:
        upper = [f"{_fmt(x(d))},{_fmt(y(b.interval[1]))}" for d, b in pts]
        lower = [f"{_fmt(x(d))},{_fmt(y(b.interval[0]))}" for d, b in reversed(pts)]
        out.append(f'<polygon points="{" ".join(upper + lower)}" class="band"/>')
        line = " ".join(f"{_fmt(x(d))},{_fmt(y(b.rate or 0))}" for d, b in pts)
        out.append(f'<polyline points="{line}" class="rate"/>')
        for d, b in pts:
            out.append(
                f'<circle cx="{_fmt(x(d))}" cy="{_fmt(y(b.rate or 0))}" r="3" '
                f'class="point"><title>{b.wins}/{b.n} won</title></circle>'
            )
    if p.baseline is not None:
        for rate, css, text in ((p.baseline, "base", "baseline"), (p.baseline / 2, "half", "half")):
            out.append(
                f'<line x1="{_fmt(x0)}" y1="{_fmt(y(rate))}" x2="{_fmt(x0 + w)}" '
                f'y2="{_fmt(y(rate))}" class="{css}"/>'
            )
            out.append(
                f'<text x="{_fmt(x0 + w - 2)}" y="{_fmt(y(rate) - 3)}" class="note">{text}</text>'
            )
    tx = x(p.threshold_days)
    kind = "learned" if p.learned else "default"
    out.append(
        f'<line x1="{_fmt(tx)}" y1="{_fmt(y0)}" x2="{_fmt(tx)}" y2="{_fmt(y0 + h)}" '
        'class="threshold"/>'
    )
    out.append(
        f'<text x="{_fmt(tx + 3)}" y="{_fmt(y0 + 10)}" class="tlabel">'
        f"{p.threshold_days} d ({kind})</text>"
    )
    out.append("</g>")
    return out


def win_rate_chart(panels: Sequence[tuple[str, Proposal]], title: str) -> str:
    """The whole SVG document: a grid of panels, two per row."""
    rows = max(1, -(-len(panels) // COLUMNS))
    cols = min(COLUMNS, max(1, len(panels)))
    width, height = cols * PANEL_W, rows * PANEL_H + 30
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        "<style>"
        ".title{font-weight:bold;font-size:12px}.grid{stroke:#e5e5e5}.axis{stroke:#333}"
        ".ytick{text-anchor:end}.xtick,.xlabel,.ylabel{text-anchor:middle}"
        f".band{{fill:{BAND};opacity:.6}}.rate{{fill:none;stroke:{LINE};stroke-width:2}}"
        f".point{{fill:{LINE}}}.base{{stroke:{BASE};stroke-dasharray:6 3}}"
        f".half{{stroke:{BASE};stroke-dasharray:2 3}}.note{{text-anchor:end;fill:{BASE}}}"
        f".threshold{{stroke:{THRESH};stroke-width:2}}.tlabel{{fill:{THRESH}}}"
        "</style>",
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="12" y="20" class="title">{escape(title)}</text>',
    ]
    for i, (label, proposal) in enumerate(panels):
        ox, oy = (i % COLUMNS) * PANEL_W, 30 + (i // COLUMNS) * PANEL_H
        out.extend(_panel(label, proposal, ox, oy))
    out.append("</svg>")
    return "\n".join(out) + "\n"
