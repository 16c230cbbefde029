"""The app's panes, one per file, each switched to with a number key."""

PANE_STYLES = {
    pane: f"panes/{pane}.tcss"
    for pane in ("board", "journal", "timer", "progress", "people", "agenda")
}
"""Each pane's stylesheet, beside it, by the pane's id."""
