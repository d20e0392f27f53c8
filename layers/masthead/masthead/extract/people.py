"""Bylines of web pages as people: what a template glues to a name comes off, what is not a name
goes. Pure; every pattern runs on at most 200 characters of one byline (_strip cuts first), so none
can take long whatever the page holds.

"Von Vanessa Franke" -> Vanessa Franke; "Andrew Husband Twitter" -> Andrew Husband;
"Michael Larabel in Valve on at 08:34 PM EDT. 51 Comments" -> Michael Larabel;
"Monika Bolliger und Anna Trechsel" -> two people; "12:44 PM UTC", "Uhr", "Published" -> nothing;
"Ariel Pierre-Louis at MSA Models" (a photo credit), "Foto: JEP" (a label and its value) -> nothing;
"April Glaser @aprilaser", "Steve Gillman Contributor", "Author of the article: Jody Robbins",
"Andrea Stone Senior Washington Correspondent", "Doug Stanglin, USA TODAY" (on usatoday.com),
"Edilson La Rosa edilsonlarosa", "责任编辑：孔德明" -> the name alone; "Executive Editor", "Authors",
"Name (erforderlich)" -> nothing. Agency bylines ("dpa/lno", "AFP/The Local") stay whole.
"""

from __future__ import annotations

import html
import re

from . import datelabels, precompiled, text

