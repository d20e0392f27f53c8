"""Text rules shared by every format: cleaning, bylines, labels, credit lines, language, counts."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import unicodedata
from functools import lru_cache

from ..ids import slug  # noqa: F401 - re-exported for the parsers
from . import precompiled

# --- cleaning -------------------------------------------------------------------------------------

_SCRIPTISH = precompiled.pattern(r"<(script|style|iframe|object|embed|template|noscript)\b.*?(</\1\s*>|$)", re.I | re.S)
_TAG = precompiled.pattern(r"</?[A-Za-z!?/][^<>]*>")
# What is left of a tag that is never closed: the "<"s that would open one when the text is put in
# a page ("<b", "</", "<!", "<?"). Any other "<" is the text's own ("a < b", "<3", "x <= 5"), as is
# every ">". A run of "<" is taken whole from its start (the look-behind): no "<" is left in front
# of the letter, and a long run is read once.
_TAG_OPENER = precompiled.pattern(r"(?<!<)<++(?=[A-Za-z!?/])")
_CONTROL = precompiled.pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def scalar_text(value: object) -> str | None:
    """A value that stands for text as text; None for anything else. A mapping or a list where one
    piece of text belongs is ignored, never turned into its Python spelling; so is a yes/no."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value) if abs(value) < 10**15 else None
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


def clean(value: object, limit: int | None = None) -> str | None:
    """One-line plain text: no markup, no script, no control characters, bounded length."""
    if (
        value.__class__ is str
        and "<" not in value
        and "&" not in value
        and (not limit or len(value) <= limit)
        and value.isprintable()
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
    ):
        return value or None  # one clean line already (most paragraphs a parser hands on): the steps below keep it
    text = scalar_text(value)
    if text is None:
        return None
    if limit and len(text) > limit * 8 + 1000:
        text = text[: limit * 8 + 1000]  # markup and spaces are removed below, but never 8x the limit of text
    if "<" in text:
        text = _without_markup(text)
    if "&" in text:
        text = html.unescape(text)
        text = _without_markup(text) if "<" in text else text  # ("&lt;b&gt;" is markup too)
    printable = text.isprintable()
    if not printable:  # every _CONTROL character is unprintable: printable text needs no pass
        text = _CONTROL.sub("", text)
    text = collapse_spaces(text, known_printable=printable)
    if limit and len(text) > limit:
        text = truncate(text, limit)
    return text or None


def _without_markup(text: str) -> str:
    """The text without scripts, tags and anything that would open one."""
    return _TAG_OPENER.sub("", _TAG.sub(" ", _SCRIPTISH.sub(" ", text)))


_COLLAPSE_CHUNK = 1 << 20


def collapse_spaces(text: str, known_printable: bool = False) -> str:
    """Runs of whitespace to one space, no leading or trailing space: " ".join(text.split()), but
    without a list of every word of a long text (a megabyte at a time, cut at a space), and not at
    all when the text is already tidy (`known_printable`: the caller found text.isprintable())."""
    # Tidy already: isprintable() is False for every whitespace character but the ASCII space.
    if (known_printable or text.isprintable()) and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if len(text) <= _COLLAPSE_CHUNK:
        return " ".join(text.split())
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + _COLLAPSE_CHUNK)
        if end < len(text):
            space = text.find(" ", end)
            end = len(text) if space < 0 else space
        if piece := " ".join(text[start:end].split()):
            parts.append(piece)
        start = end
    return " ".join(parts)


