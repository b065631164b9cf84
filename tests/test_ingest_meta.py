"""Where an article comes from: front matter, date lines, datelines, HTML metadata, the --meta table."""
import pytest

from graphkit.errors import InputError
from graphkit.ingest import collect_files, load_sidecar, read_articles
from graphkit.ingest.meta import parse_date, split_metadata
from graphkit.model import Article

BODY = ("The Irish Data Protection Commission fined Acme Analytics $16.5 million on Tuesday over its face data.\n\n"
        "The company said it would appeal the decision in the courts next month.")


def articles(*paths, sidecar=None):
    return [a for a in read_articles(collect_files(paths), sidecar) if isinstance(a, Article)]


@pytest.mark.parametrize("text, date", [
    ("2022-11-26", "2022-11-26"), ("Nov. 26, 2022", "2022-11-26"), ("26 November 2022", "2022-11-26"),
    ("March 3 2024 10:00", "2024-03-03"), ("2022-13-01", ""), ("soon", ""),
])
def test_dates_in_the_forms_articles_print_them(text, date):
    assert parse_date(text) == date


def test_fenced_front_matter_is_read_and_left_out_of_the_text(tmp_path):
    f = tmp_path / "fine.txt"
    f.write_text("---\ntitle: Acme fined in Ireland\ndate: 2023-05-02\nurl: https://news.example/acme\n"
                 "outlet: Example News\n---\n\n" + BODY + "\n", encoding="utf-8")
    [article] = articles(f)
    assert (article.title, article.date, article.url, article.outlet) == (
        "Acme fined in Ireland", "2023-05-02", "https://news.example/acme", "Example News")
    assert article.text == BODY
    assert "title:" not in article.text and "2023-05-02" not in article.text


def test_unfenced_front_matter_ends_at_the_first_blank_line(tmp_path):
    f = tmp_path / "fine.txt"
    f.write_text("Title: Acme fined\nDate: 2 May 2023\nOutlet: Example News\n\n" + BODY, encoding="utf-8")
    [article] = articles(f)
    assert (article.title, article.date, article.outlet) == ("Acme fined", "2023-05-02", "Example News")
    assert article.text == BODY


def test_an_article_that_starts_with_a_colon_line_is_not_front_matter():
    text = "Update: the company replied.\n\n" + BODY
    meta, rest = split_metadata(text)
    assert rest == text and meta.title == ""


def test_a_leading_date_line_with_byline_gives_the_date_and_is_not_the_title(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("date 2022-11-26 By Jane Roe, staff writer\n\nAcme fined in Ireland\n\n" + BODY, encoding="utf-8")
    [article] = articles(f)
    assert article.date == "2022-11-26"
    assert article.title == "Acme fined in Ireland"
    assert "2022" not in article.text and "Jane Roe" not in article.text


def test_a_wire_dateline_gives_the_date_and_stays_out_of_the_first_sentence(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("DUBLIN, March 3, 2024 (Reuters) - " + BODY, encoding="utf-8")
    [article] = articles(f)
    assert article.date == "2024-03-03"
    assert article.text.startswith("The Irish Data Protection Commission fined")


def test_evidence_offsets_point_into_the_stored_text(tmp_path, extractor):
    f = tmp_path / "fine.txt"
    f.write_text("---\ntitle: Acme fined\ndate: 2023-05-02\n---\n" + BODY, encoding="utf-8")
    [article] = articles(f)
    [result] = list(extractor.extract([article]))
    assert result.relations
    for rel in result.relations:
        assert article.text[rel.evidence.start:rel.evidence.end] == rel.evidence.text
        assert "2023-05-02" not in rel.evidence.text and "title" not in rel.evidence.text


def test_sources_are_relative_to_the_input_folder(tmp_path):
    folder = tmp_path / "articles"
    (folder / "ireland").mkdir(parents=True)
    (folder / "ireland" / "fine.txt").write_text(BODY, encoding="utf-8")
    [article] = articles(folder)
    assert article.source == "ireland/fine.txt"
    assert article.origin == str((folder / "ireland" / "fine.txt").resolve())
    [named] = articles(folder / "ireland" / "fine.txt")     # an absolute path on the command line
    assert named.source == "fine.txt"


def test_html_page_gives_its_outlet(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Acme fined | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="og:url" content="https://news.example/acme">'
        '<meta property="article:published_time" content="2023-05-02T08:00:00Z"></head>'
        f"<body><article><h1>Acme fined</h1><p>{BODY.split(chr(10))[0]}</p><p>{BODY.split(chr(10))[-1]}</p>"
        "</article></body></html>", encoding="utf-8")
    [article] = articles(page)
    assert article.outlet == "Example News" and article.date == "2023-05-02"
    assert article.url == "https://news.example/acme"


def test_sidecar_table_fills_and_overrides_metadata_by_path(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("---\ntitle: Old title\n---\n" + BODY, encoding="utf-8")
    (folder / "b.txt").write_text(BODY, encoding="utf-8")
    table = tmp_path / "index.csv"
    table.write_text("path,title,date,url,outlet\narticles/a.txt,New title,03/05/2023x,,\n", encoding="utf-8")
    with pytest.raises(InputError, match="index.csv:2.*not a date"):
        load_sidecar(table)
    table.write_text("Path,Title,Date,URL,Outlet\narticles/a.txt,New title,2023-05-03,,\n"
                     "b.txt,,4 May 2023,https://b.example,Example Wire\nmissing.txt,,,,\n", encoding="utf-8")
    sidecar = load_sidecar(table)
    a, b = articles(folder, sidecar=sidecar)
    assert (a.title, a.date) == ("New title", "2023-05-03")
    assert (b.title, b.date, b.url, b.outlet) == ("", "2023-05-04", "https://b.example", "Example Wire")
    assert sidecar.unused() == ["missing.txt"]


def test_sidecar_without_a_path_column_is_refused(tmp_path):
    table = tmp_path / "index.csv"
    table.write_text("file,title\na.txt,T\n", encoding="utf-8")
    with pytest.raises(InputError, match="no \"path\" column"):
        load_sidecar(table)
