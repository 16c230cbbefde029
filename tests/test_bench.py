"""The benchmark command still runs (at its smallest size, once): figures are not judged here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_and_writes_its_table(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "0", "--runs", "1",
         "--json", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(out.read_text())["rows"]
    measures = {row["measure"] for row in rows}
    assert "start-up to first frame: board" in measures
    assert "start-up: bare app + the store, listing the board" in measures
    assert "start-up: stack floor (bare app + required libraries)" in measures
    assert "key to repaint: stack floor, a list's highlight" in measures
    assert "start-up to first frame: board, the day's first" in measures
    assert "store: move" in measures
    assert "journal: scroll a page" in measures
    assert all(row["median"] > 0 for row in rows if row["measure"].startswith("start-up"))
    assert "start-up to first frame: board" in result.stdout, "the table is printed"
    assert "≤ 1.35× stack floor" in result.stdout, "the targets are printed beside the figures"
