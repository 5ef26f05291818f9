"""Each stage of the engine alone (analyse, candidates, scorer, decide), on a tiny fact base built
here, with hand-set weights: these tests are about the mechanisms, not about fitted numbers."""

import io
import json
import pickle

import pytest

from bot.analyse import analyse, find_focus, split_parts, wrong_setting
from bot.candidates import Candidate, generate, text_shows
from bot.decide import decide
from bot.engine import Engine
from bot.facts import load_factbase
from bot.results import Answer, NotCovered
from bot.scorer import DECISION_FEATURES, FEATURES, Decision, QueryContext, Scored, Weights, decision_features, features, score_all
from tests.tiny_factbase import write_tiny_factbase

# Hand-set weights: cover and fit decide the ranking, and the decision answers when the best
# candidate covers the question and leaves no unknown word.
RANK = {"cover": 4.0, "route": 2.0, "template": 1.0, "bm25": 1.0, "type_ok": 1.0, "kind_yes": 2.0, "kind_no": 2.0,
        "kind_premise": 2.5, "kind_quotes": 1.5, "kind_person": 1.0, "want_date_miss": -2.0, "want_number_miss": -2.0,
        "count_miss": -2.0, "date_miss": -1.0, "kind_gap": 1.0, "gap_focus": 3.0}
DECISION = {"bias": -3.0, "best_cover": 4.0, "best_route": 1.0, "best_unk_common": -3.0, "best_unk_mid": -3.0,
            "best_unk_rare": -3.0, "best_unk_vcommon": -3.0, "best_want_date_miss": -3.0, "best_count_miss": -3.0,
            "best_asks_unknown_thing": -3.0}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return Engine(load_factbase(write_tiny_factbase(tmp_path_factory.mktemp("tiny"))), Weights(RANK, DECISION, {}))


# --- analyse ------------------------------------------------------------------------------------


def test_the_thing_counted_is_the_noun_after_a_name_that_qualifies_it():
    aliases = {("north", "korean"): "north-korea"}
    assert find_focus("how many north korean officials was pence going to meet", aliases) == "officials"
    assert find_focus("how many countries agreed", aliases) == "countries"


def test_a_year_in_a_name_neither_dates_nor_counts(tiny):
    assert text_shows(tiny.ix, "He led the delegation to the 2018 Winter Olympics.") == frozenset()
    assert text_shows(tiny.ix, "They met in 2018.") == {"date"}
    assert text_shows(tiny.ix, "Two officials came.") == {"number"}


def test_analyse_finds_names_dates_and_the_kind_of_answer(tiny):
    q = analyse(tiny.ix, "when did bobb jones cancel the talks on march 3?")
    assert q.entities == ("bob",) and q.dates == ("2020-03-03",) and q.answer_type == "date"
    assert analyse(tiny.ix, "where was the meeting").answer_type == "place"
    assert analyse(tiny.ix, "how many diplomats attended").answer_type == "number"
    assert analyse(tiny.ix, "did alice cancel the talks").answer_type == "yesno"
    assert analyse(tiny.ix, "in what city did they meet").focus == "city"


def test_a_question_word_left_after_a_preposition_asks_and_tell_me_asks_for_no_one_s_words(tiny):
    # a user writes the question in the order of the statement it asks about
    assert analyse(tiny.ix, "alice was meeting with who from the ministry, please tell me").answer_type == "person"
    assert analyse(tiny.ix, "the talks were moved to where").answer_type == "place"
    # "for when" joins two clauses; "who" after its noun is a relative, not a question
    assert analyse(tiny.ix, "did bob hope for when the talks began").answer_type == "yesno"
    assert analyse(tiny.ix, "tell me about all of the diplomats who cancelled the talks").answer_type == "what"
    assert analyse(tiny.ix, "tell me about bob").answer_type == "what"
    assert analyse(tiny.ix, "what did bob tell alice").answer_type == "quote"


def test_a_question_word_alone_after_and_asks_it_of_the_part_before():
    assert split_parts("who cancelled it and why") == ("who cancelled it", "why cancelled it")
    assert split_parts("who was supposed to meet, and when?") == ("who was supposed to meet", "when was supposed to meet")


def test_what_we_are_talking_about_is_the_conversation_not_a_topic(tiny):
    assert analyse(tiny.ix, "which talks are we talking about").tokens == analyse(tiny.ix, "which talks").tokens


def test_an_age_asked_wants_a_number(tiny):
    assert analyse(tiny.ix, "bob jones age").answer_type == "number"
    assert analyse(tiny.ix, "what is alice's age").answer_type == "number"


def test_analyse_drops_chat_filler_and_reads_casual_spellings(tiny):
    q = analyse(tiny.ix, "lol ok so who ghosted alice tbh")
    assert "cancel" in q.tokens and not q.unknown  # "ghosted" is in the lexicon; lol/ok/so/tbh are filler
    assert analyse(tiny.ix, "y did bob cancel").answer_type == "reason"  # "y" is "why"


def test_analyse_weighs_unknown_words_by_how_common_they_are(tiny):
    q = analyse(tiny.ix, "what did alice eat before the flamingo parade")
    words = dict(q.unknown)
    assert words["eat"] > words["flamingo"]  # "eat" is an everyday word; both are unknown to the articles


def test_split_parts_keeps_one_question_whole_and_splits_several():
    assert split_parts("According to Tiny News, what did Alice say?") == ()
    assert split_parts("Who cancelled, when was it, and how many diplomats came?") == (
        "Who cancelled", "when was it", "how many diplomats came")
    # a statement the writer ends with a question mark is a question of its own
    assert split_parts("so alice was gonna meet bob?? when was that") == ("so alice was gonna meet bob", "when was that")


# --- candidates ---------------------------------------------------------------------------------