def truncate(text: str, limit: int) -> str:
    """Cut at a sentence or word boundary below limit, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for mark in ("。", ". ", "! ", "? ", "！", "？"):
        at = cut.rfind(mark)
        if at > limit * 0.5:
            return cut[: at + len(mark)].strip()
    at = cut.rfind(" ")
    if at > limit * 0.6:
        cut = cut[:at]
    return cut.rstrip(" ,;:、") + "…"


def clean_list(values, limit: int, max_items: int) -> list[str]:
    """Clean, drop empties, dedupe case-insensitively (keeping the first spelling), bound."""
    out, seen = [], set()
    for value in list(values or [])[:MAX_LIST_SCAN]:
        text = clean(value, limit)
        if not text:
            continue
        fold = unicodedata.normalize("NFKC", text).casefold()
        if fold in seen:
            continue
        seen.add(fold)
        out.append(text)
        if len(out) >= max_items:
            break
    return out


# Lists are cut to what any field can hold (20 tags, 50 headings) with room for duplicates and blanks.
MAX_LIST_SCAN = 500


def as_list(value) -> list:
    """A front-matter value that may be a list, a comma/semicolon-separated string, or one value."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        out = []
        for item in list(value)[:MAX_LIST_SCAN]:
            if isinstance(item, (list, tuple, set)):
                out.extend(as_list(item))  # JSON-LD sometimes nests: "keywords": [["a", "b"]]
                continue
            if isinstance(item, dict):
                item = item.get("name") or item.get("value") or item.get("title") or _full_name(item)
            if item is not None:
                out.append(item)
        return out
    if isinstance(value, dict):
        name = value.get("name") or value.get("value") or _full_name(value)
        return [name] if name else []
    text = scalar_text(value)
    return [part.strip() for part in _LIST_SEPARATOR.split(text, maxsplit=MAX_LIST_SCAN)[:MAX_LIST_SCAN] if part.strip()] if text else []


_LIST_SEPARATOR = precompiled.pattern(r"[,;、，；]")


# A person's name in parts, as CMS exports and schema.org write it.
_NAME_PARTS = (("givenName", "familyName"), ("firstName", "lastName"), ("first_name", "last_name"), ("given", "family"))


def _full_name(value: dict) -> str | None:
    """ "Ann Lee" of {"firstName": "Ann", "lastName": "Lee"} (and its other spellings)."""
    for first, last in _NAME_PARTS:
        parts = [part for part in (scalar_text(value.get(first)), scalar_text(value.get(last))) if part and part.strip()]
        if parts:
            return " ".join(part.strip() for part in parts)
    return None


# --- labels and titles ----------------------------------------------------------------------------

MAX_LABELS = 20
_LABEL = precompiled.pattern(r"\s*[\[【]\s*([A-Za-z0-9\u3040-\u30ff\u4e00-\u9fff ]{1,20}?)\s*[\]】]\s*")
_SITE_SUFFIX = precompiled.pattern(r"\s+[|\-–—:｜»›•·]\s+[^|\-–—:｜»›•·]{1,40}$")
# CJK titles join the site's name without spaces ("…的城！-新华网", "タイトル｜サイト名"): a short suffix
# after a hyphen, underscore or bar that follows a CJK character or CJK punctuation (tested in
# _after_cjk: a class of those ranges costs sre ~5 ms to compile).
_GLUED_SUFFIX = precompiled.pattern(r"(?:[-_|]|｜)(?:(?!｜)[^|\-_\s]){1,12}$")  # no class holds "｜" (see _BAR in htmlmeta)


def _after_cjk(text: str, position: int) -> bool:
    before = text[position - 1 : position]
    return bool(before) and (
        "\u3000" <= before <= "\u30ff" or "\u4e00" <= before <= "\u9fff" or "\uac00" <= before <= "\ud7af" or "\uff01" <= before <= "\uff5e"
    )


def split_labels(title: str) -> tuple[str, list[str]]:
    """'[NEW] [UPDATE] Title' -> ('Title', ['NEW', 'UPDATE']). At most MAX_LABELS are taken."""
    labels: list[str] = []
    position = 0
    while len(labels) < MAX_LABELS and (m := _LABEL.match(title, position)):
        labels.append(m.group(1).strip().upper())
        position = m.end()
    return title[position:].strip(), labels


def strip_site_suffix(title: str, site_names: list[str], any_site: bool = False) -> str:
    """Drop ' | Iolite' / ' - Iolite' from a <title>: when the suffix names a known site, after a
    pipe (which titles use for little else), or, with any_site, any short suffix of a long title."""
    title = " ".join(title.split())  # single spaces: _SITE_SUFFIX's \s+ then matches one character
    m = _SITE_SUFFIX.search(title)
    if not m:
        # A suffix glued on without spaces is a site's name, as a pipe says ("…的城！-新华网").
        glued = _GLUED_SUFFIX.search(title)
        return title[: glued.start()] if glued and glued.start() >= 8 and _after_cjk(title, glued.start()) else title
    separator = m.group(0).strip()[:1]
    suffix = m.group(0).strip(" |-–—:｜»›•·").casefold()
    names = {name.casefold() for name in site_names if name}
    short = len(suffix) <= 30 and len(suffix.split()) <= 4
    head = title[: m.start()].strip()
    if suffix in names or (short and (separator in "|｜" or not names or (any_site and len(head.split()) >= 4))):
        return head
    return title


