"""The Discord layer passes mypy (configured in pyproject.toml)."""

from mypy import api


def test_discord_layer_passes_mypy(tmp_path):
    out, err, status = api.run(["--cache-dir", str(tmp_path / "mypy-cache"), "--no-error-summary"])
    assert status == 0, out + err
