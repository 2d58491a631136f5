"""Synthetic UK mobile numbers, IMEIs, and the written forms operators put them in.

Numbers are kept as the 10-digit national significant number (7xxxxxxxxx) in int64 arrays.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from linewatch.sim.arrays import IntArr

DRAMA_BASE = 7_700_900_000  # Ofcom drama range 07700 900000-900999
# 07100-07599 and 07700-07999 are mobile ranges libphonenumber accepts (076 is pagers).
_PREFIXES = np.concatenate([np.arange(7100, 7600), np.arange(7700, 8000)])
# ... except these 5-digit blocks, which libphonenumber does not accept as mobiles.
_INVALID = np.array([77002, 77004, 77005, 77006, 77009, 79113, 79114, 79115, 79116, 79119])

# Operator styles: how each operator writes numbers and call/message types in its returns.
# number form: 0 "07xxx xxxxxx", 1 "+447...", 2 "447...", 3 "00447...", 4 "07xxxxxxxxx"
STYLE_FORMS = (0, 1, 2, 3, 4)
STYLE_TYPES = (
    ("call", "sms"),
    ("voice", "text"),
    ("CALL", "SMS"),
    ("Voice", "SMS"),
    ("call", "text"),
)
_PREFIX = pa.array(["0", "+44", "44", "0044", "0"])
_SPACER = pa.array([" ", "", "", "", ""])


def allocate(n: int, rng: np.random.Generator, exclude: IntArr) -> IntArr:
    """`n` distinct random mobile numbers, none in `exclude` nor in the drama range."""
    out = np.empty(0, dtype=np.int64)
    while out.size < n:
        k = int((n - out.size) * 1.1) + 16
        draw = rng.choice(_PREFIXES, size=k) * 1_000_000 + rng.integers(0, 1_000_000, size=k)
        draw = draw[((draw // 1000) != DRAMA_BASE // 1000) & ~np.isin(draw // 100_000, _INVALID)]
        merged = np.concatenate([out, draw])
        _, first = np.unique(merged, return_index=True)
        keep = np.sort(first)
        merged = merged[keep]
        out = merged[~np.isin(merged, exclude)]
    return out[:n].astype(np.int64)


def drama(n: int, rng: np.random.Generator) -> IntArr:
    """`n` distinct numbers from the Ofcom drama range (n <= 1000)."""
    return (DRAMA_BASE + rng.permutation(1000)[:n]).astype(np.int64)


def e164(nsn: IntArr) -> list[str]:
    """E.164 strings (+447...) for national significant numbers."""
    return ["+44" + str(int(v)) for v in nsn]


def written_of(all_nsn: IntArr, idx: IntArr, style: IntArr) -> pa.Array:
    """Numbers `all_nsn[idx]` in written forms `style`, each distinct pair formatted once."""
    k = len(STYLE_FORMS)
    key = idx * k + style
    present = np.zeros(all_nsn.size * k, dtype=bool)
    present[key] = True
    uniq = np.flatnonzero(present)
    pos = np.cumsum(present, dtype=np.int64) - 1
    return pc.take(written(all_nsn[uniq // k], uniq % k), pa.array(pos[key]))


def written(nsn: IntArr, style: IntArr) -> pa.Array:
    """Each number in its operator's written form (Arrow string kernels): prefix, first four
    digits, a space or not, last six digits."""
    digits = pc.cast(pa.array(nsn), pa.string())
    style_arr = pa.array(style.astype(np.int32))
    return pc.binary_join_element_wise(
        pc.take(_PREFIX, style_arr),
        pc.utf8_slice_codeunits(digits, 0, 4),
        pc.take(_SPACER, style_arr),
        pc.utf8_slice_codeunits(digits, 4, 10),
        "",
    )


def imeis(n: int, rng: np.random.Generator) -> IntArr:
    """`n` random 15-digit IMEIs (8-digit TAC, 6-digit serial, Luhn check digit)."""
    body = np.empty((n, 14), dtype=np.int64)
    body[:, 0] = 3
    body[:, 1] = rng.choice([5, 5, 5, 3, 0, 1], size=n)  # TACs mostly start 35
    body[:, 2:] = rng.integers(0, 10, size=(n, 12))
    doubled = body[:, 1::2] * 2
    total = body[:, 0::2].sum(axis=1) + (doubled // 10 + doubled % 10).sum(axis=1)
    check = (10 - total % 10) % 10
    weights = 10 ** np.arange(14, 0, -1, dtype=np.int64)
    out: IntArr = (body * weights).sum(axis=1) + check
    return out