def same_text(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if len(a) > 3 * len(b) + 40 or len(b) > 3 * len(a) + 40:
        return False  # folding cannot make these equal; and a 5 MB paragraph is not folded to find out
    return a == b or _fold(a) == _fold(b)


_NON_WORD = precompiled.pattern(r"\W+")


def _fold(value: str) -> str:
    return _fold_short(value) if len(value) <= 2000 else _fold_text(value)


def _fold_text(value: str) -> str:
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", value).casefold())


# A page compares its title with each heading, paragraph and name: the title is folded once. Only
# short texts are remembered, so the cache stays small whatever the pages hold.
_fold_short = lru_cache(maxsize=256)(_fold_text)


# --- bylines ----------------------------------------------------------------------------------------

_BYLINE_PREFIX = precompiled.pattern(
    r"^\s*(?:by|written by|words by|text by|reporting by|(?:story|text|words) and (?:photos|photographs|pictures) by|"
    r"text|words|author|authors|reporter|interview|文|文章|著者|執筆|取材・文|記事)\s*[:：]?\s+|"
    r"^\s*(?:by|text|words|author|文|執筆|著者|取材・文)\s*[:：]\s*",
    re.I,
)
_ROLE_SUFFIX = precompiled.pattern(r"\s*[(（][^)）]{1,30}[)）]\s*$")
_AND = precompiled.pattern(
    r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*[、,，/／・;；]\s*|\s+und\s+|\s+et\s+|\s+y\s+|\s+og\s+|\s+och\s+)\s*", re.I
)
_ROLE_WORDS = precompiled.pattern(
    r"^(photo(graphy)?|photos|interview|text|edit(ed|or|ing)?|illustration|translation|staff( writer)?|contributor|"
    r"reporter|correspondent|columnist|journalist|writer|senior (reporter|writer|editor|correspondent))\b",
    re.I,
)


_ABBREVIATION_END = precompiled.pattern(r"\b(?:Jr|Sr|Jnr|Snr)\.$")  # "Perry Bacon Jr." keeps its dot


def names_the_domain(name: str, site: str) -> bool:
    """Whether a name spells the domain of a site's name or address ("El Colombiano" and
    "www.elcolombiano.com", "USA TODAY" and "https://www.usatoday.com/story/…") without its spaces,
    hyphens and case."""
    label = domain_label(site)
    return bool(label) and "".join(name.split()).replace("-", "").casefold() == label


@lru_cache(maxsize=64)
def domain_label(site: str, shortest: int = 3) -> str | None:
    """The label a site's address is named by: that of the domain the publisher registered
    ("usatoday" for "https://www.usatoday.com/story/…", "ascii" for "weekly.ascii.jp", "bbc" for
    "bbc.co.uk"); None for a name that is no address, or a label shorter than `shortest` letters.
    Cached: a page asks about the same few sites for every name."""
    host = site.strip().lower().removeprefix("https://").removeprefix("http://").split("/")[0].split(":")[0]
    parts = host.split(".")
    if " " in host or len(parts) < 2 or not all(parts):
        return None
    registered = -3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else -2
    label = parts[registered].replace("-", "")
    return label if len(label) >= shortest and label != "www" else None


# The second level a country's domain registers names under ("co.uk", "co.jp", "com.au", "or.jp").
_SECOND_LEVEL = frozenset({"ac", "co", "com", "ed", "edu", "go", "gov", "gr", "lg", "ne", "net", "or", "org"})


class PersonName(str):
    """One person's name from structured data (JSON-LD, microdata): never split on commas or 'and'."""