def test_a_detail_the_fact_leaves_open_is_a_gap_candidate_only_when_asked_for(tiny):
    which = generate(tiny.ix, analyse(tiny.ix, "which diplomats attended the dinner?"))
    gap = next(c for c in which if c.kind == "gap")
    text = gap.result().text
    assert not gap.result().answered
    assert text == "My sources don't name the twenty diplomats. What they do say: Twenty diplomats attended the dinner."
    named = generate(tiny.ix, analyse(tiny.ix, "what were the names of the diplomats at the dinner"))
    assert any(c.kind == "gap" for c in named)  # "name" is the open detail's own word
    for plain in ("how many diplomats attended the dinner?", "who attended the dinner", "where was the meeting"):
        assert not any(c.kind == "gap" for c in generate(tiny.ix, analyse(tiny.ix, plain))), plain


def test_asking_for_an_open_detail_is_told_so_with_what_the_sources_say(tiny):
    result = tiny.ask("Which diplomats came to the dinner?")
    assert not result.answered and result.text.startswith("My sources don't name the twenty diplomats.")
    assert result.citations and result.citations[0].quote == "Twenty diplomats attended the dinner."
    count = tiny.ask("How many diplomats attended the dinner?")
    assert count.answered and "Twenty diplomats" in count.text


def test_facts_sharing_a_word_are_candidates_and_claims_give_verdicts(tiny):
    q = analyse(tiny.ix, "did alice cancel the talks")
    cands = generate(tiny.ix, q)
    assert {c.facts[0] for c in cands if c.kind == "fact"} == {"meeting", "cancelled"}  # the dinner shares no word
    verdict = next(c for c in cands if c.kind in ("yes", "no"))
    assert verdict.kind == "no" and verdict.result().text.startswith("No — ")


def test_wrong_actor_in_a_wh_question_is_a_premise_candidate(tiny):
    cands = generate(tiny.ix, analyse(tiny.ix, "why did alice cancel the talks"))
    premise = next(c for c in cands if c.kind == "premise")
    assert "Bob cancelled" in premise.result().text


def test_wrong_date_is_a_premise_candidate(tiny):
    cands = generate(tiny.ix, analyse(tiny.ix, "was the meeting in paris on march 5?"))
    no = next(c for c in cands if c.kind == "no")
    assert "3 March 2020" in no.result().text


def test_quotes_go_by_speaker_not_by_the_person_spoken_about(tiny):
    cands = generate(tiny.ix, analyse(tiny.ix, "what did bob say about alice"))
    quotes = next(c for c in cands if c.kind == "quotes")
    assert "unreliable" in quotes.result().text and "ready to talk" not in quotes.result().text


# --- scorer -------------------------------------------------------------------------------------


def test_features_say_whether_a_candidate_gives_what_was_asked(tiny):
    q = analyse(tiny.ix, "how many diplomats attended the dinner before the meeting")
    cands = {c.facts[0]: c for c in generate(tiny.ix, q) if c.kind == "fact"}
    ctx = QueryContext(tiny.ix, q, list(cands.values()))
    dinner, meeting = features(ctx, cands["dinner"]), features(ctx, cands["meeting"])
    assert dinner["count_hit"] == 1.0 and meeting["count_miss"] == 1.0 and set(dinner) <= set(FEATURES)
    assert dinner["cover"] > meeting["cover"]


def test_scores_come_from_the_weights(tiny):
    q = analyse(tiny.ix, "how many diplomats attended the dinner")
    ranked = score_all(tiny.ix, q, generate(tiny.ix, q), tiny.weights.rank)
    assert ranked[0].cand.facts == ("dinner",)
    flat = score_all(tiny.ix, q, generate(tiny.ix, q), {})
    assert all(s.score == 0.0 for s in flat)
    assert set(decision_features(ranked, q)) <= set(DECISION_FEATURES)


# --- decide -------------------------------------------------------------------------------------


def test_the_lead_is_over_the_next_different_answer_not_the_same_item_found_twice(tiny):
    q = analyse(tiny.ix, "who cancelled the talks")
    twice = [Scored(Candidate("premise", 1.0, lambda: None, ("cancelled",)), 5.0, {}),
             Scored(Candidate("premise", 1.0, lambda: None, ("cancelled",)), 5.0, {}),
             Scored(Candidate("fact", 1.0, lambda: None, ("dinner",)), 3.0, {})]
    x = decision_features(twice, q)
    assert x["lead"] == 2.0 / 5 and x["n_candidates_close"] == 0


def _walk(trees, x) -> float:
    """The trees' total, node by node: what the compiled expression must compute bit for bit."""
    total = 0.0
    for node in trees:
        while node[0] is not None:
            node = node[2] if x.get(node[0], 0.0) <= node[1] else node[3]
        total += node[4]
    return total


def test_the_compiled_trees_give_the_walk_s_margin_exactly_and_survive_pickling():
    leaf = lambda v: (None, 0.0, None, None, v)  # noqa: E731
    trees = (("lead", 0.4, leaf(-1.25), ("cover", 0.5, leaf(0.5), leaf(2.0), 0.0), 0.0), leaf(0.125))
    decision = Decision({"bias": -0.5, "complete": 1.0}, trees, rate=0.1)
    for x in ({}, {"lead": 0.4}, {"lead": 0.41}, {"lead": 0.9, "cover": 0.7, "complete": 1.0}):
        walked = -0.5 + x.get("complete", 0.0) + 0.1 * _walk(trees, x)
        assert decision.margin(x) == walked
    assert decision.margin({"lead": 1.0, "cover": 1.0}) == -0.5 + 0.1 * (2.0 + 0.125)
    restored = pickle.loads(pickle.dumps(decision))
    assert restored.margin({"lead": 0.9}) == decision.margin({"lead": 0.9})


def test_decide_answers_when_the_decision_score_is_positive(tiny):
    q = analyse(tiny.ix, "who cancelled the talks")
    result = decide(tiny.ix, q, score_all(tiny.ix, q, generate(tiny.ix, q), tiny.weights.rank),
                    tiny.weights.decision)
    assert isinstance(result, Answer) and "Bob" in result.text


