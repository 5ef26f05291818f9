"""A message -> the claims in it that can be checked: one sentence each, as plain text.

Used by the "Fact-check with factbot" message command; no Discord import, so it is tested alone.
"""

from __future__ import annotations

import re

MAX_CLAIMS = 5
CLAIM_MAX = 300
_MARKUP = [
    (re.compile(r"<(?:@[!&]?|#)\d+>"), " "),  # user, role and channel mentions
    (re.compile(r"<a?:\w+:\d+>"), " "),  # custom emoji
    (re.compile(r"<t:\d+(?::\w)?>"), " "),  # timestamps
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"```.*?```", re.S), " "),
    (re.compile(r"[*_~`|>]+"), ""),  # markdown emphasis, spoilers, quotes
    (re.compile(r"@(everyone|here)\b"), " "),
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|(?<=;)\s+")
_WORD = re.compile(r"[A-Za-z]{2,}")
_QUESTION_START = re.compile(r"^(who|what|when|where|why|how|did|does|do|is|was|were|are|can|could|should|would|will)\b", re.I)
_HEDGE = re.compile(r"^(i think|i heard|apparently|so|and|but|also|btw|lol|fun fact:?)\s+", re.I)


def split_claims(text: str, limit: int = MAX_CLAIMS) -> list[str]:
    """The sentences of `text` that state something: at least three words, not a question.
    Markup, mentions and links are removed first; at most `limit` claims, each clipped."""
    for pattern, repl in _MARKUP:
        text = pattern.sub(repl, text or "")
    claims: list[str] = []
    for sentence in _SENTENCE.split(text):
        sentence = " ".join(sentence.split()).strip(" -–—•;:")
        while (hedge := _HEDGE.match(sentence)) is not None:
            sentence = sentence[hedge.end():]
        if len(_WORD.findall(sentence)) < 3 or sentence.endswith("?") or _QUESTION_START.match(sentence):
            continue
        sentence = sentence.rstrip(".! ")
        if sentence and sentence not in claims:
            claims.append(sentence[:CLAIM_MAX])
        if len(claims) >= limit:
            break
    return claims


def as_question(claim: str) -> str:
    """How a claim is put to the engine, which gives yes/no and premise verdicts to questions."""
    return f"Is it true that {claim}?"