# "By" in the languages of the pages Masthead reads, at the start of a byline.
_LEADING_BY = precompiled.pattern(
    r"^(?:(?:ein\s+)?artikel\s+von|(?:an\s+)?article\s+by|(?:story|analysis|opinion|commentary|review|essay|column)\s+by|"
    # the kind of piece before its by-word ("Kolumne von …", "Ein Kommentar von …", "Análisis por …")
    r"(?:eine?\s+)?(?:kolumne|kommentar|gastbeitrag|gastkommentar|analyse|essay|reportage|rezension|glosse)\s+von|"
    r"(?:une\s+)?(?:chronique|analyse|tribune|critique)\s+par|(?:columna|análisis|opinión|crónica)\s+por|"
    r"(?:commento|analisi|editoriale|rubrica)\s+di|"
    r"(?:written|words|text|reported|reporting|posted)\s+by|(?:story|text|words)\s+and\s+(?:photos|photographs|pictures)\s+by|(?:verfasst\s+|geschrieben\s+)?durch|(?:verfasst|geschrieben)\s+von|"
    r"(?:publicad[oa]|escrit[oa])\s+por|(?:publié|écrit)e?\s+par|(?:pubblicat[oa]|scritt[oa])\s+da|"
    r"(?:view\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by|escrito\s+por|escribe|by|von|por|par|di|door|av|af|przez|od|"
    r"(?:tekst|texte?|texto|auteure?|autore)(?=\s*[:：])|autor(?:in|a)?(?:[/*_:]in|/autor(?:in)?)?|redacción|author|автор)\s*[:：]?\s+(?=\S)",
    re.I,
)
# A profession written before a full name ("Rechtsanwalt Sebastian Einbock", "Abogada Ana Ruiz").
_PROFESSION_BEFORE_NAME = precompiled.pattern(
    r"^(?:rechtsanwalt|rechtsanwältin|fachanwalt|fachanwältin|notar|notarin|steuerberater|steuerberaterin|attorney|lawyer|"
    r"abogad[oa]|avocate?|avvocat[oa]|advogad[oa])\s+(?=\S+\s+\S)",
    re.I,
)
# An author label before the name ("Autorin/Autor Roman G.", "Author: Jane Doe"): unlike a bare
# "By", it names the author wherever the element stands.
_AUTHOR_LABEL = precompiled.pattern(
    r"^(?:autor(?:in|a|e)?(?:[/*_:]in|/autor(?:in)?)?|author|auteur(?:e)?|autore|autora|автор)\s*[:：]?\s+(?=\S)", re.I
)
# Everything from a time, a relative time, a date word or a share button on is not the name.
# Searched in the name behind a space, so that a part of a byline that starts with one is no name
# at all ("Last updated 1 hour ago"): the pattern itself keeps its whitespace in front.
_TRAILING = precompiled.pattern(
    r"\s+(?:(?:am|um|on|at|le|el|il|em|op|den|de|o|à|a|,)\s+)?"
    rf"(?:\d{{1,2}}[:.]\d{{2}}\b|{datelabels.TIME_AGO}|hace\s+\d|il y a\s+\d|vor\s+\d|"  # (and its first words alone: "vor 2 Std.")
    r"\d{1,2}\s*(?:heures?|jours?|horas?|días|stunden|tagen)\b|\d{1,3}$|[\w.+-]+@[\w-]+\.|"
    # from a date's label on, a byline is a date line ("Anna Berg · Oppdatert 12:34"); the label a
    # date leaves behind ("Uppdaterad 28.5.2020") is nothing
    rf"(?:{datelabels.alternation(datelabels.PUBLISHED + datelabels.UPDATED)}|edit\b)|"
    r"tiempo de lectura\b|envoy[ée]e?s? spécia|"
    r"(?:twitter|facebook|e-?mail|flipboard|pocket|linkedin|instagram|whatsapp|follow)\b|@\w|"
    r"(?:view|see)\s+(?:more|all)\b|(?:more|all)\s+(?:articles|stories|posts)\b|"  # the link to the author's page
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b)",
    re.I,
)
# A job title after a full name ("Steve Gillman Contributor", "Thabo Mokone Parliamentary editor",
# "Andrea Stone Senior Washington Correspondent", "배윤경 기자"); one word before it may be the name
# itself ("Jane Writer"). After a rank, a beat of one or two words may stand before the title.
_ROLES_AT_END = frozenset(
    "contributor writer reporter correspondent columnist editor analyst redakteur redakteurin journalist journalistin "
    "corresponsal periodista redactor redactora columnista correspondant correspondante journaliste rédacteur rédactrice "
    "giornalista corrispondente correspondente jornalista colunista".split()
)
_RANKS = frozenset(
    "senior staff contributing chief deputy managing executive associate political parliamentary foreign news sport sports "
    "business science health".split()
    # and the beats a desk's title names ("Richard Adams Education editor")
    + "education technology tech economics economy environment climate media politics crime transport culture arts "
    "music film world legal security defence defense diplomatic energy consumer religion travel fashion property "
    "markets investigations".split()
)
_ROLE_AFTER_NAME = precompiled.pattern(
    rf"^(\S+(?:\s+\S.*?)?)\s+(?:(?:{'|'.join(sorted(_RANKS))})\s+(?:\S+\s+){{0,2}}?)?(?:{'|'.join(sorted(_ROLES_AT_END))})"
    r"(?:\s+(?:in|en|em|à|a)\s+[^\W\d]\S*(?:\s+[^\W\d]\S*)?)?$"  # and where the job is ("Corresponsal en Atenas")
    r"|^(\S+)\s*(?:기자|특파원|記者)$",
    re.I,
)
_CJK_ROLES = ("기자", "특파원", "記者")


def is_role(word: str) -> bool:
    """Whether a word is a job title a name may end in ("Redakteur", "Correspondent")."""
    return word.lower() in _ROLES_AT_END


def _ends_with_role(value: str) -> bool:
    """Whether a name ends in a job title, or in one and where ("Corresponsal en Atenas"): most do
    not, and the pattern is tried only on those."""
    return not _ROLES_AT_END.isdisjoint(value.lower().split()[-4:]) or value.endswith(_CJK_ROLES)


