"""Questions that ask which of two happenings came first (bot/ordering.py)."""

from bot.conversation import follow_up
from bot.facts import Event
from bot.ordering import _dated_before, asks_order


def test_the_two_sides_of_an_ordering_question():
    assert asks_order("was the meeting before or after the opening ceremony") == ("the meeting", "the opening ceremony", None)
    assert asks_order("which came first the sanctions or the snub") == ("the sanctions", "the snub", None)
    assert asks_order("what time exactly was the meeting before or after the ceremony") is None  # it asks a time
    assert asks_order("when was the meeting") is None


def test_a_date_keeps_its_uncertainty():
    def event(date, precision, date_to=None):
        return Event(id=date + precision, date=date, precision=precision, derivation="", title="", description="",
                     evidence=[], date_to=date_to)
    ceremony, meeting = event("2018-02-09", "day"), event("2018-02-10", "day")
    assert _dated_before(ceremony, meeting) and not _dated_before(meeting, ceremony)
    assert not _dated_before(meeting, meeting)  # the same day: no order
    # "before 10 February" comes before the 10th, but may be the 9th: no order against the 9th
    before_meeting = event("2018-02-10", "before")
    assert _dated_before(before_meeting, meeting) and not _dated_before(before_meeting, ceremony)
    assert not _dated_before(ceremony, before_meeting)
    november = event("2017-11", "month")  # the whole month
    assert _dated_before(november, event("2017-12-01", "day")) and not _dated_before(november, event("2017-11-30", "day"))
    week = event("2018-02-10", "range", "2018-02-17")
    assert _dated_before(week, event("2018-02-18", "day")) and not _dated_before(week, event("2018-02-17", "day"))


def test_the_order_of_two_dated_events_with_both_dates(engine):
    result = engine.ask("was the pence north korea meeting before or after the opening ceremony?")
    assert result.text.startswith("After — ") and "10 February 2018" in result.text and "9 February 2018" in result.text
    assert len(result.citations) == 2
    assert engine.ask("Did the November missile launch come before or after the US-Canada summit?").text.startswith("Before — ")


def test_events_dated_too_loosely_are_not_put_in_order(engine):
    # the sanctions are dated only "before 10 February": nothing says whether before 9 February
    result = engine.ask("which came first, the sanctions announcement or the opening ceremony?")
    assert result.text.startswith("My sources don't date them closely enough to say which came first.")


def test_an_order_the_articles_give_in_words_where_the_dates_overlap_is_said_with_their_words(engine):
    # the interview is dated only "between 10 and 20 February", but came "a short time after he was
    # literally set to talk to North Korea"
    result = engine.ask("Did Pence talk to Rogin before or after the meeting was supposed to happen?")
    assert result.text.startswith("After — ") and "the articles' own words give the order" in result.text
    assert any("a short time after he was literally set to talk" in c.quote for c in result.citations)
    # and the order is followed on from there: the interview came after the opening ceremony too
    assert engine.ask("was the rogin interview before the opening ceremony").text.startswith("No — ")


def test_the_news_of_something_is_when_it_became_known(engine):
    result = engine.ask("was the rogin interview published before or after the news of the cancelled meeting")
    assert result.text.startswith("Before — ") and "reveal" in result.text


def test_that_in_an_ordering_follow_up_is_the_last_topic(engine):
    when = follow_up(engine, "when was the meeting supposed to be", None)
    step = follow_up(engine, "was that before or after the opening ceremony", when.conversation)
    assert step.result.text.startswith("After — ")
    launch = follow_up(engine, "when did north korea launch its most advanced missile", None)
    assert follow_up(engine, "was that before the us canada summit", launch.conversation).result.text.startswith("Yes — ")


def test_a_yes_or_no_about_the_order_is_answered_yes_or_no_with_both_dates(engine):
    assert asks_order("was the meeting cancelled before the opening ceremony")[2] == "before"
    assert asks_order("did north korea cancel two hours before the meeting") is None  # a span, not an order
    assert engine.ask("was the meeting cancelled before the opening ceremony?").text.startswith("No — ")
    assert engine.ask("was the november launch before the us canada summit").text.startswith("Yes — ")


def test_what_came_next_is_the_next_step_of_the_timeline(engine):
    after = engine.ask("what happened after the meeting was cancelled?")
    assert after.text.startswith("Next, in the timeline (between 10 and 20 February 2018):") and "Rogin" in after.text
    assert "After: North Korea calls off the meeting, 10 February 2018." in after.text
    # the articles put three things before the cancellation and none of them before the others
    before = engine.ask("what happened just before the cancellation")
    assert before.text.startswith("Just before, in the timeline, in an order my sources don't fix:")
    assert [line[:17] for line in before.text.splitlines()[1:4]] == ["• 9 February 2018", "• before 10 Febru", "• before 10 Febru"]
    assert engine.ask("what happened before the november missile launch").text.startswith("My sources put nothing before it")
    # a happening the articles do not tell, or date otherwise, is not stepped from
    assert not engine.ask("what happened after the closing ceremony?").text.startswith("Next")
    assert not engine.ask("What happened after North Korea's missile launch in December?").text.startswith("Next")


def test_and_then_steps_along_the_timeline_from_the_last_answer(engine):
    turn = follow_up(engine, "when did north korea cancel the meeting", None)
    turn = follow_up(engine, "and then?", turn.conversation)
    assert turn.result.text.startswith("Next, in the timeline") and "Josh Rogin" in turn.result.text
    turn = follow_up(engine, "what happened next", turn.conversation)
    assert "publishes Josh Rogin's interview" in turn.result.text  # on from the step just shown
    turn = follow_up(engine, "what happened before that", turn.conversation)
    assert turn.result.text.startswith("Just before, in the timeline") and "On the flight home" in turn.result.text
    # after an answer that is about no dated happening, "what happened next" is read as before
    turn = follow_up(engine, "who is heather nauert", None)
    assert not follow_up(engine, "what happened next", turn.conversation).result.text.startswith("Next, in the timeline")


def test_what_someone_did_next_is_the_next_step_they_had_a_part_in(engine):
    result = engine.ask("what did pence do after it got cancelled?")
    assert result.text.startswith("Next, in the timeline") and "On the flight home, Pence tells" in result.text
    # what comes just before the opening ceremony is not Pence's doing: said so, and what does come
    told = engine.ask("what did pence do before the opening ceremony")
    assert told.text.startswith("My sources don't say what Mike Pence did before that.") and "20 countries" in told.text


def test_a_life_before_the_story_is_no_step_of_its_timeline(engine):
    for question in ("What did Nick Ayers do before he became Pence's chief of staff?",
                     "What did Heather Nauert do before she became State Department spokeswoman?"):
        assert not engine.ask(question).text.startswith(("Next", "Just before", "My sources put nothing", "My sources don't say what"))


def test_and_then_what_happened_steps_on_from_a_long_summary_instead_of_repeating_it(engine):
    asked = "so what exactly happened with Pence and the North Koreans at the Olympics? who was he supposed to meet and when?"
    turn = follow_up(engine, asked, None)
    for said in ("and then what happened?", "then what happened"):
        turn = follow_up(engine, said, turn.conversation)
        assert turn.result.text.startswith("Next, in the timeline")
    assert "publishes Josh Rogin's interview" in turn.result.text  # one step on from the step before
