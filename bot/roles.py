"""Premises about who people are: "Nick Ayers, Pence's press secretary", "NYT reporter Josh Rogin",
"Kim Yong Nam is Kim Jong Un's brother".

When a question gives a named person a role (or a news outlet) and the articles give that person
a different one, the answer must say so before anything else. Which words are roles and which
are news outlets is general English (bot/data/chat.yaml: `roles`, `news_outlets`); what each
person is comes from facts.yaml (role, description, aliases). A person the articles give no role
(no role word at all in what they say of them) is never corrected: silence is not a contradiction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from bot.text import STOPWORDS, plain_tokens

_CHUNK = re.compile(r"[\w'’-]+|[,;:?!.()]")
_PLAIN = re.compile(r"[a-z0-9]+")
_LINKS = frozenset("is was are were be".split())
_ARTICLES = frozenset("a an the".split())
_OF = frozenset("of from at with for".split())
_WORKS_FOR = re.compile(r"\b(?:(?:(?P<works>works|worked|work|working)|writes|wrote|write|writing)(?: (?:this|that|it))? for"
                        r"|(?P<is>is|was|s) with)\b")  # "Alex Ward is with the Washington Post"
# Words that make a role another one ("vice president" is not "president"): someone whose role has
# the word only after one of these does not hold the bare role
_RANKS = frozenset("vice deputy assistant acting former ex co lieutenant under associate".split())
MAX_MODIFIERS = 3  # "white house press secretary": words between a possessor and the role word


@dataclass(frozen=True)
class Word:
    text: str
    possessive: bool = False  # "pence's"
    boundary: bool = False  # a comma or other punctuation


@dataclass(frozen=True)
class WrongRole:
    person: str  # id of the person the question describes wrongly
    phrase: str  # the question's words for the role, e.g. "pence's press secretary"
    span: tuple[int, int]  # word positions of that phrase (end exclusive), dropped to answer the rest
    outlet: bool = False  # the phrase names a news outlet ("NYT reporter"), not a role
    works_for: str | None = None  # the id of someone else the question says they work for ("Nauert works for Pence")


def _phrase(ws: list[Word], start: int, end: int) -> str:
    """The question's words from `start` to `end`, possessives kept: "pence's press secretary"."""
    return " ".join(x.text + ("'s" if x.possessive else "") for x in ws[start:end])


def words_of(question: str) -> list[Word]:
    """The question as plain words, keeping what normalising loses: possessives and commas."""
    text = unicodedata.normalize("NFKC", question).lower().replace("’", "'")
    out: list[Word] = []
    for chunk in _CHUNK.findall(text):
        if not chunk[0].isalnum() and chunk[0] not in "'-":
            out.append(Word(chunk, boundary=True))
            continue
        possessive = chunk.endswith(("'s", "s'")) and not re.fullmatch(r"(?:who|what|where|when|how|that|it|there|here)'s", chunk)
        bare = chunk[:-2] if chunk.endswith("'s") else chunk
        parts = [bare] if _PLAIN.fullmatch(bare) else plain_tokens(bare)
        for i, part in enumerate(parts):
            out.append(Word(part, possessive=possessive and i == len(parts) - 1))
    return out


# the words that only ask whether someone holds a role: "is", "was", "right", "correct"
_ASKS_ROLE = frozenset("is was isn t wasn so and ok".split())
_CHECK_TAIL = frozenset("right correct true really yes yeah tho though still".split())
# (every question either set can let through, and some more)
_MAY_CHECK_ROLE = re.compile(r"^\W*(?:is|was|isn|wasn|so|and|ok|t)\b|\b(?:right|correct|true|really|yes|yeah|tho|though|still)\b",
                             re.IGNORECASE)

