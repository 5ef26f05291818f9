"""`factbot bench`: load time, per-question latency, cold start, peak memory, and a BM25 baseline
over the seeds' sentences on the same evaluation questions. Prints numbers; asserts nothing."""

from __future__ import annotations

import re
import resource
import statistics
import subprocess
import sys
import time

from bot.engine import Engine
from bot.evaluation import judge, load_eval_set
from bot.facts import PROJECT_ROOT, load_factbase, normalize_span


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def cold_start(runs: int = 5) -> list[float]:
    subprocess.run([sys.executable, "-m", "bot", "ask", "warm the engine cache"], cwd=PROJECT_ROOT, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "Who cancelled the meeting?"], cwd=PROJECT_ROOT,
                       capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?”\"])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) > 20]


def _expected_spans(fb, case: dict) -> list[str]:
    spans = []
    for alternative in case.get("any_of", [case]):
        for fid in alternative.get("facts", []):
            spans += [ev.quote for ev in fb.fact_by_id[fid].evidence]
        if "person" in alternative:
            spans += [ev.quote for ev in fb.person_by_id[alternative["person"]].evidence]
        if "quotes" in alternative:
            spans += [q.text for q in fb.quotes if q.speaker == alternative["quotes"]]
        if "event" in alternative:
            spans += [ev.quote for e in fb.events if e.id == alternative["event"] for ev in e.evidence]
    return [normalize_span(s) for s in spans]


def bm25_baseline(fb, cases):
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        return None
    sentences = [s for text in fb.seed_texts.values() for s in _sentences(text)]
    tokenize = lambda s: re.findall(r"\w+", s.lower())  # noqa: E731
    bm25 = BM25Okapi([tokenize(s) for s in sentences])
    right, latencies = 0, []
    for case in cases:
        start = time.perf_counter()
        scores = bm25.get_scores(tokenize(case["q"]))
        best = max(range(len(sentences)), key=scores.__getitem__)
        latencies.append(time.perf_counter() - start)
        answered = scores[best] > 0
        if case.get("covered") is False:
            right += not answered
            continue
        top = normalize_span(sentences[best])
        right += answered and any(span in top or top in span for span in _expected_spans(fb, case))
    return right / len(cases), latencies, len(sentences)


def main(args=None) -> int:
    cases = load_eval_set()

    loads = []
    for _ in range(5):
        start = time.perf_counter()
        fb = load_factbase()
        loads.append(time.perf_counter() - start)
    start = time.perf_counter()
    engine = Engine(fb)
    build = time.perf_counter() - start

    fresh = []  # each question the first time: spelling and fuzzy-name caches empty
    for case in cases:
        t0 = time.perf_counter()
        engine.ask(case["q"])
        fresh.append(time.perf_counter() - t0)
    latencies, right = [], 0
    for _ in range(20):
        for case in cases:
            t0 = time.perf_counter()
            engine.ask(case["q"])
            latencies.append(time.perf_counter() - t0)
    right = sum(judge(engine.ask(c["q"]), c) for c in cases)

    cold = cold_start()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    baseline = bm25_baseline(fb, cases)

    print(f"factbot benchmark ({len(cases)} evaluation questions, Python {sys.version.split()[0]})")
    print(f"  fact base load + verify : median {_ms(statistics.median(loads))} (5 loads)")
    print(f"  engine index build      : {_ms(build)}")
    print(f"  per question (first ask): median {_ms(statistics.median(fresh))}, p99 {_ms(_pct(fresh, 99))}")
    print(f"  per question (warm)     : median {_ms(statistics.median(latencies))}, p99 {_ms(_pct(latencies, 99))}, "
          f"max {_ms(max(latencies))} over {len(latencies)} answers")
    print(f"  cold start `ask`        : median {statistics.median(cold):.3f} s, max {max(cold):.3f} s (5 processes)")
    print(f"  peak memory (this run)  : {peak_kib / 1024:.1f} MiB")
    print(f"  accuracy factbot        : {right}/{len(cases)} = {right / len(cases):.1%}")
    if baseline is None:
        print("  BM25 baseline           : skipped (pip install -e '.[bench]' for rank-bm25)")
    else:
        acc, bl, n = baseline
        print(f"  accuracy BM25 baseline  : {acc:.1%} (top sentence of {n} seed sentences; abstains only on zero overlap)")
        print(f"  BM25 per question       : median {_ms(statistics.median(bl))}, p99 {_ms(_pct(bl, 99))}")
    return 0
