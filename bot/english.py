"""General knowledge of English that is not about the story: how common a word is (from
wordfreq, so that "position" or "details" in a question weighs less than "medals"), the filler
words of chat, and casual spellings ("ppl", "wanna", "hrs") read as the plain words.

Built once with the index and pickled with it (bot/loader.py), so a one-shot `factbot ask` does
not pay for importing wordfreq.
"""

from __future__ import annotations

import math
from importlib import resources

import yaml

MIN_ZIPF = 2.5  # rarer words than this are kept as "rare" (0.0): names, slang, typos


class English:
    def __init__(self) -> None:
        data = yaml.safe_load(resources.files("bot").joinpath("data/chat.yaml").read_text(encoding="utf-8"))
        self.filler = frozenset(data["filler"])
        self.casual = {k: v for k, v in data["casual"].items()}
        self.focus_type = {word: kind for kind, words in data["focus_types"].items() for word in words}
        self.roles: list[list[str]] = data["roles"]
        self.news_outlets: list[str] = data["news_outlets"]
        from wordfreq import get_frequency_dict  # imported here: only building the index needs it

        self._zipf = {w: round(math.log10(f * 1e9), 2) for w, f in get_frequency_dict("en").items()
                      if f * 1e9 >= 10**MIN_ZIPF and w.isalpha()}

    def zipf(self, word: str) -> float:
        """How common a word is in English: 7 for "the", about 3 for "medals", 0 for unknown."""
        return self._zipf.get(word, 0.0)

    def is_filler(self, word: str) -> bool:
        return word in self.filler

    def plain(self, norm: str) -> str:
        """Casual spellings replaced by the plain words, in normalised text (words split on spaces)."""
        casual = self.casual
        return " ".join(casual.get(w, w) for w in norm.split(" "))
