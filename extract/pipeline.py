"""One article -> its candidate records with evidence."""

from __future__ import annotations

from .types import Article, ArticleRecords


def extract_article(article: Article) -> ArticleRecords:
    """Return every actor and candidate record found in one article."""
    return ArticleRecords(article=article)
