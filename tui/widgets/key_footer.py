"""The footer of keys, built again only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, which takes apart and mounts again a widget per key (and lays
    out the whole screen) each time it is told the bindings changed. A change of focus,
    as at every switch of pane, tells it twice, the second time with the same keys: that
    one is skipped."""

    def __init__(self) -> None:
        super().__init__()
        self._built_for: object = None

    def _keys_shown(self) -> object:
        """What the keys it would show depend on."""
        bindings = tuple(
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        return bindings, self.show_command_palette

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        keys = self._keys_shown()
        if keys == self._built_for:
            return
        self._built_for = keys
        await super().recompose()
