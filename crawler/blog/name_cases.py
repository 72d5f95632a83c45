"""Names a post writes in the genitive, as Polish does, back to the name itself.

"Stylizacja Natalii", "stylizacje Natalii i Moniki", "Sukienka Moniki": a Polish post names whose look or
garment it is with the name in the genitive, and the nominative ("Natalia", "Monika") may appear nowhere.
Women's names end in -a and take -i / -y (-ii after i: "Natalia" -> "Natalii", "Kasia" -> "Kasi", "Zuza" ->
"Zuzy", "Monika" -> "Moniki"); men's names take -a ("Jan" -> "Jana", "Tomek" -> "Tomka"), which is
read only where the post writes the name itself too.
"""
from __future__ import annotations

import re

from street2shop.crawler.blog.vocabulary import garment_word

_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{2,}"
# "Stylizacja Zuzy", "stylizacje Natalii i Moniki", "Look Ingi", "outfity Kasi"
_LOOKS_OF = re.compile(rf"(?<![^\W\d_])(?i:stylizacj[aei]|stylówk[aiy]|looki?|outfit(?:y|u)?|ubrania|ciuchy)\s+"
                       rf"(?P<who>{_NAME}(?:(?:\s*,\s*|\s+(?:i|oraz)\s+){_NAME})*)")
_GARMENT_OF = re.compile(rf"(?<![^\W\d_])(?P<what>[^\W\d_]+)\s+(?P<who>{_NAME})(?![^\W\d_])")
_EACH = re.compile(r"\s*,\s*|\s+(?:i|oraz)\s+")


def looks_of(words: str, known: str) -> list[str]:
    """The names of "Stylizacje Natalii i Moniki": the look's owners, their genitive undone (`known`:
    the post's text, where a man's name must also appear as itself)."""
    out: list[str] = []
    for m in _LOOKS_OF.finditer(words):
        for gen in _EACH.split(m.group("who")):
            name = nominative(gen, known)
            if name and name not in out:
                out.append(name)
    return out


def garment_owners(words: str, known: str) -> list[str]:
    """The names after a garment's word in the genitive ("Sukienka Moniki", "płaszcz Zuzy"), where the post
    also writes the name itself: not a maker after its garment ("sukienka Mohito")."""
    out: list[str] = []
    for m in _GARMENT_OF.finditer(words):
        if not garment_word(m.group("what").casefold()):
            continue
        name = nominative(m.group("who"), known, written=True)
        if name and name not in out:
            out.append(name)
    return out


def nominative(gen: str, known: str, written: bool = False) -> str | None:
    """The name whose genitive `gen` is, or None: the form `known` writes, else (unless `written` is asked
    for) a woman's name by the rule."""
    if gen.endswith(("ii", "ki", "gi", "y")):
        forms = [gen[:-1] + "a"]  # Natalii, Moniki, Ingi, Zuzy
    elif gen.endswith("i"):
        forms = [gen[:-1] + "ia", gen[:-1] + "a"]  # Kasi -> Kasia, Oli -> Ola
    elif gen.endswith("a"):
        forms, written = [gen[:-1], gen[:-2] + "ek" if gen.endswith("ka") else None], True  # Jana, Tomka
    else:
        return None
    for form in filter(None, forms):
        if re.search(rf"(?<![^\W\d_]){re.escape(form)}(?![^\W\d_])", known):
            return form
    return None if written else forms[0]
