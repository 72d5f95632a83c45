"""Posts written as lines, not paragraphs: Blogger's editor (and older WordPress themes) put
the whole body in one box, one garment a line ending in <br>. Every rule that reads a
garment from "the paragraph or list item holding its links" then sees one block for the
whole post; `wrap_lines` turns such lines into the paragraphs they stand for.

A paragraph here ends after a line that holds a link or is a lead line (ending in a colon, or
wholly bold), at a blank line (<br><br>) and at a block element, so "Dress by X<br><a>Exact</a>"
stays one garment and an intro line is not merged into the first garment after a blank line.
"""

from __future__ import annotations

from lxml import etree

#: Children that are blocks of their own: they end a line and are left where they are.
_BLOCK_TAGS = frozenset({
    "p", "div", "ul", "ol", "dl", "table", "figure", "blockquote", "hr", "pre", "section", "article",
    "header", "footer", "nav", "aside", "form", "iframe", "video", "audio", "center", "address", "details",
    "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "noscript", "template"})
#: Boxes whose lines may be garments (a paragraph's or list item's lines are already one block).
_BOXES = frozenset({"div", "td", "th", "blockquote", "section", "article", "dd", "main", "body"})
_MIN_BREAKS = 2


def wrap_lines(root) -> None:
    """Regroup, in place, the <br>-separated lines sitting directly in `root` or a box under it
    into <p> elements, where those lines hold links."""
    for box in [root, *root.iterdescendants(*_BOXES)]:
        if _written_as_lines(box):
            _wrap(box)


def _written_as_lines(box) -> bool:
    children = list(box)
    if sum(1 for child in children if child.tag == "br") < _MIN_BREAKS:
        return False
    return any(_is_inline(child) and (child.tag == "a" or next(child.iter("a"), None) is not None)
               for child in children)


def _is_inline(node) -> bool:
    return not isinstance(node.tag, str) or node.tag not in _BLOCK_TAGS


def _wrap(box) -> None:
    items: list = [box.text] if box.text else []  # strings and elements, in document order
    for child in box:
        items.append(child)
        if child.tail:
            items.append(child.tail)
            child.tail = None
    box.text = None
    for child in list(box):
        box.remove(child)

    run: list = []  # the paragraph being gathered
    line: list = []  # its current line

    def end_line(*, blank_ends: bool) -> None:
        nonlocal line
        if _has_words(line):
            if run:
                run.append(etree.Element("br"))
            run.extend(line)
            if any(_holds_link(node) for node in line) or _ends_with_colon(line) or _wholly_bold(line):
                _flush(box, run)  # a garment's line, or a lead line ("Blair at the White Party:", "<b>ARIA</b>")
        elif blank_ends:
            _flush(box, run)
        line = []

    for node in items:
        if isinstance(node, str) or _is_inline(node) and node.tag != "br":
            line.append(node)
        elif node.tag == "br":
            end_line(blank_ends=True)
        else:  # a block of its own ends the line and the paragraph
            end_line(blank_ends=True)
            _flush(box, run)
            box.append(node)
    end_line(blank_ends=True)
    _flush(box, run)


def _has_words(line: list) -> bool:
    return any(node.strip() if isinstance(node, str) else isinstance(node.tag, str) for node in line)


def _ends_with_colon(line: list) -> bool:
    # a comment is no word of the line
    last = next((node for node in reversed(line)
                 if (node.strip() if isinstance(node, str) else isinstance(node.tag, str))), None)
    if last is None:
        return False
    words = last if isinstance(last, str) else "".join(last.itertext())
    return words.rstrip().endswith((":", "："))


def _wholly_bold(line: list) -> bool:
    """A line that is one bold element (in a styling span, perhaps): a section's name."""
    nodes = [node for node in line if not isinstance(node, str) or node.strip()]
    if len(nodes) != 1 or isinstance(nodes[0], str) or not isinstance(nodes[0].tag, str):
        return False
    el = nodes[0]
    bold = el if el.tag in ("b", "strong") else next(el.iter("b", "strong"), None)
    return bold is not None and "".join(bold.itertext()).strip() == "".join(el.itertext()).strip() != ""


def _holds_link(node) -> bool:
    return not isinstance(node, str) and isinstance(node.tag, str) and (
        node.tag == "a" or next(node.iter("a"), None) is not None)


def _flush(box, run: list) -> None:
    if not run:
        return
    p = etree.SubElement(box, "p")
    for node in run:
        if isinstance(node, str):
            if len(p):
                p[-1].tail = (p[-1].tail or "") + node
            else:
                p.text = (p.text or "") + node
        else:
            p.append(node)
    run.clear()
