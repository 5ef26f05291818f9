"""The fact base loads, and every class of broken input gets a PATH:LINE message, never a traceback."""

import hashlib
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.facts import LEXICON_KEYS, FactBaseError, load_factbase, normalize_span, iter_citations
from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

GOOD_SOURCE = """\
sources:
  - id: dw
    file: seeds/002_7ce7736b6c27d862.txt
    outlet: DW
    title: US claims N. Korea canceled secret meeting
"""


# Every field of meta a fact base must give (what the bot says of its episode), for the small bases here.
META = ('scope: "I only know one article.", default_year: 2018, topic: the story, short_topic: the story, '
        'about: "I answer questions about one story.", articles: one article, timeline_span: from its start to its end, '
        'picture_title: The story, picture_subtitle: As reported in one article, '
        'examples: {questions: [What happened?], date: "2018-02-17"}')


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    seed = ROOT / "seeds" / "002_7ce7736b6c27d862.txt"
    (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    path = tmp_path / "facts.yaml"
    text = textwrap.dedent(text)
    if "meta:" not in text:  # appended, so the line numbers the tests expect stay where they are
        text += f"\nmeta: {{{META}}}\nlexicon: {{happen: [], differ: [], outlet: [], timeline: [], role: [], summary: []}}\n"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FactBaseError) as info:
        load_factbase(path)
    return [str(p) for p in info.value.problems]


def test_repository_fact_base_loads_and_counts(factbase):
    counts = factbase.counts()
    assert counts["sources"] == 3
    assert counts["facts"] >= 30 and counts["quotes"] >= 15 and counts["events"] >= 10
    assert counts["discrepancies"] >= 10 and counts["people"] >= 20


def test_every_citation_is_verbatim_in_its_seed(factbase):
    n = 0
    for _, (source_id, text) in iter_citations(factbase.model):
        seed = (ROOT / factbase.source_by_id[source_id].file).read_text(encoding="utf-8")
        assert normalize_span(text) in normalize_span(seed), (source_id, text)
        n += 1
    assert n > 150


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seeds_are_byte_identical_to_shared():
    ours = sorted(p.name for p in (ROOT / "seeds").iterdir())
    theirs = sorted(p.name for p in SHARED_SEEDS.iterdir())
    assert ours == theirs
    for name in ours:
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).digest() == hashlib.sha256((SHARED_SEEDS / name).read_bytes()).digest(), name


def test_missing_file(tmp_path):
    assert problems_of(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}:0: file not found"]


def test_malformed_yaml_reports_line(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + "facts:\n  - id: a\n    statement: [unclosed\n")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:") and "malformed YAML" in problem
    assert int(problem.split(":")[1]) >= 7


def test_wrong_type_reports_line_and_field(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    statement: A fact.
    evidence: [{source: dw, quote: "February 21, 2018"}]
    questions: 7
""")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:10:") and "facts.0.questions" in problem


def test_missing_required_field(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    evidence: [{source: dw, quote: "February 21, 2018"}]
""")
    [problem] = problems_of(path)
    assert problem == f"{path}:7: facts.0.statement: required field is missing"


def test_duplicate_ids(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    statement: A.
    evidence: [{source: dw, quote: "February 21, 2018"}]
  - id: f1
    statement: B.
    evidence: [{source: dw, quote: "February 21, 2018"}]
""")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:10: duplicate id 'f1' in facts (first at line 7)")


def test_dangling_references(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    statement: A.
    people: [nobody]
    evidence: [{source: cnn, quote: "February 21, 2018"}]
""")
    found = problems_of(path)
    assert f"{path}:9: unknown person 'nobody'" in found
    assert any(p.startswith(f"{path}:10:") and "unknown source 'cnn'" in p for p in found)


def test_an_event_can_follow_only_another_known_event(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
events:
  - id: e1
    date: "2018-02-21"
    precision: day
    derivation: The article's date.
    title: T
    description: D
    evidence: [{source: dw, quote: "February 21, 2018"}]
    follows: [e1, nothing]
""")
    found = problems_of(path)
    assert any("an event cannot follow itself" in p for p in found)
    assert any("unknown event 'nothing'" in p for p in found)


def test_quote_not_in_source_shows_the_mismatch(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
quotes:
  - id: q1
    speaker: null
    text: "whitewash their murderous regimes"
    source: dw
    medium: statement
    context: test
""")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:9: quote not found verbatim in seeds/002_7ce7736b6c27d862.txt")
    assert "whitewash their murderous regime" in problem and "first difference" in problem