def test_decide_abstains_and_says_what_the_sources_do_say(tiny):
    q = analyse(tiny.ix, "what did alice eat at the dinner")
    ranked = score_all(tiny.ix, q, generate(tiny.ix, q), tiny.weights.rank)
    result = decide(tiny.ix, q, ranked, tiny.weights.decision)
    assert isinstance(result, NotCovered) and "'eat'" in result.text
    never = decide(tiny.ix, q, ranked, Decision({"bias": -100.0}))
    assert isinstance(never, NotCovered) and "one short article" in never.text


def test_a_message_with_several_questions_gets_each_answered(tiny):
    result = tiny.ask("Who cancelled the talks, and how many diplomats attended the dinner?")
    assert result.kind == "parts" and "Bob" in result.text and "Twenty" in result.text
    assert {c.quote for c in result.citations} >= {"Twenty diplomats attended the dinner."}


def test_explain_shows_each_stage(tiny):
    shown = tiny.explain("who cancelled the talks")
    assert shown["analyse"]["answer_type"] == "person"
    assert shown["candidates"][0]["facts"] == ["cancelled"] and shown["decision"]["answered"]


# --- premises about who people are (bot/roles.py) ---------------------------------------------------


def test_a_role_the_articles_do_not_give_is_corrected_before_the_answer(tiny):
    result = tiny.ask("What did Bob Jones, Alice's brother, say?")
    assert isinstance(result, Answer) and result.kind == "premise"
    first, *rest = result.text.splitlines()
    assert first == "My sources don't call Bob Jones Alice's brother. They describe Bob Jones as “Envoy of the South”."
    assert "unreliable" in result.text  # the question is still answered, without the wrong role
    assert result.citations[0].quote == "Bob cancelled the talks"


def test_a_yes_no_question_with_a_wrong_role_starts_with_no(tiny):
    assert tiny.ask("Is Bob the president of the South?").text.startswith("No — my sources don't call Bob Jones president")


def test_roles_the_articles_give_and_relations_asked_about_are_not_corrected(tiny):
    for question in ("What did envoy Alice say?", "Who is Alice's brother?", "Did CNN's Alice Smith cancel the talks?"):
        assert tiny.ix.roles.check(question)[1] == (), question


def test_a_journalist_placed_at_another_outlet_is_corrected():
    from bot.facts import DEFAULT_FACTS

    engine = Engine(load_factbase(DEFAULT_FACTS))
    result = engine.ask("What did NYT reporter Josh Rogin ask Pence?")
    assert result.text.startswith("My sources don't place Josh Rogin at NYT. They describe Josh Rogin as “Washington Post")
    assert not engine.ix.roles.check("What did the Washington Post's Josh Rogin ask Pence?")[1]
    assert not engine.ix.roles.check("what did president trump say")[1]  # the articles give him no role: nothing to contradict


def test_an_employer_the_articles_never_give_someone_is_corrected_though_the_role_is_theirs(engine):
    wrong = engine.ask("What did White House spokeswoman Heather Nauert say about the meeting?")
    assert wrong.text.startswith("My sources don't call Heather Nauert White House spokeswoman. They describe Heather Nauert as “State Department")
    assert "Heather Nauert: “" in wrong.text  # and the question answered without it
    assert engine.ask("What did State Department chief of staff Nick Ayers say?").text.startswith("My sources don't call Nick Ayers State Department chief of staff")
    for right in ("What did State Department spokeswoman Heather Nauert tweet?", "what did pence's chief of staff nick ayers say",
                  "did kcna criticize pence"):
        assert not engine.ix.roles.check(right)[1], right


def test_a_place_the_articles_never_use_is_a_premise_candidate(tiny):
    from bot.candidates import placed

    q = analyse(tiny.ix, "Why did Alice meet Bob in Tokyo?")
    assert q.place == "tokyo"
    [cand] = placed(tiny.ix, q)
    assert cand.kind == "premise" and cand.facts == ("meeting",) and cand.result().text.startswith("Not in Tokyo: Alice Smith")
    yes_no = placed(tiny.ix, analyse(tiny.ix, "Did Alice meet Bob in Tokyo?"))
    assert [c.kind for c in yes_no] == ["no"] and yes_no[0].result().text.startswith("No — not in Tokyo: Alice Smith")
    assert placed(tiny.ix, analyse(tiny.ix, "Did Alice meet Bob in Paris?")) == []  # the place the fact gives
    assert placed(tiny.ix, analyse(tiny.ix, "what happened in Tokyo")) == []  # asks, claims nothing
    # a what-question that places the story's own event (it names its people) claims the place
    [what] = placed(tiny.ix, analyse(tiny.ix, "What happened at the Alice and Bob meeting in Tokyo?"))
    assert what.result().text.startswith("Not in Tokyo: ")


def test_chat_before_a_question_in_another_sentence_does_not_hide_it(tiny):
    result = tiny.ask("ok new topic. who cancelled the talks?")
    assert result.answered and "Bob" in result.text and result.question == "ok new topic. who cancelled the talks?"


def test_another_weekday_or_number_than_the_facts_give_is_a_premise_candidate(tiny):
    from bot.candidates import counted, timed

    [day] = timed(tiny.ix, analyse(tiny.ix, "Why did twenty diplomats attend the dinner on Sunday?"))
    assert day.kind == "premise" and day.result().text.startswith("Not on Sunday: Twenty diplomats attended the dinner.")
    assert timed(tiny.ix, analyse(tiny.ix, "Why did twenty diplomats attend the dinner on Friday?")) == []
    [number] = counted(tiny.ix, analyse(tiny.ix, "Why did 30 diplomats attend the dinner?"))
    assert number.kind == "premise" and number.result().text.startswith("Not 30 diplomats: Twenty diplomats")
    assert counted(tiny.ix, analyse(tiny.ix, "Why did 20 diplomats attend the dinner?")) == []


