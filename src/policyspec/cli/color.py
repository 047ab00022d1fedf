"""Colour on a terminal, and only there: severities, codes and paths, never the rest.

``--color always|never`` decides when given. Otherwise (``auto``) colour needs a terminal that is
not ``TERM=dumb``; ``NO_COLOR`` (https://no-color.org) set to anything turns it off and
``FORCE_COLOR`` set to anything turns it on, NO_COLOR first. Machine formats (JSON, SARIF, CSV)
never get colour whatever is asked: they are not for eyes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TextIO

__all__ = ["PLAIN", "Paint", "paint_for"]

_RESET = "\x1b[0m"
_STYLES = {"path": "\x1b[1m", "error": "\x1b[1;31m", "warning": "\x1b[1;33m"}


@dataclass(frozen=True)
class Paint:
    """Wraps the parts of a diagnostic that carry colour; does nothing when ``enabled`` is False."""

    enabled: bool = False

    def _wrap(self, style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.enabled else text

    def path(self, text: str) -> str:
        return self._wrap("path", text)

    def severity(self, text: str, severity: str) -> str:
        """A code or a severity word, red for an error and yellow for a warning."""
        return self._wrap("error" if severity == "error" else "warning", text)


PLAIN = Paint(False)


def wants_color(choice: str, stream: TextIO | None) -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if stream is None or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # a closed or unusual stream
        return False


def paint_for(choice: str | None, stream: TextIO | None) -> Paint:
    """The paint for output to ``stream`` under ``--color choice`` and the environment."""
    return Paint(wants_color(choice or "auto", stream))
