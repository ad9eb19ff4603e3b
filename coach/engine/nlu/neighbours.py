"""Words read by their neighbours, after the spelling is shared (coach.engine.nlu.french).

« personne ne vient » is nobody, « des sous » money, « c'est trop cher » a price, « je suis
à bout » exhaustion, « du côté de Rennes » near, « aider les autres » sharing one's
experience, « ils étaient 20, maintenant 4 » members dropping out. Each reading rewrites a
word into the one the content uses for that meaning, on both sides (the content's phrases
and the typed text go through the same functions). A leaf module: plain word lists, no
stemming.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())

# « personne » that means « nobody » (« personne ne vient », « personne m'écoute », « y a
# personne ») is not a person: it reads as the negation it is, on both sides (the content's
# « personne ne connaît la maladie » too). A person has a determiner (« une personne »,
# « la personne qui… », « en personne ») or a describing word after it (« personne âgée »).
_PERSON_BEFORE = word_set("""
une la l cette chaque toute ma ta sa notre votre leur en de d seule autre quelle quelque
premiere derniere meme bonne vraie vrai veritable reelle humaine
""")
_NOBODY_AFTER = word_set("""
ne n se s me m te t nous vous lui leur y en a d
vient viennent veut sait peut repond parle ecoute comprend connait aide participe fait
prend lit voit dit pense croit repondait venait voulait savait pouvait
""")
# « sous » is a preposition (« sous ce message ») unless it is the money it also names:
# « des sous », « pas de sous », « les sous du groupe ».
_MONEY_BEFORE = word_set("des les mes nos vos tes ses leurs")
_MONEY_AMOUNT = word_set("pas plus peu assez manque besoin trop beaucoup sans")
# « sous-titres », « sous-groupes »: the hyphen is gone once folded.
_SOUS_COMPOUND = word_set("""
titre titres titrage titree titrees groupe groupes traitance traitant traitants ensemble
ensembles dossier dossiers main reserve entendu entendus estime estimer effectif effectifs
categorie categories section sections commission commissions famille familles
""")


# « cher » is a price said of the thing asked about: after a verb of being or costing,
# with or without a degree between (« c'est cher », « ça coûte pas cher », « c'est vraiment
# trop cher »), or a degree opening the message (« trop cher ? »). It then asks whether it
# is « payant ». Elsewhere it is a greeting (« cher coach », « chère madame ») or says
# what another thing costs (« un plombier pas cher »), and stays as typed.
_DEAR = word_set("cher chere chers cheres")
_PRICE_VERB = word_set("""
est sont etait serait sera coute coutent coutait couterait coutera couter revient
reviennent
""")
_DEGREE = word_set("trop si pas plus moins aussi assez tres vraiment super hyper bien peu un")
_DEGREE_OPENING = word_set("trop si pas plus moins aussi assez")
# « à bout » said of oneself (« je suis à bout », « on est vraiment à bout ») is exhaustion;
# « au bout de six mois », « jusqu'au bout », « au bout du fil » stay as typed.
_BEING = word_set("""
suis es est sommes etes sont etais etait etions etiez etaient serai sera serons seront etre
""")
_EXHAUSTION_DEGREE = word_set("vraiment completement totalement tellement tres trop deja carrement")


def _a_price(out: list[str], index: int) -> bool:
    """Whether « cher » at `index` is the price of what is asked about (see _DEAR)."""
    start = index
    while start and out[start - 1] in _DEGREE:
        start -= 1
    if start == 0:
        return start < index and out[0] in _DEGREE_OPENING
    return out[start - 1] in _PRICE_VERB


def _at_the_end(out: list[str], index: int) -> bool:
    """Whether « bout » at `index` is « être à bout » (see _BEING)."""
    start = index - 1
    if start < 1 or out[start] != "a":
        return False
    start -= 1
    while start and out[start] in _EXHAUSTION_DEGREE:
        start -= 1
    return out[start] in _BEING


# « la fin du financement », « à la fin du projet »: that thing stopping, as « quand le
# financement s'arrête ». « La fin du parcours » (the conversation's own end) and the end of
# a span of time (« en fin de séance », « à la fin du mois ») stay.
_OF = word_set("du de des d")
_JOURNEY = word_set("""
parcours conversation discussion tchat etape etapes module seance seances reunion reunions
rencontre rencontres atelier ateliers journee journees matinee soiree semaine semaines mois
annee annees trimestre
""")
_ARTICLES_OF = word_set("la l le les mon ma mes notre nos votre vos son sa ses leur leurs ce"
                        " cette ces")


def _a_stop(out: list[str], index: int) -> bool:
    """Whether « fin » at `index` is a thing stopping (see _OF)."""
    after = out[index + 1:index + 4]
    if not after or after[0] not in _OF:
        return False
    noun = after[2] if len(after) > 2 and after[1] in _ARTICLES_OF else after[1:2] and after[1]
    return bool(noun) and noun not in _JOURNEY


# « du côté de Rennes », « à côté de chez moi »: near a place (« de mon côté » stays).
_NEAR_BEFORE = word_set("du a au")
# « aider les autres », « aider d'autres parents », « aider avec mon expérience »: wanting
# to give, not asking for help (« aidez-moi », « comment aider mon fils » stay as typed).
_HELP_VERB = word_set("aider aide aides aidons aidez aiderai aiderais aiderait")
_HELP_NOUN_BEFORE = word_set("l la une d de mon ma votre notre cette besoin")
_OTHERS = word_set("autres autrui gens ceux celles")
_HIM_HER = word_set("l le la les lui leur")
# Who does the helping before « l'aide » (« je l'aide »; « de l'aide » is help asked for).
_SUBJECTS = word_set("je j on il elle nous vous ils elles qui tu ne n")
_OWN_STORY = word_set("experience experiance experiences vecu histoire parcours")


_PERSONAL = word_set("personnel personnelle personnelles personnels privees privee")
_TIME_UNITS = word_set("minute minutes seconde secondes heure heures temps dispo")
# « on finance des projets », « nous finançons la cop »: a funder says who it is, not that
# money is lacking (« comment financer la cop » stays).
_FUND = word_set("finance financons financent financait financions")
_WE_FUND = word_set("on nous ils")

# « j'entends pas bien », « je vois pas très bien » is « j'entends mal »: a need, not a no.
_SENSING = word_set("vois voit voyons voyez entends entend entendons entendez lis lit lisons")

# « la cop sert vraiment à quelque chose ? », « ça ne sert à rien »: of any use (« à quoi ça
# sert », what it is for, stays).
_SERVES = word_set("sert servent servir servira serait")


def _of_any_use(out: list[str], index: int) -> bool:
    """Whether « sert » at `index` says « of any use » (see _SERVES)."""
    after = [w for w in out[index + 1:index + 5] if w not in ("vraiment", "bien", "encore")]
    return after[:3] == ["a", "quelque", "chose"] or after[:2] == ["a", "rien"]


# « savoir si ça marche »: whether it works, not how it works (the Help command).
_WORKS = word_set("marche marchent fonctionne fonctionnent")
_IT_WORKS = word_set("ca cela elle elles ils cop")

# « foyer d'accueil », « famille d'accueil », « à l'accueil du public »: a place that
# receives people or a reception desk, not the coach's home page (« page d'accueil »).
_RECEIVING = word_set("""
foyer foyers famille familles centre centres maison maisons lieu lieux structure structures
service services accueil
""")


def _receiving(out: list[str], index: int) -> bool:
    """Whether « accueil » at `index` names a place that receives people (see _RECEIVING)."""
    if index >= 2 and out[index - 1] in ("d", "de") and out[index - 2] in _RECEIVING:
        return True
    return (index >= 1 and out[index - 1] == "l" and index + 1 < len(out)
            and out[index + 1] in ("du", "des", "de", "d"))


# « sortir des sous », « sortir de l'argent de ma poche »: paying.
_TAKE_OUT = word_set("sortir sors sort sortez sortons")
_MONEY = word_set("sous argent fric thune thunes pognon oseille euros centimes")
# « notre cop a 3 ans », « le groupe existe depuis 2 ans »: the age of a group (how mature it
# is); « dans 5 ans », « d'ici 10 ans »: lasting (« il a 8 ans » is a child's age: as typed).
_GROUP = word_set("cop communaute groupe reseau collectif association asso")
_AGE_VERB = word_set("a existe existons tourne tournons")


def _years(out: list[str], index: int) -> str:
    """What « ans » at `index` means (see _GROUP): « age », « longtemps » or « ans »."""
    if index < 2 or not out[index - 1].isdigit():
        return out[index]
    before = out[index - 2]
    if before == "dans" or (before == "ici" and index >= 3 and out[index - 3] == "d"):
        return "longtemps"
    start = index - 2 if before in _AGE_VERB else index - 3 if before == "depuis" and (
        index >= 3 and out[index - 3] in _AGE_VERB) else -1
    if start > 0 and not _GROUP.isdisjoint(out[max(0, start - 3):start]):
        return "age"
    return out[index]


# « ça peut m'aider ? », « une cop pourrait nous aider ? »: what it brings, not the Help
# command (« vous pouvez m'aider ? » stays).
_IT = word_set("ca cela cop communaute groupe tout")
_CAN = word_set("peut pourrait va")


def _of_use(out: list[str], index: int) -> bool:
    """Whether « aider » at `index` says what something brings one (see _IT)."""
    return (index >= 3 and out[index - 1] in ("m", "nous") and out[index - 2] in _CAN
            and out[index - 3] in _IT)


def _gives_help(out: list[str], index: int) -> bool:
    """Whether « aider » at `index` is helping others (see _HELP_VERB)."""
    if index and out[index - 1] in _HELP_NOUN_BEFORE:
        return False  # « l'aide », « besoin d'aide »: help asked for
    after = out[index + 1:index + 3]
    if any(w in _OTHERS for w in after):
        return True
    rest = out[index + 1:index + 6]
    if "avec" in rest and any(w in _OWN_STORY for w in rest):
        return True
    # « mon expérience peut aider », « mon vécu de parent peut vraiment aider »
    return any(w in _OWN_STORY for w in out[max(0, index - 5):index])


def _readings(out: list[str]) -> list[str]:
    """The words read by their neighbours: « personne » (nobody), « sous » (money),
    « cher » (a price), « à bout » (exhausted), « du côté de » (near) and « aider les
    autres » (sharing one's experience)."""
    last = len(out) - 1
    for index, word in enumerate(out):
        before = out[index - 1] if index else ""
        if word in ("an", "ans"):
            out[index] = _years(out, index)
            continue
        if word == "bien":
            if before == "pas" and index >= 2 and out[index - 2] in _SENSING:
                out[index - 1], out[index] = "mal", ""  # « j'entends pas bien »
            continue
        if word in ("0", "zero"):
            if index < last and out[index + 1] in _TIME_UNITS:
                out[index] = "pas"  # « 0 minute de libre », « zéro temps »
            continue
        if word in _FUND:
            if before in _WE_FUND:
                out[index] = "financeur"  # « on finance des projets »: who one is
            continue
        if word in _SERVES:
            if _of_any_use(out, index):
                out[index] = "efficace"  # « ça sert à quelque chose ? »: of any use
            continue
        if word in _WORKS:
            if before in _IT_WORKS and index >= 2 and out[index - 2] == "si":
                out[index] = "efficace"  # « savoir si ça marche » (« comment ça marche » stays)
            continue
        if word == "fin":
            if _a_stop(out, index):
                out[index] = "arret"  # « la fin du financement » (« fin de séance » stays)
            continue
        if word == "dure":
            if before not in _BEING and before not in _DEGREE:
                out[index] = "durer"  # « que ma cop dure » lasts (« c'est dure » is hard)
            continue
        if word == "mer":
            if before in _MOTHER_BEFORE and out[index + 1:index + 2] in (["de"], ["d"]):
                out[index] = "mere"  # « je suis la mer de Tom » (« la mer du Nord » stays)
            continue
        if word == "coin":
            if before == "du":
                out[index] = "local"  # « les acteurs du coin » (« dans mon coin » stays)
            continue
        if word == "accueil":
            if _receiving(out, index):
                out[index] = ""  # « foyer d'accueil », « à l'accueil du public »
            continue
        if word == "rond":
            if before == "un" and index >= 2 and out[index - 2] in ("pas", "plus"):
                out[index] = "argent"  # « plus un rond »
            continue
        if word in ("informations", "information"):
            if index < last and out[index + 1] in _PERSONAL:
                out[index] = "donnees"  # « mes infos perso »
            continue
        if word in _TAKE_OUT:
            if not _MONEY.isdisjoint(out[index + 1:index + 4]):
                out[index] = "payer"  # « sortir des sous », « sortir 20 euros »
            continue
        if word == "cote":
            if before in _NEAR_BEFORE and index < last and out[index + 1] in ("de", "d"):
                out[index] = "pres"
            continue
        if word in _HELP_VERB:
            if (before in _HIM_HER and index >= 2 and out[index - 2] in _SUBJECTS) or (
                    out[index + 1:index + 2] == ["aux"] and out[index + 2:index + 3] == [
                        "aidants"]):
                out[index] = "aidant"  # « je l'aide », « l'aide aux aidants »
            elif _of_use(out, index):
                out[index] = "apporter"  # « est-ce que ça peut m'aider ? »
            elif _gives_help(out, index):
                out[index] = "partager"
            continue
        if word in _JOIN:
            if (before in _ONESELF and out[index + 1:index + 2] and out[index + 1] in _TO
                    and not _GROUP.isdisjoint(out[index + 2:index + 5])):
                out[index] = "rejoindre"  # « s'associer à une cop »: joining it
            continue
        if word in _CALL:
            if before in _HIM_HER and index >= 2 and out[index - 2] not in _ASKED_BY:
                out[index] = "relancer"  # « je l'appelle ? »: reaching a member, not « call me »
            continue
        if word == "bout":
            if _at_the_end(out, index):
                out[index] = "epuise"
            continue
        if word in _DEAR:
            if _a_price(out, index):
                out[index] = "payant"
            continue
        if word == "personne":
            after = out[index + 1] if index < last else ""
            if after == "s" and index + 2 <= last and out[index + 2] == "il":
                after = ""  # « s'il vous plaît »
            if before == "a" or (before not in _PERSON_BEFORE and after in _NOBODY_AFTER):
                out[index] = "pas"
        elif word == "sous" and (before in _MONEY_BEFORE or (
                before in ("de", "d") and index > 1 and out[index - 2] in _MONEY_AMOUNT)) and (
                index == last or out[index + 1] not in _SOUS_COMPOUND):
            out[index] = "argent"
    return out


# « je l'appelle ou je laisse faire ? », « faut-il les rappeler ? »: calling someone else
# (a member who stopped coming), not asking the coach's team to call (« appelez-moi »,
# « vous pouvez m'appeler ? », « qu'on me rappelle », « pouvez-vous la rappeler » stay).
_CALL = word_set("""
appelle appelles appellent appeler appelerai appelais appelait rappelle rappellent
rappeler rappelerai telephone telephoner
""")
_ASKED_BY = word_set("vous pouvez pourriez")

# « notre asso peut s'associer à une cop », « se joindre à un groupe », « nous greffer à la
# communauté »: joining a group that exists (« rejoindre »), said as oneself joining it (a
# reflexive before, « à » and a group after). « associer les familles », « s'associer aux
# parents », « vous joindre », « joindre un fichier » stay as typed.
_JOIN = word_set("""
associer associe associons associent joindre joins joint joignons joignent greffer greffe
greffons greffent
""")
_ONESELF = word_set("s se nous")
_TO = word_set("a au aux")

# « la mer de Tom », « ma mer d'un enfant »: the mother, spelt as it sounds.
_MOTHER_BEFORE = word_set("la ma une sa")

_READ = (frozenset({"personne", "sous", "bout", "cote", "an", "ans", "rond", "accueil", "coin",
                    "dure", "fin", "bien", "informations", "information", "0", "zero", "mer"})
         | _DEAR | _HELP_VERB | _TAKE_OUT | _FUND | _WORKS | _SERVES | _CALL | _JOIN)

# Members who stop coming: « ils ne viennent plus », « la moitié ne participe plus », « ils
# étaient 20, maintenant 4 ». « plus » after a verb of coming that « ne » denies, or a number
# of people said after « maintenant » lower than the one said before, reads as « décrochent »
# (the number before as « nombreux »).
_COMING = word_set("""
vient viennent venait venaient revient reviennent revenait revenaient participe participent
participait participaient assiste assistent assistait assistaient pointe pointent
""")
_WERE = word_set("etaient etions etait etiez avait avions avaient")
_NOW = word_set("maintenant aujourd hui desormais actuellement plus que reste restent")
DROPPING = "decrochent"
# « ils viennent plus souvent », « plus tard », « plus nombreux »: more, not no longer.
_MORE_THAN = word_set("""
souvent tard tot nombreux que qu de d vite facilement regulierement beaucoup longtemps
volontiers tellement trop assez
""")
_THEY_COME = word_set("viennent reviennent participent assistent pointent")
_SPEAK_TO = word_set("parlent parle parlons causent adressent saluent")
_MEMBERS = word_set("""
inscrits inscrites membres participants participantes personnes presents presentes familles
parents adherents
""")


def _denied(out: list[str], verb: int) -> bool:
    """Whether « ne » (« n' ») comes before the verb at `verb`, maybe with « se » between."""
    before = out[verb - 1] if verb else ""
    if before in ("se", "s") and verb >= 2:
        before = out[verb - 2]
    return before in ("ne", "n")


def _gone(out: list[str]) -> list[str]:
    """« ne viennent plus », « étaient 20 maintenant 4 », « 5 sur 22 inscrits »: members
    dropping out (_COMING)."""
    last = len(out) - 1
    for index, word in enumerate(out):
        if (word == "plus" and index >= 2 and out[index - 1] in _SPEAK_TO
                and out[index - 2] in ("se", "s")):
            out[index] = "conflit"  # « ils ne se parlent plus »: a falling-out
        elif word == "plus" and index >= 1 and out[index - 1] in _COMING:
            if _denied(out, index - 1) or (
                    out[index - 1] in _THEY_COME  # « ils viennent plus » (spoken)
                    and (index == last or out[index + 1] not in _MORE_THAN)):
                out[index] = DROPPING
        elif (word == "sur" and 0 < index < last - 1 and out[index - 1].isdigit()
              and out[index + 1].isdigit() and out[index + 2] in _MEMBERS
              and int(out[index - 1]) * 2 < int(out[index + 1])):
            out[index] = DROPPING
    before: int | None = None
    first = 0
    for index, word in enumerate(out):
        if not word.isdigit():
            continue
        if before is None:
            if index and (out[index - 1] in _WERE or (
                    index >= 2 and out[index - 2] in _WERE)):
                before, first = int(word), index
        elif int(word) < before and not _NOW.isdisjoint(out[max(0, index - 4):index]):
            out[first] = "nombreux"
            out[index] = DROPPING
            break
    return out


def read(out: list[str]) -> list[str]:
    """The words of a message (spelled as `french.words` spells them) with the words that
    their neighbours give another meaning rewritten; most messages have none of them."""
    if not _READ.isdisjoint(out):
        out = [w for w in _readings(out) if w]
    if "plus" in out or "sur" in out or (
            _WERE.intersection(out) and any(w.isdigit() for w in out)):
        out = _gone(out)
    return out
