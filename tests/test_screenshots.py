"""The screenshots command still knows the app (its pictures are drawn by `make screenshots`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tui.app import PANES

ROOT = Path(__file__).resolve().parent.parent


def test_the_screenshots_command_has_a_picture_of_every_pane() -> None:
    script = ROOT / "scripts" / "screenshots.py"
    spec = importlib.util.spec_from_file_location("screenshots", script)
    assert spec is not None
    assert spec.loader is not None
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)
    drawn = {view.name for view in screenshots.VIEWS}
    assert {f"{pane}.svg" for pane, *_ in PANES} <= drawn