def test_which_newspaper_asks_for_a_news_outlet_and_a_fact_without_one_does_not_answer(tiny):
    q = analyse(tiny.ix, "which newspaper first reported that bob cancelled the talks")
    assert q.answer_type == "outlet"
    cands = {c.facts[0]: c for c in generate(tiny.ix, q) if c.kind == "fact"}
    ctx = QueryContext(tiny.ix, q, list(cands.values()))
    assert features(ctx, cands["scoop"]).get("type_ok") == 1.0
    x = features(ctx, cands["cancelled"])
    assert x.get("want_outlet_miss") == 1.0 and "type_ok" not in x
    assert analyse(tiny.ix, "which diplomats attended the dinner").answer_type != "outlet"


def test_a_number_of_something_asks_for_a_count_of_it_and_another_count_does_not_answer(tiny):
    q = analyse(tiny.ix, "number of diplomats at the dinner")
    assert q.answer_type == "number" and q.focus == "diplomats"
    ctx_cands = {c.facts[0]: c for c in generate(tiny.ix, q) if c.kind == "fact"}
    ctx = QueryContext(tiny.ix, q, list(ctx_cands.values()))
    assert features(ctx, ctx_cands["dinner"]).get("type_ok") == 1.0
    other = analyse(tiny.ix, "how many guests were at the dinner")
    cands = [c for c in generate(tiny.ix, other) if c.kind == "fact" and c.facts == ("dinner",)]
    x = features(QueryContext(tiny.ix, other, cands), cands[0])
    assert x.get("count_miss") == 1.0 and "type_ok" not in x  # "twenty diplomats" is no number of guests


def test_a_lexicon_phrase_is_read_in_any_inflection_and_how_much_notice_asks_how_long(tiny):
    cancel = tiny.ix._canon_token("cancelled")
    for question in ("why did bob call off the talks", "why is bob calling off the talks", "why did bob called off the talks"):
        assert cancel in analyse(tiny.ix, question).tokens, question
    q = analyse(tiny.ix, "how much notice did bob give before he cancelled")
    assert q.answer_type == "date" and "notice" not in dict(q.unknown)


def test_a_time_told_by_what_was_happening_answers_when_but_not_what_date(tiny):
    shows = text_shows(tiny.ix, "At the start of his trip, Bob cancelled the talks.")
    assert "while" in shows and "date" not in shows
    [cand] = [Candidate("fact", 1.0, lambda: None, ("cancelled",), frozenset({"cancel"}), frozenset({"bob"}), shows)]
    when = analyse(tiny.ix, "when did bob cancel the talks")
    assert features(QueryContext(tiny.ix, when, [cand]), cand).get("type_ok") == 1.0
    what_date = analyse(tiny.ix, "what date did bob cancel the talks")
    assert features(QueryContext(tiny.ix, what_date, [cand]), cand).get("want_date_miss") == 1.0


def test_what_date_wants_a_day_and_a_month_alone_does_not_give_one(tiny):
    month = Candidate("fact", 1.0, lambda: None, ("cancelled",), frozenset({"cancel"}), frozenset({"bob"}),
                      text_shows(tiny.ix, "Bob cancelled the talks in March 2020."))
    day = Candidate("fact", 1.0, lambda: None, ("cancelled",), frozenset({"cancel"}), frozenset({"bob"}),
                    text_shows(tiny.ix, "Bob cancelled the talks on March 3, 2020."))
    q = analyse(tiny.ix, "on what date did bob cancel the talks")
    ctx = QueryContext(tiny.ix, q, [month, day])
    assert "type_ok" not in features(ctx, month) and features(ctx, day).get("type_ok") == 1.0
    when = analyse(tiny.ix, "when did bob cancel the talks")
    assert features(QueryContext(tiny.ix, when, [month]), month).get("type_ok") == 1.0


def test_a_when_question_answered_by_a_fact_that_prints_no_day_gets_the_day_first(tiny):
    from bot.candidates import fact_answer
    cancelled = tiny.ix.fb.fact_by_id["cancelled"]  # "two hours before they were due to start": no day in its words
    when = fact_answer(tiny.ix, analyse(tiny.ix, "when did bob cancel the talks"), [cancelled], 1.0, "fact", "")
    assert when.text.startswith("3 March 2020 — Bob cancelled the talks")
    who = fact_answer(tiny.ix, analyse(tiny.ix, "who cancelled the talks"), [cancelled], 1.0, "fact", "")
    assert who.text.startswith("Bob cancelled")
    clock = fact_answer(tiny.ix, analyse(tiny.ix, "what time did bob cancel the talks"), [cancelled], 1.0, "fact", "")
    assert clock.text.startswith("Bob cancelled")  # a time of day is asked, not a day
    meeting = tiny.ix.fb.fact_by_id["meeting"]  # prints its own day: nothing to add
    assert fact_answer(tiny.ix, analyse(tiny.ix, "when was the meeting"), [meeting], 1.0, "fact", "").text.startswith("Alice")


def test_a_place_before_the_event_it_names_is_where_the_question_puts_it(tiny):
    assert analyse(tiny.ix, "why did bob cancel the tokyo talks").place == "tokyo"
    assert analyse(tiny.ix, "why did bob cancel the talks").place is None


def test_a_span_of_time_asked_is_the_premise_and_not_a_word_the_fact_must_match(tiny):
    from bot.candidates import durations

    [span] = durations(tiny.ix, analyse(tiny.ix, "why did bob cancel the talks a whole day before they were due to start"))
    assert span.kind == "premise" and span.route >= 0.9  # the rest of the question is all about the fact
    assert span.result().text.startswith("Not a whole day: Bob cancelled the talks two hours before")
    [early] = durations(tiny.ix, analyse(tiny.ix, "why did bob cancel the talks a week in advance"))
    assert early.result().text.startswith("Not a week in advance: Bob cancelled")  # "in advance" belongs to the span