# What is left hanging once a date is cut away ("MORITZ GATHMANN am", "Michael Larabel in Valve on").
_DANGLING = precompiled.pattern(r"(?:\s+in\s+\S+(?:\s+\S+)?)?(?:\s+(?:am|um|on|at|le|el|il|em|op|den|de|o|à|a|las|,))+\s*$", re.I)
_GLUED_CONNECTOR = precompiled.pattern(
    r"\s+(?:im gespräch mit|in conversation with|with|mit|avec|con|com|og|och|ja|és|e|y|und|et|(?-i:en|i|и)|and|&)\s+", re.I
)
# A photo or styling credit, not an author: "X at MSA Models", "Y for Amika", "Z via Getty Images".
_CREDIT = precompiled.pattern(r"\s(?:at|for|using|via)\s+\S|getty images|shutterstock|\bap photo\b", re.I)
_NOT_A_NAME = precompiled.pattern(
    r"^(?:published|updated|posted|veröffentlicht|aktualisiert|publicado|actualizado|publié|uhr|no author|unknown|admin|"
    r"redaktion|editor|staff|anonymous|authors?|autor(?:en|es)?|auteurs?|byline|name|your name|nom|nombre|"
    r"am|um|on|at|in|by|von|de|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)\.?|"
    # a date's label left when its date is cut off ("2019年04月21日 12時00分更新", "更新时间", "입력")
    r"更新|更新日|更新日時|更新时间|公開|公開日|配信|掲載|发布|发布时间|時間|时间|日時|입력|수정|등록|업데이트)$",
    re.I,
)
# What is left of a label once "By" or "Author" is cut ("Author of the article: Jody Robbins").
_LOWER_CASE_LABEL = precompiled.pattern(r"^[a-zà-ÿ][^:：A-Z]{0,40}[:：]\s*(?=\S)")
_SITE_SEPARATOR = precompiled.pattern(r"\s?[-|:–—]\s?(?=\S)")
_QUOTES = "'\"“”‘’«»„"


def clean_names(names: list, site_names: list[str]) -> list[str]:
    """The people in `names` (bylines as found), each cleaned; duplicates and non-names dropped.
    A structured-data name (text.PersonName) is split only when it reads as several people glued
    together; a byline string is split on commas and 'and' as text.parse_authors does."""
    people: list[str] = []
    for raw in _writers_credited(names[:20]):
        structured = isinstance(raw, text.PersonName)  # one name from JSON-LD or microdata: never split
        whole = structured or _AGENCY.match(raw.strip())  # "dpa/lno", "AFP/The Local": one byline
        for part in [raw] if whole else text.parse_authors(raw):
            if part.endswith((":", "：")):
                continue  # a label ("Artikel empfehlen:"), whose value is not here
            for name in _split_structured(_strip(part, site_names)) if structured else _split(_strip(part, site_names)):
                name = _strip(name, site_names)
                if _is_name(name) and not any(text.same_text(name, seen) for seen in people):
                    people.append(text.PersonName(name))
    # The outlet or desk beside a person ("田中宏昌，ITmedia" on ITmedia PC USER, "… - AP Technology
    # Writers"), or words without a capital ("Ondřej Katz, přihlaste se": a log-in link): the site's
    # name, its first words, a desk, a phrase or a name with a digit ("7 News WSVN") is not one more
    # author. Beside an agency ("Le Figaro avec AFP") it is the byline.
    outlets = [
        name for name in people if _names_the_site(name, site_names) or _is_a_desk(name) or _uncased(name) or any(map(str.isdigit, name))
    ]
    if any(is_full_name(name) for name in people if name not in outlets):
        return [name for name in people if name not in outlets]
    return people


def _writers_credited(names: list) -> list[str]:
    """Each byline as it is, or, for a Japanese credit line, the writers it credits (structured
    names, one person each, as they are)."""
    found: list[str] = []
    for raw in names:
        if isinstance(raw, str):
            writers = None if isinstance(raw, text.PersonName) else text.writers_credited(raw)
            found += [raw] if writers is None else writers
    return found


def is_full_name(name: str) -> bool:
    """A given and a family name, or a name in a script without spaces (not an acronym)."""
    return " " in name or not name.isascii()


def _names_the_site(name: str, site_names: list[str]) -> bool:
    """Whether a name is the site's name, its first words, or its domain ("USA TODAY" on usatoday.com)."""
    words = name.casefold().split()
    return any(site.casefold().split()[: len(words)] == words or text.names_the_domain(name, site) for site in site_names if site)


