"""An article in another language is named, in one sentence, as something graphkit cannot read."""
import subprocess
import sys

import pytest

from graphkit.ingest.language import detect_language, language_notes, not_english
from graphkit.model import Article

GERMAN = ("Die italienische Datenschutzbehörde hat gegen das Unternehmen eine Geldbuße von zwanzig Millionen Euro "
          "verhängt. Nach Ansicht der Behörde hat die Firma ohne Einwilligung Millionen von Fotos aus dem Internet "
          "gesammelt und daraus eine Datenbank für die Gesichtserkennung aufgebaut, die sie an Polizeibehörden "
          "verkauft. Das Unternehmen kündigte an, gegen die Entscheidung vor Gericht vorzugehen.")
FRENCH = ("La commission nationale de l'informatique et des libertés a infligé une amende de vingt millions d'euros "
          "à la société, qui a collecté sans consentement des millions de photos sur internet pour alimenter un outil "
          "de reconnaissance faciale vendu aux services de police. L'entreprise a annoncé qu'elle ferait appel de "
          "cette décision devant le Conseil d'État.")
ENGLISH = ("The Italian data protection authority fined the company twenty million euros on Wednesday. The regulator "
           "said the firm had collected millions of photos from the internet without consent and built a face "
           "recognition database that it sells to police forces. The company said it would challenge the decision "
           "in court.")


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "")])
def test_other_languages_are_recognised_and_english_is_not_flagged(text, code):
    assert not_english(text) == code


def test_short_texts_are_not_judged():
    assert detect_language("Acme Sicherheit GmbH verkauft Kameras.") is None
    assert not_english("Acme Sicherheit GmbH verkauft Kameras an die Polizei in Berlin.") == ""


def test_one_sentence_per_foreign_article_naming_its_file_and_language():
    notes = language_notes([Article("de", GERMAN, source="eu/bussgeld.txt"), Article("en", ENGLISH, source="en.txt"),
                            Article("fr", FRENCH, source="amende.txt")])
    assert notes == [
        "eu/bussgeld.txt reads as German, but graphkit reads English: expect few or no entities and relations from it",
        "amende.txt reads as French, but graphkit reads English: expect few or no entities and relations from it"]


@pytest.mark.slow
def test_build_says_so_once_and_still_builds(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bussgeld.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "fine.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "g.trig"

    def graphkit(*args):
        return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True)

    run = graphkit("build", folder, "-o", out)
    assert run.returncode == 0, run.stderr
    notes = [line for line in run.stderr.splitlines() if "reads as" in line]
    assert notes == ["graphkit: note: bussgeld.txt reads as German, but graphkit reads English: expect few or no "
                     "entities and relations from it"]
    assert "2 articles" in run.stderr.splitlines()[-1]
    again = graphkit("add", out, folder)          # nothing new is read: nothing is said again
    assert again.returncode == 0 and "reads as" not in again.stderr