def test_curly_quotes_and_whitespace_are_tolerated(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
quotes:
  - id: q1
    speaker: null
    text: "“whitewash   their\\nmurderous regime.”"
    source: dw
    medium: statement
    context: test
""")
    assert load_factbase(path).counts()["quotes"] == 1


def test_missing_source_file(tmp_path):
    path = write(tmp_path, GOOD_SOURCE.replace("002_7ce7736b6c27d862", "009_missing"))
    assert problems_of(path) == [f"{path}:3: source file not found: seeds/009_missing.txt"]


def test_duplicate_yaml_key(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + "    outlet: DW again\n")
    assert any(p.startswith(f"{path}:6: duplicate key 'outlet'") for p in problems_of(path))


def test_bad_date(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    statement: A.
    date: "2018-02-30"
    evidence: [{source: dw, quote: "February 21, 2018"}]
""")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:9:") and "not a real date" in problem


def test_an_open_detail_must_read_after_my_sources_dont(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
facts:
  - id: f1
    statement: A.
    evidence: [{source: dw, quote: "February 21, 2018"}]
    unsaid: ["say where it was", "the missile's name"]
""")
    [problem] = problems_of(path)
    assert "the missile's name" in problem and "My sources don't" in problem


def test_who_a_fact_is_attributed_to_must_be_one_of_its_people(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
people:
  - {id: p1, name: Ann, kind: person, role: Aide, description: An aide.}
facts:
  - id: f1
    statement: A.
    evidence: [{source: dw, quote: "February 21, 2018"}]
    people: []
    said_by: [p1]
""")
    [problem] = problems_of(path)
    assert "said_by" in problem and "'p1'" in problem and "one of the fact's people" in problem