class RoleChecker:
    """Built once per index: each person's words, the role groups and the outlet names."""

    def __init__(self, people, aliases: dict[tuple[str, ...], str], roles: list[list[str]], outlets: list[str],
                 institutions: list[str] = (), casual: dict[str, str] | None = None):
        self.people = {p.id: p for p in people}
        # a casual spelling of one word read as the word: "press sec" is a press secretary
        self.casual = {k: v for k, v in (casual or {}).items() if " " not in k and " " not in v}
        self.institutions = [tuple(plain_tokens(name)) for name in institutions]
        self.written = {tuple(plain_tokens(name)): name for name in [*institutions, *outlets]}  # "cnn" → "CNN"
        self.group = {w: frozenset(g) for g in roles for w in g}
        self.media = next((frozenset(g) for g in roles if "reporter" in g), frozenset())
        self.names: dict[tuple[str, ...], str] = dict(aliases)
        self.name_words = {p.id: frozenset(plain_tokens(p.name)) for p in people}
        # whom they work for is in their role: a description may name an outlet only as the one
        # reporting on them ("… first reported the cancelled meeting, according to Vox")
        self.employer_words = {p.id: frozenset(plain_tokens(" ".join([p.name, p.role, *p.aliases]))) for p in people}
        self.bare_words = {p.id: frozenset(w for words in map(plain_tokens, [p.name, p.role, p.description, *p.aliases])
                                           for before, w in zip(["", *words], words) if before not in _RANKS)
                           for p in people}
        self.outlet_names = {tuple(plain_tokens(name)): "~" + name for name in outlets}
        news = {p.id for p in people if p.kind == "organisation" and (p.publishes or self.media & set(plain_tokens(p.role))
                                                                         or {"newspaper", "outlet", "agency"} & set(plain_tokens(p.role)))}
        self.known_outlets = news
        # What must be in a question for a role to be given at all: a role word or an outlet's name.
        self.role_words = frozenset(self.group)
        outlet_phrases = [f" {' '.join(k)} " for k in {*self.outlet_names, *(k for k, p in self.names.items() if p in news)}]
        self._outlet_phrase = re.compile("|".join(map(re.escape, outlet_phrases)) or "(?!)")  # any of them, in one search
        self.longest = max(len(k) for k in [*self.names, *self.outlet_names]) if self.names else 1
        # institutions and news outlets the articles never mention, by their plain words
        self.unmentioned = frozenset(n for n in [*self.institutions, *self.outlet_names] if n and n not in self.names)
        self._longest_any = max([self.longest, *map(len, self.unmentioned)])
        # the words any of those names begins with: a word that begins none starts no name (most words)
        self._name_starts = frozenset(k[0] for k in [*self.names, *self.outlet_names, *self.unmentioned] if k)
        # (read with the names above: another's title inside what is said of someone is not theirs)
        self.words = {p.id: self._own_words(p.id, [p.name, p.role, p.description, *p.aliases]) for p in people}
        self.has_role = {pid: bool(ws & self.group.keys()) for pid, ws in self.words.items()}

    def _own_words(self, pid: str, texts: list[str]) -> frozenset[str]:
        """The words of what the articles say of someone, less another's title: in "Sister of North
        Korean leader Kim Jong Un", "leader" is his (the role words in or just before another one's name)."""
        words: set[str] = set()
        for text in texts:
            tokens = plain_tokens(text)
            theirs: set[int] = set()
            for at, end, other in self.mentions([Word(t) for t in tokens]):
                if other == pid or other.startswith("~"):
                    continue
                theirs.update(j for j in range(at, end) if tokens[j] in self.group)  # "Vice President Pence" in Ayers's role
                for j in range(at - 1, max(at - 1 - MAX_MODIFIERS, -1), -1):
                    if tokens[j] in _OF or tokens[j] in _ARTICLES or tokens[j] in _LINKS:
                        break
                    if tokens[j] in self.group:
                        theirs.add(j)
            words.update(t for j, t in enumerate(tokens) if j not in theirs)
        return frozenset(words)

    def mentions(self, ws: list[Word]) -> list[tuple[int, int, str]]:
        """(start, end, id) for every named person or organisation, longest name first; a news
        outlet the articles never mention is "~" + its name."""
        out, i = [], 0
        texts = [w.text for w in ws]
        while i < len(ws):
            if texts[i] not in self._name_starts:
                i += 1
                continue
            for n in range(min(self.longest, len(ws) - i), 0, -1):
                key = tuple(texts[i : i + n])
                found = self.names.get(key) or self.outlet_names.get(key)
                if found and not any(w.boundary for w in ws[i : i + n]):
                    out.append((i, i + n, found))
                    i += n
                    break
            else:
                i += 1
        return out

    def check(self, question: str) -> tuple[list[Word], tuple[WrongRole, ...]]:
        plain = [self.casual.get(w, w) for w in _PLAIN.findall(question.lower())]
        joined = " ".join(plain)
        spaced = f" {joined} "
        if self.role_words.isdisjoint(plain) and not self._outlet_phrase.search(spaced) \
                and not _WORKS_FOR.search(joined):
            return [], ()  # no role word, no outlet, no employer: nothing to check (most questions)
        ws = self.words_of(question)
        spans = self.mentions(ws)
        at = {s: (s, e, pid) for s, e, pid in spans}
        inside = {i for s, e, _ in spans for i in range(s, e)}
        found: list[WrongRole] = []
        for i, w in enumerate(ws):
            if i in inside or w.boundary or w.text not in self.group:
                continue
            start, possessor = self._phrase_start(ws, spans, i)
            # the role's last word: "secretary of state Nick Ayers" runs on over "of" and the one word it names
            last = i + 2 if (i + 2 < len(ws) and ws[i + 1].text == "of" and not ws[i + 2].boundary and i + 2 not in inside
                             and ws[i + 2].text not in _ARTICLES and ws[i + 2].text not in STOPWORDS) else i
            holder = self._holder(ws, spans, at, start, last)
            if holder is None or holder == possessor or holder.startswith("~") or not self.has_role.get(holder):
                continue
            if possessor is not None and not any(ws[j].possessive for j in range(start, last)) and at.get(last + 1, (0, 0, ""))[2] == holder:
                continue  # "otto warmbier dad pence …": too loose to say whose role is whose
            if not (self.group[w.text] & self.words[holder]) or (
                    start == i and not (self.group[w.text] & self.bare_words[holder]) and not (i and ws[i - 1].text in _RANKS)):
                # ("was Pence the president?": he is the vice president; "the North Korean figurehead
                # president Pence was to see" is someone else's role, words before it say whose)
                found.append(WrongRole(holder, _phrase(ws, start, last + 1), (start, last + 1)))
            elif (possessor is not None and possessor in self.people and self.people[possessor].kind == "person"
                  and not (self.name_words[possessor] & self.employer_words[holder])):
                # "is Heather Nauert Pence's spokesperson?": her role, but not his to give
                found.append(WrongRole(holder, _phrase(ws, start, last + 1), (start, last + 1)))
        for (s1, e1, first), (s2, e2, second) in zip(spans, spans[1:]):  # "Heather Nauert, Pence's chief of staff, …"
            between = [w.text for w in ws[e1:s2]]
            named_by_role = any(w.text in self.group for w in ws[s2:e2])
            if (between in ([","], ["is"], ["was"], ["is", "the"], ["was", "the"]) and named_by_role and first != second
                    and not first.startswith("~") and self.has_role.get(first) and first not in {f.person for f in found}):
                found.append(WrongRole(first, _phrase(ws, s2, e2), (s2, e2)))
            # "As Pence's chief of staff, what did Heather Nauert say": the role first, then whom it is put to
            elif (s1 and ws[s1 - 1].text == "as" and any(w.text in self.group for w in ws[s1:e1]) and first != second
                  and "," in between and not second.startswith("~") and self.has_role.get(second)
                  and self.people.get(second) is not None and self.people[second].kind == "person"
                  and second not in {f.person for f in found}):
                begin = next((s0 for s0, e0, _ in spans if e0 == s1 and ws[e0 - 1].possessive), s1)  # from "Pence's"
                found.append(WrongRole(second, _phrase(ws, begin, e1), (begin - 1, e1 + 1)))
        for s, e, org in spans:  # "CNN's Ashley Parker", "NYT reporter Josh Rogin", "Rogin of the New York Times"
            if not (org.startswith("~") or org in self.known_outlets):
                continue
            holder = self._journalist_of(ws, spans, at, s, e)
            if holder is None:
                continue
            name = set(org[1:].lower().split()) if org.startswith("~") else set(plain_tokens(self.people[org].name)) - {"the"}
            if not (name & self.employer_words[holder]) and holder not in {f.person for f in found}:
                found.append(WrongRole(holder, _phrase(ws, s, e).removesuffix("'s"), (s, e), outlet=True))
        for s, e, pid in spans:  # "White House spokeswoman Heather Nauert", "State Department chief of staff Nick Ayers"
            if pid in self.people and self.people[pid].kind == "person" and self.has_role.get(pid) and pid not in {f.person for f in found}:
                at_name = next((s2 for s2, e2, p2 in spans if p2 == pid and e2 == s), s)  # the role word may be an alias of theirs
                begin = self._other_employer(ws, spans, at_name, pid)
                # the role's words run up to the name ("… spokeswoman Heather Nauert"), not a verb ("… reporter wrote about Pence")
                if begin is not None and (at_name < s or (any(w.text in self.group for w in ws[begin:s]) and ws[s - 1].text in self.group)):
                    found.append(WrongRole(pid, _phrase(ws, begin, s), (begin, s)))
        for s, e, pid in spans:  # "Nick Ayers, Trump's chief of staff": the role is his, the one it is to is not
            # (a few words may stand between: "Pence's personal spokeswoman Heather Nauert")
            owned_by = next(((s2, p) for s2, e2, p in spans if e2 <= s and ws[e2 - 1].possessive and s - e2 <= MAX_MODIFIERS
                             and all(not w.boundary and w.text not in _LINKS and w.text not in _ARTICLES and w.text not in STOPWORDS
                                     for w in ws[e2:s])), None) if s else None
            owner = owned_by[1] if owned_by else None
            role_words = any(w.text in self.group for w in ws[s:e])  # an alias made of a role: "chief of staff"
            if (owner and role_words and owner != pid and owner in self.people and self.people[owner].kind == "person"
                    and self.has_role.get(pid) and pid not in {f.person for f in found}
                    and any(p == pid and s2 != s for s2, _, p in spans)  # named too: "Trump's chief of staff" alone is no one of theirs
                    and not (self.name_words[owner] & self.words[pid])):
                found.append(WrongRole(pid, _phrase(ws, owned_by[0], e), (owned_by[0], e)))
        for s, e, pid in spans:  # "Heather Nauert works for the White House", "Kirby wrote this for CNN": an employer the articles never give
            if not (pid in self.people and self.people[pid].kind == "person" and self.has_role.get(pid)) or pid in {f.person for f in found}:
                continue
            following = " ".join(w.text for w in ws[e : e + 4])  # "works for", "wrote this for"
            employs = _WORKS_FOR.match(following)
            if employs is None:
                continue
            at = e + len(employs.group(0).split())
            persons = not employs.group("is")  # ("Pence was with Kim Yo Jong" is company, not an employer)
            employer = self._employer_at(ws, spans, at, pid, persons=persons)
            if employer is None and at < len(ws) and ws[at].text == "the":
                employer = self._employer_at(ws, spans, at + 1, pid, persons=persons)
            if employer is not None:  # "works for X" is dropped whole; "write for X" keeps asking what was written
                dropped = e if employs.group("works") or employs.group("is") else at - 1
                boss = next((p for s2, e2, p in spans if e2 == employer and p in self.people and self.people[p].kind == "person"), None)
                found.append(WrongRole(pid, " ".join(w.text for w in ws[at:employer]), (dropped, employer), outlet=True, works_for=boss))
        widest: dict[str, WrongRole] = {}  # "supreme leader" over "supreme": one correction per person
        for f in found:
            if f.person not in widest or f.span[1] - f.span[0] > widest[f.person].span[1] - widest[f.person].span[0]:
                widest[f.person] = f
        return ws, tuple(widest.values())

    def confirmed(self, question: str) -> str | None:
        """"is heather nauert the state department spokeswoman", "ashley parker is with the washington
        post right?": the one person named, when every other word (but a few that only ask) is one the
        articles use of them and one of those gives a role or an employer. Their id, else None."""
        if not _MAY_CHECK_ROLE.search(question):
            return None  # (a cheap look first: most questions neither open nor end like that)
        ws = self.words_of(question)
        if not ws or ws[0].text not in _ASKS_ROLE and not any(w.text in _CHECK_TAIL for w in ws[-2:]):
            return None
        spans = self.mentions(ws)
        persons = [(s, e, p) for s, e, p in spans if p in self.people and self.people[p].kind == "person" and self.has_role.get(p)]
        if len({p for _, _, p in persons}) != 1:  # ("spokeswoman" may be a name of hers too)
            return None
        _, _, holder = persons[0]
        inside = {i for s, e, _ in persons for i in range(s, e)}
        employers = [p for s, e, p in spans if p != holder and not p.startswith("~")]
        rest = [w.text for i, w in enumerate(ws) if i not in inside and not w.boundary
                and not any(s <= i < e for s, e, p in spans if p in employers)
                and w.text not in _ASKS_ROLE and w.text not in _CHECK_TAIL and w.text not in _ARTICLES and w.text not in _LINKS
                and w.text not in _OF]
        if any(not (self.employer_words[holder] & set(plain_tokens(self.people[p].name)) - {"the"}) for p in employers):
            return None  # "is ashley parker with cnn": not theirs
        gives = any(t in self.group for t in rest) or bool(employers)
        own = self.words[holder]  # (a role word counts by its group: "spokesperson" is her "spokeswoman")
        return holder if gives and all(t in own or (t in self.group and self.group[t] & own) for t in rest) else None

    def chosen(self, question: str) -> tuple[str, str, str] | None:
        """"is pence vp or secretary of state", "was nauert a spokeswoman or a reporter": someone
        named first, then two roles put as a choice — (their id, the option that is theirs, the other) when
        exactly one is, by the words the articles use of them; else None."""
        ws = self.words_of(question)
        texts = [w.text for w in ws]
        if len(ws) < 5 or ws[0].text not in ("is", "was") or texts.count("or") != 1:
            return None
        spans = self.mentions(ws)
        first = next(((s, e, p) for s, e, p in spans if s == 1), None)
        if first is None or first[2] not in self.people or self.people[first[2]].kind != "person" or not self.has_role.get(first[2]):
            return None
        _, end, holder = first
        split = texts.index("or")
        own = self.words[holder]
        named = {i for s, e, _ in spans if s >= end for i in range(s, e)}  # ("kim jong un's sister": whose, not what)
        # ("vp", "spokeswoman", "kim jong un's sister": a name the articles give them is theirs)
        theirs = {i for s, e, p in spans if s >= end and p == holder for i in range(s, e)}

        def option(start: int, stop: int) -> tuple[str, bool] | None:
            kept = [i for i in range(start, stop) if not ws[i].boundary]
            shown = _phrase(ws, kept[0], kept[-1] + 1) if kept else ""  # ("a reporter": with its article)
            while kept and ws[kept[0]].text in _ARTICLES:
                kept = kept[1:]
            if not kept:
                return None
            if theirs & set(kept):
                return shown, True
            words = [ws[i].text for i in kept if i not in named and ws[i].text not in _ARTICLES and ws[i].text not in _OF]
            if not words or not any(w in self.group for w in words):
                return None  # (a choice of roles: "is pence in japan or korea" is none)
            return shown, all(w in own or (w in self.group and self.group[w] & own) for w in words)

        a, b = option(end, split), option(split + 1, len(ws))
        if a is None or b is None or a[1] == b[1]:
            return None
        return (holder, a[0], b[0]) if a[1] else (holder, b[0], a[0])

    def _other_employer(self, ws: list[Word], spans, name_at: int, holder: str) -> int | None:
        """"White House spokeswoman Heather Nauert": the role may be hers, the employer named right
        before it is not. Where that employer's name starts: an institution (chat.yaml), or a body
        the articles name, in the few words before the person's name that nothing the articles say
        of the person mentions. None when there is none."""
        start = name_at
        while start > 0 and name_at - start < MAX_MODIFIERS + 3 and not ws[start - 1].boundary \
                and ws[start - 1].text not in _LINKS and ws[start - 1].text not in _ARTICLES and not ws[start - 1].possessive:
            start -= 1
        for j in range(start, name_at):
            if any(not words & self.words[holder] for _, words in self._bodies_at(ws[:name_at], spans, j)):
                return j
        return None

    def _employer_at(self, ws: list[Word], spans, at: int, holder: str, persons: bool = False) -> int | None:
        """Where an institution or body named at `at` ends, when nothing the articles say of the
        holder mentions it; else None. With `persons`, someone else may be the one worked for
        ("Nauert works for Pence")."""
        body = next(self._bodies_at(ws, spans, at, persons), None)
        return body[0] if body is not None and not body[1] & self.words[holder] else None

    def _bodies_at(self, ws: list[Word], spans, at: int, persons: bool = False):
        """The institutions (chat.yaml), then the bodies the articles name, whose name starts at
        word `at` (and ends within `ws`): (where it ends, its name's telling words)."""
        texts = [w.text for w in ws]
        for name in self.institutions:
            if tuple(texts[at : at + len(name)]) == name:
                yield at + len(name), frozenset(name)
        for s, e, pid in spans:
            if s == at and e <= len(ws) and pid in self.people and (self.people[pid].kind == "organisation"
                                                                    or persons and self.people[pid].kind == "person"):
                yield e, frozenset(plain_tokens(self.people[pid].name)) - {"the", "us", "of"}
            elif s == at and e <= len(ws) and pid.startswith("~"):  # a news outlet the articles never mention ("CNN")
                yield e, frozenset(pid[1:].lower().split())

    def unmentioned_bodies(self, words: list[str]) -> list[tuple[int, int]]:
        """Where normalised `words` name an institution or news outlet the articles never mention
        ("the pentagon", "cnn"): (start, end) word positions, longest name first at each place;
        a name of theirs is read first ("kim jong un" holds no "UN")."""
        out, i = [], 0
        while i < len(words):
            if words[i] not in self._name_starts:
                i += 1
                continue
            n = next((n for n in range(min(self._longest_any, len(words) - i), 0, -1)
                      if tuple(words[i : i + n]) in self.unmentioned or tuple(words[i : i + n]) in self.names), 0)
            if n and tuple(words[i : i + n]) in self.unmentioned:
                out.append((i, i + n))
            i += n or 1
        return out

    def unknown_outlets(self, ws: list[Word]) -> tuple[tuple[str, tuple[int, int]], ...]:
        """News outlets the articles never mention, named in the question (the outlet's name and
        the words it spans, with a "the" before it): "what did the New York Times first report"."""
        out = []
        for s, e, org in self.mentions(ws):
            if org.startswith("~"):
                start = s - 1 if s > 0 and ws[s - 1].text == "the" else s
                out.append((org[1:], (start, e)))
        return tuple(out)

    def shown(self, question: str, phrase: str) -> str:
        """An institution's or outlet's name as the user spelt it ("CNN's"), or as it is written
        when they typed it all in lower case ("cnn" → "CNN")."""
        said = shown_as(question, phrase)
        return self.written.get(tuple(plain_tokens(phrase)), said) if said.islower() else said

    def other_names(self, ws: list[Word], name_word) -> tuple[tuple[str, tuple[int, int]], ...]:
        """Names the articles never give, put to someone they name by a role: "Pence's chief of
        staff John Kelly", "John Kelly, Pence's chief of staff" — (the person's id, the span of the
        unknown name). `name_word(word)`: whether a word may be part of a name the fact base does
        not use. A name here is two such words, none of the question's grammar."""
        def name_from(at: int, step: int) -> tuple[int, int] | None:
            span = []
            for j in (at, at + step):
                if 0 <= j < len(ws) and not ws[j].boundary and ws[j].text.isalpha() and len(ws[j].text) > 1 \
                        and ws[j].text not in STOPWORDS and name_word(ws[j].text):
                    span.append(j)
                else:
                    break
            # one word alone may be any stray word ("... chief of staff reportedly"): a name is two
            return (min(span), max(span) + 1) if len(span) == 2 else None
        out = []
        for s, e, pid in self.mentions(ws):
            person = self.people.get(pid)
            if person is None or person.kind != "person" or not any(w.text in self.group for w in ws[s:e]):
                continue  # only a role stands for someone here: "chief of staff", "the spokeswoman"
            after = name_from(e, 1)
            if after is None and e < len(ws) and ws[e].text in _LINKS:
                after = name_from(e + 1, 1)  # "Pence's chief of staff was John Kelly?"
            before = name_from(s - 2, -1) if s >= 2 and ws[s - 1].text == "," else None
            if before is None:
                # "was John Kelly Pence's chief of staff?", "is John Kelly the chief of staff"
                at = s - 2 if s >= 1 and ws[s - 1].text in _ARTICLES else s - 1
                before = name_from(at, -1) if at >= 2 and ws[at - 2].text in _LINKS else None
            if after is not None and not ws[e - 1].possessive:
                out.append((pid, after))
            elif before is not None:
                out.append((pid, before))
        return tuple(out)

    def holder_of(self, wrong: WrongRole) -> str | None:
        """Who the articles do give the role a question gave someone else ("Nick Ayers, the State
        Department spokesman": Heather Nauert): the one other person with a word of that role,
        and among several the one whose words share most of the phrase's other words. None when
        no one, or more than one, fits."""
        phrase = plain_tokens(wrong.phrase.replace("'s", ""))
        group = frozenset().union(*(self.group[w] for w in phrase if w in self.group))
        if wrong.outlet or not group:
            return None
        others = set(phrase) - group - _ARTICLES
        fits = [pid for pid, p in self.people.items() if pid != wrong.person and p.kind == "person" and self.words[pid] & group]
        if not fits:
            return None
        best = max(len(self.words[pid] & others) for pid in fits)
        fits = [pid for pid in fits if len(self.words[pid] & others) == best]
        return fits[0] if len(fits) == 1 else None

    def words_of(self, question: str) -> list[Word]:
        return [replace(w, text=self.casual[w.text]) if w.text in self.casual else w for w in words_of(question)]

    def _phrase_start(self, ws, spans, i) -> tuple[int, str | None]:
        """Where the role's phrase begins: at its possessor ("pence's press secretary") or at the
        first of a few modifiers ("white house press secretary"); and the possessor, if any."""
        start = i
        for j in range(i - 1, max(i - 1 - MAX_MODIFIERS, -1), -1):
            if ws[j].boundary or ws[j].text in _LINKS or ws[j].text in _ARTICLES or ws[j].text in STOPWORDS:
                break  # ("what did press secretary Nick Ayers say": "what did" modifies nothing)
            owner = next((pid for s, e, pid in spans if e == j + 1), None)
            if ws[j].possessive:
                if owner is not None:
                    s = next(s for s, e, _ in spans if e == j + 1)
                    return s, owner
                return j, None
            if owner is not None:  # "nyt reporter", "north korean leader": an adjective-like name starts the phrase
                s = next(s for s, e, _ in spans if e == j + 1)
                if owner in self.people and self.people[owner].kind == "person":
                    return s, owner  # "otto warmbier dad": a person's relative, the apostrophe left out
                return s, None
            start = j
        return start, None

    def _holder(self, ws, spans, at, start, i) -> str | None:
        """Whom the role is given to: the name right after it ("press secretary Nick Ayers"), the
        name before it in apposition ("Nick Ayers, Pence's press secretary") or as the subject
        of "is" ("Kim Yong Nam is Kim Jong Un's brother")."""
        j = i + 1
        while j < len(ws) and j <= i + 2 and (ws[j].boundary and ws[j].text == "," or ws[j].text in _ARTICLES):
            j += 1
        if j in at and j <= i + 2:
            s, e, pid = at[j]
            if not ws[e - 1].possessive:
                return pid
        k = start - 1
        while k >= 0 and ws[k].text in _ARTICLES:
            k -= 1
        subject = next(((s, pid) for s, e, pid in spans if e == k + 1), None)
        if subject and subject[0] > 0 and ws[subject[0] - 1].text in _LINKS and not ws[k].possessive:
            return subject[1]  # "is Kim Yong Nam the supreme leader …"
        if k >= 0 and (ws[k].text == "," or ws[k].text in _LINKS):
            k -= 1
            before = next((pid for s, e, pid in spans if e == k + 1), None)
            if before is not None and not ws[k].possessive:
                return before
        return None

    def _journalist_of(self, ws, spans, at, s, e) -> str | None:
        j = e
        if j < len(ws) and ws[j].text in self.media:
            j += 1
        if j in at and (ws[e - 1].possessive or j > e):
            pid = at[j][2]
            return pid if self.words[pid] & self.media else None
        k = s - 1
        while k >= 0 and ws[k].text in _ARTICLES:
            k -= 1
        if k >= 0 and ws[k].text in _OF:
            before = next((pid for s2, e2, pid in spans if e2 == k), None)
            if before is not None and self.words[before] & self.media:
                return before
        return None


def shown_as(question: str, phrase: str) -> str:
    """The user's own spelling of a phrase found in plain words ("CNN's", not "cnn's")."""
    pattern = r"(?:['’]s)?[\W_]*".join(re.escape(w) for w in re.split(r"[\s']+", phrase.replace("'s", "")) if w)
    found = re.search(pattern + r"(?:['’]s)?", question, re.IGNORECASE) if pattern else None
    return found.group(0) if found else phrase
