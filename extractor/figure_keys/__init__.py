"""What each percentage and count measures: subject, period and place (the id_figure_keys component)."""

from __future__ import annotations

from schemas import figure_fields

# what the component reads from doc._.records besides the figures it completes: the date items
# (periods) and the officials (never a place); it runs after the components that fill them
DATES = "dates"
OFFICIALS = "officials"
READS_ALSO: tuple[str, ...] = (DATES, OFFICIALS)


def reads() -> tuple[str, ...]:
    """Every field the component reads: the figures (fields whose items carry the figure keys)
    and READS_ALSO."""
    return (*READS_ALSO, *figure_fields())
