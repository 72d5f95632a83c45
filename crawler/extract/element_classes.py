"""Element classes for lxml.html trees without a Python call per element.

lxml.html parsers pick each element's class (HtmlElement, FormElement, ...)
with ``HtmlElementClassLookup``, a *Python* callback that lxml calls every time
it creates the Python object for an element -- for every element a tree walk
touches.  That callback is most of the cost of walking a tree (on a large
page, more than all the scan's own tests).  ``c_lookup()`` builds the same
mapping out of lxml's C-level lookups, so the classes are identical.

``fast_classes(root)`` lets one extraction use it on a tree parsed by a plain
``lxml.html.HTMLParser`` (Scrapy's/parsel's, ``lxml.html.document_fromstring``):
it sets the C-level lookup on the tree's parser and, on the way out, gives the
parser back a fresh ``HtmlElementClassLookup`` -- the one ``HTMLParser`` sets up
itself.  Parsers of any other class (custom lookups) are left alone.
"""
from __future__ import annotations

from contextlib import contextmanager

import lxml.html
from lxml import etree


def c_lookup() -> etree.ElementNamespaceClassLookup:
    """C-level equivalent of ``lxml.html.HtmlElementClassLookup()``."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    # Tag-specific classes (form, input, select, textarea, label); HTML tag names
    # are lower-case already, which is all the Python lookup's .lower() is for.
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    return lookup


_C_LOOKUP = c_lookup()


@contextmanager
def fast_classes(root):
    parser = root.getroottree().parser
    if type(parser) is not lxml.html.HTMLParser or type(root) is not lxml.html.HtmlElement:
        yield
        return
    parser.set_element_class_lookup(_C_LOOKUP)
    try:
        yield
    finally:
        parser.set_element_class_lookup(lxml.html.HtmlElementClassLookup())
