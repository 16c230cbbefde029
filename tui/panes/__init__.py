"""The app's panes, one per file, each switched to with a number key."""
