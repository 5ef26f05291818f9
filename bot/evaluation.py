"""Judging the engine against an evaluation set (bot/evalsets/own_questions.yaml); shared by the
evaluation test and the benchmark."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from bot.engine import Answer, Result

_FOLD = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
EVAL_SET = Path(__file__).with_name("evalsets") / "own_questions.yaml"
# Every labelled set, by name. The development set lives beside the project (../shared/eval) and is
# used when it is there.
EVAL_SETS = {
    "own": EVAL_SET,
    "probes": EVAL_SET.with_name("probes.yaml"),
    "blind_a": EVAL_SET.with_name("blind_a.yaml"),
    "blind_b": EVAL_SET.with_name("blind_b.yaml"),
    "blind_c": EVAL_SET.with_name("blind_c.yaml"),
    "blind_d": EVAL_SET.with_name("blind_d.yaml"),
    "blind_e": EVAL_SET.with_name("blind_e.yaml"),
    "blind_f": EVAL_SET.with_name("blind_f.yaml"),
    "blind_g": EVAL_SET.with_name("blind_g.yaml"),
    "blind_h": EVAL_SET.with_name("blind_h.yaml"),
    "blind_i": EVAL_SET.with_name("blind_i.yaml"),
    "blind_j": EVAL_SET.with_name("blind_j.yaml"),
    "blind_k": EVAL_SET.with_name("blind_k.yaml"),
    "blind_l": EVAL_SET.with_name("blind_l.yaml"),
    "blind_m": EVAL_SET.with_name("blind_m.yaml"),
    "blind_n": EVAL_SET.with_name("blind_n.yaml"),
    "blind_o": EVAL_SET.with_name("blind_o.yaml"),
    "blind_p": EVAL_SET.with_name("blind_p.yaml"),
    "blind_q": EVAL_SET.with_name("blind_q.yaml"),
    "blind_r": EVAL_SET.with_name("blind_r.yaml"),
    "blind_s": EVAL_SET.with_name("blind_s.yaml"),
    "blind_t": EVAL_SET.with_name("blind_t.yaml"),
    "blind_u": EVAL_SET.with_name("blind_u.yaml"),
    "blind_v": EVAL_SET.with_name("blind_v.yaml"),
    "blind_w": EVAL_SET.with_name("blind_w.yaml"),
    "blind_x": EVAL_SET.with_name("blind_x.yaml"),
    "blind_y": EVAL_SET.with_name("blind_y.yaml"),
    "blind_z": EVAL_SET.with_name("blind_z.yaml"),
    "blind_aa": EVAL_SET.with_name("blind_aa.yaml"),
    "blind_ab": EVAL_SET.with_name("blind_ab.yaml"),
    "blind_ac": EVAL_SET.with_name("blind_ac.yaml"),
    "blind_ad": EVAL_SET.with_name("blind_ad.yaml"),
    "blind_ae": EVAL_SET.with_name("blind_ae.yaml"),
    "blind_af": EVAL_SET.with_name("blind_af.yaml"),
    "blind_ag": EVAL_SET.with_name("blind_ag.yaml"),
    "blind_ah": EVAL_SET.with_name("blind_ah.yaml"),
    "blind_ai": EVAL_SET.with_name("blind_ai.yaml"),
    "blind_aj": EVAL_SET.with_name("blind_aj.yaml"),
    "blind_ak": EVAL_SET.with_name("blind_ak.yaml"),
    "blind_al": EVAL_SET.with_name("blind_al.yaml"),
    "blind_am": EVAL_SET.with_name("blind_am.yaml"),
    "blind_an": EVAL_SET.with_name("blind_an.yaml"),
    "blind_ao": EVAL_SET.with_name("blind_ao.yaml"),
    "blind_ap": EVAL_SET.with_name("blind_ap.yaml"),
    "blind_aq": EVAL_SET.with_name("blind_aq.yaml"),
    "blind_ar": EVAL_SET.with_name("blind_ar.yaml"),
    "blind_as": EVAL_SET.with_name("blind_as.yaml"),
    "blind_at": EVAL_SET.with_name("blind_at.yaml"),
    "blind_au": EVAL_SET.with_name("blind_au.yaml"),
    "blind_av": EVAL_SET.with_name("blind_av.yaml"),
    "blind_aw": EVAL_SET.with_name("blind_aw.yaml"),
    "blind_ax": EVAL_SET.with_name("blind_ax.yaml"),
    "blind_ay": EVAL_SET.with_name("blind_ay.yaml"),
    "blind_az": EVAL_SET.with_name("blind_az.yaml"),
    "blind_ba": EVAL_SET.with_name("blind_ba.yaml"),
    "blind_bb": EVAL_SET.with_name("blind_bb.yaml"),
    "blind_bc": EVAL_SET.with_name("blind_bc.yaml"),
    "blind_bd": EVAL_SET.with_name("blind_bd.yaml"),
    "blind_be": EVAL_SET.with_name("blind_be.yaml"),
    "blind_bf": EVAL_SET.with_name("blind_bf.yaml"),
    "blind_bg": EVAL_SET.with_name("blind_bg.yaml"),
    "blind_bh": EVAL_SET.with_name("blind_bh.yaml"),
    "blind_bi": EVAL_SET.with_name("blind_bi.yaml"),
    "blind_bj": EVAL_SET.with_name("blind_bj.yaml"),
    "blind_bk": EVAL_SET.with_name("blind_bk.yaml"),
    "blind_bl": EVAL_SET.with_name("blind_bl.yaml"),
    "blind_bm": EVAL_SET.with_name("blind_bm.yaml"),
    "blind_bn": EVAL_SET.with_name("blind_bn.yaml"),
    "blind_bo": EVAL_SET.with_name("blind_bo.yaml"),
    "blind_bp": EVAL_SET.with_name("blind_bp.yaml"),
    "blind_bq": EVAL_SET.with_name("blind_bq.yaml"),
    "blind_br": EVAL_SET.with_name("blind_br.yaml"),
    "blind_bs": EVAL_SET.with_name("blind_bs.yaml"),
    "blind_bu": EVAL_SET.with_name("blind_bu.yaml"),
    "blind_bt": EVAL_SET.with_name("blind_bt.yaml"),
    "blind_bv": EVAL_SET.with_name("blind_bv.yaml"),
    "blind_bw": EVAL_SET.with_name("blind_bw.yaml"),
    "blind_bx": EVAL_SET.with_name("blind_bx.yaml"),
    "blind_by": EVAL_SET.with_name("blind_by.yaml"),
    "blind_bz": EVAL_SET.with_name("blind_bz.yaml"),
    "blind_ca": EVAL_SET.with_name("blind_ca.yaml"),
    "blind_cb": EVAL_SET.with_name("blind_cb.yaml"),
    "blind_cc": EVAL_SET.with_name("blind_cc.yaml"),
    "blind_cd": EVAL_SET.with_name("blind_cd.yaml"),
    "blind_ce": EVAL_SET.with_name("blind_ce.yaml"),
    "blind_cf": EVAL_SET.with_name("blind_cf.yaml"),
    "blind_cg": EVAL_SET.with_name("blind_cg.yaml"),
    "blind_ch": EVAL_SET.with_name("blind_ch.yaml"),
    "blind_ci": EVAL_SET.with_name("blind_ci.yaml"),
    "blind_cj": EVAL_SET.with_name("blind_cj.yaml"),
    "blind_ck": EVAL_SET.with_name("blind_ck.yaml"),
    "dev": Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev_questions.yaml",
}


def load_eval_set(path: Path = EVAL_SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _words(text: str) -> str:
    """Lowercase, punctuation to spaces, padded: whole-word matching as ../shared/eval/score.py does it."""
    text = "".join(_FOLD.get(c, c) for c in unicodedata.normalize("NFKC", text)).lower()
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text).split()) + " "


def judge(result: Result, case: dict) -> bool:
    """Is `result` a right answer to `case`? Two formats: the team's own (facts, answer, person,
    quotes, event, covered; see the header of own_questions.yaml) and the keyword groups of the
    blind and development sets (`all`: every group must appear, as whole words, in the answer or
    its quotes; `abstain: true`: the sources don't answer it)."""
    if case.get("abstain"):
        return not result.answered
    if "all" in case:
        if not result.answered:
            return False
        hay = _words(result.text + " " + " ".join(c.quote for c in result.citations))
        return all(any(_words(alt) in hay for alt in group) for group in case["all"])
    if "any_of" in case:
        return any(judge(result, alternative) for alternative in case["any_of"])
    if case.get("covered") is False:
        return not result.answered
    if not isinstance(result, Answer):
        return False
    expected_kind = {True: "yes", False: "no"}.get(case.get("answer"), case.get("answer"))  # YAML reads yes/no as booleans
    if expected_kind is not None and result.kind != expected_kind:
        return False
    if "facts" in case and (not result.facts or result.facts[0] not in case["facts"]):
        return False
    if "person" in case and (result.kind != "person" or result.person is None or result.person.id != case["person"]):
        return False
    if "quotes" in case and (result.kind != "quotes" or not result.quotes or result.quotes[0].speaker != case["quotes"]):
        return False
    if "event" in case and (result.kind != "date" or case["event"] not in {e.id for e in result.events}):
        return False
    return True
