"""Easy-to-read is safe: a person who says they do not understand never loses it.

Through the API on the real content: each phrase, typed in standard French or in FALC,
leaves the conversation in FALC and says the current step again; only « Facile à lire »
(the command) toggles, and said by someone already in FALC it asks first.
"""

from __future__ import annotations

import httpx
import pytest

from coach.api.app import create_app
from coach.settings import Settings

pytestmark = pytest.mark.anyio

DIFFICULTY = [
    "je comprends pas",
    "je comprend rien",
    "c'est trop compliqué",
    "plus simple svp",
    "jcomprend pa",
    "trop dur à lire",
    "je ne comprends pas",
    "j'ai rien compris",
    "jai pas compris",
    "c trop compliqué",
    "c'est compliqué",
    "trop difficile",
    "c'est dur à comprendre",
    "je comprends rien à ce texte",
    "vous pouvez expliquer plus simplement",
    "plus simplement svp",
    "pas compris",
    "jpige rien",
    "c'est pas clair",
    "j'arrive pas à lire",
    "trop de mots",
    "je capte rien",
    "expliquez plus simplement",
    "c'est trop long à lire",
    "c trop long",  # a phone tester in easy-to-read got « Où en suis-je ? » (its count)
    "c'est trop dur",  # « dur » was read as « durer »: stage 4, « Pérenniser »
    "c dur pour moi",
    "je sais pas lire bien",
    "en simple svp",
    "ça veut dire quoi ?",  # the whole message: went to « what is a CoP » at the menu
    "ca veu dire koi",  # « veu » read as « vécu »: the parents' lived knowledge
    "c'est-à-dire ?",
    # The whole message after a step: what the coach just said was not understood.
    "quoi ?",
    "hein ??",
    "c koi ?",
    "?",
    "pardon ?",
    "euh...",
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):
    """One app on the real content for the module (building the index takes a second)."""
    directory = tmp_path_factory.mktemp("facile")
    # Hundreds of turns from one address in a few seconds: the limits are tested on their own
    # (tests/api/test_limits.py), not here.
    return create_app(Settings(store_url=f"sqlite:///{directory}/coach.db",
                               rate_limit_per_minute=0, _env_file=None))


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


async def _at_roles(client: httpx.AsyncClient, falc: bool) -> str:
    """A parent's conversation at « Quels rôles pour moi ? », in the variant asked."""
    cid = (await client.post("/api/v1/conversations", json={"falc": falc})).json()["id"]
    for choice in ("famille", "voir-roles"):
        turn = await client.post(f"/api/v1/conversations/{cid}/turns", json={"choice": choice})
        assert turn.status_code == 200
    return cid


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize("phrase", DIFFICULTY)
async def test_saying_one_does_not_understand_turns_easy_to_read_on(client, phrase, falc):
    cid = await _at_roles(client, falc)
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"text": phrase})).json()
    assert turn["falc"] is True, turn["messages"]
    refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
    # This site gives no contact: the « already on » message never sends to a person.
    assert refs[0] == ("coach/simplifier-deja-sans-contact" if falc
                       else "coach/simplifier-oui"), refs
    # The step is said again, now in easy-to-read, and the person stays where they were.
    assert any(r.startswith("familles/roles/") for r in refs[1:]), refs
    assert turn["node"] == "roles"
    assert "désactivé" not in " ".join(m["text"] for m in turn["messages"])


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
async def test_not_understanding_twice_never_says_easy_to_read_was_just_turned_on(client, falc):
    """Seen on a phone: the second « je comprend pas » answered « Le texte est maintenant
    facile à lire » to someone who had been in FALC for a while (the repeat-avoiding pick
    fell back on the toggle's message). Each time: true words; the step again once, then
    (seen later: five copies of the same text on a phone) where it is and who can help."""
    cid = await _at_roles(client, falc)
    said, again = [], []
    for phrase in ("je comprend pas", "c trop compliqué", "jai pas compris"):
        turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                                  json={"text": phrase})).json()
        assert turn["falc"] is True and turn["node"] == "roles", turn["messages"]
        refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
        said.append(refs[0])
        again.append(any(r.startswith("familles/roles/") for r in refs[1:]))
    assert "coach/facile-oui" not in said, said
    assert again == [True, False, False], said
    assert said[1:] == ["coach/simplifier-plus-sans-contact"] * 2, said