def test_a_misspelt_thing_asked_for_is_known_as_the_word_it_is_a_typo_of(tiny):
    assert analyse(tiny.ix, "wat diplomts attended the dinner").focus_known
    assert not analyse(tiny.ix, "what medals did bob win").focus_known  # a real word the articles never use


def test_an_outlets_reporting_verb_makes_it_the_source_not_the_topic(engine):
    # "report" is read as "the outlets" elsewhere; after "DW" it is DW reporting, and the question is the story
    reported = analyse(engine.ix, "what did DW report about the pence meeting")
    assert reported.outlet == "dw" and "outlet" not in reported.tokens
    told = engine.ask("what did DW report about the pence meeting")  # DW's own account of the story
    assert {c.source_id for c in told.citations} == {"dw"} and "canceled a secret meeting" in told.citations[0].quote
    article = analyse(engine.ix, "which news agencies does the DW article credit")  # the article itself is asked about
    assert article.outlet == "dw" and "outlet" in article.tokens


def test_a_word_whose_opposite_the_articles_use_names_another_thing(engine):
    # "closing" stems like "close" ("sat close to"), but the articles only know the opening ceremony
    q = analyse(engine.ix, "did pence attend the closing ceremony")
    assert ("closing" in dict(q.unknown)) and "close" not in q.tokens
    assert not engine.ask("did pence attend the closing ceremony").text.startswith("Yes")
    assert not dict(analyse(engine.ix, "did pence attend the opening ceremony").unknown)


def test_what_a_quoted_person_thought_is_asked_of_their_words(engine):
    assert analyse(engine.ix, "what did ayers think the north koreans wanted").quote_intent
    assert not analyse(engine.ix, "what did kim yo jong think of pence").quote_intent  # never quoted
    assert not analyse(engine.ix, "how did pence feel").quote_intent  # a feeling is not in anyone's words
    assert engine.ask("what did pence think about the cancellation").text.startswith("Mike Pence: “")


def test_a_family_tie_the_card_gives_is_asked_of_the_card_and_another_tie_is_not(engine):
    assert engine.ask("who is Kim Yo Jong related to").text.startswith("Kim Yo Jong — Sister of North Korean leader Kim Jong Un")
    assert engine.ask("who is Kim Yo Jong's brother?").text.startswith("Kim Jong Un — ")  # the same tie, seen from him
    assert not engine.ask("who is Kim Yo Jong's mother?").text.startswith("Kim Yo Jong —")  # a tie her card does not give


def test_the_episode_s_setting_named_in_a_who_question_does_not_pick_the_fact(engine):
    q = analyse(engine.ix, "who was mike pence supposed to meet with at the 2018 olympics")
    assert set(q.setting) == {"2018", "olymp"}
    answer = engine.ask(q.raw)
    assert answer.answered and "Kim Yo Jong" in answer.text and "Kim Yong Nam" in answer.text


def test_people_named_as_part_of_the_episode_s_name_are_the_episode_not_a_party_to_the_fact(engine):
    from bot.analyse import episode_named
    assert episode_named(engine.ix, "who broke the story about the secret pence north korea meeting") == ("north-korea", "pence")
    assert episode_named(engine.ix, "who reported pence s meeting with north korea first") == ("north-korea", "pence")
    assert episode_named(engine.ix, "who was pence supposed to meet") == ()  # Pence is the subject here, not a name
    answer = engine.ask("who broke the story about the secret pence north korea meeting")
    assert answer.answered and "Ashley Parker" in answer.text  # the fact names neither Pence nor North Korea as its people


def test_words_asked_for_as_a_tweet_or_as_said_to_someone_the_articles_never_print_are_a_gap(engine):
    tweet = engine.ask("What did Pence tweet after the meeting fell through?")
    assert not tweet.answered and tweet.text.startswith("My sources don't quote Mike Pence tweeting anything. What they do quote")
    tweeted = engine.ask("Did Pence tweet anything about the canceled meeting?")  # a yes or no asking for the words
    assert not tweeted.answered and tweeted.text.startswith("My sources don't quote Mike Pence tweeting anything.")
    to_moon = engine.ask("What did Mike Pence say to Moon Jae-in about the canceled meeting?")
    assert not to_moon.answered and to_moon.text.startswith("My sources don't quote Mike Pence saying anything to Moon Jae-in")
    assert engine.ask("what did nauert tweet").answered  # her words are tweets in one article
    assert engine.ask("what did pence tell rogin").answered  # said to him
    assert engine.ask("what did pence say to the washington post guy").answered  # to Rogin, the Post's journalist
    assert engine.ask("what did kcna tell pence to stop doing").answered  # an instruction, not words said to him


def test_a_country_s_people_are_the_country_and_which_country_asks_for_one_not_a_list(engine):
    q = analyse(engine.ix, "Why North Korea people cancel the meeting with vice president?")
    assert "north-korea" in q.entities and "pence" in q.entities and "peopl" not in q.tokens
    answer = engine.ask(q.raw)
    assert answer.answered and "sanctions" in answer.text
    japan = engine.ask("In which country Pence was announce the sanctions?")  # not "which 20 countries"
    assert japan.answered and "Japan" in japan.text
    assert not engine.ask("which countries agreed to consider sanctions").answered  # the list they never give


def test_a_why_the_sources_leave_open_is_said_when_every_word_of_it_is_asked_with_its_polarity(engine):
    why_not = engine.ask("why did pence not stand when the koreas marched")
    assert not why_not.answered and why_not.text.startswith("My sources don't say why Pence did not stand. What they do say: Pence declined")
    assert engine.ask("why were south koreans angry with pence").answered  # the fact's own reason
    stood = engine.ask("Why did Pence stand and applaud when the two Koreas marched together?")
    assert "why Pence did not stand" not in stood.text  # the premise, not the gap


def test_a_letter_typed_over_and_over_is_read_as_the_word(tiny):
    english = tiny.ix.english
    assert english.plain("soooo whyyy did bob cancel pleeease") == "so why did bob cancel please"
    assert english.plain("www") == "www"  # one letter only: not a stretched word


