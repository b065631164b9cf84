import json

import pytest

from graphkit.errors import InputError
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article


def read(*paths):
    files = collect_files(paths)
    return files, list(read_articles(files.files))


def test_text_file_gives_article_with_title(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Vendor sells cameras to police\n\nAcme sells cameras to the city.\n", encoding="utf-8")
    _, items = read(f)
    assert items == [Article(id="story", text="Vendor sells cameras to police\n\nAcme sells cameras to the city.",
                             title="Vendor sells cameras to police", source="story.txt", origin=str(f.resolve()))]


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    ("caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_text_files_are_reported_by_name(tmp_path, content, problem):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    _, items = read(f)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(f) in str(items[0]) and problem in str(items[0])


def test_jsonl_broken_line_does_not_stop_the_others(tmp_path):
    f = tmp_path / "wire.jsonl"
    good = {"id": "a1", "url": "https://example.org/a1", "title": "T", "date": "2024-05-01T10:00:00Z", "text": "Acme sued Beta."}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "a2"}) + "\n", encoding="utf-8")
    _, items = read(f)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["a1", "a2"]
    assert articles[0].date == "2024-05-01" and articles[0].url == "https://example.org/a1"
    assert len(errors) == 1 and f"{f}:2" in str(errors[0])


def test_unknown_extension_is_an_error_when_named_and_skipped_in_folders(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "a.txt").write_text("Acme sued Beta.", encoding="utf-8")
    named = collect_files([tmp_path / "notes.docx"])
    assert named.files == [] and "unknown extension '.docx'" in str(named.errors[0])
    folder = collect_files([tmp_path])
    assert [p.name for p in folder.files] == ["a.txt"] and [p.name for p in folder.skipped] == ["notes.docx"]


def test_html_page_keeps_the_article_and_drops_the_furniture():
    from conftest import EXAMPLES

    page = next(EXAMPLES.glob("*.html"))
    _, items = read(page)
    article = items[0]
    assert isinstance(article, Article)
    assert article.date and article.url.startswith("https://") and article.title
    assert "Bridges" in article.text
    for teaser in ("Brannock Telecom", "Quayside Bank", "Harbourline Media", "Adlytics"):
        assert teaser not in article.text


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("Acme sued Beta.", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("Gamma fined Delta.", encoding="utf-8")
    _, items = read(tmp_path)
    assert len({a.id for a in items}) == 2
