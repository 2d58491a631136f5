"""Dates: when the statement was published and when the action it describes took place."""

from __future__ import annotations

import re
from datetime import date, timedelta

from linewatch.ops.releases.context import is_current
from linewatch.ops.releases.pipeline import Sentence

MONTHS = {
    name: number
    for number, full in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
    for name in (full, full[:3], "sept" if full == "september" else full)
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
ORDINAL = r"(?:st|nd|rd|th)?"
DAY_MONTH = (
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}(?:\s*(?:-|\u2013|to|and)\s*\d{{1,2}}{ORDINAL})?\s+(?:of\s+)?{MONTH}"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
)
MONTH_DAY = rf"\b{MONTH}\s+(?P<day>\d{{1,2}}){ORDINAL}(?:,?\s+(?P<year>\d{{4}}))?\b"
NUMERIC = r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b"
RELATIVE = (
    r"\b(?:(?:on|early on|late on|last)\s+(?P<weekday>" + "|".join(WEEKDAYS) + r")\b(?!,?\s*\d)"
    r"|(?P<relative>yesterday|today|this morning|last night))"
)
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (NUMERIC, DAY_MONTH, MONTH_DAY, RELATIVE)]
HEADER = re.compile(
    r"^\s*(?:published|posted|date|issued|released|updated)?\s*:?\s*", re.IGNORECASE
)
WEEKDAY_PREFIX = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r"),?\s+", re.IGNORECASE)
DATELINE = re.compile(r"^[A-Z][A-Za-z' -]+,\s*")
NOT_ACTION = re.compile(
    r"court|appear|remand|sentenc|trial|hearing|until|magistrates|bail|charged|born", re.IGNORECASE
)
ACTION = re.compile(
    r"arrest|warrant|raid|executed|search|operation|swoop|carried out|stopp|seiz|week of action|"
    r"intensification|took place|visit|crackdown|target|detain|dawn|day of action|recovered|found",
    re.IGNORECASE,
)


def _resolve(match: re.Match[str], published: date | None) -> date | None:
    """The full date a match states, using the publication date only for a missing year."""
    parts = match.groupdict()
    if parts.get("weekday") or parts.get("relative"):
        return _relative(parts, published) if published else None
    month = parts["month"].lower()
    month_number = int(month) if month.isdigit() else MONTHS[month]
    year = int(parts["year"]) if parts.get("year") else None
    if year is not None and year < 100:
        year += 2000
    try:
        if year is not None:
            return date(year, month_number, int(parts["day"]))
        if published is None:
            return None
        found = date(published.year, month_number, int(parts["day"]))
        return found if found <= published else found.replace(year=published.year - 1)
    except ValueError:
        return None


def _relative(parts: dict[str, str | None], published: date) -> date:
    """A weekday or "yesterday" counted back from the publication date."""
    if parts.get("weekday"):
        back = (published.weekday() - WEEKDAYS.index(str(parts["weekday"]).lower())) % 7
        return published - timedelta(days=back)
    days = {"yesterday": 1, "last night": 1}.get(str(parts["relative"]).lower(), 0)
    return published - timedelta(days=days)


def dates_in(text: str, published: date | None) -> list[tuple[int, date]]:
    """(offset, date) for each resolvable date in a text, in text order, without overlaps."""
    found: list[tuple[int, int, date]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            overlaps = any(s < match.end() and match.start() < e for s, e, _ in found)
            resolved = _resolve(match, published)
            if resolved and not overlaps:
                found.append((match.start(), match.end(), resolved))
    return sorted((start, when) for start, _, when in found)


def _leading_date(text: str) -> tuple[int, date] | None:
    """(end, date) of a date opening a line, after "Published:", a dateline or a weekday."""
    body = DATELINE.sub("", HEADER.sub("", text, count=1), count=1)
    body = WEEKDAY_PREFIX.sub("", body, count=1)
    skipped = len(text) - len(body)
    for pattern in PATTERNS[:3]:
        match = pattern.match(body)
        resolved = _resolve(match, None) if match else None
        if match and resolved:
            return skipped + match.end(), resolved
    return None


def publication_date(text: str) -> date | None:
    """The date on a "Published: ..." line, a line opening with a date, or a dateline."""
    for line in [line for line in text.splitlines() if line.strip()][:5]:
        leading = _leading_date(line)
        if leading:
            return leading[1]
    return None


def operation_date(sentences: list[Sentence], published: date | None) -> date | None:
    """The first date stated for the action (not a court date, dateline or other operation)."""
    for sentence in sentences:
        if sentence.title or not is_current(sentence) or not ACTION.search(sentence.text):
            continue
        text = sentence.text
        leading = _leading_date(text) if sentence.line < 5 else None
        for offset, when in dates_in(text, published):
            if leading and offset < leading[0]:
                continue
            if not NOT_ACTION.search(text[max(0, offset - 80) : offset]):
                return when
    return None