def test_who_is_someone_s_aide_finds_the_person_whose_role_is_given_in_relation_to_them(engine):
    for question in ("Who was the VP's top aide who talked to the Post?", "who was pence's aide"):
        assert engine.ask(question).text.startswith("Nick Ayers — Chief of staff to Vice President Pence"), question
    assert not engine.ask("Who was the North's figurehead leader at the Games?").text.startswith("Kim Yo Jong —")  # "sister of … leader"


def test_someone_s_people_or_camp_are_the_body_the_articles_call_his_office(engine):
    q = analyse(engine.ix, "How did Pence's people frame the North Koreans bailing on the talks?")
    assert "vp-office" in q.entities and "pence" not in q.entities
    assert "win" in engine.ask(q.raw).text


def test_what_a_report_relies_on_is_what_it_is_based_on(engine):
    assert "AFP and Reuters" in engine.ask("what agencies did dw's story on the canceled pence meeting rely on").text


def test_relative_to_asks_when_beside_another_event_and_is_no_topic_word(engine):
    q = analyse(engine.ix, "When was the meeting supposed to happen relative to the opening ceremony?")
    assert not any(t.startswith("relat") for t in q.tokens)
    assert "the morning after the Olympic opening ceremony" in engine.ask(q.raw).text


def test_the_meeting_given_to_someone_who_was_no_party_to_it_is_corrected_first(engine):
    for question, name in (("Why did Trump's meeting with Kim Yo Jong at the Olympics get called off?", "Donald Trump"),
                           ("Why did Rex Tillerson's meeting with Kim Yo Jong get called off?", "Rex Tillerson")):
        result = engine.ask(question)
        assert result.text.startswith(f"It wasn't {name}'s meeting but Mike Pence's. "), question
        assert result.question == question  # the user's words, not the corrected ones
        # the rest is answered of Pence's meeting, still asking why (not "Mike Pence's meeting … get called off?")
        assert engine.ask(question.replace(f"{name}'s", "Mike Pence's")).text in result.text
    assert not engine.ask("When was Pence's meeting with the North Koreans scheduled?").text.startswith("It wasn't")
    assert not engine.ask("what happened to this week's meeting").text.startswith("It wasn't")


def test_a_role_given_to_the_wrong_person_s_service_is_corrected_when_the_holder_is_named(engine):
    wrong = engine.ask("Why did Nick Ayers, Trump's chief of staff, say North Korea dangled the meeting?")
    assert wrong.text.startswith("My sources don't call Nick Ayers Trump's chief of staff. They describe Nick Ayers as “Chief of staff to Vice President Pence”.")
    assert not engine.ix.roles.check("what did nick ayers, pence's chief of staff, say")[1]
    assert not engine.ix.roles.check("what did Trump's chief of staff say")[1]  # no one of theirs is named: nothing to correct


def test_a_yes_no_whose_word_is_the_contrary_of_the_facts_is_a_no(engine):
    assert engine.ask("did the two koreas march apart").text.startswith("No — Pence declined to stand when athletes from the two Koreas marched together")
    assert not engine.ask("did pence attend the closing ceremony").text.startswith("No")  # another event, not a contrary


def test_a_question_taking_the_meeting_as_having_happened_is_told_it_never_took_place(engine):
    for question in ("What did Pence and Kim Yo Jong agree on during their meeting?",
                     "What did Heather Nauert say after Pence's meeting with Kim Yo Jong went well?"):
        assert engine.ask(question).text.startswith("That meeting never took place: "), question
    for question in ("what did the us say it will not apologize for after the north korea meeting fell through",
                     "what was pence going to discuss at the meeting",
                     "At what summit did countries agree to consider new sanctions on North Korea?"):
        assert not engine.ask(question).text.startswith("That meeting never took place"), question


def test_a_tie_a_role_gives_is_read_from_the_other_side(engine):
    q = analyse(engine.ix, "what did kim yo jong's brother invite moon to do")
    assert q.entities[:1] == ("kim-jong-un",)  # her role: "Sister of North Korean leader Kim Jong Un"
    assert "invited South Korean President Moon Jae-in" in engine.ask(q.raw).text
    assert "kim-jong-un" not in analyse(engine.ix, "who is kim yo jong's mother").entities  # not a tie her role gives


def test_a_yes_no_about_what_was_planned_is_not_answered_by_a_claim_about_what_happened(engine):
    planned = engine.ask("was pence supposed to meet the north koreans")
    assert not planned.text.startswith("No"), planned.text  # he was; the meeting never happened
    assert engine.ask("did pence meet the north koreans").text.startswith("No — ")


def test_an_employer_and_role_before_a_name_must_run_up_to_it(engine):
    # "White House spokeswoman Heather Nauert" gives her a role; "… reporter wrote about Pence's dinner" does not
    assert engine.ix.roles.check("what did White House spokeswoman Heather Nauert say")[1]
    assert not engine.ix.roles.check("Which Washington Post reporter wrote about Pence's dinner with Moon Jae-in?")[1]


def test_works_for_an_employer_the_articles_never_give_is_corrected(engine):
    assert engine.ask("heather nauert works for the white house right").text.startswith(
        "No — my sources don't place Heather Nauert at the white house. They describe Heather Nauert as “State Department spokeswoman”.")
    assert engine.ask("nick ayers works for the state department, right?").text.startswith("No — my sources don't place Nick Ayers at the state department")
    assert not engine.ix.roles.check("does heather nauert work for the state department")[1]
    # writing for an outlet: one the articles name, or one they never mention
    assert engine.ask("What did Jen Kirby write for the Washington Post about the meeting?").text.startswith(
        "My sources don't place Jen Kirby at the Washington Post. They describe Jen Kirby as “Vox")
    assert engine.ask("Jen Kirby wrote this for CNN, right?").text.startswith("No — my sources don't place Jen Kirby at CNN.")
    assert not engine.ix.roles.check("what did josh rogin write for the washington post")[1]
    # someone else as the one worked for: only where nothing the articles say of them ties them
    assert engine.ask("does nauert work for pence").text.startswith(
        "No — my sources don't say Heather Nauert works for Mike Pence. They describe Heather Nauert as “State Department spokeswoman”.")
    assert not engine.ix.roles.check("does nick ayers work for pence")[1]  # "Chief of staff to Vice President Pence"


