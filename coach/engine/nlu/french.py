"""French normalisation of what people type: accents, elisions, SMS spellings, stop words, stems.

People write « jai pas le temps », « c koi le falc », « pb avec la charte stp ». The same
functions read the content's phrases and the typed text, so both meet in one spelling:
lower case, accents folded, elisions split (« l'école » → « l ecole »), SMS words expanded
(« jai » → « j ai », « koi » → « quoi »), then Snowball French stems for the content words
(PyStemmer, the C build of Snowball: about 1 µs a word where the pure-Python build takes
100 µs or more, the same stems). Nothing is cached here: a cache of typed text would keep
personal words in memory.
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata

import Stemmer

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Digits glued to letters (« 2eme », « 1ere ») stay whole; « etape2 » is split.
_GLUED = re.compile(r"(?<=[a-z])(?=\d)")
_DIGIT = re.compile(r"\d")

# SMS spellings and frequent short forms, after accents are folded (one word → words).
SMS: dict[str, str] = {
    "koi": "quoi", "kwa": "quoi", "koa": "quoi", "quoa": "quoi",
    "jai": "j ai", "g": "j ai", "jen": "j en", "jsuis": "je suis", "jsui": "je suis",
    "chui": "je suis", "chuis": "je suis", "jss": "je suis", "jme": "je me", "jle": "je le",
    "jpeux": "je peux", "jpe": "je peux", "jveux": "je veux", "jvx": "je veux",
    "jsp": "je sais pas", "jsais": "je sais", "chais": "je sais", "chai": "je sais",
    "jcomprend": "je comprends", "jcomprends": "je comprends", "jcp": "je sais pas",
    "ke": "que", "k": "que", "ki": "qui", "kel": "quel", "kelle": "quelle", "kels": "quels",
    "keske": "qu est ce que", "kesk": "qu est ce que", "kesako": "qu est ce que c est",
    "cest": "c est", "cad": "c est a dire", "ya": "il y a", "yen": "il y en",
    "pb": "probleme", "pbs": "problemes", "pbm": "probleme", "prob": "probleme",
    "stp": "s il te plait", "svp": "s il vous plait", "svpl": "s il vous plait",
    "tjs": "toujours", "tjrs": "toujours", "tj": "toujours",
    "bcp": "beaucoup", "bcq": "beaucoup", "bp": "beaucoup",
    "pr": "pour", "ds": "dans", "ac": "avec", "avc": "avec", "ss": "sans",
    "qd": "quand", "qnd": "quand", "kan": "quand", "kand": "quand",
    "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi", "pourkoi": "pourquoi",
    "cmt": "comment", "cmnt": "comment", "koman": "comment", "komen": "comment",
    "komment": "comment", "coment": "comment", "commen": "comment",
    "tps": "temps", "tt": "tout", "ts": "tous", "tte": "toute", "ttes": "toutes",
    "mm": "meme", "qqn": "quelqu un", "qqun": "quelqu un", "qlqn": "quelqu un",
    "qq": "quelques", "qqs": "quelques", "qqch": "quelque chose", "qqc": "quelque chose",
    "rdv": "rendez vous", "ptet": "peut etre", "ptetre": "peut etre", "pe": "peut etre",
    "dsl": "desole", "mrc": "merci", "mci": "merci", "slt": "salut", "bjr": "bonjour",
    "bsr": "bonsoir", "oki": "ok", "okay": "ok", "okk": "ok", "okey": "ok",
    "dac": "d accord", "dak": "d accord", "dacc": "d accord", "daccord": "d accord",
    "ouai": "ouais", "ouep": "ouais", "ouaip": "ouais", "ui": "oui", "wi": "oui",
    "nn": "non", "nop": "non", "nope": "non", "vs": "vous", "ns": "nous",
    "mwa": "moi", "moa": "moi", "toa": "toi", "fo": "faut", "fau": "faut", "pa": "pas",
    "tkt": "t inquiete", "mdr": "", "lol": "", "ptdr": "", "xd": "", "stv": "si tu veux",
    "info": "information", "infos": "informations", "asso": "association",
    "assos": "associations", "educ": "educateur", "ordi": "ordinateur", "doc": "document",
    "docs": "documents", "ordis": "ordinateurs", "tel": "telephone", "coordo": "coordinateur",
    "pro": "professionnel",
    "pros": "professionnels", "perso": "personnel", "exp": "experience", "handi": "handicap",
    "1er": "premier", "1ere": "premiere", "1e": "premier", "2eme": "deuxieme", "2e": "deuxieme",
    "2nd": "second", "2nde": "seconde", "3eme": "troisieme", "3e": "troisieme",
    "4eme": "quatrieme", "4e": "quatrieme", "5eme": "cinquieme", "5e": "cinquieme",
    "6eme": "sixieme", "6e": "sixieme", "7eme": "septieme", "7e": "septieme",
    "8eme": "huitieme", "8e": "huitieme",
    "cc": "coucou", "re": "rebonjour", "cv": "ca va", "fai": "fait", "ct": "c etait",
    "chepa": "je sais pas", "chaipa": "je sais pas",
    "jveu": "je veux", "jvoudrais": "je voudrais", "jvoudrai": "je voudrais",
    "jaimerais": "j aimerais", "jpense": "je pense", "jcrois": "je crois", "jfais": "je fais",
    "jtravaille": "je travaille", "jbosse": "je bosse", "jhabite": "j habite",
    "tjr": "toujours", "vrmt": "vraiment", "vraimen": "vraiment", "pck": "parce que",
    "pcq": "parce que", "psk": "parce que", "paske": "parce que", "dc": "donc",
    "bi1": "bien", "msg": "message", "msgs": "messages", "ajd": "aujourd hui",
    "auj": "aujourd hui", "aujd": "aujourd hui", "cb": "combien", "cmb": "combien",
    "combi1": "combien", "tro": "trop", "tlm": "tout le monde", "pti": "petit",
    "ptit": "petit", "ptite": "petite", "enf": "enfant", "etab": "etablissement",
    "etabs": "etablissements", "spe": "specialise", "reu": "reunion", "reus": "reunions",
    "thx": "merci", "po": "pas", "kil": "qu il", "ske": "ce que",
    "lon": "long", "yaura": "il y aura", "yavait": "il y avait", "oqp": "occupe",
}

def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: they carry no topic, so they are left out of stems (not of phrases).
STOPWORDS = word_set("""
a au aux avec c ca ce ceci cela celle celui ces cet cette d de des du elle elles en et
es est etre eu il ils j je l la le les leur leurs lui m ma me mes moi mon n ne nos notre
nous on ont ou par pour qu que quel quelle quelles quels qui quoi s sa se ses si son sont
suis sur t ta te tes toi ton tu un une vos votre vous y ai as avons avez aie dont
sommes etes etait etais etaient etions etiez cet ci voila bonjour bonsoir salut coucou hello
svp stp plait
veux voudrais voudrai aimerais aimerai souhaite souhaiterais euh bah ben hmm alors donc
juste vraiment bien tres trop est-ce chez fait faire fais font va vais aller peut peux
mais car puis ni
pourrais pourrait dois doit faut quand truc trucs chose choses machin genre exactement
sais sait savez cherche cherchons
aussi meme encore deja tout tous toute toutes plus comme an ans aujourd hui hier demain
jour jours semaine semaines mois annee annees
maintenant dans vers sans sous apres avant pendant depuis entre quelqu quelque quelques tant
""")

# The coach's own subject: every question is about communities of practice, so these words
# tell places apart far less than their rarity in the dialogues suggests.
SUBJECT_WORDS = word_set("cop cops communaute communautes pratique pratiques")

# Words that name a position in the list of answers (« la deuxième », « le dernier »).
ORDINALS: dict[str, int] = {
    "premier": 1, "premiere": 1, "un": 1, "deuxieme": 2, "second": 2, "seconde": 2, "deux": 2,
    "troisieme": 3, "trois": 3, "quatrieme": 4, "quatre": 4, "cinquieme": 5, "cinq": 5,
    "sixieme": 6, "six": 6, "septieme": 7, "sept": 7, "huitieme": 8, "huit": 8,
    "neuvieme": 9, "neuf": 9, "dixieme": 10, "dix": 10, "dernier": -1, "derniere": -1,
}
_ORDINAL_FILLER = word_set("""
le la l les choix choisis choisir je prends prend veux voudrais reponse option options
numero num no n nr bouton proposition c est ce sera plutot alors euh bah ben celle celui
ci qui en de du mets met
""")

# Irregular verbs whose forms Snowball cannot bring together (« rejoint », « rejoindre »).
LEMMAS: dict[str, str] = {
    form: lemma
    for lemma, forms in {
        "rejoindre": "rejoint rejoins rejoignez rejoigne rejoignent",
        "joindre": "joins joint joignez",
        "connaitre": "connais connait connaissez connaissent connu connue",
        "comprendre": "comprends comprend comprenez comprennent compris comprise",
        "venir": "viens vient venez viennent venu venue pointe pointent",
        "revenir": "reviens revient revenez reviennent revenu revenue revenus",
        "prendre": "prends prend prenez prennent pris",
        "mettre": "mets met mettez mettent mis",
        "ecrire": "ecris ecrit ecrivez ecrivent",
        "dire": "dis dit dites disent",
        "voir": "vois voit voyez voient vu vue",
        "lire": "lis lit lisez lisent lu",
        "servir": "sers sert servez servent",
        "inscrire": "inscris inscrit inscrite inscrivez inscription inscriptions inscrive",
        # « on se réunit », « ils se réunissent »: the meetings.
        "reunion": "reunir reunit reunis reunissent reunissons reunissez",
        # Derived words that Snowball leaves apart from their base (« confidentialité »).
        "confidentiel": "confidentialite",
        "accessible": "accessibilite accessibles",
        "payer": "paye payee payes payees paie paies paient",
        "adherer": "adhesion adhesions adherent adherente adherents adherentes",
        "financer": "financier financiere financiers financieres",
        "integrer": "integration",
        "isole": "isolement",
        "dominer": "domine dominent domination dominant dominante",
        "decider": "decision decisions decide decident",
        "selectionner": "selection selections filtrer filtre filtrent filtrer trier",
        "produire": "production productions produit produits produite produites",
        "construire": "construction constructions construit construite",
        "planifier": "planification",
        "hesiter": "tate tates tatent",  # « je me tâte »
        "reconnaitre": "reconnu reconnue reconnus reconnues reconnait reconnais reconnaissent"
                       " reconnaissance reconnaissances",
        "valider": "valide validee validees valides validation validations valident",
        "rediger": "redaction",
        "reflechir": "reflexion reflexions",
        "proposer": "proposition propositions",
        "former": "formation formations",
        "communiquer": "communication communications",
        "durer": "durable durables durablement",
    }.items()
    for form in forms.split()
}

# Words that Snowball brings to the stem of another meaning, given their own: a family carer
# (« aidant ») is not the Help command (« aide »); « je l'aide » says one is a carer too.
OWN_STEMS: dict[str, str] = {word: "aidant" for word in (
    "aidant", "aidante", "aidants", "aidantes")}

# Words that mean the same thing here, brought to one word before stemming (never in the
# exact comparison of phrases, only when content words are compared).
SAME_AS: dict[str, str] = {
    word: canonical
    for canonical, forms in {
        "enfant": "fils fille filles gamin gamine gamins gosse gosses bebe ado ados adolescent"
                  " garcon garcons"
                  " adolescente loulou",
        "parent": "maman mamans papa papas mere pere mamie papi papy mamy",
        "handicape": "tetraplegique paraplegique hemiplegique myopathe trisomique infirme"
                     " invalide polyhandicape polyhandicapee handicapee handicapes handicapees"
                     " aveugle aveugles malvoyant malvoyante malvoyants nonvoyant nonvoyante"
                     " sourd sourde sourds malentendant malentendante dyslexique dyspraxique"
                     " paralyse paralysee fauteuil",
        "professionnel": "educateur educatrice educateurs ergo ergotherapeute kine"
                         " kinesitherapeute orthophoniste psychomotricien psychomotricienne"
                         " psychologue psy infirmier infirmiere soignant soignante medecin"
                         " docteur moniteur monitrice therapeute salarie salariee"
                         " orthoptiste neuropsychologue psychiatre pediatre neurologue"
                         " auxiliaire aes amp aesh avs enseignant enseignante instituteur"
                         " institutrice puericultrice sage ostheopathe osteopathe"
                         " ergotherapeutes orthophonistes educateurs educatrices infirmieres"
                         " medecins psychologues",
        "foyer": "sessad mas fam esat ehpad camsp cmpp itep savs samsah ssr hopital clinique"
                 " chu ehpa etablissement etablissements structure structures",
        "conjoint": "conjointe mari epoux epouse compagnon compagne concubin concubine",
        "frere": "soeur freres soeurs frangin frangine",
        "travail": "boulot job taf taff",
        "travailler": "bosser bosse bossons",
        "temps": "dispo disponible disponibles disponibilite disponibilites",
        "fatigue": "fatiguee epuise epuisee creve crevee ereinte ereintee lessive lessivee",
        "ordinateur": "ordi ordinateurs pc tablette smartphone",
        "visio": "zoom teams skype visioconference",
        "seul": "seule seuls seules isole isolee isoles isolement solitude",
        "confidentiel": "confidentielle prive privee secret secrete anonyme anonymat discret"
                        " discrete discretion",
        "conflit": "conflits dispute disputes desaccord desaccords tension tensions clash",
        "commencer": "debuter demarrer",
        # « au départ » is « au début » (Snowball gives « départ » the stem of « département »).
        "debut": "depart",
        "creer": "monter fonder",
        "experience": "vecu experiences",
        "pas": "jamais",
        # « c'est trop dur » is hard, not lasting: Snowball gives « dur » to « durer »,
        # « durable » too (« dure », also a form of « durer », stays as it is).
        "difficile": "dur durs",
        "apport": "apports gagner gain gains benefice benefices avantage avantages interet"
                  " rapporte rapportent rapporter",
    }.items()
    for word in forms.split()
}

# Seeing, hearing or moving in a wheelchair said with coming to or following a meeting (« je
# suis en fauteuil, je peux venir ? », « aveugle, je peux participer ? ») asks whether it is
# accessible: the query gets the stem of « accessible » too. « je suis aveugle » alone says
# who one is, and joining (« je suis tétraplégique, je peux rejoindre ? ») whether there is a
# place for this person.
IMPAIRED = word_set("""
aveugle aveugles malvoyant malvoyante malvoyants malvoyantes nonvoyant nonvoyante sourd
sourde sourds sourdes malentendant malentendante malentendants fauteuil fauteuils
""")
ATTEND = word_set("""
venir viens vient venez participer participe participes participez suivre assister acceder
adapte adaptee adaptes adaptees amenage amenagee amenages amenagees
""")
# Where someone lives, said by name (« vers Lyon », « en Bretagne »): all mean « a region »
# here, so that « un groupe vers Lyon » meets « un groupe dans ma région ». Regions of France
# in one word, and the larger towns.
PLACE_WORDS = word_set("""
bretagne normandie occitanie corse guadeloupe martinique guyane mayotte paca idf
alsace lorraine picardie auvergne bourgogne aquitaine limousin poitou champagne ardennes
provence savoie vendee gironde finistere morbihan vannes lorient quimper
paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims
metz nancy grenoble dijon angers nimes brest limoges amiens perpignan clermont caen
orleans rouen mulhouse besancon poitiers pau bayonne toulon avignon valence annecy chambery
la rochelle troyes dunkerque calais le mans saint etienne
""") - word_set("la le mans saint etienne")
# Everyday words for the module's ideas and for who one is (people say « les sous », « c'est
# gratos », « ma tata », « psychomot », « ça clash », « on s'embrouille », « je suis KO »).
SAME_AS.update({
    word: canonical
    for canonical, forms in {
        "gratuit": "gratos gratis offert offerte",
        "argent": "sous fric thune thunes pognon oseille euro euros financement financements"
                  " centime centimes"
                  " subvention subventions",
        "payer": "cotisation cotisations cotiser debourser frais facture facturer regler",
        "parent": "tata tatie tante tantes tonton oncle oncles parrain marraine cousin cousine"
                  " beaupere bellemere grandmere grandpere",
        "professionnel": "psychomot educ educs aes amp cesf auxiliaires pediatre neuropediatre"
                         " neurologue pedopsychiatre orthoptiste dieteticien dieteticienne"
                         " kinesitherapeutes soignants soignantes praticien praticienne"
                         " animateurs assistante assistant rééducateur reeducateur"
                         " accompagnant accompagnante accompagnants aidesoignant"
                         " aidesoignante prof profs professeur professeure professeurs"
                         " proviseur proviseure formateur formatrice formateurs cpe atsem",
        "handicap": "myopathie sclerose imc paralysie deficience deficiences trisomie autisme"
                    " alzheimer parkinson"
                    " polyhandicap surdite cecite tetraplegie paraplegie hemiplegie maladie"
                    " syndrome pathologie",
        # (not « partenariat »: a partnership asked for is the team to reach, not who one is)
        "partenaire": "mutuelle mutuelles fondation fondations mairie"
                      " mairies commune communes"
                      " collectivite collectivites caf cpam financeur"
                      " financeurs mecene mecenes federation federations",
        "conflit": "embrouille embrouilles engueulade engueulades querelle querelles friction"
                   " frictions accrochage accrochages rivalite rivalites reproche reproches"
                   " clashent clasher engueuler embrouiller",
        "dominer": "monopolise monopolisent monopoliser accapare accaparent accaparer ecrase"
                   " ecrasent ecraser impose imposent imposer",
        "fatigue": "ko claque claquee vanne vannee rince rincee",
        "horaire": "creneau creneaux",
        "etape": "phase phases",
        "confidentiel": "confidentialite identite incognito pseudo pseudonyme",
        "participer": "participe participent participation",
        "gouvernance": "pilotage copil pilote piloter instance instances",
        "visio": "distanciel",
        "modele": "trame trames gabarit gabarits template templates",
        "reunion": "seance seances",
        "decrochent": "abandonnent abandonner lachent decrocher decrochage disparaissent"
                      " disparaitre evaporent desertent deserter desengagent desengager"
                      " desengagement desengages desinvestissent desinvestissement",
        # How coordinators say the tasks of each stage (« embarquer du monde », « sonder les
        # gens », « des buts », « ce qui peut foirer », « les sujets qui fâchent »).
        "objectif": "but buts cible cibles finalite finalites",
        "mobiliser": "embarquer rallier recruter",
        # « mener un atelier », « conduire le groupe de travail »: leading it.
        "animer": "mener mene menent menons menez conduire conduis conduit conduisent",
        "enquete": "sonder sondage sondages",
        "erreur": "foirer foire rater echouer echec echecs bourde bourdes",
        "tabou": "fachent facher fache",
        "cloisonnement": "cloisonne cloisonnee cloisonnes cloisonnees",
        # Animation techniques said in everyday words (« rester franc », « rester en surface »).
        "honnete": "honnetes franc franche francs franches franchise sincere sinceres sincerite",
        "superficiel": "superficielle superficiels superficielles surface",
    }.items()
    for word in forms.split()
})
# The verb of a listed noun means what the noun does (« se disputer », « ils s'engueulaient »,
# « on a abandonné », « qui va financer »): the Snowball stem of these words brings their
# other forms to the same word. Only these groups: a stem of every listed word would reach
# unrelated words (« savez » and « sav », « animer » and « animateurs », « règles » and
# « régler », « priver » and « privé », « isolation » and « isolé »), measured on the French
# word list.
_FAMILIES = {
    "conflit": "dispute engueulade engueuler querelle reproche clash desaccord embrouille",
    "dominer": "accapare monopolise",
    "decrochent": "abandonne decroche",
    "fatigue": "epuise ereinte",
    "payer": "cotisation debourser facture",
    "argent": "financement",
    "commencer": "demarrer",
}
SAME_AS.update({word: "region" for word in PLACE_WORDS})
SAME_AS.update({"loin": "pres", "proximite": "pres", "alentours": "pres", "environs": "pres"})
# Regions whose name has several words (« dans les Hauts-de-France », « en Nouvelle-Aquitaine »):
# a region too, like the one-word names above (folded; « la Réunion » is left out, a
# « réunion » is a meeting here).
REGIONS = ("hauts de france", "grand est", "ile de france", "nouvelle aquitaine",
           "pays de la loire", "centre val de loire", "bourgogne franche comte",
           "auvergne rhone alpes", "provence alpes cote d azur", "cote d azur",
           "region parisienne")
REGION_NAMES = re.compile(rf"\b(?:{'|'.join(REGIONS)})\b")
# « dans le 35 », « du 974 »: a department by its number.
# Not a number of years, months or people (« dans 5 ans », « en 2 mois », « le 3 membres »).
DEPARTMENT = re.compile(
    r"\b(?:dans|le|du|en|au) (?:0?[1-9]|[1-8]\d|9[0-5]|97[1-6]|2a|2b)\b"
    r"(?! (?:ans?|age|longtemps|mois|semaines?|jours?|heures?|minutes?|fois|personnes?"
    r"|membres?)\b)")

_local = threading.local()


def _marks_off(error: UnicodeError) -> tuple[str, int]:
    """Encoding to ASCII: an accent (a combining mark) goes, any other character that is not
    ASCII becomes a space (it is not a letter of a word: `fold` makes it one anyway)."""
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start:error.end]
    if len(run) == 1:  # most often: one accent
        return ("" if unicodedata.combining(run) else " "), error.end
    return "".join("" if unicodedata.combining(ch) else " " for ch in run), error.end


codecs.register_error("coach.fold", _marks_off)


def fold(text: str) -> str:
    """Lower case, elisions split, accents folded, punctuation out (« L'été ! » → « l ete »).

    Each step runs only where it can change the text (a character that is not ASCII, a
    digit): the same text as every step run on all of it, at a third of the cost for a
    sentence with accents. An elision needs no step of its own: every apostrophe (« ' »,
    « ’ », « ` », « ´ ») becomes a space with the other punctuation, which is all that
    splitting « l'été » into « l été » does (tests/unit/test_fold.py keeps the elision in
    its plain definition).
    """
    text = text.lower()
    if not text.isascii():  # plain ASCII has no accent to fold (most typed text)
        text = unicodedata.normalize("NFKD", text).replace("œ", "oe").replace(
            "æ", "ae").replace("ß", "ss")
        text = text.encode("ascii", "coach.fold").decode("ascii")
    if _DIGIT.search(text):
        text = _GLUED.sub(" ", text)
    return _NON_WORD.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of a text in the shared spelling: folded, SMS forms expanded."""
    raw = fold(text).split()
    out: list[str] = []
    for index, word in enumerate(raw):
        if word == "c":
            following = raw[index + 1] if index + 1 < len(raw) else ""
            # « c koi » is « c'est quoi »; « c'était » already came as « c etait ».
            if following[:1] not in ("e", "a", "é"):
                out.extend(("c", "est"))
                continue
        expanded = SMS.get(word)
        if expanded is None:
            out.append(word)
        elif expanded:
            out.extend(expanded.split())
    if not _READ.isdisjoint(out):
        out = [w for w in _readings(out) if w]
    if "plus" in out or "sur" in out or (
            _WERE.intersection(out) and any(w.isdigit() for w in out)):
        out = _gone(out)
    return out


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


_READ = (frozenset({"personne", "sous", "bout", "cote", "an", "ans", "rond", "accueil", "coin",
                    "bien", "informations", "information", "0", "zero"})
         | _DEAR | _HELP_VERB | _TAKE_OUT | _FUND | _WORKS | _SERVES)

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


def normal(text: str) -> str:
    """One string per meaning: « C koi le FALC ?? » → « c est quoi le falc »."""
    return " ".join(words(text))


def stem(word: str) -> str:
    """Snowball French stem; one stemmer per thread (a stemmer object is not thread-safe)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        # maxCacheSize 0: PyStemmer otherwise remembers the last 10,000 words it stemmed,
        # typed words included, for the life of the process.
        stemmer = _local.stemmer = Stemmer.Stemmer("french", 0)
    own = OWN_STEMS.get(word)
    if own is not None:
        return own
    same = SAME_AS.get(word)
    if same is None and word.endswith("s"):  # the plural of a listed word (« privees »)
        same = SAME_AS.get(word[:-1])
    word = same or word
    found = str(stemmer.stemWord(LEMMAS.get(word, word)))
    if (found[-1:] == "s" and word[-1:] == "s" and word[-2:-1] != "s" and len(word) > 3
            and word not in _ENDS_IN_S):
        # Snowball keeps the « s » of plurals after a vowel (« vidéos », « tabous », « élus »,
        # « imprévus »): the plural takes the stem of its singular.
        singular = word[:-1]
        found = str(stemmer.stemWord(LEMMAS.get(singular, singular)))
    if same is None:
        family = _FAMILY_STEMS.get(found)
        if family is None and word.endswith(("ent", "ons")):
            # Snowball leaves « disputent », « abandonnent » whole: their infinitive's stem.
            family = _FAMILY_STEMS.get(str(stemmer.stemWord(word[:-3] + "er")))
        return family or found
    return found


# Words that end in « s » in the singular (or are no plural), kept whole by `stem`.
_ENDS_IN_S = word_set("""
abus amas anis avis balais fois mais pris paris huis irais hais fuis sois tais status ouais
chuis carlos marcos santos gros bras repos propos corps temps pays dessous dessus jamais
plus puis tous vous nous sous dans sans cas dos
""")


_family_stemmer = Stemmer.Stemmer("french", 0)
_FAMILY_STEMS = {str(_family_stemmer.stemWord(word)): str(_family_stemmer.stemWord(
    LEMMAS.get(canonical, canonical))) for canonical, forms in _FAMILIES.items()
    for word in forms.split()}
del _family_stemmer
_FAMILY_CANONICAL = frozenset(_FAMILY_STEMS.values())


def listed(word: str) -> bool:
    """A word of the synonym lists or of their verb families: a word, never a typo to
    repair (« clasher » is not « classe », « bourdes » not « sourdes »)."""
    if word in SAME_AS or (word.endswith("s") and word[:-1] in SAME_AS):
        return True
    return stem(word) in _FAMILY_CANONICAL


# How a folded word sounds, roughly (« konprend », « comprends » → « konpran »): people who
# write as they speak meet the content's spelling. Rules in order, on a folded word.
_SOUND_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        (r"(.)\1+", r"\1"),            # doubled letters
        (r"ph", "f"), (r"ch", "§"), (r"h", ""), (r"§", "ch"),
        (r"qu|q|ck", "k"), (r"gu(?=[eiy])", "g"), (r"g(?=[eiy])", "j"),
        (r"c(?=[eiy])", "s"), (r"c", "k"), (r"w", "v"), (r"y", "i"), (r"z", "s"),
        (r"eau|au", "o"), (r"ai|ei", "e"),
        (r"m(?=[bp])", "n"), (r"[ae]n(?=[^aeiou]|$)", "an"), (r"[ae]in(?=[^aeiou]|$)", "in"),
        (r"(?<=.)(?:er|ez|et)$", "e"), (r"(?<=..)[stdxp]+$", ""), (r"(?<=...)e$", ""),
        (r"(.)\1+", r"\1"),
    ))


def sound(word: str) -> str:
    """A rough French phonetic key of a folded word (for spelling repair, never shown)."""
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return word


def is_content(word: str) -> bool:
    return word not in STOPWORDS and not word.isdigit() and len(word) > 1


def ordinal(tokens: list[str] | tuple[str, ...], count: int) -> int | None:
    """0-based position named by « 2 », « la deuxième », « le dernier », « choix 3 »…"""
    rest = [t for t in tokens if t not in _ORDINAL_FILLER]
    if len(rest) != 1:
        return None
    word = rest[0]
    number = int(word) if word.isdigit() else ORDINALS.get(word)
    if number is None:
        return None
    if number == -1:
        number = count
    return number - 1 if 1 <= number <= count else None
