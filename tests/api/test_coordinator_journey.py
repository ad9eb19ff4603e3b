"""The whole coordinator journey through the JSON API, on the real dialogues: each stage is
walked from its first node to its end, with a detour into the toolbox at every place of
the stage that opens it; after each return the person is back at the calling node, with the
same progress. A typed objective reaches the downloaded draft.

Paths are found on the content's graph (shortest, without calls) and pressed button by
button: every button pressed must be one the API offered."""

from __future__ import annotations

import io
import re
from collections import deque

import httpx
import pytest

from coach.api.app import create_app
from coach.content.loader import load_content
from coach.content.model import Content, NodeRef
from coach.settings import Settings
from tests.api.pages import press
from tests.conftest import CONTACT

CONTENT = load_content()
STAGES = ("initier", "modeliser", "animer", "perenniser")
# Inside the toolbox, a few moves before coming back (each must be offered there).
TOOLBOX_MOVES = ("autre-outil", "charte", "questions")


def path(content: Content, start: NodeRef, goal: NodeRef) -> list[tuple[NodeRef, str]]:
    """The shortest list of (node, choice id) from `start` to `goal` inside one flow,
    without detours and without returning to the hub."""
    previous: dict[NodeRef, tuple[NodeRef, str] | None] = {start: None}
    queue = deque([start])
    while queue:
        ref = queue.popleft()
        if ref == goal:
            break
        node = content.node(ref)
        for choice in node.choices:
            if choice.call or choice.returns:
                continue
            target = content.resolve(ref[0], choice.target)
            if target[0] == start[0] and target not in previous:
                previous[target] = (ref, choice.id)
                queue.append(target)
    assert goal in previous, (start, goal)
    steps = []
    ref = goal
    while previous[ref] is not None:
        before, choice = previous[ref]  # type: ignore[misc]
        steps.append((before, choice))
        ref = before
    return steps[::-1]


def callers(content: Content, flow: str) -> list[tuple[str, str]]:
    """(node, choice) of every detour into the toolbox from this stage."""
    return [(node.id, choice.id) for node in content.flows[flow].nodes.values()
            for choice in node.choices if choice.call and choice.target.startswith("outils:")]


@pytest.fixture
def real_client(tmp_path):
    settings = Settings(store_url=f"sqlite:///{tmp_path}/coach.db", _env_file=None,
                        allowed_origins=["https://partenaire.example"], **CONTACT)
    return create_app(settings)


class Walker:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.step: dict = {}

    async def start(self) -> None:
        answer = await self.http.post("/api/v1/conversations", json={"flow": "coordinateur"})
        assert answer.status_code == 201
        self.step = answer.json()

    async def press(self, choice: str) -> dict:
        offered = [c["id"] for c in self.step["choices"] + self.step["commands"]]
        assert choice in offered, (self.step["flow"], self.step["node"], choice, offered)
        answer = await self.http.post(f"/api/v1/conversations/{self.step['id']}/turns",
                                      json={"choice": choice})
        assert answer.status_code == 200, answer.text
        self.step = answer.json()
        return self.step

    async def type(self, text: str) -> dict:
        answer = await self.http.post(f"/api/v1/conversations/{self.step['id']}/turns",
                                      json={"text": text})
        assert answer.status_code == 200, answer.text
        self.step = answer.json()
        return self.step

    @property
    def place(self) -> NodeRef:
        return self.step["flow"], self.step["node"]

    async def detour(self, choice: str) -> None:
        """Into the toolbox and back: the place and the progress are those of before."""
        place, progress = self.place, self.step["progress"]
        await self.press(choice)
        assert self.step["flow"] == "outils"
        assert self.step["progress"] == progress  # the stage stays shown in the detour
        ids = [c["id"] for c in self.step["choices"]]
        assert "revenir" in ids and "terminer" not in ids
        for move in TOOLBOX_MOVES:
            if move in [c["id"] for c in self.step["choices"]]:
                await self.press(move)
        await self.press("revenir")
        assert self.place == place
        assert self.step["progress"] == progress
        refs = [m["ref"] for m in self.step["messages"]]
        # a short step is said again whole; a longer one is named, then its last message
        assert refs[:2] in (["choix/revenir", "coach/retour-appel"],
                            ["choix/revenir", "coach/retour-appel-lieu"])
        if refs[1] == "coach/retour-appel-lieu":
            assert len(refs) == 3, refs

    async def walk_to(self, goal: NodeRef) -> None:
        for ref, choice in path(CONTENT, self.place, goal):
            assert self.place == ref
            await self.press(choice)


