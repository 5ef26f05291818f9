"""The command line as a user runs it: every command, --json, errors as one line and exit 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_ask_prints_answer_with_sources(capsys):
    assert main(["ask", "Who", "cancelled", "the", "meeting?"]) == 0
    out = capsys.readouterr().out
    assert "North Koreans" in out and "Sources:" in out and "[Unnamed article, 21 Feb 2018]" in out and "src0" not in out


def test_ask_json_reads_stdin_one_object_per_line():
    proc = run("ask", "--json", stdin="Did Pence meet Kim Jong Un?\n\nwho won the super bowl\n")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(l) for l in proc.stdout.splitlines()]
    assert len(lines) == 2
    first, second = lines
    assert first["answered"] is True and first["text"].startswith("No")
    assert {"question", "answered", "text", "citations", "facts", "confidence"} <= set(first)
    assert all(c["source"].startswith("seeds/") and c["quote"] for c in first["citations"])
    assert second["answered"] is False and second["suggestions"]


def test_ask_without_question_is_a_one_line_error():
    proc = run("ask")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args, expect", [
    (["quote", "ayers"], "whitewash"),
    (["quote", "whitewash"], "Nick Ayers"),
    (["timeline", "--person", "pence"], "Opening ceremony"),
    (["who", "kim", "yo-jung"], "Kim Yo Jong"),
    (["sources"], "https://p.dw.com/p/2t1s0"),
    (["compare", "tweet", "or", "statement"], "Not reported by: DW"),
])
def test_commands(capsys, args, expect):
    assert main(args) == 0
    assert expect in capsys.readouterr().out


@pytest.mark.parametrize("args", [["quote", "--json", "nauert"], ["timeline", "--json"], ["who", "--json", "ayers"],
                                  ["sources", "--json"], ["compare", "--json", "reasons"], ["check", "--json"]])
def test_every_command_has_json(capsys, args):
    assert main(args) == 0
    json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("args, message", [
    (["who", "taylor", "swift"], "my sources name no one like"),
    (["quote", "zzzz"], "no quotes match"),
    (["timeline", "--from", "someday"], "can't read 'someday' as a date"),
    (["compare", "hockey"], "my sources don't cover 'hockey'"),
])
def test_errors_are_one_line_and_exit_2(capsys, args, message):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_chat_answers_like_a_dm():
    proc = run("chat", stdin="hello\nwho is nauret\nthanks!\nquit\nnever reached\n")
    assert proc.returncode == 0
    assert "I answer questions about one news story" in proc.stdout and "You're welcome" in proc.stdout
    assert "My sources don't" not in proc.stdout
    assert "Heather Nauert" in proc.stdout and "never reached" not in proc.stdout


def test_run_without_token_starts_the_offline_console(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "bot"], input="what happened on feb 10\n", capture_output=True,
                          text=True, cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "offline console" in proc.stderr and "North Korea calls off the meeting" in proc.stdout


def test_broken_fact_base_is_reported_not_a_traceback(tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_text("sources: 3\n")
    proc = run("--facts", str(bad), "ask", "hi")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "factbot check" in proc.stderr


def test_ask_explain_shows_every_stage(capsys):
    assert main(["ask", "--explain", "Why did Pence cancel the meeting?"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["analyse"]["entities"] == ["pence"] and shown["analyse"]["answer_type"] == "reason"
    assert shown["candidates"] and all("score" in c and "why" in c for c in shown["candidates"])
    assert shown["decision"]["answered"] is True


def test_the_help_names_the_episode_of_the_fact_base_in_use(tmp_path):
    from tests.tiny_factbase import write_tiny_factbase

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    tiny = subprocess.run([sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={**env, "FACTBOT_FACTS": str(write_tiny_factbase(tmp_path))})
    assert "Sourced answers about the cancelled Alice–Bob talks in Paris." in tiny.stdout and "Pence" not in tiny.stdout
    timeline = run("timeline", "--help").stdout
    assert "first date, e.g. 2018-02-09 or 'Feb 9'" in " ".join(timeline.split())
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [\n", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "bot", "check"], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                           env={**env, "FACTBOT_FACTS": str(broken)})
    assert plain.returncode == 1 and "malformed YAML" in plain.stdout and "Traceback" not in plain.stderr
