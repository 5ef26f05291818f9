"""A fact base of one short made-up article about another episode (Alice, Bob and their cancelled
talks in Paris): small enough to read whole, and proof that nothing of the real episode is in the code."""

from pathlib import Path

SEED = (
    "Alice Smith was to meet Bob Jones in Paris on March 3, 2020. Bob cancelled the talks two hours before they were "
    "due to start. Alice said: \"We remain ready to talk.\" Bob called Alice \"unreliable\" in an interview. "
    "Twenty diplomats attended the dinner. The dinner was on a Friday. The Daily Bugle first reported the story."
)

FACTS = """\
meta:
  scope: "I only know one short article about Alice and Bob."
  default_year: 2020
  topic: the cancelled Alice–Bob talks in Paris
  short_topic: the cancelled Alice–Bob talks
  about: I answer questions about one short article on the talks between Alice Smith and Bob Jones.
  articles: articles  # (one: no count, as replies read it after "these" and "none of the")
  timeline_span: from the talks to the dinner
  picture_title: "Alice and Bob: the talks that never were"
  picture_subtitle: Paris, 2020 — as reported in one article
  examples: {questions: [Who cancelled the talks?, Where was the meeting?], date: "2020-03-03", names: [Alice, Bob Jones]}
  places: [paris]
  season_months: {spring: march}
sources:
  - {id: src, file: seeds/000_tiny.txt, outlet: Tiny News}
people:
  - {id: alice, name: Alice Smith, aliases: [Alice, Alice Smith], role: Envoy of the North, description: She was to meet Bob.,
     evidence: [{source: src, quote: "Alice Smith was to meet Bob Jones"}]}
  - {id: bob, name: Bob Jones, aliases: [Bob, Bob Jones], role: Envoy of the South, description: He cancelled the talks.,
     evidence: [{source: src, quote: "Bob cancelled the talks"}]}
  - {id: bugle, name: The Daily Bugle, kind: organisation, aliases: [Daily Bugle, Bugle], role: Newspaper,
     description: The newspaper that first reported the story., evidence: [{source: src, quote: "The Daily Bugle first reported"}]}
facts:
  - id: meeting
    statement: Alice Smith was to meet Bob Jones in Paris on 3 March 2020.
    evidence: [{source: src, quote: "Alice Smith was to meet Bob Jones in Paris on March 3, 2020."}]
    people: [alice, bob]
    date: "2020-03-03"
    questions: [Where was the meeting?, When was the meeting?]
  - id: cancelled
    statement: Bob cancelled the talks two hours before they were due to start.
    evidence: [{source: src, quote: "Bob cancelled the talks two hours before they were due to start."}]
    people: [bob]
    date: "2020-03-03"
    questions: [Who cancelled the talks?]
    claims:
      - {text: "Bob cancelled the talks", holds: true}
      - {text: "Alice cancelled the talks", holds: false}
  - id: scoop
    statement: The Daily Bugle first reported the story.
    evidence: [{source: src, quote: "The Daily Bugle first reported the story."}]
    people: [bugle]
  - id: dinner
    statement: Twenty diplomats attended the dinner.
    evidence: [{source: src, quote: "Twenty diplomats attended the dinner."}, {source: src, quote: "The dinner was on a Friday."}]
    questions: [How many diplomats attended the dinner?]
    unsaid: [name the twenty diplomats]
quotes:
  - {id: alice-ready, speaker: alice, text: "We remain ready to talk.", source: src, medium: statement, context: Alice after the cancellation.}
  - {id: bob-unreliable, speaker: bob, text: "unreliable", source: src, medium: interview, context: Bob on Alice.}
lexicon:
  cancel: [cancelled, called off, scrapped, ghosted]
  meeting: [meet, talks]
  happen: [took place]
  differ: [disagree]
  outlet: [newspaper]
  timeline: [chronology]
  role: [job]
  summary: [summarize]
"""


def write_tiny_factbase(root: Path) -> Path:
    """The tiny fact base and its seed under `root`; the path of its facts.yaml."""
    (root / "seeds").mkdir()
    (root / "seeds" / "000_tiny.txt").write_text(SEED, encoding="utf-8")
    (root / "facts.yaml").write_text(FACTS, encoding="utf-8")
    return root / "facts.yaml"
