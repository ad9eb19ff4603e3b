"""Issue 17, « two texts for every message »: with « Facile à lire » on, the interface's own
words are in easy-to-read French too — the privacy page, the note under the tchat, « Plus
d’options » and its confirmations — on the pages without JavaScript and in what the web
client reads (coach.js); and the answer to « effacer mon brouillon » leads straight to the
confirmation of « Supprimer ma conversation ». On the real dialogues and interface.yaml."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from coach.api.interface import interface_texts, load_interface
from coach.resources import default_path
from tests.api.turns import app_on_sqlite, client_of, page_text, turn

pytestmark = pytest.mark.anyio

TEXTS = load_interface().texts


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return app_on_sqlite(tmp_path_factory.mktemp("interface-falc"))


@pytest.fixture
async def client(app):
    async with client_of(app) as http:
        yield http


def plain(text: str) -> str:
    return " ".join(text.split())


async def test_the_privacy_page_has_an_easy_to_read_version(client):
    standard = (await client.get("/confidentialite")).text
    easy = (await client.get("/confidentialite?falc=1")).text.replace("\u00a0", " ").replace(
        "\u202f", " ")
    assert easy != standard
    assert '<html lang="fr">' in easy and 'class="page-texte falc"' in easy
    title = "Confidentialité : ce que le site garde sur vous"
    assert f"<h1>{title}</h1>" in easy and f"<title>{title} — Coach CoP</title>" in easy
    words = page_text(easy)
    # Everything the standard page says, said simply: retention, erasing, logs, IP, rights.
    for said in ("Le site garde votre conversation 30 jours après votre dernier message.",
                 "Pour cela, choisissez le bouton « Supprimer ma conversation ».",
                 "Vos messages restent toujours en dehors de ces journaux.",
                 "Le site garde ce numéro 2 minutes au plus.",
                 "Vous avez le droit d’effacer votre conversation à tout moment.",
                 "Vous pouvez aussi vous plaindre à la CNIL.", "Son site est cnil.fr."):
        assert said in words, said
    assert "Base légale" not in words and "responsable du traitement" not in words
    # One sentence a line, as in the coach's easy-to-read bubbles.
    assert "Le site donne un numéro à votre conversation.<br>" in easy
    # The standard page is as it was, and `falc=0` or anything else is the standard page.
    assert "<h1>Confidentialité et données personnelles</h1>" in standard
    assert "responsable du traitement" in standard and "30 jours" in standard
    assert (await client.get("/confidentialite?falc=0")).text == standard


async def test_the_easy_to_read_privacy_page_names_whom_to_contact(tmp_path):
    app = app_on_sqlite(tmp_path)
    async with client_of(app) as http:
        easy = page_text((await http.get("/confidentialite?falc=1")).text)
    assert "Vous avez une question sur vos droits ? Contactez" in easy
    assert "{" not in easy and "}" not in easy


async def no_js_conversation(client, falc: bool) -> str:
    data = {"parcours": "coordinateur", **({"falc": "1"} if falc else {})}
    started = await client.post("/sans-js", data=data)
    return started.headers["location"].split("#")[0]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_pages_without_javascript_speak_the_conversation_s_language(client, falc):
    path = await no_js_conversation(client, falc)
    page = (await client.get(path)).text
    footer = re.search(r"<footer.*?</footer>", page, re.S).group(0)
    link = TEXTS["lien-confidentialite"].get(falc)
    href = "/confidentialite?falc=1" if falc else "/confidentialite"
    assert f'<a href="{href}">{link}</a>' in footer
    for key in ("telecharger", "recommencer", "supprimer"):
        assert f">{TEXTS[key].get(falc)}</a>" in page, key
    assert (">Garder la conversation sur votre appareil</a>" in page) is falc
    # The confirmation page of « Supprimer ma conversation », in the same language.
    confirm = (await client.get(path + "/supprimer")).text
    words = page_text(confirm)
    assert ("Effacer toute votre conversation ?" if falc
            else "Supprimer votre conversation ?") in words
    assert ("Le coach efface tout de suite tous les messages." if falc
            else "Tous les messages seront effacés tout de suite.") in words
    assert ("Oui, tout effacer" if falc else "Oui, tout supprimer") in words
    assert ('class="page coach falc"' in confirm) is falc
    assert f'href="{href}"' in confirm
    restart = page_text((await client.get(path + "/recommencer")).text)
    assert ("Recommencer au début ?" if falc else "Recommencer depuis le début ?") in restart


async def test_the_web_client_reads_both_texts_from_the_one_source(client):
    script = (await client.get("/coach.js")).text
    found = re.search(r"var TEXTES = (\{.*?\});\n", script)
    assert found, "coach.js must carry the interface's texts"
    texts = json.loads(found.group(1))
    assert texts["pied"] == [TEXTS["pied"].text, TEXTS["pied"].falc]
    assert texts["pref-focus"][1] == "Aller directement à chaque nouvelle réponse"
    for part in ("supprimer-titre", "supprimer-texte", "supprimer-oui", "supprimer-non",
                 "recommencer-titre", "recommencer-texte", "lien-confidentialite"):
        assert part in texts, part


def test_the_page_s_standard_words_are_interface_yaml_s():
    """web/index.html shows the standard text before the script runs: the same words."""
    root = lxml.html.fromstring((default_path("web") / "index.html").read_bytes())
    marked = root.xpath("//*[@data-texte]")
    keys = {n.get("data-texte") for n in marked}
    assert {"pied", "lien-confidentialite", "titre-taille", "plus-petit", "plus-grand",
            "vitesse", "pref-focus", "telecharger", "imprimer", "recommencer",
            "supprimer"} <= keys
    for node in marked:
        assert plain(node.text_content().replace("\u00a0", " ")) == plain(
            TEXTS[node.get("data-texte")].text), node.get("data-texte")


def test_every_easy_to_read_interface_text_passes_the_falc_checker():
    from coach.content.falc_gate import check_documents
    from coach.content.loader import read_content

    content, _ = read_content(None)
    texts = interface_texts()
    assert {t.where for t in texts} >= {"texte « pied »", "confidentialité › titre"}
    issues, figures = check_documents(content, texts)
    errors = [i.format() for i in issues if i.severity == "error"]
    assert errors == []
    assert figures["interface"]["messages"] >= 20


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_the_answer_to_erase_the_draft_offers_the_confirmation(client, falc):
    step = (await client.post("/api/v1/conversations",
                              json={"flow": "coordinateur", "falc": falc})).json()
    step = await turn(client, step["id"], text="effacer mon brouillon")
    erasing = [m for m in step["messages"] if m["role"] == "bot" and m["delete"]]
    assert len(erasing) == 1 and "« Supprimer ma conversation »" in erasing[0]["text"]
    assert not any(m["delete"] for m in step["messages"] if m is not erasing[0])


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_without_javascript_the_answer_links_to_the_confirmation_page(client, falc):
    path = await no_js_conversation(client, falc)
    page = (await client.get(path)).text
    key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
    await client.post(path, data={"texte": "effacer mon brouillon", "cle": key})
    page = (await client.get(path)).text.replace("\u00a0", " ").replace("\u202f", " ")
    items = page.split('<li class="msg ')
    answer = [i for i in items if "« Supprimer ma conversation »" in i]
    assert len(answer) == 1, "the answer to « effacer mon brouillon »"
    link = f'<a class="bouton-lien" href="{path}/supprimer">Supprimer ma conversation</a>'
    assert link in answer[0]
    assert sum(link in i for i in items[1:]) == 1  # under that answer only (and at the top)
    assert (await client.get(path + "/supprimer")).status_code == 200
