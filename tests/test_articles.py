"""Questions about one article itself — who wrote it, who published it, when, its headline, its
link — answered from the source's record, not from the list of all three sources."""

import pytest

from bot.articles import asked_of_article
from bot.conversation import follow_up


@pytest.mark.parametrize("norm, asked", [
    ("who wrote the vox article", ("author",)),
    ("who penned the vox piece", ("author",)),
    ("which outlet is the unnamed one", ("outlet",)),
    ("when was the dw article published", ("date",)),
    ("what is the dw article s headline", ("title",)),
    ("link to the dw article", ("link",)),
    ("who wrote the vox article and when was it published", ("author", "date")),
    ("which two read more articles does dw link", ()),
    ("why did north korea cancel", ()),
])
def test_what_is_asked_of_an_article(norm, asked):
    assert asked_of_article(norm) == asked


def _verbatim(engine, result):
    return all(c.quote in engine.fb.seed_texts[c.source_id] for c in result.citations)


def test_who_wrote_an_article_names_its_author_and_only_that_article(engine):
    for question, author, source in (("who wrote the vox article", "Jen Kirby", "vox"),
                                     ("Who penned the Vox piece?", "Jen Kirby", "vox"),
                                     ("who wrote the dw one", "ls/aw (AFP, Reuters)", "dw")):
        result = engine.ask(question)
        assert result.answered and result.text.startswith("The ") and author in result.text
        assert "three sources" not in result.text and (source == "vox" or "Kirby" not in result.text)
        assert result.citations and {c.source_id for c in result.citations} == {source} and _verbatim(engine, result)


def test_what_an_article_does_not_give_is_said_to_be_missing(engine):
    for question, missing in (("when was the vox article published", "gives no date"),
                              ("who wrote the first article", "names no author"),
                              ("which outlet is the unnamed one", "names no outlet")):
        result = engine.ask(question)
        assert not result.answered and missing in result.text


def test_an_articles_date_headline_and_link(engine):
    dated = engine.ask("when was the dw article published")
    assert dated.answered and "21 February 2018" in dated.text and _verbatim(engine, dated)
    headline = engine.ask("what's the DW article title")
    assert "“US claims N. Korea canceled secret meeting”" in headline.text and _verbatim(engine, headline)
    assert "https://p.dw.com/p/2t1s0" in engine.ask("link to the dw article").text


@pytest.mark.parametrize("question, wanted", [
    ("Which Vox writer pointed out the administration's no-talks-first stance?", "Alex Ward"),  # a writer in it
    ("Who wrote the Vox piece and who took its photo?", "Hangst"),  # part by part
    ("What's the other DW 'Read more' link about?", "tweets"),  # a link in it
])
def test_questions_about_what_an_article_holds_are_not_about_its_record(engine, question, wanted):
    assert wanted in engine.ask(question).text


@pytest.mark.parametrize("question", ["dw credits", "Which news agencies does the DW piece cite at the end?",
                                      "What author initials are at the bottom of the DW article?"])
def test_a_wire_storys_byline_gives_its_initials_and_agencies(engine, question):
    result = engine.ask(question)
    assert result.text == "The DW article is by ls/aw (AFP, Reuters)." and result.citations[0].quote == "ls/aw (AFP, Reuters)"


def test_the_full_names_behind_initials_are_not_given(engine):
    assert not engine.ask("What's the full name of the DW reporter who wrote the article?").answered


def test_who_wrote_the_first_article_after_the_others(engine):
    before = None
    for text in ("who wrote the vox piece", "and the DW one"):
        before = follow_up(engine, text, before).conversation
    turn = follow_up(engine, "and the first article?", before)
    assert turn.read_as == "who wrote the first article" and "names no author" in turn.result.text


def test_an_article_named_by_its_author(engine):
    assert engine.ask("when did jen kirby publish it").text == "My sources don't say: the Vox article gives no date."
    assert "headlined" not in engine.ask("What is Jen Kirby's title at Vox?").text  # her job's title, not the article's


@pytest.mark.parametrize("question, text", [
    ("did ashley parker write the vox article", "No — the Vox article is by Jen Kirby."),
    ("did jen kirby write the vox piece", "Yes — the Vox article is by Jen Kirby."),
    ("did rogin write the first article", "My sources don't say: the first article names no author."),
])
def test_did_someone_write_an_article(engine, question, text):
    assert engine.ask(question).text == text