def test_a_body_the_articles_never_mention_doing_what_someone_else_did_is_corrected(tiny, engine):
    from bot.candidates import unmentioned_actor

    [no] = unmentioned_actor(tiny.ix, analyse(tiny.ix, "did the pentagon cancel the talks"))
    assert no.kind == "no" and no.contradicts and no.result().text.startswith("No — it wasn't the Pentagon: Bob cancelled")
    # the doer after "by" in a passive: what they did comes before it
    [by] = unmentioned_actor(tiny.ix, analyse(tiny.ix, "were the talks cancelled by the pentagon"))
    assert by.kind == "no" and by.result().text.startswith("No — it wasn't the Pentagon: Bob cancelled")
    [why] = unmentioned_actor(tiny.ix, analyse(tiny.ix, "why did CNN cancel the talks"))
    assert why.kind == "premise" and why.result().text.startswith("It wasn't CNN: Bob cancelled")
    assert not unmentioned_actor(tiny.ix, analyse(tiny.ix, "what did the pentagon say about the talks"))  # does nothing they did
    assert not unmentioned_actor(tiny.ix, analyse(tiny.ix, "did bob cancel the talks"))
    # through the engine: an unknown word or outlet no longer silences the correction
    assert engine.ask("The Pentagon confirmed the canceled meeting, right?").text.startswith(
        "No — it wasn't the Pentagon: The story was first reported by the Washington Post's Ashley Parker, and the State Department confirmed")
    assert engine.ask("Did CNN first report the meeting?").text.startswith("No — it wasn't CNN: The story was first reported by the Washington Post")
    assert "wasn't" not in engine.ask("did kim jong un invite moon jae in to north korea").text  # "Un" is no United Nations
    # a country the articles never mention is such a body too, written as a name however it was typed
    assert engine.ask("was the meeting cancelled by the chinese").text.startswith("No — it wasn't the Chinese: ")
    assert engine.ask("was the meeting called off by china").text.startswith("No — it wasn't China: ")


def test_an_outlet_that_only_reports_on_a_journalist_is_not_their_employer(engine):
    # Ashley Parker's description says Vox reports her scoop ("according to Vox"); she works for the Post
    for question in ("Ashley Parker of Vox was the first to report it, right?", "Did Vox's Ashley Parker break the story?"):
        assert engine.ask(question).text.startswith(
            "No — my sources don't place Ashley Parker at Vox. They describe Ashley Parker as “Washington Post reporter”."), question
    assert not engine.ix.roles.check("did the washington post's ashley parker break the story")[1]


def test_a_speaker_the_articles_never_name_is_not_someone_named_after_about(engine):
    # "the IOC" speaks; Pence is only what it spoke about, so his words are no answer
    ioc = engine.ask("What did the IOC say about the canceled Pence meeting?")
    assert not ioc.answered and "they never mention 'IOC'" in ioc.text  # the user's own spelling
    assert engine.ask("what did the state department say about the pence meeting").answered


def test_what_kind_of_and_what_caused_are_read_as_their_plain_questions(engine):
    q = analyse(engine.ix, "at what kind of meeting")
    assert q.norm == "at what meeting" and "kind" not in dict(q.unknown)
    assert analyse(engine.ix, "what triggered it").wh == "?why"
    assert analyse(engine.ix, "how come they pulled out").wh == "?why"


def test_a_hyphenated_lexicon_variant_is_found_as_the_words_a_question_splits_it_into(engine):
    tokens = analyse(engine.ix, "was the meeting hush-hush").tokens
    assert engine.ix._canon_token("secret") in tokens and "hush" not in tokens


def test_the_setting_named_with_another_place_season_or_year_is_found(engine):
    assert wrong_setting(engine.ix, "what happened at the Tokyo Olympics?")[0] == "Tokyo Olympics"
    assert wrong_setting(engine.ix, "How did the 2018 Summer Olympics factor in?")[0] == "2018 Summer Olympics"
    assert wrong_setting(engine.ix, "what about the 2020 games") [0] == "2020 games"
    for right in ("what happened at the 2018 Winter Olympics", "at the PyeongChang Olympics", "which city's games are named",
                  "the olympics in south korea"):
        assert wrong_setting(engine.ix, right) is None, right


def test_a_role_given_to_the_wrong_person_names_who_the_articles_give_it_to(engine):
    swapped = engine.ask("Why did Nick Ayers, the State Department spokesman, tweet that they regret North Korea's failure?")
    assert swapped.text.startswith("My sources don't call Nick Ayers the State Department spokesman.")
    assert "The one they describe as “State Department spokeswoman” is Heather Nauert." in swapped.text
    # a role no one in the articles has names no one
    nobody = engine.ask("What did Nick Ayers, Pence's press secretary, say?")
    assert nobody.text.startswith("My sources don't call Nick Ayers Pence's press secretary.") and "The one they describe" not in nobody.text


def test_a_word_qualifying_the_kind_asked_for_is_not_the_focus(engine):
    assert analyse(engine.ix, "in which japanese city did pence announce the sanctions").focus == "city"
    assert analyse(engine.ix, "which japanese leader is in the dw pic").focus == "leader"
    assert not engine.ask("Which Japanese city did Pence announce the sanctions in?").answered