def _strip(value: str, site_names: list[str]) -> str:
    value = " ".join(str(value).split())[:200]
    if "&" in value:  # escaped twice in the page ("Lindsey O&#039;Donnell" in a meta's content)
        value = html.unescape(value)
    value = value.strip(_QUOTES + " ,;|·-–—").lstrip(". ")
    for site in site_names:  # "unocero - Alberto Ávila": the site's name in front of the person's
        if value[: len(site)].casefold() == site.casefold() and (m := _SITE_SEPARATOR.match(value, len(site))):
            value = value[m.end() :]
    head, comma, outlet = value.rpartition(", ")
    if comma and " " in head and _names_the_site(outlet, site_names):
        value = head  # "Doug Stanglin, USA TODAY": the outlet after the person's name
    for site in site_names:  # "Daniel Hentschel ebrosia": the site's name glued after a full name
        head = value[: -len(site) - 1]
        if value[-len(site) - 1 :].casefold() == f" {site}".casefold() and len(head.split()) >= 2:
            value = head
    value = _LEADING_BY.sub("", value)
    value = _PROFESSION_BEFORE_NAME.sub("", value)
    head, _, rest = value.partition(" ")
    if 2 <= len(head) <= 3 and head.isupper() and head == "".join(word[0] for word in rest.split()).upper():
        value = rest  # the avatar's initials before the name ("LP Luana Patriolino")
    value = _without_handle_after(value)
    value = _LOWER_CASE_LABEL.sub("", value)
    for mark in ("：", "●"):
        label, colon, rest = value.partition(mark)
        if colon and rest.strip() and len(label) <= 6 and min(label, default=" ") >= "\u3000":
            value = rest.strip()  # a label in a script without spaces ("责任编辑：孔德明", "記者：…", "文● オカモト")
            break
    if (m := _ADDRESS_AFTER_NAME.search(value)) and len(value[: m.start()].split()) >= 2:
        value = value[: m.start()]  # "Jemele Hill ESPN.com Archive": the site's address after the name
    spaced = " " + value
    if m := _TRAILING.search(spaced):
        value = spaced[1 : m.start()]
    return _DANGLING.sub("", without_role(value)).strip(_QUOTES + " ,;|·-–—:")


def _without_handle_after(value: str) -> str:
    """A name without the account's handle after it, spaced or glued in a copy ("Edilson La Rosa
    edilsonlarosa", "Edilson La Rosaedilsonlarosa"): the handle is the name's letters again, so it
    is the second half of them (its digits aside)."""
    rest = value.rstrip("0123456789")
    half, odd = divmod(len(rest) - rest.count(" "), 2)
    if odd or not half or " " not in rest:
        return value
    head = rest[:-half].rstrip()
    return head if rest[-half:] == "".join(head.split()).casefold() else value


def without_role(value: str) -> str:
    """A name without the job title after it ("Thabo Mokone Parliamentary editor", "배윤경 기자")."""
    if _ends_with_role(value) and not _is_a_title(value) and (m := _ROLE_AFTER_NAME.match(value)) and (m.group(2) or " " in m.group(1)):
        return m.group(1) or m.group(2)
    return value


# Countries a publisher's address ends with, in English and in their own languages.
_COUNTRIES = frozenset(
    "germany deutschland austria österreich switzerland schweiz suisse svizzera france italy italia spain españa "
    "portugal netherlands nederland belgium belgique belgië luxembourg denmark danmark sweden sverige norway norge "
    "finland suomi poland polska ireland uk usa u.s. u.s.a. canada australia japan china india brazil brasil mexico "
    "méxico argentina chile colombia".split()
) | {"united kingdom", "united states", "new zealand", "south africa"}


def without_address(value: str) -> str:
    """A byline without the place and the country after it ("SPIEGEL ONLINE, Hamburg, Germany" in an
    author meta: the publisher's address, not two more authors)."""
    head, comma, country = value.rpartition(",")
    if not comma or country.strip().casefold() not in _COUNTRIES:
        return value
    rest, comma, place = head.rpartition(",")
    place = place.strip()
    return (rest if comma and place[:1].isupper() and " " not in place else head).strip()