@pytest.mark.anyio
async def test_every_stage_with_a_detour_at_each_toolbox_door(real_client):
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        walker = Walker(http)
        await walker.start()
        assert walker.step["progress"] is None  # the hub is not a stage
        await walker.detour("outils")  # the hub opens the toolbox too
        await walker.press("etape-1")
        for number, flow in enumerate(STAGES, start=1):
            assert walker.place == (flow, "debut")
            progress = walker.step["progress"]
            assert progress["stage"] == number and progress["stages"] == 4
            assert progress["part"] == 1
            assert progress["label"] == f"Étape {number} sur 4 · partie 1 sur {progress['parts']}"
            # a detour at every door of the stage into the toolbox, on the way to its end
            doors = callers(CONTENT, flow)
            assert doors, flow
            for caller, call in doors:
                await walker.walk_to((flow, caller))
                await walker.detour(call)
            if walker.place != (flow, "fin") and walker.place[1] != "brouillon":
                await walker.walk_to((flow, "fin"))
            assert walker.step["progress"]["part"] == walker.step["progress"]["parts"]
            if number < 4:
                follow = f"etape-{number + 1}"
                ids = [c["id"] for c in walker.step["choices"]]
                if follow not in ids:
                    await walker.press("etapes")
                await walker.press(follow)
        assert walker.step["end"] is True


@pytest.mark.anyio
async def test_back_from_the_charter_tool_names_the_step_in_both_variants(real_client):
    """The charter's step has 4 messages: back from its tool, the API names the step, then
    says its last message with its choices; the name follows « Facile à lire »."""
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        walker = Walker(http)
        await walker.start()
        await walker.press("etape-1")
        await walker.walk_to(("initier", "charte"))
        choices = walker.step["choices"]
        await walker.press("outil-charte")
        await walker.press("revenir")
        assert walker.place == ("initier", "charte")
        said = walker.step["messages"]
        assert [m["ref"] for m in said] == ["choix/revenir", "coach/retour-appel-lieu",
                                            "initier/charte/3"]
        assert said[1]["text"] == ("Vous revenez où vous en étiez : « Étape 1 : écrire la "
                                   "charte ». Le début est plus haut dans la conversation.")
        assert said[2]["text"].startswith("Pour écrire votre charte avec les membres")
        assert walker.step["choices"] == choices
        answer = await http.patch(f"/api/v1/conversations/{walker.step['id']}",
                                  json={"falc": True})
        assert answer.status_code == 200
        line = next(m for m in answer.json()["messages"][::-1]
                    if m["ref"] == "coach/retour-appel-lieu")
        assert line["text"] == ("Vous revenez ici :\n« Étape 1 : la charte ».\n"
                                "Le début est plus haut.")


