"""Pull the article text and metadata out of an HTML page, mapping every character to raw offsets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROPPED = {
    "script", "style", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
    "noscript", "iframe", "svg", "template", "button", "select", "textarea",
}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "section", "article",
    "main", "blockquote", "tr", "td", "th", "table", "dl", "dt", "dd", "pre", "hr", "body",
    "title", "head", "html",
} | _DROPPED
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
_CONTAINERS = {"article", "main"}
_REF = re.compile(r"&#?[0-9A-Za-z]+;?")


@dataclass
class TextBlock:
    """A block of visible text: clean `text`, and for each char its raw [start, end)."""

    text: str
    starts: list[int]
    ends: list[int]
    in_container: bool


@dataclass
class HtmlPage:
    """What the parser found: text blocks and metadata."""

    blocks: list[TextBlock] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    h1: str | None = None
    time_datetime: str | None = None
    canonical: str | None = None


class _Extractor(HTMLParser):
    """Collect visible text per block, skipping boilerplate elements, with raw positions."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"]
        self.page = HtmlPage()
        self.chars: list[tuple[str, int, int]] = []
        self.dropping: list[str] = []
        self.containers = 0
        self.capture: str | None = None  # "title" or "h1" while inside one
        self.captured: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _flush(self) -> None:
        block = _collapse(self.chars, self.containers > 0)
        if block.text:
            self.page.blocks.append(block)
        self.chars = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        self._metadata(tag, values)
        if tag in _BLOCKS:
            self._flush()
        if tag in _DROPPED and tag not in _VOID:
            self.dropping.append(tag)
        elif tag in _CONTAINERS:
            self.containers += 1
        if tag in ("title", "h1") and self.capture is None:
            self.capture, self.captured = tag, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._metadata(tag, {k.lower(): v or "" for k, v in attrs})
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in self.dropping:
            while self.dropping and self.dropping.pop() != tag:
                pass
        elif tag in _CONTAINERS and self.containers:
            self.containers -= 1
        if tag == self.capture:
            text = " ".join("".join(self.captured).split())
            if tag == "title" and self.page.title is None:
                self.page.title = text or None
            elif tag == "h1" and self.page.h1 is None:
                self.page.h1 = text or None
            self.capture = None

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key and "content" in attrs:
                self.page.meta.setdefault(key, attrs["content"])
        elif tag == "time" and attrs.get("datetime") and self.page.time_datetime is None:
            self.page.time_datetime = attrs["datetime"]
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.page.canonical = attrs.get("href") or None

    def _add(self, text: str, spans: list[tuple[int, int]]) -> None:
        if self.capture and (not self.dropping or self.capture == "h1"):
            self.captured.append(text)
        if self.dropping or self.capture == "title":
            return
        self.chars.extend((ch, start, end) for ch, (start, end) in zip(text, spans))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if self.raw.startswith(data, start):
            self._add(data, [(start + k, start + k + 1) for k in range(len(data))])
        else:  # the parser normalised the text: map all of it onto the raw text from its start
            end = min(len(self.raw), start + len(data))
            self._add(data, [(start, end)] * len(data))

    def _reference(self) -> None:
        start = self._offset()
        match = _REF.match(self.raw, start)
        end = match.end() if match else start + 1
        text = html.unescape(self.raw[start:end])
        self._add(text, [(start, end)] * len(text))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def _collapse(chars: list[tuple[str, int, int]], in_container: bool) -> TextBlock:
    """Collapse whitespace runs to one space and trim, keeping each char's raw span."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for ch, start, end in chars:
        if ch.isspace():
            if not text or text[-1] == " ":
                continue
            ch = " "
        text.append(ch)
        starts.append(start)
        ends.append(end)
    while text and text[-1] == " ":
        text.pop(), starts.pop(), ends.pop()
    return TextBlock("".join(text), starts, ends, in_container)


def parse_html(raw: str) -> HtmlPage:
    """Return the visible text blocks and metadata of the HTML document `raw`."""
    parser = _Extractor(raw)
    parser.feed(raw)
    parser.close()
    parser._flush()
    return parser.page


def body_blocks(page: HtmlPage) -> list[TextBlock]:
    """Return the blocks of the article body: those inside <article>/<main> when there are any."""
    inside = [block for block in page.blocks if block.in_container]
    return inside or page.blocks
