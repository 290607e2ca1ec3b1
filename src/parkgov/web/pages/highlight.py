"""Split a document's text into plain and marked segments, so each extracted fact's source is highlighted."""
from __future__ import annotations


def _span(text: str, mark: dict) -> tuple[int, int]:
    """Where a mark's quote sits: at its offset if it starts there, else the first occurrence near it."""
    start, quote = max(0, int(mark["offset"])), (mark.get("quote") or "").strip()
    if quote:
        probe = quote[:40]
        found = text.find(probe, max(0, start - 200))
        if found != -1 and found - start < 4000:
            start = found
            end = start + len(quote) if text.startswith(quote, start) else start + len(probe)
            return start, min(len(text), end)
    line_end = text.find("\n", start)
    return start, min(len(text), line_end if line_end != -1 and line_end > start else start + 80)


def segments(text: str, marks: list[dict], current: int | None = None) -> list[dict]:
    """``[{"text", "mark": None | {...}, "current": bool}]`` covering ``text`` once, marks never overlapping."""
    out, pos = [], 0
    for mark in sorted(marks, key=lambda m: m["offset"]):
        start, end = _span(text, mark)
        if start < pos:
            start = pos
        if end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "mark": None, "current": False})
        is_current = current is not None and start <= current < max(end, start + 1) or mark["offset"] == current
        out.append({"text": text[start:end], "mark": mark, "current": is_current})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "mark": None, "current": False})
    return out