# A Japanese credit line names each contributor after a role: "文＝山田太郎、写真＝佐藤花子", "取材・文●
# 山田太郎 撮影●佐藤花子". The writers are the authors; the photographers and illustrators are not. A
# role starts the line or follows a space or a comma (a name may end in 文).
_JA_ROLE = "(?:取材|文|構成|編集|著|執筆|ライター|聞き手|インタビュー|翻訳|訳|写真|撮影|イラスト|画|図|デザイン)"
# A credit starts the line or follows a space, a comma, a bracket or a bar ("文：山田太郎／編集：佐藤花子").
_JA_CREDIT = precompiled.pattern(f"(?<![^\\s、,，（(／/｜|]){_JA_ROLE}(?:[・/／]{_JA_ROLE})*\\s*[●＝=：:／/]\\s*")
_JA_VISUAL_ROLES = frozenset("写真 撮影 イラスト 画 図 デザイン".split())
# The editor's credit beside a writer's: the editor did not write the piece.
_JA_EDITING_ROLES = frozenset({"編集"})
_JA_ROLE_SEPARATOR = precompiled.pattern("[・/／]")


# A Korean reporter's byline: the names right before the role ("기자", reporter; "특파원",
# correspondent), after where it was written or the outlet and a "=": "(서울=연합뉴스) 홍길동 기자 =",
# "[부산=스포츠조선 선수민 기자]", "스포츠조선=선수민 기자", "배윤경·이상현 기자 hong@mbn.co.kr". A role
# followed by more Hangul is a word of the text ("기자회견", "기자는"). Bounded repeats over at most
# 200 characters: no backtracking to speak of.
_KO_RANK = "(?:선임|수석|전문|객원|인턴|수습|사진|영상)"
_KO_NAME = f"(?!{_KO_RANK}?(?:기자|특파원))[가-힣]{{2,5}}"
_KO_CREDIT = (
    r"(?:(?P<label>[가-힣A-Za-z0-9]{1,10})\s?=\s?)?"
    f"(?P<names>{_KO_NAME}(?:\\s?[·ㆍ,、]\\s?{_KO_NAME}|\\s{_KO_NAME}){{0,5}})"
    f"\\s?(?P<role>{_KO_RANK}?(?:기자|특파원))(?![가-힣])"
)


@precompiled.lazy
def _korean_credit() -> re.Pattern:
    """_KO_CREDIT compiled when a Korean byline is first read: its Hangul classes cost sre ~3 ms to
    compile, which a process that reads none (most) need not pay."""
    return precompiled.pattern(_KO_CREDIT)


# Photographers and camera operators are credited, not authors: "사진=홍길동 기자", "영상기자".
_KO_VISUAL = ("사진", "영상", "그래픽", "일러스트", "디자인")
# Names apart by a middle dot, a comma or a space ("배윤경·이상현", "김철수 이영희"): replaced and split
# by str methods (a class with characters beyond Latin-1 costs sre half a millisecond to compile).
_KO_NAME_SEPARATORS = str.maketrans({"·": " ", "ㆍ": " ", ",": " ", "、": " "})
# The outlet in front of the names ("[이데일리 홍길동 기자]"): a Korean name is two to four syllables
# and ends in none of these.
_KO_OUTLET_END = tuple("일보 신문 뉴스 경제 데일리 투데이 닷컴 방송 미디어 타임스 타임즈 저널 코리아 조선 헤럴드 비즈".split())


def korean_reporters(value: str) -> list[str] | None:
    """The reporters a Korean byline names; None for a byline without a Korean role."""
    if value.isascii() or ("기자" not in value and "특파원" not in value):
        return None
    credits = list(_korean_credit().finditer(value[:200]))
    if not credits:
        return None
    names = []
    for credit in credits:
        if (credit.group("label") or "").startswith(_KO_VISUAL) or credit.group("role").startswith(_KO_VISUAL):
            continue
        for name in credit.group("names").translate(_KO_NAME_SEPARATORS).split():
            if 2 <= len(name) <= 4 and not name.endswith(_KO_OUTLET_END) and name not in names:
                names.append(name)
    return names


# What ends a byline's names: a bar, or a dash or a dot between spaces (a hyphen in a name has none).
BYLINE_END = precompiled.pattern(r"\s+[|–—·-]\s+|\s*\|\s*")