def test_check_command_exit_codes(tmp_path, capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "facts" in out and "vox" in out
    broken = write(tmp_path, GOOD_SOURCE + "facts: 3\n")
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:6: facts: Input should be a valid list" in out
    assert "Traceback" not in out


def test_check_as_a_process_never_tracebacks(tmp_path):
    broken = tmp_path / "facts.yaml"
    broken.write_text("sources: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "bot", "check", str(broken)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "malformed YAML" in proc.stdout and "Traceback" not in proc.stdout + proc.stderr


@pytest.mark.parametrize("key", LEXICON_KEYS)
def test_missing_lexicon_key_the_engine_needs(tmp_path, key):
    lexicon = ", ".join(f"{k}: []" for k in LEXICON_KEYS if k != key)
    [problem] = problems_of(write(tmp_path, GOOD_SOURCE + f"meta: {{{META}}}\nlexicon: {{{lexicon}}}\n"))
    assert "lexicon" in problem and repr(key) in problem


def test_every_source_has_one_display_name_and_no_path_or_id_in_it(factbase):
    names = [s.name for s in factbase.sources]
    assert len(set(names)) == len(names)
    for s in factbase.sources:
        assert s.id not in s.name and "seeds/" not in s.name
        assert factbase.source_name(s.id) == factbase.source_name(s.file) == s.name
    unnamed = next(s for s in factbase.sources if s.outlet == "unknown")
    assert unnamed.name == "Unnamed article, 21 Feb 2018" and unnamed.published == "2018-02-21"


def test_curator_notes_are_marked(factbase):
    notes = {d.topic for d in factbase.discrepancies if not d.is_disagreement}
    assert notes == {"Misspelled name", "Typing errors in the articles"}


def test_no_date_is_more_precise_than_its_precision_allows(factbase):
    from bot.facts import precision_problem

    dated = [(f"events/{e.id}", e.date, e.precision, e.date_to) for e in factbase.events]
    dated += [(f"quotes/{q.id}", q.date, q.date_precision, q.date_to) for q in factbase.quotes]
    assert [(item, problem) for item, *d in dated if (problem := precision_problem(*d))] == []
    # the checker rejects the cases the audit found: one chosen day for "on Saturday", a day for a month
    assert precision_problem("2018-02-17", "range", None)
    assert precision_problem("2018-02-10", "month", None)
    assert precision_problem("2018-02", "day", None)
    kcna = next(e for e in factbase.events if e.id == "kcna-statement")
    assert kcna.precision == "range" and kcna.date_label() == "on a Saturday, 10 or 17 February 2018"


def test_imprecise_date_in_a_fact_base_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + """\
events:
  - id: kcna
    date: "2018-02-17"
    precision: range
    derivation: x
    title: t
    description: d
    evidence: [{source: dw, quote: "February 21, 2018"}]
""")
    [problem] = problems_of(path)
    assert ":9:" in problem and "date_to" in problem


def test_the_episode_s_people_must_be_people_of_the_fact_base(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + f"""\
meta: {{{META}, episode: {{people: [nobody], nouns: [meeting], hosts: []}}}}
lexicon: {{happen: [], differ: [], outlet: [], timeline: [], role: [], summary: []}}
""")
    found = problems_of(path)
    assert any("unknown person 'nobody'" in p for p in found)
    assert any("meta.episode: unknown key 'hosts'" in p for p in found)


def test_the_setting_fact_must_be_a_fact_of_the_fact_base(tmp_path):
    path = write(tmp_path, GOOD_SOURCE + f"""\
meta: {{{META}, setting: [olympics], setting_fact: no-such-fact}}
lexicon: {{happen: [], differ: [], outlet: [], timeline: [], role: [], summary: []}}
""")
    assert any("unknown fact 'no-such-fact'" in p for p in problems_of(path))


def _with_meta(tmp_path: Path, meta: str, extra: str = "") -> Path:
    return write(tmp_path, GOOD_SOURCE + extra + f"meta: {{{meta}}}\nlexicon: {{happen: [], differ: [], outlet: [], timeline: [], role: [], summary: []}}\n")


def test_the_meta_texts_the_code_shows_are_required(tmp_path):
    without_topic = re.sub(r"(?<!_)topic: the story, ", "", META)
    found = problems_of(_with_meta(tmp_path, without_topic))
    assert any("meta.topic: required field is missing" in p for p in found)
    found = problems_of(_with_meta(tmp_path, META.replace("short_topic: the story", 'short_topic: " "')))
    assert any("meta.short_topic: must not be empty" in p for p in found)


def test_a_topic_too_long_for_discord_is_refused_before_the_bot_syncs(tmp_path):
    long_topic = "the " + "very " * 15 + "long story"  # "Ask a question about " and 89 characters
    found = problems_of(_with_meta(tmp_path, META.replace("topic: the story, short_topic", f"topic: {long_topic}, short_topic")))
    assert len(found) == 1 and "/ask's description would be 110 characters; Discord allows 100" in found[0]
    first_question = "What " + "happened " * 12 + "?"  # quoted in /ask's description of its question
    found = problems_of(_with_meta(tmp_path, META.replace("[What happened?]", f"[{first_question}]")))
    assert len(found) == 1 and "the description of /ask's question would be" in found[0]


def test_examples_must_be_of_what_the_fact_base_has(tmp_path):
    people = """\
people:
  - {id: ann, name: Ann Lee, aliases: [Ann], role: Aide, description: An aide.}
"""
    examples = ('examples: {questions: [What happened?], date: "2018-02", names: [Ann, Bob], compare: Who said it}')
    meta = META.replace('examples: {questions: [What happened?], date: "2018-02-17"}', examples)
    found = problems_of(_with_meta(tmp_path, meta, people))
    assert any("meta.examples.date: not a day (YYYY-MM-DD): '2018-02'" in p for p in found)
    assert any("meta.examples.names.1: no person is named 'Bob'" in p for p in found)
    assert not any("names.0" in p for p in found)  # an alias will do
    assert any("meta.examples.compare: 'Who said it' is no disagreement's topic" in p for p in found)


def test_the_articles_counted_must_be_the_sources_counted(tmp_path):
    found = problems_of(_with_meta(tmp_path, META.replace("articles: one article", "articles: three articles")))
    assert len(found) == 1 and found[0].endswith("meta.articles: 'three articles', but the fact base has 1 source(s)")


def test_a_season_s_month_must_be_a_season_and_a_month(tmp_path):
    found = problems_of(_with_meta(tmp_path, META + ", season_months: {fall: november, monsoon: june, winter: dec}"))
    assert len(found) == 2 and "'monsoon': 'june' is not a season" in found[0] and "'winter': 'dec'" in found[1]
