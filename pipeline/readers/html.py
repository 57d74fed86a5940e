"""Web pages and HTML fragments: entities decoded, scripts and templates dropped; for a
whole page, the article is taken with readability (readability-lxml) and the portal's
menus, link lists and footers are left out; tables keep their colspan/rowspan merges."""
from __future__ import annotations

import html as html_entities
import json

import lxml.html
import regex
from lxml import etree

from schemas.document import Document, DocumentBuilder, doc_id_for
from schemas.text import classify_heading, normalise
from . import ReadError, portal
from .txt import check_text, decode

_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button", "select", "input",
         "nav", "header", "footer", "aside", "figcaption", "head", "object", "embed", "canvas", "map")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "section",
           "article", "main", "table", "ul", "ol", "td", "th", "tr", "center", "address"}
_CHARSET = regex.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", regex.I)
_MAX_LINK_DENSITY = 0.5
_ENTITY = regex.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
# libxml2 stops at 256 levels of nesting and drops the rest of the page without this
_PARSER = lxml.html.HTMLParser(huge_tree=True)
# libxml2 stops at an attribute value over 10 MB (an inline image, say) and silently drops
# the rest of the page: such values, never visible text, are emptied before parsing.
_HUGE_ATTRIBUTE = regex.compile(r"""(=\s*)(["'])[^"'<>]{65536,}+\2""")


