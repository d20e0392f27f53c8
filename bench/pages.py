"""Generates labelled news pages in the layouts publishers' CMSs produce, at real-page weight.

Each page carries one article inside 150-400 KB of what real news pages carry around it: mega
menus, inline scripts and JSON blobs, ad slots, related-story rails, comment threads, footers.
Metadata is expressed the way one of several common CMS templates does it (Yoast-style JSON-LD
@graph, OpenGraph + article:*, microdata, byline-only with <time>, Japanese news layout). Labels
are known by construction, so title/author/date accuracy can be scored without hand labelling.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

FIRST = ["Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Keiko", "Liam", "Maya", "Noah"]
LAST = ["Schmidt", "Okafor", "Tanaka", "Rossi", "Dubois", "Kowalski", "Nguyen", "Silva", "Murphy", "Sato", "Larsen", "Haddad"]
TOPICS = ["central bank", "stablecoin issuer", "city council", "chip maker", "exchange operator", "energy regulator", "rail network"]
VERBS = ["unveils plan to overhaul", "faces questions over", "delays decision on", "wins approval for", "cuts forecast for"]
OBJECTS = ["payments rules", "data-centre expansion", "fare increases", "token listing policy", "grid upgrade", "bond programme"]
SENTENCE = (
    "The {topic} said on {day} that it would {verb} its {obj}, a move analysts described as overdue. "
    "Officials expect the change to take effect within months, though critics argue the timetable is unrealistic. "
)
JA_TITLES = ["日銀、デジタル通貨の実証実験を拡大", "東証、売買システムを刷新へ", "政府、暗号資産の税制見直しを検討"]


def _menu(rng: random.Random) -> str:
    items = "".join(
        f'<li class="menu-item"><a href="/section/{i}">Section {i}</a><ul class="sub-menu">'
        + "".join(f'<li><a href="/section/{i}/{j}">Topic {i}.{j}</a></li>' for j in range(12))
        + "</ul></li>"
        for i in range(rng.randint(10, 16))
    )
    return f'<header class="site-header"><div class="logo"><a href="/">The Daily Ledger</a></div><nav class="main-nav"><ul>{items}</ul></nav></header>'


def _scripts(rng: random.Random) -> str:
    blob = json.dumps({"config": {f"k{i}": "x" * rng.randint(40, 200) for i in range(rng.randint(200, 500))}})
    tags = "".join(f"<script>window.__ad_slot_{i} = {{id: {i}, sizes: [[300, 250], [728, 90]]}};</script>" for i in range(30))
    return f"<script>window.__STATE__ = {blob};</script>{tags}<style>{'.c{color:red}' * 800}</style>"


def _rail(rng: random.Random, heading: str) -> str:
    items = "".join(f'<li><a href="/story/{rng.randint(1, 99999)}">{escape(_headline(rng))}</a></li>' for _ in range(rng.randint(6, 12)))
    return f'<aside class="related-rail"><h3>{heading}</h3><ul>{items}</ul></aside>'


def _cards(rng: random.Random) -> str:
    """A story grid as front pages and article footers carry: many small nested, classed elements."""
    card = (
        '<div class="card card--story"><div class="card__media"><picture><source srcset="/i/{n}.webp 1x, /i/{n}@2x.webp 2x">'
        '<img class="card__img" src="/i/{n}.jpg" alt="" loading="lazy" width="320" height="180"></picture></div>'
        '<div class="card__body"><span class="card__kicker">{kicker}</span><h3 class="card__title"><a href="/s/{n}">{title}</a></h3>'
        '<div class="card__meta"><span class="card__time">{ago} hours ago</span><svg class="icon" viewBox="0 0 24 24">'
        '<path d="M12 2L2 7l10 5 10-5-10-5z"/></svg></div></div></div>'
    )
    return (
        '<section class="story-grid">'
        + "".join(
            card.format(n=rng.randint(1, 99999), kicker=rng.choice(TOPICS).title(), title=escape(_headline(rng)), ago=rng.randint(1, 23))
            for _ in range(rng.randint(40, 400))
        )
        + "</section>"
    )


def _comments(rng: random.Random) -> str:
    return (
        '<section class="comments">'
        + "".join(
            f'<div class="comment"><span class="comment-author">{rng.choice(FIRST)}</span><p>I disagree with point {i}.</p></div>'
            for i in range(rng.randint(20, 60))
        )
        + "</section>"
    )


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(TOPICS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def _body(rng: random.Random, when: datetime) -> str:
    paragraphs = []
    for n in range(rng.randint(8, 20)):
        text = SENTENCE.format(
            topic=rng.choice(TOPICS), day=when.strftime("%A"), verb=rng.choice(VERBS).split(" ", 1)[-1], obj=rng.choice(OBJECTS)
        ) * rng.randint(1, 3)
        paragraphs.append(f"<p>{escape(text)}</p>")
        if n % 6 == 5:
            paragraphs.append(f"<h2>{escape(rng.choice(OBJECTS).capitalize())} in context</h2>")
        if n == 3:
            paragraphs.append('<div class="ad-slot" id="ad-inline-1">Advertisement</div>')
    return "".join(paragraphs)


def page(seed: int) -> tuple[str, dict]:
    rng = random.Random(seed)
    when = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 60 * 24 * 700))
    authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.choice([1, 1, 1, 2]))]
    layout = seed % 5
    title = _headline(rng) if layout != 4 else rng.choice(JA_TITLES)
    site = "The Daily Ledger"
    iso = when.isoformat().replace("+00:00", "Z")
    head, byline = [], ""
    if layout == 0:  # Yoast-style JSON-LD graph, authors by @id
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "Organization", "@id": "#org", "name": site},
                *[{"@type": "Person", "@id": f"#p{i}", "name": a} for i, a in enumerate(authors)],
                {"@type": "WebPage", "@id": "#page", "name": f"{title} - {site}"},
                {
                    "@type": "NewsArticle",
                    "headline": title,
                    "datePublished": iso,
                    "dateModified": iso,
                    "publisher": {"@id": "#org"},
                    "author": [{"@id": f"#p{i}"} for i in range(len(authors))],
                    "isPartOf": {"@id": "#page"},
                },
            ],
        }
        head.append(f'<script type="application/ld+json">{json.dumps(graph)}</script>')
        byline = f'<div class="entry-meta"><span class="byline">by {" and ".join(authors)}</span></div>'
    elif layout == 1:  # OpenGraph + article:* meta
        head += [
            f'<meta property="og:title" content="{escape(title)}">',
            f'<meta property="og:site_name" content="{site}">',
            f'<meta property="article:published_time" content="{iso}">',
            f'<meta name="author" content="{escape(", ".join(authors))}">',
        ]
        byline = f'<p class="byline">By {escape(" and ".join(authors))}</p>'
    elif layout == 2:  # microdata
        byline = (
            '<div class="meta">'
            + "".join(
                f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{escape(a)}</span></span> '
                for a in authors
            )
            + f'<time itemprop="datePublished" datetime="{iso}">{when:%B %d, %Y}</time></div>'
        )
    elif layout == 3:  # visible byline and <time> only
        byline = f'<div class="article-byline">By {escape(" and ".join(authors))} · <time datetime="{iso}">{when:%d %b %Y}</time></div>'
    else:  # Japanese news layout: the day shown is Tokyo's, as the publisher's own
        when = when.astimezone(ZoneInfo("Asia/Tokyo"))
        authors = [rng.choice(["山田太郎", "佐藤花子", "鈴木一郎"])]
        head += [
            f'<meta property="og:title" content="{escape(title)}">',
            f'<meta name="author" content="{authors[0]}">',
            f'<meta property="article:published_time" content="{iso}">',
        ]
        byline = f'<p class="byline">文：{authors[0]}　{when:%Y年%m月%d日}</p>'
    html = (
        f'<!DOCTYPE html><html lang="{"ja" if layout == 4 else "en"}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {site}</title>{''.join(head)}{_scripts(rng)}</head><body>{_menu(rng)}"
        f'<div class="layout"><main><article itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h1 itemprop="headline">{escape(title)}</h1>{byline}'
        f'<div class="share-bar">Share on X Facebook LinkedIn Email</div>{_body(rng, when)}</article>{_comments(rng)}</main>'
        f"{_rail(rng, 'Most read')}{_rail(rng, 'Related stories')}</div>{_cards(rng)}"
        f'<footer class="site-footer">{"<a href=/x>Footer link</a>" * 80} © {site}</footer></body></html>'
    )
    # the label is the publisher's day: UTC's on the English layouts, Tokyo's on the Japanese one
    return html, {"title": title, "authors": authors, "published": when.date().isoformat()}


def pages(count: int) -> list[tuple[str, bytes, dict]]:
    out = []
    for seed in range(count):
        html, label = page(seed)
        out.append((f"generated-{seed:03d}.html", html.encode("utf-8"), label))
    return out