@pytest.mark.anyio
async def test_typed_objective_reaches_the_downloaded_draft(real_client):
    objective = "Rompre l’isolement des familles du Cantal <b>& =cmd</b>"
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        walker = Walker(http)
        await walker.start()
        await walker.press("etape-1")
        await walker.walk_to(("initier", "objectif-reponse"))
        for command in ("aide", "menu"):  # commands stay commands at the question
            before = walker.place
            await walker.type(command)
            if command == "menu":  # the journey's menu: the hub
                assert walker.place == ("coordinateur", "parcours")
                await walker.press("retour")
            else:
                assert walker.place == before
                assert [m["ref"] for m in walker.step["messages"]][-2:] == [
                    "coach/aide", "coach/ou-en-suis-je"]  # in a stage: where one is too
        assert walker.place == ("initier", "objectif-reponse")
        await walker.type(objective)
        assert walker.place == ("initier", "objectif-reponse")
        assert [c["id"] for c in walker.step["choices"]] == ["saisie-garder", "saisie-reecrire",
                                                             "saisie-question"]
        assert f"« {objective} »" in walker.step["messages"][-1]["text"]
        await walker.press("saisie-garder")
        assert walker.place == ("initier", "carte-participation")
        page = await http.get(f"/api/v1/conversations/{walker.step['id']}/document")
        assert page.status_code == 200
        escaped = "Rompre l’isolement des familles du Cantal &lt;b&gt;&amp; =cmd&lt;/b&gt;"
        assert escaped in page.text
        # edited later from the summary: a detour that comes back to it
        await walker.walk_to(("initier", "brouillon"))
        said = " ".join(m["text"] for m in walker.step["messages"])
        assert f"Objectifs, dans vos mots : {objective}" in said  # the summary shows it
        # and the page without JavaScript shows it escaped, as any typed text (with its
        # non-breaking space before « : »)
        nojs = (await http.get(f"/sans-js/{walker.step['id']}")).text
        assert ("Objectifs, dans vos mots\u00a0: Rompre l’isolement des familles du Cantal"
                " &lt;b&gt;&amp; =cmd&lt;/b&gt;") in nojs
        assert "<b>&" not in nojs
        await walker.press("modifier")
        await walker.press("m-etape-initier")  # first the stage, then the answer
        await walker.press("m-objectif")
        await walker.type("Créer un lieu d’échange pour les aidants")
        await walker.press("saisie-garder")
        assert walker.place == ("initier", "modifier-etape-initier")
        await walker.press("revenir")
        assert walker.place == ("initier", "brouillon")
        page = await http.get(f"/api/v1/conversations/{walker.step['id']}/document")
        assert "Créer un lieu d’échange pour les aidants" in page.text
        assert "Cantal" not in page.text
        gone = await http.delete(f"/api/v1/conversations/{walker.step['id']}")
        assert gone.status_code == 204
        page = await http.get(f"/api/v1/conversations/{walker.step['id']}/document")
        assert page.status_code == 404


@pytest.mark.anyio
async def test_a_question_typed_for_the_draft_is_answered_as_a_detour(real_client):
    """« comment on évalue si ça marche » typed where the objective is asked was shown back
    as the objective, the question lost. The person says it was a question (JSON API, then
    the same on the pages without JavaScript): the place it leads to is a detour, the way
    back returns to the step, and the draft holds nothing of it."""
    question = "comment on évalue si ça marche"
    step = ("initier", "objectif-reponse")
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        walker = Walker(http)
        await walker.start()
        await walker.press("etape-1")
        await walker.walk_to(step)
        await walker.type(question)
        assert walker.step["messages"][-1]["text"] == (
            f"Vous avez écrit : « {question} ». C’est une réponse pour votre brouillon, ou"
            " une question ?")
        assert walker.step["choices"][-1] == {"id": "saisie-question",
                                              "label": "C’était une question"}
        await walker.press("saisie-question")
        if walker.step["choices"][-1]["id"] == "sens-autre":  # « Vous voulez parler de… ? »
            await walker.press("sens-1")
        assert walker.place != step
        assert walker.step["choices"][-1] == {"id": "saisie-revenir",
                                              "label": "Revenir où j’en étais"}
        await walker.press("saisie-revenir")
        assert walker.place == step
        assert [m["ref"] for m in walker.step["messages"]][:2] == ["choix/saisie-revenir",
                                                                   "coach/retour-appel"]
        draft = await http.get(f"/api/v1/conversations/{walker.step['id']}/document")
        assert draft.status_code == 200 and question not in draft.text
        # the same, tapped on the pages without JavaScript
        path = f"/sans-js/{walker.step['id']}"
        assert (await http.post(path, data={"texte": question})).status_code == 303
        page = await press(http, path, "saisie-question")
        assert ">C’était une question<" in page
        if 'value="sens-autre"' in page:
            page = await press(http, path, "sens-1")
        assert ">Revenir où j’en étais<" in page
        page = await press(http, path, "saisie-revenir")
        assert "Vous revenez où vous en étiez." in page
        back = (await http.get(f"/api/v1/conversations/{walker.step['id']}")).json()
        assert (back["flow"], back["node"]) == step
        draft = await http.get(f"/api/v1/conversations/{walker.step['id']}/document")
        assert question not in draft.text