def test_the_reranker_reorders_only_the_linear_orders_first_few_and_never_puts_a_premise_after_them():
    from bot.scorer import RERANKED, reranked
    prefers_templates = Decision({"template": 1.0})  # a reranker that only looks at how well a template matched
    ranked = [Scored(None, score, {"template": template}) for score, template in ((3.0, 0.1), (2.0, 0.9), (1.0, 0.5), (0.5, 1.0))]
    assert RERANKED == 3
    assert [s.score for s in reranked(ranked, prefers_templates)] == [2.0, 1.0, 3.0, 0.5]
    # a false premise the question takes for granted stays first, whatever the reranker thinks of it
    premise = [Scored(None, 3.0, {"template": 0.1, "premise_full": 1.0}), *ranked[1:]]
    assert [s.score for s in reranked(premise, prefers_templates)] == [3.0, 2.0, 1.0, 0.5]


def test_how_many_of_someones_things_counts_the_things(engine):
    from bot.analyse import analyse
    assert analyse(engine.ix, "How many of Nauert's tweets are quoted in the first article?").focus == "tweets"
    assert analyse(engine.ix, "which of the articles says that").focus == "articles"


def test_a_date_asked_of_a_fact_dated_only_by_weekday_is_an_open_detail(engine):
    from bot.analyse import analyse
    from bot.candidates import precision
    found = precision(engine.ix, analyse(engine.ix, "what date was the saturday kcna attacked pence"))
    assert any("only “on Saturday”" in c.build().text for c in found)
    assert not precision(engine.ix, analyse(engine.ix, "On what day did KCNA go after Pence?"))  # "on Saturday" answers a day


# --- what the bot says of its episode: the fact base's meta section, nothing in the code -------------


def test_the_decline_help_and_thanks_name_the_fact_base_s_episode(tiny):
    from bot.chat import run_console

    assert tiny.ask("???").text == ("That doesn't look like a question I can work with — ask me about "
                                    "the cancelled Alice–Bob talks in Paris.")
    out = io.StringIO()
    run_console(tiny, json_mode=True, stdin=io.StringIO("hi\nthanks\n"), stdout=out)
    greeted, thanked = [json.loads(line) for line in out.getvalue().splitlines()]
    assert greeted["help"] == ("I answer questions about one short article on the talks between Alice Smith and Bob Jones. "
                               "Try: “Who cancelled the talks?”, “Where was the meeting?”.")
    assert thanked["reply"] == "You're welcome! Ask me anything else about the cancelled Alice–Bob talks."


def test_the_cards_name_the_fact_base_s_episode_and_count_its_articles(tiny):
    from bot import render

    fb = tiny.fb
    assert render.timeline_pages(fb, [])[0].title == "Timeline: the cancelled Alice–Bob talks"
    assert render.factcheck_card(fb, []).description.endswith("I check statements of fact about the cancelled Alice–Bob talks.")
    checked = render.factcheck_card(fb, [("Bob cancelled the talks", tiny.ask("Is it true that Bob cancelled the talks?"))])
    assert checked.description.startswith("1 claim checked against articles: ")
    assert render.sources_card(fb).description.startswith("Everything I say is drawn from these articles")


def test_the_slash_commands_describe_the_fact_base_s_episode(tiny):
    from bot.discord_bot.descriptions import command_descriptions

    said = command_descriptions(tiny.fb.meta)
    assert said["ask"] == ("Ask a question about the cancelled Alice–Bob talks in Paris",
                           {"question": "Your question, e.g. “Who cancelled the talks?”", "private": "Only you can see the reply"})
    assert said["timeline"][0] == "The episode's timeline, from the talks to the dinner"
    assert said["timeline"][1]["date_from"] == "First date, e.g. 2020-03-03 or “Mar 3”"
    assert said["who"][1]["person"] == "A name, e.g. Alice or Bob Jones (misspellings are fine)"
    assert said["compare"][1]["topic"] == "A topic where outlets differ"  # (no disagreement to give as an example)
    assert said["sources"][0] == "The articles everything here is drawn from"


def test_a_season_the_articles_never_name_is_the_month_the_fact_base_gives(tiny):
    assert analyse(tiny.ix, "who cancelled the talks last spring").norm == "who cancelled the talks in march"  # spring: march
    assert analyse(tiny.ix, "who cancelled the talks last fall").norm == "who cancelled the talks last fall"  # (none given)


def test_a_date_that_cannot_be_read_is_explained_with_the_example_day(tiny):
    with pytest.raises(ValueError, match=r"can't read 'someday' as a date; use e.g. 2020-03-03 or 'Mar 3'"):
        tiny.timeline(date_from="someday")


def test_no_word_of_the_real_episode_reaches_a_tiny_fact_base_s_user(tiny):
    from bot.chat import help_text, you_are_welcome
    from bot.discord_bot.descriptions import command_descriptions

    shown = [help_text(tiny.fb.meta), you_are_welcome(tiny.fb.meta), tiny.ask("").text, str(command_descriptions(tiny.fb.meta))]
    for word in ("Pence", "Korea", "Olympic", "PyeongChang", "three articles", "2018"):
        assert not any(word in text for text in shown), word


@pytest.mark.parametrize("text,small_talk", [
    ("lol ok thx", True), ("got it, cool", True), ("thank you so much!", True), ("ok", True),
    ("really", False), ("you", False), ("ok why", False), ("thanks, and who is nauert?", False),
])
def test_thanks_and_acknowledgements_alone_are_small_talk(text, small_talk):
    from bot.chat import is_thanks
    assert is_thanks(text) is small_talk


def test_a_kind_of_answer_named_right_after_what_is_is_the_focus(engine):
    kinds = engine.ix.english.focus_type
    assert find_focus("what was the exact hour", kinds=kinds) == "hour"
    assert find_focus("what is the precise location of the meeting", kinds=kinds) == "location"
    assert find_focus("what was the reaction", kinds=kinds) is None  # (not a kind of answer)
    # and so an exact hour the articles never give is said to be missing, not answered with "two hours before"
    assert engine.ask("what was the exact hour of the meeting").text.startswith("My sources don't give a time of day")
