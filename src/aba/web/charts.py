"""Server-rendered inline SVG charts: sparklines and a bar-and-line chart with real axes.

Hand-written (no plotting stack is installed, and no JavaScript is needed): each chart is a few
dozen SVG elements, carries a text alternative for screen readers, and scales with its box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#7ea6e8"
LINE = "#d9443d"
SPARK = "#1f5fd1"


def _f(x: float) -> str:
    return f"{x:.1f}"


def percent(value: float | None) -> str:
    return "no calls" if value is None else f"{round(value * 100)}%"


def sparkline(
    values: Sequence[float | None], labels: Sequence[str], *, name: str, top: float = 1.0
) -> SafeString:
    """A tiny trend line (0..top), gaps where there is no value, the last point marked."""
    width, height, pad = 120, 28, 3
    n = len(values)
    step = (width - 2 * pad) / max(1, n - 1)

    def y(v: float) -> float:
        return height - pad - (height - 2 * pad) * min(max(v / top, 0.0), 1.0)

    segments: list[list[str]] = [[]]
    last: tuple[float, float] | None = None
    for i, v in enumerate(values):
        if v is None:
            segments.append([])
            continue
        point = (pad + i * step, y(v))
        segments[-1].append(f"{_f(point[0])},{_f(point[1])}")
        last = point
    alt = f"{name}: " + ", ".join(
        f"{lb} {percent(v)}" for lb, v in zip(labels, values, strict=False)
    )
    parts = [
        f'<svg class="spark" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(alt)}"'
        ' preserveAspectRatio="none">',
        f"<title>{escape(alt)}</title>",
        f'<line x1="0" y1="{height - pad}" x2="{width}" y2="{height - pad}" stroke="#e1e5eb"/>',
    ]
    for seg in segments:
        if len(seg) > 1:
            parts.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{SPARK}" '
                'stroke-width="1.8" stroke-linejoin="round" vector-effect="non-scaling-stroke"/>'
            )
    if last is not None:
        parts.append(f'<circle cx="{_f(last[0])}" cy="{_f(last[1])}" r="2.4" fill="{SPARK}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - labels escaped above


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


def _ticks(top: float, count: int = 4) -> list[float]:
    return [top * i / count for i in range(count + 1)]


def bar_line_chart(
    labels: Sequence[str],
    bars: Series,
    line: Series | None = None,
    *,
    title: str,
    top: float = 1.0,
    fmt: Callable[[float], str] = lambda v: f"{round(v * 100)}%",
) -> SafeString:
    """Bars per category with an optional line over them, a y axis with gridlines and ticks,
    category labels on the x axis and a legend; `top` is the y axis maximum."""
    width, height = 560, 260
    left, right, top_pad, bottom = 48, 12, 30, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    n = max(1, len(labels))
    band = plot_w / n
    top = top if top > 0 else 1.0

    def y(v: float) -> float:
        return top_pad + plot_h - plot_h * min(max(v / top, 0.0), 1.0)

    def fmt_opt(v: float | None) -> str:
        return "none" if v is None else fmt(v)

    rows = [
        f"{lb}: {bars.name} {fmt_opt(b)}"
        + (f", {line.name} {fmt_opt(line.values[i])}" if line else "")
        for i, (lb, b) in enumerate(zip(labels, bars.values, strict=False))
    ]
    alt = f"{title}. " + "; ".join(rows)
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(alt)}">',
        f"<title>{escape(alt)}</title>",
    ]
    for t in _ticks(top):
        ty = _f(y(t))
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{ty}" y2="{ty}"/>')
        out.append(
            f'<text x="{left - 6}" y="{_f(y(t) + 4)}" text-anchor="end">{escape(fmt(t))}</text>'
        )
    bar_w = band * 0.56
    for i, v in enumerate(bars.values):
        cx = left + band * i + band / 2
        out.append(
            f'<text x="{_f(cx)}" y="{height - bottom + 16}" text-anchor="middle">'
            f"{escape(labels[i])}</text>"
        )
        if v is None:
            continue
        out.append(
            f'<rect x="{_f(cx - bar_w / 2)}" y="{_f(y(v))}" width="{_f(bar_w)}" '
            f'height="{_f(top_pad + plot_h - y(v))}" fill="{BAR}" rx="2"/>'
        )
        out.append(
            f'<text x="{_f(cx)}" y="{_f(y(v) - 4)}" text-anchor="middle" '
            f'font-weight="600">{escape(fmt(v))}</text>'
        )
    if line is not None:
        points = [
            (left + band * i + band / 2, y(v)) for i, v in enumerate(line.values) if v is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{_f(px)},{_f(py)}" for px, py in points)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{LINE}" stroke-width="2.2"/>'
            )
        out.extend(
            f'<circle cx="{_f(px)}" cy="{_f(py)}" r="3.2" fill="#fff" stroke="{LINE}" '
            'stroke-width="2"/>'
            for px, py in points
        )
    base = _f(top_pad + plot_h)
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{base}" y2="{base}"/>')
    out.append(f'<line class="axis" x1="{left}" x2="{left}" y1="{top_pad}" y2="{base}"/>')
    # Legend: a swatch and a word for each series, so colour is never the only key.
    out.append(f'<rect x="{left}" y="8" width="12" height="12" fill="{BAR}" rx="2"/>')
    out.append(f'<text x="{left + 17}" y="18">{escape(bars.name)}</text>')
    if line is not None:
        lx = left + 30 + 7 * len(bars.name)
        out.append(
            f'<line x1="{lx}" x2="{lx + 16}" y1="14" y2="14" stroke="{LINE}" stroke-width="2.2"/>'
        )
        out.append(f'<text x="{lx + 21}" y="18">{escape(line.name)}</text>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every label escaped above


def inline_svg(document: str) -> SafeString:
    """An SVG document from aba's own chart code, made ready to sit inside a page."""
    start = document.find("<svg")
    svg = document[start:] if start >= 0 else ""
    svg = svg.replace("<svg ", '<svg class="chart wide" role="img" ', 1)
    return mark_safe(svg)  # noqa: S308 - produced by aba.core.svg_chart, which escapes labels