@pytest.mark.anyio
async def test_pages_without_javascript_say_the_progress_in_words(real_client):
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        started = await http.post("/sans-js", data={"parcours": "coordinateur"})
        assert started.status_code == 303
        path = started.headers["location"].split("#")[0]
        page = (await http.get(path)).text
        assert 'class="progression"' not in page  # the hub is not a stage
        key = re.search(r'name="cle" value="([^"]+)"', page).group(1)
        await http.post(path, data={"choix": "etape-1", "cle": key})
        page = (await http.get(path)).text
        # the client's own markup (web/index.html), filled on the server: text, and a bar
        # hidden from screen readers; where the path is chosen, the short path's 7 parts
        assert ('<div class="progression"><p class="progression-texte">'
                "Étape 1 sur 4 · partie 1 sur 7</p>") in page
        assert ('<progress class="progression-barre" aria-hidden="true" max="7" value="1">'
                in page)


@pytest.mark.anyio
async def test_typed_answers_of_stages_3_and_4_are_edited_from_the_summary(real_client):
    """Typed at the stage's question, written again from the summary of the draft (a
    detour per answer, with confirmation): the downloaded draft (HTML and DOCX) holds the
    new words only."""
    import docx

    first = {"techniques": "Le tour de table <i>chaque mois</i>",
             "indicateurs": "Nombre de membres & \"retours\" des familles"}
    again = {"techniques": "Le photolangage puis l’approfondissement",
             "indicateurs": "=Nombre de récits recueillis chaque trimestre"}
    transport = httpx.ASGITransport(app=real_client)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        walker = Walker(http)
        await walker.start()
        for hub_choice, place in (("etape-3", ("animer", "tech-approfondissement")),
                                  ("etape-4", ("perenniser", "evaluation"))):
            await walker.press(hub_choice)
            await walker.walk_to(place)
            variable = CONTENT.node(place).ask.variable
            await walker.type(first[variable])
            await walker.press("saisie-garder")
            assert walker.place != place
            await walker.press("menu")  # back to the stages: the journey's menu
            assert walker.place == ("coordinateur", "parcours")
        await walker.press("etape-1")
        await walker.walk_to(("initier", "brouillon"))
        # the summary says the words typed at stages 3 and 4, with their part's title
        said = " ".join(m["text"] for m in walker.step["messages"])
        assert f"Les techniques d’animation, dans vos mots : {first['techniques']}" in said
        assert ("Les indicateurs de volume et d’impact, dans vos mots : "
                f"{first['indicateurs']}") in said
        await walker.press("modifier")
        assert walker.place == ("initier", "modifier-reponses")
        for variable, stage in (("techniques", "animer"), ("indicateurs", "perenniser")):
            await walker.press(f"m-etape-{stage}")
            assert walker.place == ("initier", f"modifier-etape-{stage}")
            await walker.press(f"m-{variable}")
            assert walker.place == ("initier", f"modifier-{variable}")
            said = [m["text"] for m in walker.step["messages"]]
            assert f"« {first[variable]} »" in " ".join(said)  # the answer kept so far
            await walker.type(again[variable])
            assert [c["id"] for c in walker.step["choices"]] == [
                "saisie-garder", "saisie-reecrire", "saisie-question"]
            await walker.press("saisie-garder")
            assert walker.place == ("initier", f"modifier-etape-{stage}")
            await walker.press("m-autre-etape")
            assert walker.place == ("initier", "modifier-reponses")
        await walker.press("revenir")
        assert walker.place == ("initier", "brouillon")
        url = f"/api/v1/conversations/{walker.step['id']}/document"
        page = await http.get(url)
        assert page.status_code == 200
        assert "Le photolangage puis l’approfondissement" in page.text
        assert "=Nombre de récits recueillis chaque trimestre" in page.text
        assert "tour de table" not in page.text and "retours" not in page.text
        word = await http.get(url, params={"format": "docx"})
        assert word.status_code == 200
        paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
        assert again["techniques"] in paragraphs and again["indicateurs"] in paragraphs
        assert not any("tour de table" in p or "retours" in p for p in paragraphs)