def writers_credited(value: str) -> list[str] | None:
    """The writers a Japanese credit line or a Korean byline names, each as written; None for a
    byline without roles."""
    if (reporters := korean_reporters(value)) is not None:
        return reporters
    credits = list(_JA_CREDIT.finditer(value[:200])) if not value.isascii() else []
    if not credits:
        return None
    credited: list[tuple[set[str], str]] = []
    for n, credit in enumerate(credits):
        end = credits[n + 1].start() if n + 1 < len(credits) else len(value)
        roles = set(_JA_ROLE_SEPARATOR.split(credit.group(0).rstrip(" ●＝=：:／/\u3000"))) - _JA_VISUAL_ROLES
        if roles:
            # (a credit in brackets: "（文／山田太郎）"; the date after a bar: "文：山田太郎 | April 1, 2024")
            name = BYLINE_END.split(value[credit.end() : end], maxsplit=1)[0].strip(" 、,，\u3000）)］]】／/｜|")
            credited.append((roles, _AFFILIATION_IN_BRACKETS.sub("", name)))  # ("山田太郎（Iolite編集部）")
    writing = any(roles - _JA_EDITING_ROLES for roles, _ in credited)
    return [name for roles, name in credited if not writing or roles - _JA_EDITING_ROLES]


# What a name's brackets add after it: the writer's outlet or the reading of the name.
_AFFILIATION_IN_BRACKETS = precompiled.pattern(r"(?<=\S)\s*[（(][^（()）]{1,40}[)）]?$")


# A numeric date written into a byline ("By Ann Lee, 2024/04/02", "Ann Lee - 12/03/2024"): no name,
# and its slashes would split it into three. Digits only, bounded: no backtracking to speak of.
_NUMERIC_DATE = precompiled.pattern(r"(?<!\d)(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}[/.-]\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)")


def parse_authors(value) -> list[str]:
    """Names from a byline or an author field: no 'By', no roles, split on 'and', commas and '・'.

    An organisation that is the byline ('Editors of Iolite', 'Iolite編集部') is kept whole.
    """
    names = []
    for item in as_list(value) if not isinstance(value, str) else [value]:
        if not item:
            continue
        text = clean(item, 400) or ""
        if re.match(r"^https?://", text):
            continue
        credited = None if isinstance(item, PersonName) else writers_credited(text)
        text = _BYLINE_PREFIX.sub("", "、".join(credited) if credited is not None else text)
        text = _ROLE_SUFFIX.sub("", text)
        if not isinstance(item, PersonName) and any(map(str.isdigit, text)):
            text = _NUMERIC_DATE.sub(" ", text)
        for part in [text] if isinstance(item, PersonName) else _AND.split(text):
            part = _BYLINE_PREFIX.sub("", part).strip(" ·|-–—")
            part = part if _ABBREVIATION_END.search(part) else part.rstrip(". ")
            part = _ROLE_SUFFIX.sub("", part)
            if not part or _ROLE_WORDS.match(part) or len(part) > 80 or len(part) < 2 or not any(map(str.isalpha, part)):
                continue  # (a part without a letter: the year of "Ann Lee, 2024")
            if re.search(r"\d{4}[/.-]\d{1,2}", part):
                continue
            names.append(part)
    return _without_credentials(names)


def _without_credentials(names: list[str]) -> list[str]:
    """Names without the degrees written after them ("Ann Lee, PhD", "Ann Lee MS, RDN"): a
    degree is no one's name, and no part of the name before it."""
    kept: list[str] = []
    for name in names:
        words = name.split()
        while len(words) > 2 and words[-1].rstrip(",") in _CREDENTIALS:
            words.pop()
        if words and all(word.rstrip(",") in _CREDENTIALS for word in words):
            if kept:
                continue  # (alone, it is kept: a name that only looks like one)
        kept.append(" ".join(words) if len(words) < len(name.split()) else name)
    return kept


# Degrees and licences written after a name, as written (case-sensitive: "Ma" is a surname, "MA" a degree).
_CREDENTIALS = frozenset(
    "PhD Ph.D. Ph.D MD M.D. MS M.S. MSc MA M.A. MBA MPH RDN RD RN NP PA-C DDS DMD JD J.D. Esq Esq. CFA CPA DVM PharmD LCSW "
    "FRCP FRCS BSc BA MFA EdD DPhil".split()
)


