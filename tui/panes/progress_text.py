"""The pieces Progress is drawn from: bars, headings and counts in words, and the
sections drawn from plain figures (what works, offers against the pay asked for)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text

from store import Application
from store.pay import against, main_currency, parse_pay, pay_of
from store.what_works import MIN_GROUP, Dimension, Group, lever
from tui.widgets.safe_text import printable

BAR_WIDTH = 12
WORKS_ROWS = 6
"""Groups listed per kind: the largest, where the counts say the most."""


def bar(fraction: float, width: int = BAR_WIDTH) -> Text:
    filled = round(fraction * width)
    return Text.assemble(("█" * filled, "bold"), ("░" * (width - filled), "dim"))


def heading(title: str, hint: str = "") -> Text:
    text = Text.assemble((title, "bold underline"))
    if hint:
        text.append("   ")
        text.append(hint, style="dim")
    text.append("\n")
    return text


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def window_name(days: int | None) -> str:
    return "all time" if days is None else f"the last {days} days"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


NAME_WIDTH = 20
"""Room for a group's name: the app's own channels whole ("recruiter came to me"), and
a row too small to judge still within 80 columns."""


def what_works_text(grouped: Mapping[Dimension, list[Group]]) -> Text | None:
    """Each channel, résumé, cover letter and tag with the counts behind its shares, and
    the lever the counts can name; None until something has been sent with one."""
    parts = [(by, found) for by, found in grouped.items() if found]
    if not parts:
        return None
    text = heading(
        "What works", f"answered and interviewed, of those sent (groups of {MIN_GROUP}+)"
    )
    width = min(
        NAME_WIDTH,
        max(cell_len(printable(g.name)) for _, found in parts for g in found[:WORKS_ROWS]),
    )
    named = False
    for by, found in parts:
        text.append(f"\nBy {by.label}\n", style="bold")
        for group in found[:WORKS_ROWS]:
            name = Text(printable(group.name))
            name.truncate(width, overflow="ellipsis", pad=True)  # by cells: a CJK name too
            text.append("  ").append_text(name).append(" ")
            text.append(f"{group.answered:>2} of {group.sent:<2} answered  ")
            text.append(f"{group.interviewed:>2} interviewed")
            share = f"  {group.answer_rate:>4.0%}" if group.enough else "  too early to tell"
            text.append(share, style="dim")
            text.append("\n")
        if (found_lever := lever(found)) is not None:
            named = True
            text.append(f"{printable(found_lever.sentence(by))}.\n", style="bold")
    if not named:
        text.append("\nNo group stands out yet beyond what chance could explain.", style="italic")
    return text


def offers_text(applications: Sequence[Application]) -> Text | None:
    """Each offer whose pay was noted, against the pay on its card (in the same currency
    only: a pay naming none is in the main one); None if none was."""
    lines = []
    main = main_currency(pay_of(a) for a in applications)
    for a in applications:
        if a.offer_decision is None or (offered := parse_pay(a.offer_decision.pay)) is None:
            continue
        line = Text(f"  {printable(a.company)}: {offered} offered", no_wrap=True)
        asked = pay_of(a)
        where = against(offered, asked, main) if asked else None
        if asked is None:
            line.append(", no salary on the card to compare with", style="dim")
        elif where is None:
            line.append(f", against {asked} (another currency)", style="dim")
        else:
            line.append(f", {where} the {asked} you went for")
        lines.append(line)
    if not lines:
        return None
    text = heading("Offers against what you asked for")
    return text.append("\n").append(Text("\n").join(lines))