def test_the_summary_offers_every_typed_answer_of_the_draft():
    """Derived from the content: each `ask:` of the four stages whose variable the draft
    reads has its choice in the summary's menu, and that choice asks for that variable."""
    from coach.drafts.template import load_template

    read = load_template().variables()
    asked = [(flow.id, node.ask.variable) for flow, node in CONTENT.iter_nodes()
             if flow.header.draft and node.ask is not None and not node.ask.returns
             and node.ask.variable in read]
    assert {flow for flow, _v in asked} == set(STAGES)
    menu = CONTENT.node(("initier", "modifier-reponses"))
    # grouped by stage: the menu offers the four stages, each stage its own answers
    assert [c.id for c in menu.choices] == [f"m-etape-{f}" for f in STAGES] + ["revenir"]
    offered = {}
    for stage_choice in menu.choices[:-1]:
        assert stage_choice.label and stage_choice.label_falc and not stage_choice.call
        stage_menu = CONTENT.node(CONTENT.resolve("initier", stage_choice.target))
        ids = [c.id for c in stage_menu.choices]
        assert ids[-2:] == ["m-autre-etape", "revenir"]
        assert len(ids) <= 6  # short on a phone
        assert stage_menu.messages and all(m.text and m.falc for m in stage_menu.messages)
        offered.update({c.id: (stage_menu.id, c) for c in stage_menu.choices[:-2]})
    for flow, variable in asked:
        stage_menu, choice = offered[f"m-{variable.replace('_', '-')}"]
        assert stage_menu == f"modifier-etape-{flow}"
        assert choice.call and choice.label and choice.label_falc
        edit = CONTENT.node(CONTENT.resolve("initier", choice.target))
        assert edit.ask is not None and edit.ask.variable == variable and edit.ask.returns
        assert any(c.returns for c in edit.choices)
    assert len(offered) == len({v for _f, v in asked})


def test_the_summary_says_every_typed_answer_of_the_draft():
    """Derived from the content: the summary `brouillon` has one line per typed answer
    of the four stages, said only when typed, with the part's title in both texts."""
    from coach.content.answer_edits import draft_parts

    parts = draft_parts()
    asked = {node.ask.variable for flow, node in CONTENT.iter_nodes()
             if flow.header.draft and node.ask is not None and not node.ask.returns
             and node.ask.variable in parts}
    summary = CONTENT.node(("initier", "brouillon"))
    typed = {}
    for message in summary.messages:
        for variable in asked:
            if "{texte_" + variable + "}" in message.text:
                assert "{texte_" + variable + "}" in message.falc
                assert message.when == f"{variable} == 'libre'"
                typed[variable] = message
    assert set(typed) == asked and len(asked) >= 12
    for variable, message in typed.items():
        assert message.text.startswith(parts[variable].title)
        assert message.falc.startswith(parts[variable].title_falc)
    # said after the introduction and before the closing advice
    lines = [i for i, m in enumerate(summary.messages) if m in typed.values()]
    assert min(lines) > 0 and max(lines) < len(summary.messages) - 1
    assert summary.messages[-1].text.startswith("Vous pouvez recopier ce brouillon")
