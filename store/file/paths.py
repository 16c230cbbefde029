"""Where the data file lives. Computed when asked, never at import time."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "BOUNCEBACK_DB"
FILE_NAME = "bounceback.json"


def default_db_path(environ: Mapping[str, str] = os.environ) -> Path:
    """``$BOUNCEBACK_DB`` if set, else the platform's user data folder."""
    if override := environ.get(ENV_VAR):
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("bounceback", appauthor=False) / FILE_NAME
