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
from collections.abc import Iterable

import Stemmer

from coach.engine.nlu.neighbours import read, word_set

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
    "veu": "veux", "rar": "rare", "kelkun": "quelqu un", "kelk1": "quelqu un",
    "qq1": "quelqu un", "exo": "exercice", "exos": "exercices",
}


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
        # « on zappe les cartes » skips them, as « passer » does.
        "passer": "zapper zappe zappes zappons zappez zappent",
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
        # « qu'elle dure », « comment elle pourra durer »: a group that lasts goes on (the
        # noun « durée », how long, stays apart; « dure » is also « hard »).
        "continuer": "durer durera dureront durerait dureraient durent perdurer perdure"
                     " perdurent",
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
# What a number counts when a noun of these follows it (folded, singular and plural): times
# and people (« dans 5 ans », « en 2 mois », « le 3 membres »), and the parts a thing is made
# or cut into (« le truc en 4 cases », « en 3 parties », « en 5 étapes », « en 2 temps »).
COUNTED = (r"ans?|age|longtemps|mois|semaines?|jours?|heures?|minutes?|fois|personnes?"
           r"|membres?|cases?|parties?|etapes?|points?|temps|phases?|morceaux|morceau"
           r"|colonnes?|lignes?|blocs?|volets?|axes?|niveaux|niveau|questions?|pages?"
           r"|sections?|chapitres?|rubriques?|categories?|cartes?|mots?|lettres?|themes?"
           r"|groupes?|sous groupes?|ateliers?|seances?|sessions?|modules?")
# A number followed by a noun of COUNTED is a count, not a department (folded text).
COUNT = re.compile(rf"\b\d+ (?:{COUNTED})\b")
# « dans le 35 », « du 974 »: a department by its number, never a count.
DEPARTMENT = re.compile(
    r"\b(?:dans|le|du|en|au) (?:0?[1-9]|[1-8]\d|9[0-5]|97[1-6]|2a|2b)\b"
    rf"(?! (?:{COUNTED})\b)")

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
    """The words of a text in the shared spelling: folded, SMS forms expanded, words read
    by their neighbours (coach.engine.nlu.neighbours)."""
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
    return read(out)


def normal(text: str) -> str:
    """One string per meaning: « C koi le FALC ?? » → « c est quoi le falc »."""
    return " ".join(words(text))


def _stemmer() -> Stemmer.Stemmer:
    """One stemmer per thread (a stemmer object is not thread-safe)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        # maxCacheSize 0: PyStemmer otherwise remembers the last 10,000 words it stemmed,
        # typed words included, for the life of the process.
        stemmer = _local.stemmer = Stemmer.Stemmer("french", 0)
    return stemmer


def snowball(word: str) -> str:
    """The plain Snowball stem, without the coach's own families (where « autiste » and
    « polyhandicap » both read « handicap »): for comparing a deployer's own words."""
    return str(_stemmer().stemWord(word))


def stem(word: str) -> str:
    """Snowball French stem, with the coach's own stems, synonyms and word families."""
    stemmer = _stemmer()
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


# The words that only say the number or the gender of a noun (« la réunion », « les
# réunions »), each read in one form by `singular`.
_NUMBER_FORMS = {
    "la": "le", "les": "le", "l": "le", "une": "un", "des": "un", "aux": "au",
    "ma": "mon", "mes": "mon", "ta": "ton", "tes": "ton", "sa": "son", "ses": "son",
    "nos": "notre", "vos": "votre", "leurs": "leur", "cette": "ce", "cet": "ce", "ces": "ce",
    "quelle": "quel", "quels": "quel", "quelles": "quel"}
# Words in « -s » or « -eux » that are no plural of the word without it (« mois » is not
# « moi », « fils » not « fil »), besides `_ENDS_IN_S`.
_NO_PLURAL = word_set("mois fils gens souris succes proces peux veux deux ceux eux mieux vieux"
                      " yeux")


def singular(norm: str) -> str:
    """A text in the shared spelling read as if it spoke of one thing, its determiners in
    one form: « c est quand les reunions » reads as « c est quand la reunion » does. A phrase
    of the content said in the plural (or the singular) is still that phrase."""
    out = []
    for word in norm.split():
        form = _NUMBER_FORMS.get(word)
        if form is None:
            form = word
            if len(word) <= 3 or word in _ENDS_IN_S or word in _NO_PLURAL:
                pass
            elif word[-1] == "s":
                form = word[:-1]  # « reunions », « rencontres »
            elif word.endswith("eux"):
                form = word[:-1]  # « lieux », « nouveaux »
        out.append(form)
    return " ".join(out)


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


def enumerates(tokens: Iterable[str]) -> bool:
    """Whether a text names several positions (« la première année, la deuxième, la
    troisième ») : a list of its own, not a choice picked by its place in the list on
    screen. « un » is mostly an article and does not count."""
    return len({t for t in tokens if t in ORDINALS and t != "un"}) >= 2


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