def read(data: bytes, source: str) -> Document:
    text = _without_front_matter(normalise(_HUGE_ATTRIBUTE.sub(r"\1\2\2", _decode(data))))
    check_text(text)
    try:
        if regex.search(r"<(?:html|body)[\s>]", text[:5000], regex.I):
            root = lxml.html.document_fromstring(text, parser=_PARSER)
        else:  # a fragment: "<p>…</p>" or bare text with a few tags
            root = lxml.html.fragment_fromstring(text, create_parent="div", parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not readable HTML: {exc}") from None
    title = root.findtext(".//title")
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    etree.strip_elements(root, etree.Comment, with_tail=False)
    article = _article(root, text)
    blocks = _Blocks()
    # the page's <title> stands in for a headline only where the article has none
    if title and title.strip() and title.strip() not in article.text_content() \
            and next(article.iter("h1", "h2"), None) is None:
        blocks.add(" ".join(title.split()), (None, None))
    _walk(article, blocks, _holding_blocks(article))
    if not blocks.blocks:
        raise ReadError("empty HTML: no visible text")
    builder = DocumentBuilder()
    for kind, content, extra in _without_wrapper(blocks.blocks):
        if kind == "table":
            builder.table(content)
        else:
            builder.add(content, extra)
    if not builder.blocks:
        raise ReadError("empty HTML: no visible text")
    return builder.build(doc_id=doc_id_for(data), source=source, format="html")


class _Blocks:
    """The page's blocks in reading order, held back until the wrapper is taken off."""

    def __init__(self) -> None:
        self.blocks: list[tuple] = []

    def add(self, text: str, heading=None) -> None:
        self.blocks.append(("text", text, heading))

    def table(self, grid: list[list[str]]) -> None:
        self.blocks.append(("table", grid, None))


def _without_wrapper(blocks: list[tuple]) -> list[tuple]:
    """The portal's wrapper lines (portal_boilerplate.tsv) dropped, and from a news list's
    heading in the second half of the page on, the list of short links it heads."""
    kept: list[tuple] = []
    for k, (kind, content, extra) in enumerate(blocks):
        if kind == "text":
            first = content.split("\n", 1)[0]
            if portal.matches("line", first):
                continue
            if (portal.matches("tail_start", first) or portal.matches("news_list", first)) and k >= len(blocks) // 2:
                rest = [b[1] for b in blocks[k + 1:] if b[0] == "text"]
                if sum(len(r) for r in rest) <= 80 * max(len(rest), 1):
                    break
            content = portal.clean_inline(content).strip()
            if not content:
                continue
        kept.append((kind, content, extra))
    return kept


def _without_front_matter(text: str) -> str:
    """A page saved with its crawl record in front (a JSON object or a `---` YAML block before
    the first tag): the record is not the page's text."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            _, end = json.JSONDecoder().raw_decode(stripped)
        except ValueError:
            return text
        rest = stripped[end:].lstrip()
        return rest if rest.startswith("<") else text
    if stripped.startswith("---\n"):
        end = stripped.find("\n---", 3)
        if end > 0:
            rest = stripped[stripped.find("\n", end + 1) + 1:].lstrip() if "\n" in stripped[end + 1:] else ""
            return rest if rest.startswith("<") else text
    return text


def _decode(data: bytes) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)[0]


_CHROME = regex.compile(r"(?i)menu|nav|sidebar|footer|header|breadcrumb|related|comment|share|social|banner|widget|tags")


def _article(root, html: str):
    """The main content of a whole page; a fragment, or a page that is only an article, is
    its own content. Readability runs only where there is chrome to strip, and its pick is
    kept only when it holds most of the page's paragraph text."""
    body = root.find(".//body")
    if body is None:
        return root
    if not _has_chrome(body):
        return body
    from readability import Document as Readable

    try:
        summary = Readable(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        article = lxml.html.fromstring(summary)
    except Exception:  # readability gives up on odd pages: keep the whole body
        return body
    kept = len(" ".join(article.text_content().split()))
    prose = sum(len(" ".join(p.text_content().split())) for p in body.iter("p"))
    return article if kept > 200 and kept >= 0.6 * prose else body


def _has_chrome(body) -> bool:
    """Menus, link lists, sidebars: what a portal page has around its article."""
    for el in body.iter():
        if isinstance(el.tag, str) and _CHROME.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
    text = len(" ".join(body.text_content().split()))
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    return text > 0 and linked > 0.25 * text


def _holding_blocks(root) -> set:
    """The elements with a block element somewhere inside, found in one pass (children
    before parents) so that walking a deeply nested page stays linear."""
    holding: set = set()
    for el in reversed(list(root.iter())):
        for child in el:
            if isinstance(child.tag, str) and (child.tag.lower() in _BLOCKS or child in holding):
                holding.add(el)
                break
    return holding


def _walk(el, builder: DocumentBuilder, holding: set) -> None:
    """Blocks in reading order; an explicit stack, so a page nested thousands deep is read."""
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "table":
            grid = _grid(child)
            if grid:
                builder.table(grid)
            continue
        if child in holding:
            lead = _text(child, only_own=True)
            if lead:
                builder.add(lead, classify_heading(lead))
            stack.append(iter(child))
            continue
        if tag in _BLOCKS or tag.startswith("h") and tag[1:].isdigit():
            text = _text(child)
            if text and _link_density(child, text) <= _MAX_LINK_DENSITY:
                heading = classify_heading(text)
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and heading is None:
                    heading = (None, None)
                builder.add(text, heading)
            continue
    own = _text(el, only_own=True) if el.getparent() is None or el.tag == "body" else ""
    if own and not builder.blocks:  # text straight in the fragment, outside any block
        builder.add(own, classify_heading(own))


def _text(el, only_own: bool = False) -> str:
    if only_own:
        parts = [el.text or ""] + [c.tail or "" for c in el]
    else:
        for br in el.iter("br"):
            br.tail = "\n" + (br.tail or "")
        parts = [el.text_content()]
    joined = "".join(parts)
    if "&" in joined and _ENTITY.search(joined):  # entities encoded twice ("&amp;ocirc;") show as "&ocirc;"
        joined = html_entities.unescape(joined)
    lines = [" ".join(line.split()) for line in normalise(joined).split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _link_density(el, text: str) -> float:
    linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return linked / max(len(text), 1)


def _grid(table) -> list[list[str]]:
    """Rows of cells with colspan repeated across and rowspan repeated down."""
    grid: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # (row, col) filled by a rowspan from above
    for r, tr in enumerate(table.iter("tr")):
        row: list[str] = []
        col = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = " ".join(_text(cell).split())
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            for c in range(span):
                row.append(text)
                for d in range(1, down):
                    pending[(r + d, col + c)] = text
            col += span
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        if any(c for c in row):
            grid.append(row)
    return grid


def _int(value) -> int:
    try:
        return max(1, min(int(value), 100))
    except (TypeError, ValueError):
        return 1