# --- credit, reference and related lines ---------------------------------------------------------

REFERENCE_PREFIX = precompiled.pattern(r"^\s*(?:references?|sources?|参考(?:文献|資料)?|出典|出所|参照)\s*[:：]\s*", re.I)
IMAGE_PREFIX = precompiled.pattern(
    r"^\s*(?:images?|photos?|picture|image credits?|photo credits?|画像|写真|画像提供|写真提供|イメージ)\s*[:：]\s*", re.I
)
RELATED_HEADING = precompiled.pattern(
    r"^\s*(?:related(?: articles| stories| posts| news)?|read more|you may also like|関連記事|関連ニュース|おすすめ記事)\s*[:：]?\s*$", re.I
)
SHARE_LINE = precompiled.pattern(r"^\s*(?:share|シェア|share this(?: article)?|tweet|[•・]\s*sns-[\w-]+|sns-[\w-]+(?:-icon)?)\s*$", re.I)


_CREDIT_SEPARATOR = precompiled.pattern(r"[,，、;；]| / ")


def split_credit_items(rest: str) -> list[str]:
    rest = " ".join(rest.split())  # one space between words, so the separator needs no \s* runs
    return [part.strip() for part in _CREDIT_SEPARATOR.split(rest) if part.strip()]


def credit_line(line: str) -> tuple[str, list[str]] | None:
    """('references'|'image_credits', items) when a line is a reference or image-credit line."""
    if ":" not in line and "：" not in line:
        return None  # both prefixes end in a colon: most body lines have none, and are not matched twice
    if m := REFERENCE_PREFIX.match(line):
        return "references", split_credit_items(line[m.end() :])
    if m := IMAGE_PREFIX.match(line):
        return "image_credits", split_credit_items(line[m.end() :])
    return None


# --- language and counting ------------------------------------------------------------------------


