"""`factbot bench`: load time, per-question latency, cold start, peak memory, and accuracy on every
evaluation set beside a BM25 baseline over the same facts. Prints numbers; asserts nothing."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

from bot.engine import Engine
from bot.evaluation import EVAL_SETS, judge, load_eval_set
from bot.facts import PROJECT_ROOT, load_factbase


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


_REPORT_PEAK = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            print('peak-kib', line.split()[1], file=sys.stderr)\n"
    "atexit.register(peak)\n"
    "sys.argv = ['factbot', 'ask', 'Who cancelled the meeting?']\n"
    "runpy.run_module('bot', run_name='__main__')\n"
)


def cold_start(runs: int = 5) -> tuple[list[float], int]:
    """Seconds for one-shot `factbot ask` processes, and the largest peak memory (KiB) among them.
    The peak is the process's own high-water mark (VmHWM, which starts afresh at exec): the
    rusage of a child would also count the pages of this large benchmark process it forked from."""
    subprocess.run([sys.executable, "-m", "bot", "ask", "warm the engine cache"], cwd=PROJECT_ROOT, capture_output=True, check=True)
    times, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "Who cancelled the meeting?"], cwd=PROJECT_ROOT,
                       capture_output=True, check=True)
        times.append(time.perf_counter() - start)
        measured = subprocess.run([sys.executable, "-c", _REPORT_PEAK], cwd=PROJECT_ROOT, capture_output=True, text=True)
        found = [int(line.split()[1]) for line in measured.stderr.splitlines() if line.startswith("peak-kib")]
        peak = max([peak, *found])
    return times, peak


def _split(cases: list[dict]) -> tuple[list[dict], list[dict]]:
    out = [c for c in cases if c.get("abstain") or c.get("covered") is False]
    return [c for c in cases if c not in out], out


def bm25_baseline(engine: Engine, cases: list[dict]):
    """BM25 over the same facts (one passage per fact: statement, questions, evidence), answering
    with the top fact and abstaining only when no word overlaps — judged like factbot."""
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        return None
    from bot.candidates import fact_answer
    from bot.analyse import analyse
    from bot.results import NotCovered

    facts = engine.fb.facts
    tokenize = lambda s: re.findall(r"\w+", s.lower())  # noqa: E731
    passages = [" ".join([f.statement, *f.questions, *(ev.quote for ev in f.evidence)]) for f in facts]
    bm25 = BM25Okapi([tokenize(p) for p in passages])
    results, latencies = [], []
    for case in cases:
        start = time.perf_counter()
        scores = bm25.get_scores(tokenize(case["q"]))
        best = max(range(len(facts)), key=scores.__getitem__)
        latencies.append(time.perf_counter() - start)
        q = analyse(engine.ix, case["q"])
        result = fact_answer(engine.ix, q, [facts[best]], 1.0, "fact", "") if scores[best] > 0 else NotCovered(case["q"], "", ())
        results.append(judge(result, case))
    return results, latencies


def figures(oks: list[bool], cases: list[dict]) -> str:
    answerable, out = _split(cases)
    ok_in = sum(ok for ok, c in zip(oks, cases) if c in answerable)
    ok_out = sum(ok for ok, c in zip(oks, cases) if c in out)
    return (f"in scope {ok_in}/{len(answerable)} = {100 * ok_in / max(len(answerable), 1):.1f}%, "
            f"abstain {ok_out}/{len(out)} = {100 * ok_out / max(len(out), 1):.1f}%")


def main(args=None) -> int:
    sets = {name: load_eval_set(path) for name, path in EVAL_SETS.items() if path.exists()}
    everything = [c for cases in sets.values() for c in cases]

    loads = []
    for _ in range(5):
        start = time.perf_counter()
        fb = load_factbase()
        loads.append(time.perf_counter() - start)
    start = time.perf_counter()
    engine = Engine(fb)
    build = time.perf_counter() - start

    fresh = []  # each question the first time: spelling and fuzzy-name caches empty
    for case in everything:
        t0 = time.perf_counter()
        engine.ask(case["q"])
        fresh.append(time.perf_counter() - t0)
    latencies = []
    for _ in range(5):
        for case in everything:
            t0 = time.perf_counter()
            engine.ask(case["q"])
            latencies.append(time.perf_counter() - t0)

    cold, cold_rss = cold_start()
    print(f"factbot benchmark ({len(everything)} questions in {len(sets)} sets, Python {sys.version.split()[0]})")
    print(f"  fact base load + verify : median {_ms(statistics.median(loads))} (5 loads)")
    print(f"  engine index build      : {_ms(build)}")
    print(f"  per question (first ask): median {_ms(statistics.median(fresh))}, p99 {_ms(_pct(fresh, 99))}")
    print(f"  per question (warm)     : median {_ms(statistics.median(latencies))}, p99 {_ms(_pct(latencies, 99))}, "
          f"max {_ms(max(latencies))} over {len(latencies)} answers")
    print(f"  cold start `ask`        : median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (5 processes)")
    print(f"  peak memory of `ask`    : {cold_rss / 1024:.1f} MiB (one-shot process, engine from the cache)")
    print("  accuracy (factbot | BM25 over the same facts):")
    for name, cases in sets.items():
        oks = [judge(engine.ask(c["q"]), c) for c in cases]
        baseline = bm25_baseline(engine, cases)
        line = f"    {name:<8} {len(cases):>4} q  factbot {figures(oks, cases)}"
        if baseline is not None:
            line += f" | BM25 {figures(baseline[0], cases)}"
        print(line)
    return 0
