"""One table of date labels, read the same by every reader: a typed line's label (Markdown, Word,
an article's own HTML), a pasted page's dated line and the end of a name in a byline."""

from __future__ import annotations

import re

import pytest

from masthead.extract import datelabels, extract, headerlines, people

LABELS = [(word, False) for word in datelabels.PUBLISHED] + [(word, True) for word in datelabels.UPDATED]
TEXT = "Bitcoin ETFs drew one billion dollars this week, the largest inflow since their launch in January."


@pytest.mark.parametrize(("label", "updated"), LABELS)
def test_every_label_opens_a_typed_date_line(label, updated):
    assert headerlines.labelled_date(f"{label.capitalize()}: 2024/04/01") == ("2024/04/01", updated, "")
    assert headerlines.labelled_date(f"{label.upper()} 2024/04/01") == ("2024/04/01", updated, "")


@pytest.mark.parametrize(("label", "updated"), LABELS)
def test_every_label_dates_a_pasted_page_a_few_lines_under_its_title(label, updated):
    # (a deck and a caption between the title and the date: the date is found in the header zone)
    source = (
        f"Title of the story\n\nThe deck of the story in a phrase\n\nA picture's caption\n\n{label.capitalize()} 2024/04/01\n\n{TEXT}\n"
    )
    a = extract("articles/a/p.txt", source.encode()).as_dict()
    assert (a["updated_at"] if updated else a["published_at"])[:10] == "2024-04-01"


@pytest.mark.parametrize("label", [word for word, _ in LABELS])
def test_a_name_ends_where_a_date_label_starts(label):
    assert people.clean_names([f"Ann Lee {label.capitalize()} 2024/04/01"], []) == ["Ann Lee"]


@pytest.mark.parametrize(
    ("words", "matches", "misses"),
    [
        (("update",), ["Update", "update:"], ["updates", "Lastupdate"]),  # a word of a spaced script is whole
        (("更新",), ["更新", "最終更新日"], []),  # a word of a script without spaces is found inside others
    ],
)
def test_labels_are_whole_words_where_a_script_spaces_its_words(words, matches, misses):
    pattern = re.compile(datelabels.alternation(words), re.I)
    assert [bool(pattern.search(value)) for value in matches + misses] == [True] * len(matches) + [False] * len(misses)


def test_the_longer_spelling_of_a_label_is_tried_first():
    # (in a script without spaces a label may open a longer one: "公開" and "公開日")
    pattern = re.compile(datelabels.alternation(("公開", "更新", "公開日", "最終更新日")))
    assert [pattern.match(value).group(0) for value in ("公開日：2024年4月1日", "最終更新日：2024年4月2日")] == ["公開日", "最終更新日"]
