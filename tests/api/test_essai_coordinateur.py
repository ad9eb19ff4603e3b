"""The 4 December tryout as a coordinator, through the JSON API and the pages without
JavaScript, on the real dialogues, in standard French and in easy-to-read:
- « effacer mon brouillon » is answered: the draft goes with the conversation, through
  « Supprimer ma conversation », confirmed by the person; nothing is erased;
- the draft's summary shows its answers at once, and every answer the draft's files show
  (the first step chosen, « un diagnostic des besoins », included);
- the 6 key questions passed are said passed, not seen, and stage 1 is not « vue en
  entier »."""

from __future__ import annotations

import re

import pytest

from tests.api.turns import app_on_sqlite, client_of, page_text, said, turn

pytestmark = pytest.mark.anyio

# From the hub: stage 1, the full path, a diagnostic first, the cards passed.
TO_CARDS_PASSED = ("etape-1", "continuer", "diagnostic", "deja", "retours", "continuer",
                   "passer")
# Then the profiles exercise passed too, Léo's advice and the charter, to the stage's end.
TO_THE_END = ("passer", "conseils", "inclusion-scolaire", "animateur-principal", "continuer",
              "suite", "continuer", "suite", "continuer", "suite", "charte", "continuer",
              "continuer")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_on_sqlite(tmp_path_factory.mktemp("essai-coordinateur"))


@pytest.fixture
async def client(app):
    async with client_of(app) as http:
        yield http


async def walk(client, falc: bool, *choices: str) -> dict:
    step = (await client.post("/api/v1/conversations",
                              json={"flow": "coordinateur", "falc": falc})).json()
    for choice in choices:
        assert choice in [c["id"] for c in step["choices"]], (choice, step["node"])
        step = await turn(client, step["id"], choice=choice)
    return step


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("text", ["effacer mon brouillon", "supprimer mon brouillon",
                                  "je veux effacer mes reponses"])
async def test_erasing_the_draft_says_how_and_erases_nothing(client, text, falc):
    before = await walk(client, falc, *TO_CARDS_PASSED, *TO_THE_END, "etape-2")
    assert before["flow"] == "modeliser"
    step = await turn(client, before["id"], text=text)
    first = said(step)[0]
    assert "« Supprimer ma conversation »" in first and "« Plus d’options »" in first
    assert ("Avant, le coach vous demande votre accord." in first if falc
            else "rien n’est effacé sans votre accord" in first)
    assert (step["flow"], step["node"]) == (before["flow"], before["node"])
    assert step["choices"] == before["choices"] and step["progress"] == before["progress"]
    # nothing erased: the draft is still there, with the answers
    page = await client.get(f"/api/v1/conversations/{before['id']}/document")
    assert page.status_code == 200
    assert "Premier pas" in page.text


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_summary_shows_every_answer_of_the_draft_at_once(client, falc):
    end = await walk(client, falc, *TO_CARDS_PASSED, *TO_THE_END)
    assert (end["flow"], end["node"]) == ("initier", "fin")
    for step in (await turn(client, end["id"], choice="brouillon"),
                 await turn(client, end["id"], text="mon brouillon")):
        assert (step["flow"], step["node"]) == ("initier", "brouillon")
        lines = said(step)
        needs = ("Premier pas : chercher de quoi les personnes ont besoin." if falc
                 else "Premier pas choisi : un diagnostic des besoins.")
        assert lines[1] == needs, lines  # the content at once, the needs first
        assert "suite" not in [c["id"] for c in step["choices"]]
        assert step["draft"]["here"]
        # every line of the summary is in the draft's page, in the same variant
        document = page_text((await client.get(
            f"/api/v1/conversations/{end['id']}/document",
            params={"falc": str(falc).lower()})).text)
        answers = lines[1:-1]
        assert len(answers) == 3  # the first step, the theme, the governance
        for line in answers:
            assert " ".join(line.split()) in document, line


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_cards_passed_are_not_seen(client, falc):
    step = await walk(client, falc, *TO_CARDS_PASSED)
    where = await turn(client, step["id"], text="où en suis-je")
    report = said(where)[0]
    cards = "Les 6 questions" if falc else "Les 6 questions clés"
    seen = next(x for x in report.split("\n")
                if x.startswith("Vous avez déjà vu" if falc else "Déjà vu"))
    assert cards not in seen
    assert (f"Vous avez passé : {cards}." if falc
            else f"Passé sans le voir dans cette étape : {cards}.") in report
    # the end of the stage says it, and stage 1 is not seen in full from stage 2
    end = await walk(client, falc, *TO_CARDS_PASSED, *TO_THE_END)
    passed = said(end)[1]
    assert passed.startswith("Dans cette étape, vous avez passé")
    assert cards in passed and ("Qui vient dans la CoP ?" if falc
                                else "Qui fait partie d’une CoP ?") in passed
    step = await turn(client, end["id"], choice="etape-2")
    report = said(await turn(client, end["id"], text="ou j en suis"))[0]
    assert "en entier" not in report and "« Étape 1 : Commencer » : finie." not in report
    assert (f"« Étape 1 : Commencer » : 6 parties faites sur 8.\nVous avez passé : {cards}"
            if falc else f"« Étape 1 : Initier » : 6 parties vues sur 8, passé sans le voir :"
            f" {cards}") in report


async def test_without_javascript_the_summary_and_the_passed_cards(client):
    start = await client.post("/sans-js", data={"parcours": "coordinateur"})
    path = start.headers["location"].split("#")[0]
    for choice in TO_CARDS_PASSED:
        page = (await client.get(path)).text
        key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
        assert (await client.post(path, data={"choix": choice, "cle": key})).status_code == 303
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    await client.post(path, data={"texte": "où en suis-je", "cle": key})
    text = page_text((await client.get(path)).text)
    assert "Passé sans le voir dans cette étape : Les 6 questions clés." in text
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    await client.post(path, data={"texte": "mon brouillon", "cle": key})
    text = page_text((await client.get(path)).text)
    assert "Premier pas choisi : un diagnostic des besoins." in text
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    await client.post(path, data={"texte": "effacer mon brouillon", "cle": key})
    text = page_text((await client.get(path)).text)
    assert "« Supprimer ma conversation »" in text
    assert "Supprimer ma conversation" in re.sub(r"«[^»]*»", "", text)  # the link, at the top
