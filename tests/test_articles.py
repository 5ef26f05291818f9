"""Questions about one article itself — who wrote it, who published it, when, its headline, its
link — answered from the source's record, not from the list of all three sources."""

import pytest

from bot.articles import asked_of_article, which_article_asks
from tests.citations import assert_citations_verbatim
from bot.conversation import follow_up


@pytest.mark.parametrize("norm, asked", [
    ("who wrote the vox article", ("author",)),
    ("who penned the vox piece", ("author",)),
    ("who is the person that write the vox article", ("author",)),
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


def test_the_person_that_write_an_article_is_its_author(engine):
    assert engine.ask("Who is the person that write the Vox article?").text == "The Vox article is by Jen Kirby."


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


@pytest.mark.parametrize("question,rest", [
    ("which article says the meeting was the next morning?", "the meeting was the next morning"),
    ("What outlet mentions Alex Ward", "Alex Ward"),
    ("which of the articles reported that pence met defectors", "pence met defectors"),
    ("which article says that", None),  # the last answer's: a follow-up
    ("which paper first reported the meeting", None),  # who broke the story: no article of the three
])
def test_which_article_says_something_is_read_for_what_it_asks(question, rest):
    assert which_article_asks(question) == rest


@pytest.mark.parametrize("question,lead", [
    # the "morning" is Vox's alone, though the first article gives the date
    ("which article says the meeting was scheduled for the morning after the opening ceremony", "Vox reports it. The meeting was scheduled"),
    # Vox's "his decision to meet with North Korean defectors" reports it too
    ("which outlet reported that pence met defectors", "Vox and DW report it. "),
    ("which articles say north korea canceled", "All three articles report it. "),
    ("which article mentions alex ward", "Vox mentions Alex Ward. Alex Ward — "),
    ("which articles mention kim yo jong", "All three articles mention Kim Yo Jong. "),
    # a name for North Korea that only the first article uses; words quoted are looked up as printed
    ("which article mentions the hermit kingdom", "The first article prints those words. "),
    ("Which outlet called North Korea the 'hermit kingdom' in its story?", "The first article prints those words. "),
    ('which article says "landmark talks"', "Vox prints those words. "),
])
def test_which_article_says_something_names_the_articles_that_do(engine, question, lead):
    answer = engine.ask(question)
    assert answer.text.startswith(lead)
    named = {"Vox": "vox", "DW": "dw", "first article": "src0"}
    shown = [sid for word, sid in named.items() if word in lead.split(".")[0]]
    if "All three" not in lead:  # the passages of the articles named come first
        assert answer.citations[0].source_id in shown


def test_which_article_says_what_none_says_corrects_it(engine):
    answer = engine.ask("which article says pence met kim jong un")
    assert answer.text.startswith("None of my sources says that — Pence was to meet Kim Jong Un's sister Kim Yo Jong")


@pytest.mark.parametrize("question,lead,shown", [
    # DW never quotes Nauert: the articles that do are named, with the sentence that prints the words
    ("in the dw article nauert says 'we will not apologize for american values' right?",
     "No — DW doesn't print those words; the first article and Vox do:", {"src0", "vox"}),
    ("does vox say 'we will not apologize for american values'?", "Yes — Vox prints those words:", {"vox"}),
    ("did the first article call north korea 'the hermit kingdom'?", "Yes — the first article prints those words:", {"src0"}),
    ("does vox say 'pence is a great guy'", "No — none of my sources prints those words, Vox included.", set()),
])
def test_whether_an_article_prints_words_quoted_is_read_from_its_text(engine, question, lead, shown):
    answer = engine.ask(question)
    assert answer.text == lead and {c.source_id for c in answer.citations} == shown and _verbatim(engine, answer)


@pytest.mark.parametrize("question,text", [
    # someone's words: the articles that print any of them
    ("does dw have any nauert quote", "No — DW doesn't quote Heather Nauert; the first article and Vox do."),
    ("does dw quote nauert", "No — DW doesn't quote Heather Nauert; the first article and Vox do."),
    # someone named: in the passages quoted from each article
    ("does dw mention shinzo abe", "Yes — DW mentions Shinzo Abe."),
    ("is kim yo jong in all three articles", "Yes — all three articles mention Kim Yo Jong."),
    ("does vox mention kcna", "No — Vox doesn't mention Korean Central News Agency; the first article does."),
])
def test_whether_an_article_mentions_or_quotes_someone(engine, question, text):
    assert engine.ask(question).text == text


def test_whether_an_article_reports_something_names_the_articles_that_do(engine):
    answer = engine.ask("is the rogin interview in all 3 articles")
    assert answer.text.startswith("No — only Vox reports it. The Rogin interview was published")
    answer = engine.ask("did dw report the two hours")
    assert answer.text.startswith("No — DW doesn't report it; the first article and Vox do. The North Koreans pulled out just two hours")
    assert {c.source_id for c in answer.citations} <= {"src0", "vox"} and _verbatim(engine, answer)


def test_what_about_an_article_does_it_mention_someone(engine):
    assert engine.ask("what about the vox article, does it mention kcna").text == \
        "No — Vox doesn't mention Korean Central News Agency; the first article does."


def test_which_article_calls_it_so_is_decided_by_its_very_word(engine):
    # "ceremonial" is Vox's word; DW's "ceremony" shares its stem
    assert engine.ask("which outlet calls kim yong nam ceremonial").text.startswith("Vox reports it. ")


@pytest.mark.parametrize("question", ["what outlets r ur sources", "where do you get your info", "where do u get ur news from",
                                      "which articles do u have", "which news outlets is your information coming from?"])
def test_a_question_to_the_bot_about_its_sources_lists_them(engine, question):
    answer = engine.ask(question)
    assert answer.facts == (engine.fb.meta.sources_fact,)
    assert {c.source_id for c in answer.citations} == {s.id for s in engine.fb.sources}


@pytest.mark.parametrize("question", ["what did vox report", "where did pence get his news of the cancellation"])
def test_questions_about_the_story_are_not_about_the_bots_sources(engine, question):
    assert engine.ask(question).facts != (engine.fb.meta.sources_fact,)


def test_how_many_of_the_articles_mention_someone_counts_them_then_names_them(engine):
    post = engine.ask("how many of the three articles mention the Washington Post?")
    assert post.text.startswith("Two of the three: the first article and Vox mention The Washington Post.")
    assert engine.ask("how many articles mention Otto Warmbier").text.startswith("One of the three: DW mentions Otto Warmbier.")
    # every article reporting it: no count ("three of the three") but the usual lead
    assert not engine.ask("how many articles say north korea cancelled the meeting").text.startswith("Three of the three")


@pytest.mark.parametrize("question", ["is the South Korean president named anywhere?", "do the articles name the south korean president",
                                      "is moon jae-in mentioned in the articles"])
def test_whether_anyone_is_mentioned_anywhere_is_yes_and_which_article(engine, question):
    assert engine.ask(question).text.startswith("Yes — DW mentions Moon Jae-in.")


def test_someone_no_article_mentions_is_not_said_to_be_mentioned(engine):
    answer = engine.ask("is xi jinping mentioned anywhere")
    assert not answer.answered and "never mention" in answer.text


@pytest.mark.parametrize("question, lead", [
    # a claim stated as an article's: corrected when no article makes it, else whether that one reports it
    ("Vox says Pence brought Warmbier's father, right?", "No — Vox doesn't report it; DW does. Pence travelled with the father"),
    ("DW says Pence brought Warmbier's father, right?", "Yes — DW reports it. Pence travelled with the father"),
    ("North Korea cancelled three hours before, per Vox?", "No — none of my sources says that: The North Koreans pulled out just two hours"),
    ("the first article says pence met kim yo jong, right?", "No — none of my sources says that: "),
    # what an article is said to call someone or something: looked up in its text
    ("the first article calls it a secret meeting, right?", "No — the first article doesn't use the words “secret meeting”; Vox and DW do"),
    ("does vox call it a secret meeting", "Yes — Vox uses the words “secret meeting”"),
    ("does DW call kim yong nam ceremonial?", "No — DW doesn't use the word “ceremonial”; Vox does"),
    ("does vox describe him as ceremonial head of state", "Yes — Vox uses the words “ceremonial head of state”"),
])
def test_what_an_article_is_said_to_say_or_call_is_checked_against_that_article(engine, question, lead):
    result = engine.ask(question)
    assert result.text.startswith(lead)
    assert_citations_verbatim(engine, result)