@precompiled.lazy
def _scripts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Kana, Hangul and Han, compiled the first time a text has CJK: sre spends ~7 ms on these
    classes (a Python loop over every code point of each range), once per cold start."""
    kana = precompiled.pattern(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
    hangul = precompiled.pattern(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
    han = precompiled.pattern(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
    return kana, hangul, han


# Whether a text has CJK at all is _CJK_CHAR.search: a pattern that starts with a class lets the
# regex engine skip to a matching character at C speed (four times faster over a page without CJK
# than a pattern that starts with a repeat). sre spends ~3 ms compiling each copy of a class this
# size (a Python loop over every code point), once per process: the runs that text_counts needs are
# compiled only when a text has CJK.
_CJK_CLASS = r"[\u3040-\u30ff\u31f0-\u31ff\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]"
_CJK_CHAR = precompiled.pattern(_CJK_CLASS)


@precompiled.lazy
def _cjk_runs() -> re.Pattern[str]:
    return precompiled.pattern(f"{_CJK_CLASS}++")


_LATIN_WORD = precompiled.pattern(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
# Whitespace-separated tokens with no letter or digit ("–", "·", "|") are not words. Matched with
# the space in front (the regex engine skips to spaces at C speed; a look-behind is tried at every
# character), and the text's first token on its own.
_PUNCTUATION_TOKEN = precompiled.pattern(r"\s[^\w\s]++(?!\S)")
_FIRST_PUNCTUATION_TOKEN = precompiled.pattern(r"[^\w\s]++(?!\S)")
# The same in a body of clean paragraphs, where a token follows a space or starts a line: a literal
# in front is found three times faster than any whitespace character.
_SPACED_PUNCTUATION_TOKEN = precompiled.pattern(r" [^\w\s]++(?!\S)")
_LINE_PUNCTUATION_TOKEN = precompiled.pattern(r"\n[^\w\s]++(?!\S)")

_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "on", "was", "by", "are", "be", "this", "has"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "den", "von", "zu", "sich", "auf", "für", "dem"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "que", "qui", "pas", "sur", "au", "avec"},
    "es": {"el", "la", "los", "las", "y", "de", "que", "en", "es", "por", "para", "con", "una", "del", "se", "como"},
    "pt": {"o", "os", "as", "e", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da", "são", "por"},
    "it": {"il", "lo", "gli", "e", "di", "che", "è", "per", "una", "con", "non", "del", "della", "sono", "nel", "alla"},
}

_STOPWORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words:
        _STOPWORD_LANGS[_word] = (*_STOPWORD_LANGS.get(_word, ()), _lang)


def _has_cjk(text: str) -> bool:
    # isascii() reads a flag the string carries (no pass over it): an ASCII text is not searched.
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def detect_language(text: str) -> str | None:
    """en, ja, zh, ko (by script) or a few Latin-script languages (by stop words); None if unsure."""
    sample = text[:4000]  # script and stop-word counts settle within a few paragraphs
    by_script = cjk_language(sample)
    if by_script:
        return by_script
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word in sample[:1500].lower().split():  # a couple of hundred words decide it
        for lang in _STOPWORD_LANGS.get(word, ()):
            scores[lang] += 1
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "en" if _LATIN_WORD.search(sample) else None
    return best


def cjk_language(text: str) -> str | None:
    """ja, zh or ko when the text (its first 4,000 characters) is mostly in that script; else None."""
    sample = text[:4000]
    if not _has_cjk(sample):
        return None
    kana, hangul, han = (len(script.findall(sample)) for script in _scripts())
    latin_letters = sum(len(w) for w in _LATIN_WORD.findall(sample))
    if (kana + hangul + han) * 4 < latin_letters:
        return None
    if hangul > kana and hangul >= han * 0.3:
        return "ko"
    if kana >= max(3, 0.05 * (kana + han)):
        return "ja"
    return "zh" if han else None


def normalise_language(value) -> str | None:
    """'en-US' -> 'en', 'ja_JP' -> 'ja', 'Japanese' -> 'ja'."""
    text = clean(value, 40)
    if not text:
        return None
    names = {"english": "en", "japanese": "ja", "日本語": "ja", "chinese": "zh", "中文": "zh", "korean": "ko", "한국어": "ko"}
    if text.casefold() in names:
        return names[text.casefold()]
    m = re.match(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$", text)
    return m.group(1).lower() if m else None


_COUNT_CHUNK = 1 << 20


def _count_words(text: str) -> int:
    """Whitespace-separated tokens, a megabyte at a time (cut at a space, so no word is split):
    one list of every word of a 10 MB text would need 100 MB."""
    total, start, end_of_text = 0, 0, len(text)
    while start < end_of_text:
        end = min(end_of_text, start + _COUNT_CHUNK)
        if end < end_of_text:
            space = text.find(" ", end)
            end = end_of_text if space < 0 else space
        total += len(text[start:end].split())
        start = end
    return total


def _punctuation_tokens(text: str) -> int:
    return len(_PUNCTUATION_TOKEN.findall(text)) + bool(_FIRST_PUNCTUATION_TOKEN.match(text))


def paragraph_counts(paragraphs: list[str], body: str) -> tuple[int, int]:
    """text_counts(body) for a body of clean paragraphs (each as clean() returns it: words apart by
    one space, none at either end) joined by blank lines, without cutting the body into words: its
    tokens are its spaces plus one per paragraph. A body with CJK is counted as any text."""
    if _has_cjk(body):
        return text_counts(body)
    tokens = body.count(" ") + len(paragraphs)
    punctuation = len(_SPACED_PUNCTUATION_TOKEN.findall(body)) + len(_LINE_PUNCTUATION_TOKEN.findall(body))
    words = tokens - punctuation - bool(_FIRST_PUNCTUATION_TOKEN.match(body))
    return (words, max(1, math.ceil(words / 200))) if words else (0, 0)


def text_counts(text: str) -> tuple[int, int]:
    """(word count, reading minutes). Words for space-separated scripts, characters for CJK (as
    Japanese editors count); reading at 200 words or 500 CJK characters a minute, at least one."""
    cjk = 0
    if _has_cjk(text):
        # Runs, not characters: one match per run of CJK text keeps this a fast pass over 10 MB.
        runs = _cjk_runs()
        cjk = sum(map(len, runs.findall(text)))
        text = runs.sub(" ", text)
    words = _count_words(text) - _punctuation_tokens(text)
    if not (words or cjk):
        return 0, 0
    return words + cjk, max(1, math.ceil(words / 200 + cjk / 500))
