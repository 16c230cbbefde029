"""The parts of an import, each about one thing: the plan an import makes (``plan.py``),
the formats told by their header (``formats.py``), the words trackers use
(``words.py``), reading a cell (``cells.py``), Daylio's export (``daylio.py``) and
bounceback's own (``export_file.py``). ``store/importing.py`` puts them together."""
