"""High-level diplomatic engagements extracted from news, as a Frictionless data package.

    import diplomatic_events as de
    visits = de.load("visits")            # pandas DataFrame
    de.load("actors", as_="records")      # validated Pydantic objects
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "history", "load", "package", "tables"]

if TYPE_CHECKING:
    from .dataset.load import load, package


def tables() -> list[str]:
    """Return the names of the published tables."""
    from .schema import TABLES

    return list(TABLES)


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import diplomatic_events` stays instant.
    if name in ("load", "package"):
        from .dataset import load as loader

        return getattr(loader, name)
    if name == "history":
        from .dataset.history import history

        return history
    raise AttributeError(f"module 'diplomatic_events' has no attribute {name!r}")
