"""The words that label a date ("Published", "Actualizado el", "Veröffentlicht am", "公開日"), in the
languages read: one table, from which each reader builds the pattern it needs (a typed line's
label, a pasted page's dated line, the end of a name in a byline, a page's dateline).

Words are lower case (patterns are case-insensitive) and spelled as pages spell them; a phrase
keeps its space ("mis à jour"), and longer spellings are tried first ("last updated" before
"updated", "公開日" before "公開").
"""

from __future__ import annotations

import re
from functools import cache

PUBLISHED = (
    "publication date",
    "publish date",
    "published",
    "posted",
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "veröffentlicht",
    "publiziert",
    "erschienen",
    "geschrieben am",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "publicerad",
    "publisert",
    "publiceret",
    "udgivet",
    "offentliggjort",
    "opublikowano",
    "yayınlanma",
    "yayınlandı",
    "giriş",  # Turkish sites' "Giriş: 30.04.2024" (entered)
    "julkaistu",
    "publikováno",
    "diterbitkan",
    "опубликовано",
    "公開日",
    "公開",
    "配信日",
    "配信",
    "掲載日",
    "掲載",
    "投稿日",
    "投稿",
    "发布",
    "發布",
)
UPDATED = (
    "last updated",
    "last update",
    "lastupdate",
    "last modified",
    "updated",
    "update",
    "modified",
    "actualizado",
    "actualizada",
    "modifié",
    "mis à jour",
    "aktualisiert",
    "aggiornato",
    "aggiornata",
    "atualizado",
    "uppdaterad",
    "oppdatert",
    "opdateret",
    "bijgewerkt",
    "son güncelleme",
    "güncelleme",
    "güncellendi",
    "zaktualizowano",
    "aktualizacja",
    "päivitetty",
    "aktualizováno",
    "обновлено",
    "最終更新日",
    "最終更新",
    "更新日",
    "更新",
)
# A time ago, as pages write it in place of a date ("15 hours ago", "3 ore fa", "2 uur geleden",
# "hace 3 horas", "il y a 2 jours", "vor 2 Stunden", "3時間前"): a regex, case-insensitive.
TIME_AGO = (
    r"\b\d{1,3}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b\d{1,3}\s*(?:secondi|minuti|ore|giorni|settimane|mesi|anni)\s+fa\b"
    r"|\b\d{1,3}\s*(?:minuten|uur|dagen|weken|maanden|jaar)\s+geleden\b"
    r"|\b(?:hace|há|il y a|vor)\s+\d{1,3}\s*(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|años?|anos?|secondes?|minutes?|"
    r"heures?|jours?|semaines?|mois|ans?|sekunden|minuten|stunden|tagen?|wochen|monaten|jahren)\b"
    r"|\d{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前"
)
# The word between a label and its date: "Published on", "Publié le", "Publicado el", "Pubblicato
# il", "Veröffentlicht am", "Publicado em", "Gepubliceerd op", "Publicerad den".
GLUE = ("on", "am", "um", "le", "el", "il", "em", "op", "den", "de", "o", "à", "a")


@cache  # (each reader asks for the same few tables)
def alternation(words: tuple[str, ...]) -> str:
    """A regex that matches any of `words` (the longest where several match), each as a whole word
    where it starts and ends with a letter of a script that separates words ("updated", not the
    "update" in "updates"; 更新 inside a Japanese phrase too).

    Written as a tree of shared beginnings ("p(?:ubli(?:shed|é)|osted)"): the regex engine tries an
    alternative at each character of the text, so seventy words side by side cost seventy tests
    where the tree costs a few."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word.lower():
            node = node.setdefault(letter, {})
        node[""] = r"\b" if _spaced(word[-1]) else ""  # where a word ends: the boundary after it
    # One boundary in front of all the words of spaced scripts: it fails inside a word, where most
    # of a text's characters are, before any word is tried.
    spaced = _alternatives({letter: child for letter, child in tree.items() if _spaced(letter)})
    unspaced = _alternatives({letter: child for letter, child in tree.items() if not _spaced(letter)})
    branches = ([r"\b" + spaced] if spaced else []) + ([unspaced] if unspaced else [])
    return f"(?:{'|'.join(branches)})"


def _alternatives(node: dict) -> str:
    branches = [
        (letter if letter.isalnum() else re.escape(letter)) + _alternatives(child) for letter, child in sorted(node.items()) if letter
    ]
    if not branches and "" not in node:
        return ""
    if "" in node:
        branches.append(node[""])  # after the longer words that go on from here
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _spaced(letter: str) -> bool:
    """A letter of a script that puts spaces between words (Latin, Greek, Cyrillic: below the CJK
    blocks), where a \\b is meant."""
    return letter.isalpha() and letter < "\u3000"
