"""The check every test of an answer shares: each citation shown is a verbatim span of the seed it names."""

from bot.facts import normalize_span


def assert_citations_verbatim(engine, result):
    for c in result.citations:
        assert normalize_span(c.quote) in normalize_span(engine.fb.seed_texts[c.source_id]), c
        assert c.source == engine.fb.source_by_id[c.source_id].file
