"""Cards: headline first, quotes once and unmarked twice, disagreements that concern the answer."""

import pytest

from bot import render
from bot.engine import Answer, Citation, NotCovered
from bot.facts import Discrepancy, Evidence


def answer(kind="fact", text="First sentence. Second one.", facts=("f1",), disagreements=(), citations=()):
    return Answer("the question?", text, kind, tuple(citations), facts=facts, disagreements=tuple(disagreements))


def test_headline_is_the_verdict_or_the_first_sentence():
    assert render.headline(answer("no", "No — they never spoke. More."))[0] == "No"
    assert render.headline(answer("no", "No — they never spoke. More."))[1] == "they never spoke. More."
    assert render.headline(answer("yes", "Yes, it was secret."))[0] == "Yes"
    assert render.headline(answer("fact", "First sentence. Second one.")) == ("First sentence.", "Second one.")
    long = "word " * 80
    title, description = render.headline(answer("fact", long))
    assert len(title) <= render.CLAUSE_MAX and title.endswith("…") and description == long.strip()
    clause = "The photos show Pence (Vox; Getty), " + "and more " * 30
    assert render.headline(answer("fact", clause)) == ("The photos show Pence", clause.strip())
    assert render.headline(NotCovered("q", "They don't say.", ()))[0] == "Not in my sources"
    assert "assumes" in render.headline(answer("premise", "Trump did not cancel it."))[0]
    ordered = render.headline(answer("order", "After — The meeting: 10 February 2018. The ceremony: 9 February 2018."))
    assert ordered == ("After", "The meeting: 10 February 2018. The ceremony: 9 February 2018.")


def test_question_line_is_one_short_line():
    line = render.question_line("who\nwas   " + "x" * 300)
    assert "\n" not in line and len(line) <= 93 and line.startswith("Q: who was")


@pytest.mark.parametrize("raw, bare", [("“quoted”", "quoted"), ('"quoted"', "quoted"), ("“opening only", "opening only"),
                                        ("closing only”", "closing only"), ('say "this" here', 'say "this" here')])
def test_bare_quote_strips_only_its_own_marks(raw, bare):
    assert render.bare_quote(raw) == bare


def test_a_quote_is_never_wrapped_in_a_second_pair_of_marks():
    assert render.quoted('"North Korea dangled a meeting," said Ayers') == '"North Korea dangled a meeting," said Ayers'
    assert render.quoted("“This administration will stand”") == "“This administration will stand”"
    assert render.quoted("plain words") == "“plain words”"


def test_fragments_of_longer_quotes_are_left_out():
    texts = ["At the last minute, they decided.", "the last minute.", "Another one", "another one"]
    assert render.without_fragments(texts) == ["At the last minute, they decided.", "Another one"]


def test_only_disagreements_about_the_answer_and_never_curators_notes():
    side = [Evidence("s", "q")]
    about = Discrepancy("a", "About it", "s", side, facts=["f1"])
    other = Discrepancy("b", "Something else", "s", side, facts=["f9"])
    typo = Discrepancy("c", "Typing errors", "s", side, facts=["f1"], kind="curator-note")
    kept = render.concerning_disagreements(answer(disagreements=[about, other, typo]))
    assert [d.topic for d in kept] == ["About it"]


def test_citations_once_with_the_display_name(factbase):
    src = factbase.sources[0]
    long_quote = factbase.seed_texts[src.id][200:420]
    cites = [Citation(src.file, src.id, src.outlet, long_quote), Citation(src.file, src.id, src.outlet, long_quote[10:60]),
             Citation(src.file, src.id, src.outlet, long_quote)]
    lines = render.citation_lines(factbase, cites)
    assert len(lines) == 1 and lines[0].startswith(f"**{src.name}**: “") and lines[0].endswith("…”")
    assert len(lines[0]) < render.QUOTE_SHOWN_MAX + len(src.name) + 10


def test_fact_check_verdicts():
    assert render.check_verdict(answer("yes")) == "supported"
    assert render.check_verdict(answer("no")) == render.check_verdict(answer("premise")) == "contradicted"
    assert render.check_verdict(NotCovered("q", "t", ())) == "not covered"
    assert render.check_verdict(answer("fact")) == "related"


def test_a_lead_over_a_list_is_the_headline(engine):
    # "DW reports, in short (…):" and a timeline step's lead are the title; the list or the step is below it
    title, description = render.headline(engine.ask("what did the dw article say"))
    assert title == "DW reports, in short" and description.startswith("• ")
    title, description = render.headline(engine.ask("what happened after the meeting was cancelled"))
    assert title == "Next, in the timeline (between 10 and 20 February 2018)" and description.startswith("On the flight home")
