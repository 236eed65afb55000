"""New meeting ids: the day, then 65 random bits, in letters no one misreads.

The id used to be the date and 24 random bits: a host starting a few thousand
meetings on one day was likely to draw the same id twice. Now the day is followed
by 13 characters of Crockford's base32 (digits and lowercase letters without i, l,
o and u), 65 bits: a host starting 100,000 meetings every day draws two alike on
one day with a chance of about 1 in 7 billion, so about once in twenty million
years. The day first keeps a listing readable and the ids of one day together; the
CLI takes any unique prefix, so a facilitator types a few characters after it.
The engine still refuses to start a meeting over an existing one (the journal's
version check), and draws again in that case.
"""

from __future__ import annotations

import secrets
from datetime import datetime

__all__ = ["new_meeting_id"]

#: Crockford's base32, lowercase: no i, l, o or u to mistake for 1, 0 or v.
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
#: 13 characters of 5 bits: 65 random bits.
RANDOM_CHARS = 13


def new_meeting_id(now: datetime) -> str:
    """``20261204-`` and 13 random characters of :data:`ID_ALPHABET`."""
    bits = secrets.randbits(5 * RANDOM_CHARS)
    chars = []
    for _ in range(RANDOM_CHARS):
        bits, index = divmod(bits, 32)
        chars.append(ID_ALPHABET[index])
    return f"{now:%Y%m%d}-{''.join(chars)}"