_AGENCY = precompiled.pattern(r"^[^\s/]{2,20}/[^/]{2,30}$")
_ADDRESS_AFTER_NAME = precompiled.pattern(r"\s(?:www\.)?[\w-]{2,40}\.(?:com|net|org|info|co\.uk|de|at|ch|fr|es|it|nl|be|jp)\b", re.I)


def is_agency(value: str) -> bool:
    """An agency and desk byline ("dpa/lno", "AFP/The Local"): one byline, never split at '/'."""
    return bool(_AGENCY.match(value.strip()))


def _split(value: str) -> list[str]:
    if _AGENCY.match(value):
        return [value]  # an agency and desk ("dpa/lno", "AFP/The Local") is one byline
    return [part for part in _GLUED_CONNECTOR.split(value) if part]


_ORGANISATION = precompiled.pattern(
    r"\b(?:ltd|inc|llc|gmbh|sons|co|corp|group|company|verlag|media|média|medien|mídia|ag|sa|plc|srl|spa|bv|pty)\b\.?", re.I
)


def is_company(name: str) -> bool:
    """Whether a name is a company's ("mediagene Inc.", "Axel Springer Verlag"), by its legal form."""
    return _ORGANISATION.search(name) is not None


# What follows a name and a comma when it is the name's employer, not the name's second half
# ("Fatima Hussein, The Associated Press"; "Doe, Jane" is one name).
_AFFILIATION = precompiled.pattern(r"^(?:the\s+\S.*|.*\b(?:press|news|agency|newswire|wire|times|reuters|afp|dpa)\b.*)$", re.I)


def names_an_outlet(name: str) -> bool:
    """A newspaper's or a desk's name rather than a person's ("Business News", "The Daily Star")."""
    return _AFFILIATION.match(name) is not None


_DOMAIN = precompiled.pattern(r"\b[\w-]++\.(?:com|net|org|info|[a-z]{2})\b", re.I)


def names_a_company_or_site(name: str) -> bool:
    """A company by its legal form ("Süddeutsche.de GmbH") or a name holding a web address
    ("mediaindonesia.com developer"): not a person."""
    return is_company(name) or _DOMAIN.search(name) is not None


def _split_structured(value: str) -> list[str]:
    """A structured name is one name ("Doe, Jane", "Smith and Sons Ltd") unless it reads as several
    people glued together: "A Person und B Person, Place" -> A Person, B Person, Place; or as a
    person and the newsroom they write for or what they are ("A Person, The Associated Press",
    "A Person, professor at a university, site.lt") -> A Person."""
    left, comma, right = value.partition(", ")
    if comma and len(left.split()) >= 2 and (_AFFILIATION.match(right) or len(right.split()) >= 3 or _DOMAIN.search(right)):
        return [left]
    if _ORGANISATION.search(value) or not _GLUED_CONNECTOR.search(value):
        return [value]
    parts: list[str] = []
    for part in _GLUED_CONNECTOR.split(value):
        left, comma, right = part.partition(", ")
        parts += [left, right] if comma and len(left.split()) >= 2 else [part]
    return [p for p in parts if p]


# "読了時間 3 分", "5 min read": a reading time, not a name.
_READING_TIME = precompiled.pattern(r"\d+\s*(?:分|min\b|mins\b|minutes?\b)|読了", re.I)


def is_placeholder(name: object) -> bool:
    """A template's stand-in for an author ("No Author", "admin", "unknown"), not anyone's name."""
    return not isinstance(name, str) or _NOT_A_NAME.match(name.strip()) is not None


