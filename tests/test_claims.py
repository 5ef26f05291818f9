from bot.claims import MAX_CLAIMS, as_question, split_claims


def test_sentences_become_claims_without_markup_mentions_or_links():
    text = "lol **Pence** met Kim Jong Un <@123>. See https://example.com/x\nNorth Korea cancelled the meeting!"
    assert split_claims(text) == ["Pence met Kim Jong Un", "North Korea cancelled the meeting"]


def test_questions_fragments_and_repeats_are_not_claims():
    text = "Who cares? Did Pence go? ok. Pence went to Korea. Pence went to Korea."
    assert split_claims(text) == ["Pence went to Korea"]


def test_claims_are_capped_and_clipped():
    text = " ".join(f"Claim number {i} is here." for i in range(20)) + " " + "word " * 200
    claims = split_claims(text)
    assert len(claims) == MAX_CLAIMS and all(len(c) <= 300 for c in claims)
    assert split_claims("") == [] and split_claims("@everyone") == []


def test_a_claim_is_asked_as_a_yes_no_question():
    assert as_question("Pence met Kim Jong Un") == "Is it true that Pence met Kim Jong Un?"
