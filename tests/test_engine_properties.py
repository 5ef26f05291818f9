"""Property-based: any text to any engine entry point gives an answer or an honest abstention."""

from hypothesis import HealthCheck, given, settings

from bot import render
from bot.engine import Answer, NotCovered
from bot.facts import normalize_span
from tests.nasty_inputs import FAMILIES, hostile_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(text=hostile_text)
def test_ask_always_answers_or_abstains(engine, text):
    result = engine.ask(text)
    assert isinstance(result, (Answer, NotCovered))
    assert result.text
    for c in result.citations:  # even for hostile input, only verbatim citations
        assert normalize_span(c.quote) in normalize_span(engine.fb.seed_texts[c.source_id])
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
