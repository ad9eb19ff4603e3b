"""The site's human contact as people read it, whatever the deployer set: never « au () »,
« Horaires : . » or an empty mail link; with no phone and no e-mail, words only.
(Seen on a phone: every page without JavaScript ended with « Contactez  au  (), ou par
courriel à . » on a default install.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.engine.engine import Engine, TextInput
from coach.settings import Settings
from tests.conftest import FIXTURE_DIALOGUES

pytestmark = pytest.mark.anyio
DIALOGUES = FIXTURE_DIALOGUES.parents[2] / "dialogues"
NONE = {"contact_nom": "", "contact_telephone": "", "contact_horaires": "",
        "contact_courriel": ""}
PHONE_ONLY = {**NONE, "contact_nom": "Équipe Familles", "contact_telephone": "03 11 11 11 11"}
MAIL_ONLY = {**NONE, "contact_courriel": "equipe@exemple.fr"}
HALF_EMPTY = re.compile(r"\(\)|au\s+\(|au\s*,|à\s*\.|:\s*\.|mailto:\"|Contactez\s+au")


async def pages(tmp_path, contact: dict[str, str],
                dialogues: Path = FIXTURE_DIALOGUES) -> tuple[str, str]:
    settings = Settings(store_url=f"sqlite:///{tmp_path}/coach.db",
                        dialogues_dir=dialogues, _env_file=None, **contact)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        start = (await client.get("/sans-js")).text
        privacy = (await client.get("/confidentialite")).text
    return start, privacy


def footer(page: str) -> str:
    return re.search(r"<footer.*?</footer>", page, re.S).group(0)


async def test_no_contact_set_says_how_to_reach_someone_in_words(tmp_path) -> None:
    start, privacy = await pages(tmp_path, NONE, DIALOGUES)
    for text in (footer(start), privacy):
        assert not HALF_EMPTY.search(text), text
        assert "mailto:" not in text
    assert "pas encore indiqué de téléphone ni de courriel" in footer(start)
    assert "l’établissement qui vous accompagne" in footer(start)
    assert "contactez l’organisation qui vous propose ce coach." in privacy


async def test_without_contact_the_pages_say_the_coach_s_own_message(tmp_path) -> None:
    """One text, the content's: the pages' footer and the privacy notice say the message
    « humain-sans-contact » as its authors wrote it, and the coach says it too."""
    dialogues = tmp_path / "dialogues"
    shutil.copytree(DIALOGUES, dialogues)
    common = dialogues / "commun.yaml"
    written = common.read_text(encoding="utf-8")
    said = "Ce site n’a pas encore indiqué de téléphone ni de courriel."
    assert written.count(said) == 1
    new = "Demandez à l’équipe de votre établissement, elle saura vous orienter."
    common.write_text(written.replace(said, new), encoding="utf-8")
    start, privacy = await pages(tmp_path, NONE, dialogues)
    assert new in footer(start) and new in privacy
    assert said not in start and said not in privacy
    engine = Engine(load_content(dialogues), NONE)
    step = engine.play(engine.start("familles").record, TextInput("parler à une personne"))
    assert step.messages[-1].ref == "coach/humain-sans-contact"
    assert new in step.messages[-1].text


@pytest.mark.parametrize("contact", [PHONE_ONLY, MAIL_ONLY], ids=["telephone", "courriel"])
async def test_part_of_the_contact_shows_only_what_is_set(tmp_path, contact) -> None:
    start, privacy = await pages(tmp_path, contact)
    for text in (footer(start), privacy):
        assert not HALF_EMPTY.search(text), text
        assert ("03 11 11 11 11" in text) == bool(contact["contact_telephone"])
        assert ("mailto:equipe@exemple.fr" in text) == bool(contact["contact_courriel"])
    if not contact["contact_nom"]:
        assert "Contactez l’organisation qui vous propose ce coach par courriel" in privacy


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "facile"])
def test_talking_to_a_person_leaves_out_the_lines_the_site_did_not_set(falc: bool) -> None:
    engine = Engine(load_content(DIALOGUES), PHONE_ONLY)
    step = engine.start("familles", falc=falc)
    step = engine.play(step.record, TextInput("je veux parler a une personne"))
    said = step.messages[-1]
    assert said.ref == "coach/humain"
    assert "03 11 11 11 11" in said.text and "Équipe Familles" in said.text
    assert "Horaires" not in said.text and "ourriel" not in said.text
    assert not re.search(r":\s*\.", said.text), said.text
    full = Engine(load_content(DIALOGUES), {**PHONE_ONLY, "contact_horaires": "de 9 h à 17 h",
                                            "contact_courriel": "equipe@exemple.fr"})
    step = full.play(full.start("familles", falc=falc).record,
                     TextInput("je veux parler a une personne"))
    assert all(part in step.messages[-1].text
               for part in ("03 11 11 11 11", "de 9 h à 17 h", "equipe@exemple.fr"))


async def test_without_javascript_the_coach_s_phone_and_e_mail_are_links(tmp_path) -> None:
    """On a phone, a number to call or an address to write to is tapped, not copied: in the
    coach's words (the contact, the communities listed), never in what the person typed."""
    settings = Settings(store_url=f"sqlite:///{tmp_path}/coach.db", _env_file=None,
                        **{**PHONE_ONLY, "contact_courriel": "equipe@exemple.fr"})
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        path = (await client.post("/sans-js", data={"parcours": "familles"})
                ).headers["location"].split("#")[0]
        await client.post(path, data={"texte": "mon numero c 06 12 34 56 78 ou moi@ici.fr"})
        await client.post(path, data={"choix": "humain"})
        page = (await client.get(path)).text
    history = page.split('class="messages')[1].split("</ol>")[0]
    assert '<a href="tel:0311111111">03 11 11 11 11</a>' in history
    # A 44 px target kept whole with its full stop, cut only after its « @ » (as the client).
    assert ('<span class="joignable"><a href="mailto:equipe@exemple.fr">equipe@<wbr>exemple.fr'
            '</a>.</span>') in history
    assert "tel:0612345678" not in history and "mailto:moi@ici.fr" not in history
    assert "06 12 34 56 78" in history