def _is_name(name: str) -> bool:
    if not 2 <= len(name) <= 80 or _NOT_A_NAME.match(name) or _CREDIT.search(name) or _READING_TIME.search(name):
        return False
    if ":" in name or "：" in name:
        return False  # a label and its value ("Foto: JEP", "Erstellt: Uhr"), not a name
    if _is_a_title(name):
        return False  # "Executive Editor", "Senior Reporter": a job, not a person
    if name.split(maxsplit=1)[0].rstrip(".").isdigit():
        return False  # a day without its year ("6. Oktober um 04:00"), a counter ("1 Kommentar")
    return any(ch.isalpha() for ch in name) and sum(ch.isdigit() for ch in name) <= 1


def _is_a_title(name: str) -> bool:
    """A job title alone: ranks and a title ("Executive Editor", "Senior Reporter"), also after the
    outlet's name ("CNN Senior Supreme Court Analyst")."""
    words = name.casefold().split()
    if len(words) < 2 or words[-1] not in _ROLES_AT_END:
        return False
    return all(w in _RANKS for w in words[:-1]) or (len(words) >= 3 and words[1] in _RANKS)


def _uncased(name: str) -> bool:
    """Words of a script with case, none of them capitalised ("přihlaste se", "israel news")."""
    return name.lower() == name and name.upper() != name


def _is_a_desk(name: str) -> bool:
    """Several people's title ("AP Technology Writers", "World's Editorial Writers"): the byline of a
    desk, which is the author only where no person is named."""
    last = name.rpartition(" ")[2].casefold()
    return last.endswith("s") and last[:-1] in _ROLES_AT_END


_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "la", "le", "bin", "al", "el", "y", "e", "zu", "ter", "ten"}
)


def starts_with_author_label(value: str) -> bool:
    """Whether a line starts with an author label ("Autor:", "Author", "Autorin/Autor")."""
    return bool(_AUTHOR_LABEL.match(value))


def starts_with_by(value: str) -> bool:
    """Whether a line starts with "By" in one of the languages read ("By", "Von", "Por", "Texte :")."""
    return bool(_LEADING_BY.match(value))


# A user name where a name belongs ("mikecason", "edilson.la.rosa"): lower case, no spaces.
_HANDLE = precompiled.pattern(r"[a-z0-9]++(?:[._-][a-z0-9]++)*+")


def is_handle(name: str) -> bool:
    """Whether a metadata author is an account name, not the person's name (a domain such as
    "mbl.is" is the publisher's name, not an account)."""
    name = name.strip()
    if len(name) > 60 or not _HANDLE.fullmatch(name):
        return False
    return "." not in name or len(name.rsplit(".", 1)[1]) > 3


# News agencies whose name alone is a byline ("Reuters", "dpa", "AFP"): one word that is no place or section.
_WIRE_AGENCIES = frozenset("dpa afp ap reuters rtr kna epd sid apa ansa efe aa kyodo jiji xinhua tass ria".split())


def is_wire_agency(word: str) -> bool:
    return word.lower() in _WIRE_AGENCIES


def without_place_or_outlet(names: list[str]) -> list[str]:
    """A byline's names without the one capitalised word after a full name: where it was written,
    the outlet or a degree ("Von Markus Balser, Berlin", "By Ann Lee, Iolite", "By Ann Lee, PhD");
    "SDA", "dpa", "Reuters" are agencies and stay."""
    last = names[-1] if len(names) >= 2 and len(names[-2].split()) >= 2 else ""
    if " " not in last and last[:1].isupper() and not last.isupper() and not is_wire_agency(last):
        return names[:-1]
    return names


# A picture's label: who is named after it took the photograph ("Foto:", "写真：").
PICTURE_LABELS = frozenset("foto fotos photo photos photograph bild bilder imagen imagem image immagine zdjęcie 写真 사진 фото".split())


def looks_like_person(name: str) -> bool:
    """Whether a name reads as a person's (every word capitalised, bar particles such as 'von'),
    for scripts with case; a name in a script without case passes."""
    words = name.split()
    cased = [w for w in words if any(ch.isalpha() and ch.lower() != ch.upper() for ch in w)]
    return all(w[0].isupper() or w.lower() in _PARTICLES or not w[0].isalpha() for w in cased)
