"""General English the engine reads questions with (bot/english.py)."""

import pytest

from bot.english import English


@pytest.fixture(scope="module")
def english():
    return English()


def test_an_ing_word_typed_without_its_g_is_the_word(english):
    assert english.plain("who was he talkin to sayin nothin") == "who was he talking to saying nothing"


@pytest.mark.parametrize("word", ["thin", "robin", "kremlin", "begin", "within", "cousin"])
def test_a_word_of_its_own_ending_in_in_stays(english, word):
    assert english.plain(word) == word


def test_chat_contractions_are_the_plain_words(english):
    assert english.plain("what was pence tryna do lemme know") == "what was pence trying to do let me know"
    assert english.plain("i dunno what he was finna say") == "i do not know what he was going to say"


def test_chat_shorthand_n_is_and_but_n_korea_is_north_korea(english):
    assert english.plain("who cancelled n when") == "who cancelled and when"
    assert english.plain("why did n korea back out n when") == "why did north korea back out and when"
    assert english.plain("what did n koreans say") == "what did north koreans say"
    assert english.plain("how did he describe em") == "how did he describe them"


def test_nvm_is_chat_filler(english):
    assert english.is_filler("nvm")