async def test_facile_said_in_falc_asks_before_switching_off(client):
    cid = await _at_roles(client, True)
    url = f"/api/v1/conversations/{cid}/turns"
    turn = (await client.post(url, json={"text": "facile à lire"})).json()
    assert turn["falc"] is True
    assert [c["id"] for c in turn["choices"]][:2] == ["sens-1", "sens-2"]
    assert turn["messages"][-1]["ref"] == "coach/facile-question"
    kept = (await client.post(url, json={"choice": "sens-2"})).json()
    assert kept["falc"] is True
    again = (await client.post(url, json={"choice": "facile"})).json()
    assert again["falc"] is True and again["messages"][-1]["ref"] == "coach/facile-question"
    off = (await client.post(url, json={"choice": "sens-1"})).json()
    assert off["falc"] is False


async def test_facile_in_standard_switches_on_at_once(client):
    cid = await _at_roles(client, False)
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"choice": "facile"})).json()
    assert turn["falc"] is True
    assert turn["messages"][-1]["ref"] == "coach/facile-oui"


# « je comprends pas » followed by what one does not understand: a question, from someone
# who finds the text hard (a phone tester's « jcomprend pas ce que cest une cop » got the
# step said again, and no answer).
# What a CoP is: the discovery journey or the glossary's meaning, both answer it.
A_COP = ("decouvrir/debut/", "glossaire/CoP")
QUESTION_AFTER_DIFFICULTY = [
    ("jcomprend pas ce que cest une cop", A_COP),
    ("je comprends pas, c'est quoi une cop ?", A_COP),
    ("j'ai rien compris a la gouvernance partagee", ("perenniser/gouvernance/",)),
    ("moi je comprends pas ce que c'est le FALC", ("glossaire/FALC",)),
    ("jcomprend pas comment on rejoint une cop", ("familles/premier-pas/",)),
    # asked « simply », and reading said to be hard along with a question
    ("c'est quoi une cop en simple", A_COP),
    ("c koi le falc en simple svp", ("glossaire/FALC",)),
    ("je lis mal, c'est accessible ?", ("familles/accessibilite/",)),
    ("j'ai du mal a lire, c'est quoi une cop", A_COP),
]


@pytest.mark.parametrize("falc", [False, True], ids=["standard", "falc"])
@pytest.mark.parametrize(("phrase", "answer"), QUESTION_AFTER_DIFFICULTY)
async def test_not_understanding_something_answers_it_in_easy_to_read(client, phrase, answer,
                                                                      falc):
    cid = await _at_roles(client, falc)
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"text": phrase})).json()
    assert turn["falc"] is True, turn["messages"]
    refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
    assert any(r.startswith(answer) for r in refs), refs
    # Said once when it goes on, not at all when it was on; never « the last messages again ».
    assert ("coach/simplifier-reponse" in refs) is (not falc), refs
    assert not {"coach/simplifier-oui", "coach/simplifier-deja",
                "coach/simplifier-deja-sans-contact"} & set(refs), refs
    assert not any(r.startswith("familles/roles/") for r in refs), refs


@pytest.mark.parametrize("phrase", ["je comprends pas la question", "jcomprend rien a ce que "
                                    "vous dites", "j'ai pas bien compris le message"])
async def test_not_understanding_what_was_said_says_the_step_again(client, phrase):
    cid = await _at_roles(client, False)
    turn = (await client.post(f"/api/v1/conversations/{cid}/turns",
                              json={"text": phrase})).json()
    refs = [m["ref"] for m in turn["messages"] if m["role"] == "bot"]
    assert turn["falc"] is True and turn["node"] == "roles", refs
    assert refs[0] == "coach/simplifier-oui", refs
