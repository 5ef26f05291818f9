"""Building the Engine, with an on-disk cache so that a one-shot `factbot ask` starts fast.

The cache holds the verified fact base and the engine's index, pickled, under a key made from
the bytes of facts.yaml, of every seed it cites and of the code that builds them; any change to
one of those rebuilds it (and re-verifies every citation). A cache that cannot be read or
written is ignored.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

from bot.engine import Engine
from bot.facts import load_factbase

log = logging.getLogger(__name__)
_HERE = Path(__file__).parent
# Everything the pickled engine is built from: the engine's modules and its data (weights, chat words).
_CODE = (sorted(p for p in _HERE.glob("*.py") if p.name not in {"cli.py", "render.py", "chat.py"})
         + [_HERE / "data" / "weights.json", _HERE / "data" / "chat.yaml"])


def _digest(*blobs: bytes) -> str:
    h = hashlib.sha256()
    for blob in blobs:
        h.update(len(blob).to_bytes(8, "little"))
        h.update(blob)
    return h.hexdigest()


def cache_dir(facts_path: Path) -> Path:
    """FACTBOT_CACHE_DIR, else the user's cache directory (never inside an installed package)."""
    if os.environ.get("FACTBOT_CACHE_DIR"):
        return Path(os.environ["FACTBOT_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "factbot"


def load_engine(facts_path: Path | str, use_cache: bool = True) -> Engine:
    facts_path = Path(facts_path)
    if not use_cache:
        return Engine(load_factbase(facts_path))
    try:
        # the Python version too: the pickle holds marshalled code (the decision trees), which is per version
        key = _digest(sys.version.encode(), facts_path.read_bytes(), *(p.read_bytes() for p in _CODE))
    except OSError:
        return Engine(load_factbase(facts_path))  # load_factbase reports the missing file
    file = cache_dir(facts_path) / f"engine-{key[:32]}.pickle"
    try:
        with file.open("rb") as fh:
            seed_digests, engine = pickle.load(fh)
        if all(_digest(Path(p).read_bytes()) == d for p, d in seed_digests.items()):
            return engine
    except Exception as exc:  # a missing, stale or unreadable cache just means a rebuild
        log.debug("engine cache miss (%s): %s", file, exc)
    engine = Engine(load_factbase(facts_path))
    root = facts_path.resolve().parent
    seed_digests = {str(root / s.file): _digest((root / s.file).read_bytes()) for s in engine.fb.sources}
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=file.parent, delete=False) as tmp:
            pickle.dump((seed_digests, engine), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, file)
        for old in file.parent.glob("engine-*.pickle"):  # earlier versions of the code or facts
            if old != file:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("engine cache not written: %s", exc)
    return engine
