"""One article -> its candidate records with evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from .context import annotate
from .events import find_meetings, find_visits
from .statements import find_statements
from .types import Article, ArticleRecords


def extract_article(article: Article) -> ArticleRecords:
    """Return every actor and candidate record found in one article."""
    ctx = annotate(article)
    visits = find_visits(ctx)
    meetings = find_meetings(ctx, visits)
    statements = find_statements(ctx, meetings)
    return ArticleRecords(article=article, actors=ctx.actors,
                          actor_mentions=[m for a in ctx.sentences for m in a.actors],
                          visits=visits, meetings=meetings, statements=statements)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def records_json(records: ArticleRecords) -> dict[str, Any]:
    """Return an article's records as plain JSON data (article metadata, no article text)."""
    article = records.article
    meta = {f.name: getattr(article, f.name) for f in fields(article) if f.name not in ("raw", "sentences")}
    return _plain({
        "article": meta,
        "actors": [asdict(a) for a in records.actors.values()],
        "visits": [asdict(v) for v in records.visits],
        "meetings": [asdict(m) for m in records.meetings],
        "statements": [asdict(s) for s in records.statements],
    })
