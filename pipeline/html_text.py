"""An HTML page's article: main text, headline and publication date, without page furniture.

- main text: trafilatura with its precision settings (a furniture line is worse than a lost
  sentence here: every number in it becomes a metric), after tables used for page layout are
  unwrapped into blocks (`unwrap_layout_tables`); comments never; data tables kept;
- else the text of <body> without script/style/nav/header/footer/aside (`body_text`);
- else, for pages nested deeper than lxml can parse (thousands of levels), the text with its
  tags stripped in one linear pass (`stripped_text`), noted in the record's `error`;
- title: trafilatura's metadata (the headline, without " - Site name"), else og:title, <title>,
  <h1>; it becomes the text's first line, as in scraped .txt articles;
- published: the markup's own date (htmldate, no guessing from the text), else trafilatura's.
Nothing here touches the network (tests/test_html_pages.py checks it with a socket guard).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

HTML_MARKUP = re.compile(r"</?(?:p|div|br|span|html|body|article|h[1-6]|ul|li|table|a)\b[^>]*>", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_html(html: str):
    import lxml.html

    # huge_tree: libxml2's default depth limit (256) drops the text of deeper pages
    parser = lxml.html.HTMLParser(huge_tree=True)
    return lxml.html.fromstring(XML_DECLARATION.sub("", html) or "<html></html>", parser=parser)


LAYOUT_CELL_CONTENT = "./*[self::td or self::th]//*[self::p or self::div or self::h1 or self::h2 or self::h3 or self::ul or self::table]"


def unwrap_layout_tables(tree) -> bool:
    """Turn tables used for page layout (their cells hold paragraphs, headings, lists or other
    tables: old portals put the menu, the article and the visitor counter in three cells) into
    plain blocks, so that trafilatura judges each cell on its own instead of keeping or dropping
    the whole page as one "table". So are one-column tables (the boxes of a portal's side
    column: "Thống kê truy cập" over its counters). Data tables (rows of several cells of short
    text) are kept as tables. True when something was unwrapped."""
    changed = False
    for table in tree.xpath("//table"):
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        one_column = all(len(row.xpath("./td | ./th")) <= 1 for row in rows)
        if not one_column and not any(row.xpath(LAYOUT_CELL_CONTENT) for row in rows):
            continue
        for row in rows:
            for cell in row.xpath("./td | ./th"):
                cell.tag = "div"
            row.tag = "div"
        for part in table.xpath("./thead | ./tbody | ./tfoot"):
            part.tag = "div"
        table.tag = "div"
        changed = True
    return changed


def first_text(tree, xpaths: Iterable[str]) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def html_title(tree) -> str | None:
    return first_text(tree, ('//meta[@property="og:title"]/@content', "//title//text()", "//h1//text()"))


# page furniture; an <article>'s own <header> holds its headline and dateline, so it stays
FURNITURE_XPATH = ("//nav", "//aside", "//footer[not(ancestor::article)]", "//header[not(ancestor::article)]")
BOILERPLATE_XPATH = "|".join(FURNITURE_XPATH + ("//script", "//style", "//noscript", "//template", "//form"))
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre section article figure figcaption dd dt".split())


def body_text(tree) -> str:
    """Text of <body> (or the whole tree) without page furniture, one block per line."""
    from lxml import etree

    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    for el in root.xpath(BOILERPLATE_XPATH):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        is_element = isinstance(el.tag, str)
        block = is_element and el.tag.lower() in BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if is_element and el.text:
                parts.append(el.text)
        else:
            if block:
                parts.append("\n")
            if el is not root and el.tail:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n\n".join(line for line in lines if line)


def html_published(html: str, url: str | None) -> str | None:
    """The page's own publication date from its markup (meta tags, <time>, URL)."""
    try:
        from htmldate import find_date

        return find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # a date is a bonus; a broken page must still give its text
        return None


TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>|<!--.*?-->|<![^>]*>", re.S)
INVISIBLE_BLOCK = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def stripped_text(html: str) -> str:
    """The page's text by removing tags in one linear pass: for pages lxml cannot parse (nested
    thousands of levels deep). Block tags become line breaks; furniture cannot be told apart."""
    import html as html_lib

    def tag(m: re.Match) -> str:
        return "\n" if m.group(2) and m.group(2).lower() in BLOCK_TAGS else ""

    text = html_lib.unescape(TAG.sub(tag, INVISIBLE_BLOCK.sub("", html)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


@dataclass(frozen=True)
class MainText:
    text: str
    title: str | None = None  # trafilatura's metadata: the headline, without the site name
    date: str | None = None
    note: str | None = None  # how the text was found, when not the usual way


def main_text(html: str) -> MainText:
    """trafilatura's main text (precision settings: page furniture is worse than a lost
    sentence, since every number in it becomes a metric) with its title and date, else the
    body text, else the text with tags stripped (pages too deep to parse)."""
    page = None
    try:
        import trafilatura

        tree = parse_html(html)
        unwrap_layout_tables(tree)
        page = trafilatura.bare_extraction(tree, favor_precision=True, include_comments=False, include_tables=True,
                                           with_metadata=True, prune_xpath=list(FURNITURE_XPATH),
                                           # its default searches the text and guesses "1 January" from "năm 2023"
                                           date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:
        page = None
    title = getattr(page, "title", None) or None
    date = getattr(page, "date", None) or None
    text = getattr(page, "text", None) or ""
    if text.strip():  # one paragraph per line; blank lines between, as in scraped .txt
        return MainText("\n\n".join(line.strip() for line in text.splitlines() if line.strip()), title, date)
    try:
        text = body_text(parse_html(html))
    except Exception:
        text = ""
    if text:
        return MainText(text, title, date)
    text = stripped_text(html)
    note = "HTML too deeply nested to parse: text taken by stripping tags (page furniture may remain)"
    return MainText(text, title, date, note if text else None)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    note: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Main text of a page, with its title as the first line (as in scraped .txt articles).
    The title is trafilatura's (the headline: og:title, <h1>, <title> without " - Site name"),
    else the page's first og:title / <title> / <h1>; the date is the markup's (htmldate, no
    guessing from the text), else trafilatura's."""
    found = main_text(html)
    title = found.title
    try:
        tree = parse_html(html)
    except Exception:
        tree = None
    if not title and tree is not None:
        title = html_title(tree)
    text = nfc(found.text)
    title = nfc(title) if title else None
    if title and tree is not None and is_site_name(title, tree, text):
        title = None  # the cleaning stage takes the headline from the text's first lines
    if text and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = (html_published(html, url) or found.date) if text else None
    return HtmlArticle(text=text, title=title, published=published, note=found.note)


def is_site_name(title: str, tree, text: str) -> bool:
    """A "title" that names the site, not the article: old portals put only the site name in
    <title> ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN") and the headline in a styled <span>. Known
    when it is the page's og:site_name, or when it is written in capitals and neither a line of
    the text nor an <h1> is it (a headline in capitals is one of those)."""
    site = first_text(tree, ('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content'))
    if site and site.casefold() == title.casefold():
        return True
    headlines = {line.strip().casefold() for line in text.splitlines()}
    headlines |= {" ".join(h.text_content().split()).casefold() for h in tree.xpath("//h1")}
    return title == title.upper() and title.casefold() not in headlines


def looks_like_html(text: str) -> bool:
    return len(HTML_MARKUP.findall(text[:5000])) >= 2
