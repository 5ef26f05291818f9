"""Property-based: any text to any engine entry point gives an answer or an honest abstention."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.pin import DIALOGUE_SETS
from bot import render
from bot.conversation import follow_up
from bot.engine import Answer, NotCovered
from tests.citations import assert_citations_verbatim
from tests.conftest import ROOT
from tests.nasty_inputs import FAMILIES, hostile_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(text=hostile_text)
def test_ask_always_answers_or_abstains(engine, text):
    result = engine.ask(text)
    assert isinstance(result, (Answer, NotCovered))
    assert result.text
    assert_citations_verbatim(engine, result)  # even for hostile input, only verbatim citations
    render.result_text(result)
    render.result_json(result)
    render.answer_card(engine.fb, result)


@SETTINGS
@given(text=hostile_text)
def test_lookup_entry_points_never_raise(engine, text):
    assert len(engine.suggestions(text)) <= 25
    engine.find_person(text)
    engine.find_quotes(text)
    engine.compare(text)


@SETTINGS
@given(text=hostile_text)
def test_timeline_bad_dates_are_a_clear_value_error(engine, text):
    for kwargs in ({"date_from": text}, {"date_to": text}, {"person": text}):
        try:
            engine.timeline(**kwargs)
        except ValueError as exc:
            assert str(exc)


def test_every_family_is_handled(engine):
    for name, text in FAMILIES.items():
        result = engine.ask(text)
        assert result.text, name
    injected = engine.ask(FAMILIES["injection"])  # asks the bot to claim Pence met Kim Jong Un
    assert getattr(injected, "kind", None) != "yes"


def _turns_people_wrote():
    """Every turn of every dialogue set: the first turns (which open a conversation) and the rest
    (follow-ups), as users of the blind sets wrote them."""
    openers, follow_ups = set(), set()
    for name in DIALOGUE_SETS:
        for dialogue in yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8")):
            openers.add(dialogue["turns"][0]["q"])
            follow_ups.update(t["q"] for t in dialogue["turns"][1:])
    return sorted(openers), sorted(follow_ups)


OPENERS, FOLLOW_UPS = _turns_people_wrote()


@SETTINGS
@given(opener=st.sampled_from(OPENERS), rest=st.lists(st.sampled_from(FOLLOW_UPS) | hostile_text, min_size=1, max_size=3))
def test_any_follow_up_after_any_question_is_answered(engine, opener, rest):
    """A conversation mixes turns of different talks: every turn still gets an answer or an honest
    abstention (one failed with an error: "and in the dw photo?" after "where is she in it")."""
    conversation = None
    for text in (opener, *rest):
        turn = follow_up(engine, text, conversation)
        conversation = turn.conversation
        assert turn.result.text and isinstance(turn.result, (Answer, NotCovered))
