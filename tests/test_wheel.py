"""The package installs anywhere: a wheel built from this checkout, installed into a fresh virtual
environment, answers, checks its fact base and draws the timeline from another directory, with
the fact base and seeds it ships (no checkout, no tests/, no FACTBOT_FACTS)."""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp / "dist")], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp / "dist").glob("factbot-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                          "-q", str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    # The dependencies come from this environment (no network); factbot itself only from the wheel.
    site = Path(sysconfig.get_paths()["purelib"])
    [venv_site] = (venv / "lib").glob("python3*/site-packages")
    (venv_site / "zz_test_dependencies.pth").write_text(str(site) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTBOT_", "PYTHONPATH"))}
    env["HOME"] = env["XDG_CACHE_HOME"] = str(tmp / "home")
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return venv / "bin" / "factbot", env, elsewhere


def run(installed, *args):
    factbot, env, cwd = installed
    return subprocess.run([str(factbot), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def test_the_wheel_answers_from_another_directory(installed):
    out = run(installed, "ask", "Who called off the meeting?")
    assert out.returncode == 0, out.stderr
    assert "North Korean" in out.stdout and "Traceback" not in out.stderr
    where = run(installed, "ask", "--explain", "who is kim yo jong")
    assert "site-packages" not in where.stdout and where.returncode == 0


def test_the_wheel_checks_its_own_fact_base(installed):
    out = run(installed, "check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "facts" in out.stdout and "citations per source" in out.stdout


def test_the_wheel_draws_the_timeline(installed):
    factbot, env, cwd = installed
    out = run(installed, "timeline", "--png", "timeline.png")
    assert out.returncode == 0, out.stderr
    assert (cwd / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_package_never_imports_its_tests():
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "bench").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "from tests" not in text and "import tests" not in text, path
