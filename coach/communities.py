"""The deployer's list of real communities and contacts (`COACH_ANNUAIRE`, docs/annuaire.md).

The coach never invents an organisation: « il y a une CoP près de chez moi ? » is answered
from this file only. It is read and checked once at start-up; a mistake stops the start
with a French message that names the entry and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Protocol

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from coach.engine.nlu.french import COUNT, fold, normal, singular, snowball

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Audience = Literal["tous", "familles", "personnes", "professionnels", "partenaires"]

# Regions of France and their departments (official geography, 2016 regions).
REGIONS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": ("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73",
                             "74"),
    "Bourgogne-Franche-Comté": ("21", "25", "39", "58", "70", "71", "89", "90"),
    "Bretagne": ("22", "29", "35", "56"),
    "Centre-Val de Loire": ("18", "28", "36", "37", "41", "45"),
    "Corse": ("2A", "2B"),
    "Grand Est": ("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
    "Hauts-de-France": ("02", "59", "60", "62", "80"),
    "Île-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Normandie": ("14", "27", "50", "61", "76"),
    "Nouvelle-Aquitaine": ("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86",
                           "87"),
    "Occitanie": ("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
    "Pays de la Loire": ("44", "49", "53", "72", "85"),
    "Provence-Alpes-Côte d’Azur": ("04", "05", "06", "13", "83", "84"),
    "Guadeloupe": ("971",),
    "Martinique": ("972",),
    "Guyane": ("973",),
    "La Réunion": ("974",),
    "Mayotte": ("976",),
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes}
# Each region as said after « pour » or « en » in a sentence (« pour la Bretagne »,
# « pour l’Occitanie », « pour les Hauts-de-France »); La Réunion and Mayotte as named.
REGION_SAID: dict[str, str] = {
    "Auvergne-Rhône-Alpes": "l’Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté": "la Bourgogne-Franche-Comté", "Bretagne": "la Bretagne",
    "Centre-Val de Loire": "le Centre-Val de Loire", "Corse": "la Corse",
    "Grand Est": "le Grand Est", "Hauts-de-France": "les Hauts-de-France",
    "Île-de-France": "l’Île-de-France", "Normandie": "la Normandie",
    "Nouvelle-Aquitaine": "la Nouvelle-Aquitaine", "Occitanie": "l’Occitanie",
    "Pays de la Loire": "les Pays de la Loire",
    "Provence-Alpes-Côte d’Azur": "la Provence-Alpes-Côte d’Azur",
    "Guadeloupe": "la Guadeloupe", "Martinique": "la Martinique", "Guyane": "la Guyane",
    "La Réunion": "La Réunion", "Mayotte": "Mayotte",
}
# The regions that share a border with each one (mainland France): where to look when this
# site lists nothing in a person's own region. Corsica and overseas regions have none.
NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": ("Bourgogne-Franche-Comté", "Centre-Val de Loire",
                             "Nouvelle-Aquitaine", "Occitanie", "Provence-Alpes-Côte d’Azur"),
    "Bourgogne-Franche-Comté": ("Auvergne-Rhône-Alpes", "Centre-Val de Loire", "Grand Est",
                                "Île-de-France"),
    "Bretagne": ("Normandie", "Pays de la Loire"),
    "Centre-Val de Loire": ("Île-de-France", "Normandie", "Pays de la Loire",
                            "Nouvelle-Aquitaine", "Auvergne-Rhône-Alpes",
                            "Bourgogne-Franche-Comté"),
    "Grand Est": ("Hauts-de-France", "Île-de-France", "Bourgogne-Franche-Comté"),
    "Hauts-de-France": ("Normandie", "Île-de-France", "Grand Est"),
    "Île-de-France": ("Hauts-de-France", "Grand Est", "Bourgogne-Franche-Comté",
                      "Centre-Val de Loire", "Normandie"),
    "Normandie": ("Hauts-de-France", "Île-de-France", "Centre-Val de Loire", "Pays de la Loire",
                  "Bretagne"),
    "Nouvelle-Aquitaine": ("Pays de la Loire", "Centre-Val de Loire", "Auvergne-Rhône-Alpes",
                           "Occitanie"),
    "Occitanie": ("Nouvelle-Aquitaine", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d’Azur"),
    "Pays de la Loire": ("Bretagne", "Normandie", "Centre-Val de Loire", "Nouvelle-Aquitaine"),
    "Provence-Alpes-Côte d’Azur": ("Auvergne-Rhône-Alpes", "Occitanie"),
}
_REGION_KEYS = {fold(name).replace("-", " ").replace("’", " ").replace("'", " "): name
                for name in REGIONS}
_REGION_KEYS.update({"paca": "Provence-Alpes-Côte d’Azur", "idf": "Île-de-France",
                     "reunion": "La Réunion", "ile de france": "Île-de-France"})
# Departments by name (folded), for « un groupe dans le Nord », « en Gironde », « la Somme ».
DEPARTMENT_NAMES: dict[str, str] = {
    "ain": "01", "aisne": "02", "allier": "03", "alpes de haute provence": "04",
    "hautes alpes": "05", "alpes maritimes": "06", "ardeche": "07", "ardennes": "08",
    "ariege": "09", "aube": "10", "aude": "11", "aveyron": "12", "bouches du rhone": "13",
    "calvados": "14", "cantal": "15", "charente": "16", "charente maritime": "17",
    "cher": "18", "correze": "19", "corse du sud": "2A", "haute corse": "2B",
    "cote d or": "21", "cotes d armor": "22", "creuse": "23", "dordogne": "24",
    "doubs": "25", "drome": "26", "eure": "27", "eure et loir": "28", "finistere": "29",
    "gard": "30", "haute garonne": "31", "gers": "32", "gironde": "33", "herault": "34",
    "ille et vilaine": "35", "indre": "36", "indre et loire": "37", "isere": "38",
    "jura": "39", "landes": "40", "loir et cher": "41", "loire": "42", "haute loire": "43",
    "loire atlantique": "44", "loiret": "45", "lot": "46", "lot et garonne": "47",
    "lozere": "48", "maine et loire": "49", "manche": "50", "marne": "51",
    "haute marne": "52", "mayenne": "53", "meurthe et moselle": "54", "meuse": "55",
    "morbihan": "56", "moselle": "57", "nievre": "58", "nord": "59", "oise": "60",
    "orne": "61", "pas de calais": "62", "puy de dome": "63", "pyrenees atlantiques": "64",
    "hautes pyrenees": "65", "pyrenees orientales": "66", "bas rhin": "67",
    "haut rhin": "68", "rhone": "69", "haute saone": "70", "saone et loire": "71",
    "sarthe": "72", "savoie": "73", "haute savoie": "74", "paris": "75",
    "seine maritime": "76", "seine et marne": "77", "yvelines": "78", "deux sevres": "79",
    "somme": "80", "tarn": "81", "tarn et garonne": "82", "var": "83", "vaucluse": "84",
    "vendee": "85", "vienne": "86", "haute vienne": "87", "vosges": "88", "yonne": "89",
    "territoire de belfort": "90", "essonne": "91", "hauts de seine": "92",
    "seine saint denis": "93", "val de marne": "94", "val d oise": "95",
}
# The large towns people name for where they live (« j'habite à Lyon », « vers Marseille »),
# each read as its department. Left out: names that are also everyday words or that several
# departments share (Tours: « des tours de table »; Gap, Clermont, Saint-Denis, Montreuil,
# Boulogne).
CITY_DEPARTMENTS: dict[str, str] = {
    "lyon": "69", "villeurbanne": "69", "marseille": "13", "aix en provence": "13",
    "toulouse": "31", "nice": "06", "cannes": "06", "antibes": "06", "nantes": "44",
    "saint nazaire": "44", "strasbourg": "67", "montpellier": "34", "beziers": "34",
    "bordeaux": "33", "lille": "59", "roubaix": "59", "tourcoing": "59", "dunkerque": "59",
    "valenciennes": "59", "rennes": "35", "saint malo": "35", "reims": "51", "havre": "76",
    "rouen": "76", "saint etienne": "42", "toulon": "83", "grenoble": "38", "dijon": "21",
    "angers": "49", "cholet": "49", "nimes": "30", "clermont ferrand": "63", "mans": "72",
    "brest": "29", "quimper": "29", "amiens": "80", "limoges": "87",
    "perpignan": "66", "metz": "57", "besancon": "25", "orleans": "45", "mulhouse": "68",
    "colmar": "68", "caen": "14", "cherbourg": "50", "nancy": "54", "avignon": "84",
    "poitiers": "86", "pau": "64", "bayonne": "64", "biarritz": "64", "rochelle": "17",
    "calais": "62", "arras": "62", "lens": "62", "beauvais": "60", "troyes": "10",
    "chartres": "28", "bourges": "18", "blois": "41", "chateauroux": "36", "annecy": "74",
    "chambery": "73", "valence": "26", "vannes": "56", "lorient": "56", "saint brieuc": "22",
    "belfort": "90", "niort": "79", "angouleme": "16", "roche sur yon": "85", "laval": "53",
    "montauban": "82", "albi": "81", "rodez": "12", "carcassonne": "11", "ajaccio": "2A",
    "bastia": "2B", "versailles": "78", "nanterre": "92", "creteil": "94", "cergy": "95",
    "evry": "91", "melun": "77", "bobigny": "93", "perigueux": "24", "agen": "47",
    "tarbes": "65", "brive": "19", "auxerre": "89", "nevers": "58", "macon": "71",
    "chalon sur saone": "71", "epinal": "88", "charleville mezieres": "08", "saint quentin": "02",
    "pointe a pitre": "971", "fort de france": "972", "cayenne": "973",
}
# Every name read as a department: the departments' own, then the towns'.
PLACE_NAMES: dict[str, str] = {**CITY_DEPARTMENTS, **DEPARTMENT_NAMES}
def _names(names: dict[str, str]) -> str:
    """A regex alternation of place names, the longest first (« loire atlantique »)."""
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


_NAMES = _names(PLACE_NAMES)
# A town says where one looks only once a group is asked about (« un plombier sur Lyon » is
# not a search for a community): the lexicon's sign of a place sought uses departments.
_DEPARTMENT_NAMES = _names(DEPARTMENT_NAMES)
# The words that introduce a place, one list for every reading below. WHERE: they only say
# where (« dans le Nord », « près du Var », « du côté de la Somme »); WHERE_TOO: they say
# where too, but begin other phrases as well (« en somme », « du Cher », « des frais »), so
# they count only where a place is expected. An article may follow either.
ARTICLES = ("le", "la", "l", "les")
WHERE = ("dans", "vers", "sur", "pres de", "pres du", "a cote de", "a cote du", "cote de",
         "cote du", "du cote de", "du cote du")
WHERE_TOO = ("en", "du", "des", "au", "aux", "a")


def _one_of(words: tuple[str, ...]) -> str:
    """A regex alternation, the longest first (« du cote de » before « du »)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_ARTICLE = rf"(?:(?:{_one_of(ARTICLES)})\s)?"
# Where a place is asked (the directory), a department's name after an article or one of
# those words (« le nord », « dans la Somme », « en Gironde »), or typed alone.
_DEPARTMENT_SAID = re.compile(
    rf"(?:^|\b(?:{_one_of(ARTICLES + WHERE + WHERE_TOO)})\s)(?P<name>{_NAMES})\b")
_DEPARTMENT_ALONE = re.compile(rf"^(?P<name>{_NAMES})$")
# Said of where one looks for a group (« un groupe dans le Nord », « du côté du Var »): not
# « en somme », « la somme à payer », « c'est cher ».
DEPARTMENT_SOUGHT = re.compile(
    rf"\b(?:{_one_of(WHERE)})\s{_ARTICLE}(?:{_DEPARTMENT_NAMES})\b")
# A text that is only a place (« 59 », « dans le 59 », « le Nord ? », « près du Var »).
_ONLY_PLACE = re.compile(
    rf"^(?:(?:{_one_of(WHERE + WHERE_TOO)})\s)?{_ARTICLE}(?P<place>\d{{2,3}}|2a|2b|{_NAMES})$")
# « la Réunion » is the region only when plainly named as a place (« la Réunion » or
# « 974 » typed alone, « à la Réunion », « de la Réunion », « l’île de la Réunion »): « c’est
# où la réunion », « c’est quand la réunion », « la prochaine réunion » ask about a meeting.
_REUNION_NAMED = re.compile(
    r"^(?:(?:l )?ile de )?(?:la )?reunion$"
    rf"|\b(?:a|de|sur|vers|dans|pres de|habite|ile de|{_one_of(WHERE)}) la reunion\b")
# What a person may answer where the directory asks where they live, instead of a place, is
# content: the phrases of `directory_wishes` (commun.yaml), each wish answered by its coach
# message `annuaire-<id>`, the first found first (`Wishes`). A word of those phrases that
# ends in WILDCARD is any word that starts so (« visio* »: « visioconférence »).
WILDCARD = "*"
# Wishes said with a sentence's grammar rather than a set phrase (text as `normal` spells
# it: « jsp » is « je sais pas »), read besides the content's phrases of the same wish:
# « aucune de ces communautés ne me convient », « ça ne nous va pas » (aucune-va); « je ne
# sais pas trop », « je connais pas mon département » (sais-pas).
_WISH_GRAMMAR = {
    "aucune-va": re.compile(
        r"\b(?:aucune?|rien|pas une)\b(?: \w+){0,4} (?:va|vont|convien\w*|correspond\w*"
        r"|interess\w*|marche|plai\w*)\b"
        r"|\b(?:ca|ce|elles?|celles? la) (?:ne )?(?:me |nous )?(?:va|vont|convien\w*"
        r"|correspond\w*|interess\w*) pas\b"),
    "sais-pas": re.compile(
        r"^(?:je |on )?(?:ne )?(?:sais|sait|connais|connait|sai) (?:pas|plus|rien)"
        r"(?: trop| bien| vraiment| du tout)?"
        r"(?: (?:mon|le|quel|quelle|son|ce|notre|ma|la) (?:departement|numero|region|code)\w*"
        r"(?: \w+){0,3})?$"),
}
# A theme is a word or a few (« autisme », « maladies rares »), written as people say it.
MAX_THEME = 40
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
PHONE = re.compile(r"^\+?[0-9][0-9 .()-]{5,24}$")


def region_key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace("’", " ").replace("'", " ").split())


def find_region(name: str) -> str | None:
    return _REGION_KEYS.get(region_key(name))


def theme_key(text: str) -> str:
    """A theme or a typed text as compared: folded, each word by its stem (« Maladies
    rares », « maladie rare » and « les maladies rares » all read « malad rar »)."""
    return " ".join(snowball(word) for word in singular(normal(text)).split())


def same_theme_word(said: str, listed: str) -> bool:
    """Whether a typed word's stem is a theme word's: the same, or, for stems of six
    letters or more, the same but for the end (one letter more or another last letter).
    The name of a condition and the word for the people who live with it differ only
    there (« autisme » autism, « autiste » autist; « polyhandicap », « polyhandicapée »
    polyhandicape; « épilepsie » epileps, « épileptique » epilept), so a parent who
    writes « mon fils est autiste » finds the theme `autisme`."""
    if said == listed:
        return True
    short, long = sorted((said, listed), key=len)
    return len(short) >= 6 and len(long) - len(short) <= 1 and long.startswith(short[:-1])


class Community(BaseModel):
    """One community or contact a person can really reach."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    regions: list[Text] = []
    departments: list[Annotated[str, StringConstraints(strip_whitespace=True)]] = []
    everywhere: bool = False
    audience: list[Audience] = Field(default_factory=lambda: list[Audience](["tous"]),
                                     min_length=1)
    themes: list[str] = []
    join: Text
    join_falc: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""

    @field_validator("regions")
    @classmethod
    def _known_regions(cls, value: list[str]) -> list[str]:
        found = []
        for name in value:
            region = find_region(name)
            if region is None:
                raise ValueError(f"région inconnue « {name} » ; écrivez une des régions :"
                                 f" {', '.join(REGIONS)}")
            found.append(region)
        return found

    @field_validator("departments", mode="before")
    @classmethod
    def _known_departments(cls, value: object) -> object:
        if not isinstance(value, list):
            return value
        found = []
        for item in value:
            code = str(item).strip().upper()
            code = code.zfill(2) if code.isdigit() else code
            if code not in REGION_OF:
                raise ValueError(f"département inconnu « {item} » ; écrivez son numéro,"
                                 " par exemple « 35 » ou « 2A »")
            found.append(code)
        return found

    @field_validator("themes", mode="before")
    @classmethod
    def _themes(cls, value: object) -> object:
        """Short words people would type (« autisme »), one theme per item of the list."""
        if value is None:
            return []
        if not isinstance(value, list):  # `themes: autisme, polyhandicap`: a text
            said = ", ".join(_split(str(value))) or "autisme"
            raise ValueError("écrivez une liste entre crochets, par exemple"
                             f" « themes: [{said}] »")
        found: list[str] = []
        seen: dict[str, str] = {}
        for item in value:
            if not isinstance(item, (str, int)) or isinstance(item, bool):
                raise ValueError("chaque thème est un mot ou quelques mots, par exemple"
                                 " « autisme » ou « maladies rares »")
            theme = " ".join(str(item).split())
            if not theme:
                raise ValueError("un thème est vide ; écrivez un mot ou quelques mots,"
                                 " par exemple « autisme »")
            if any(sign in theme for sign in ",;/"):
                raise ValueError(f"« {theme} » : un seul thème par élément de la liste ;"
                                 f" écrivez par exemple [{', '.join(_split(theme))}]")
            if len(theme) > MAX_THEME:
                raise ValueError(f"thème trop long « {theme} » ({MAX_THEME} caractères au"
                                 " plus : un mot ou quelques mots, comme les gens l’écrivent)")
            key = theme_key(theme)
            if not key:
                raise ValueError(f"« {theme} » n’est pas un thème : écrivez des mots,"
                                 " par exemple « polyhandicap »")
            if key in seen:
                raise ValueError(f"thème en double : « {seen[key]} » et « {theme} »")
            seen[key] = theme
            found.append(theme)
        return found

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        if value and not EMAIL.match(value):
            raise ValueError(f"« {value} » n’est pas une adresse de courriel")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        value = value.strip()
        if value and not PHONE.match(value):
            raise ValueError(f"« {value} » n’est pas un numéro de téléphone")
        return value

    @field_validator("website")
    @classmethod
    def _website(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("https://", "http://")):
            raise ValueError(f"« {value} » doit commencer par https://")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> Community:
        if not (self.regions or self.departments or self.everywhere):
            raise ValueError("indiquez « regions », « departments » ou « everywhere: true »")
        if not (self.phone or self.email or self.website):
            raise ValueError("indiquez au moins un moyen de contact : « phone », « email »"
                             " ou « website »")
        return self

    def about(self, theme: str) -> bool:
        """Whether this community lists the theme (compared as `theme_key` reads it)."""
        key = theme_key(theme)
        return any(theme_key(own) == key for own in self.themes)

    def serves(self, region: str, department: str | None) -> bool:
        if self.everywhere or region in self.regions:
            return True
        if department is not None:
            return department in self.departments
        return any(REGION_OF.get(code) == region for code in self.departments)


def _said_in_a_row(listed: list[str], said: list[str]) -> bool:
    """Whether the theme's words are all in the text, in a row (`same_theme_word`)."""
    width = len(listed)
    return any(all(same_theme_word(word, own)
                   for word, own in zip(said[start:start + width], listed, strict=True))
               for start in range(len(said) - width + 1))


def _split(theme: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;/]", theme) if part.strip()]


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    communities: list[Community] = Field(min_length=1)


class DirectoryError(ValueError):
    """The file cannot be used: the message says where and what to fix, in French."""


_FIELDS = {"name": "nom", "regions": "régions", "departments": "départements",
           "everywhere": "partout", "audience": "public", "join": "comment rejoindre",
           "join_falc": "comment rejoindre (FALC)", "themes": "thèmes", "phone": "téléphone",
           "email": "courriel", "website": "site"}


@dataclass(frozen=True)
class Place:
    """Where a person lives, as the directory understands it."""

    region: str
    department: str | None = None

    @property
    def code(self) -> str:
        return self.department or self.region

    @property
    def name(self) -> str:
        return f"le {self.department} ({self.region})" if self.department else self.region

    @property
    def said(self) -> str:
        """As said in a sentence, after « pour »: « le 35 (Bretagne) », « la Bretagne »."""
        return self.name if self.department else REGION_SAID.get(self.region, self.region)


class Communities:
    """The communities of one deployment (possibly none)."""

    def __init__(self, entries: Iterable[Community] = ()) -> None:
        self.entries = tuple(entries)
        # The directory's own themes (as compared → as the first entry writes it), the
        # longest first: « maladies rares » is read before a theme « maladies ».
        themes: dict[str, str] = {}
        for entry in self.entries:
            for theme in entry.themes:
                themes.setdefault(theme_key(theme), theme)
        self._themes = sorted(themes.items(), key=lambda item: -len(item[0]))

    def theme(self, text: str) -> str | None:
        """The directory's theme a text names (« une cop sur l’autisme » → « autisme »),
        as the directory writes it; None when it names none. Plain words only: accents,
        capitals and plurals aside, the theme's words as they are, in a row."""
        if not self._themes:
            return None
        said = theme_key(text).split()
        return next((theme for key, theme in self._themes
                     if _said_in_a_row(key.split(), said)), None)

    @staticmethod
    def themed_first(entries: Iterable[Community], theme: str | None) -> list[Community]:
        """The communities with the theme first, the others after, each in the file's order."""
        entries = list(entries)
        if not theme:
            return entries
        return ([e for e in entries if e.about(theme)]
                + [e for e in entries if not e.about(theme)])

    def regions_after(self, place: Place) -> list[str]:
        """The regions still worth offering once this place's communities are shown: not
        its own, when choosing it would show the same communities again."""
        return [r for r in self.regions() if r != place.region or (
            place.department is not None and self.local(Place(r)) != self.local(place))]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def regions(self) -> list[str]:
        """The regions where at least one community is listed, in the usual order."""
        found = {r for e in self.entries for r in e.regions} | {
            REGION_OF[c] for e in self.entries for c in e.departments}
        return [r for r in REGIONS if r in found]

    def near(self, place: Place) -> list[Community]:
        local = [e for e in self.entries if not e.everywhere and e.serves(place.region,
                                                                          place.department)]
        return local + [e for e in self.entries if e.everywhere]

    @staticmethod
    def place(code: str) -> Place | None:
        """A department number or a region name (typed or from a button) → a place."""
        code = code.strip()
        upper = code.upper()
        upper = upper.zfill(2) if upper.isdigit() and len(upper) == 1 else upper
        if upper in REGION_OF:
            return Place(REGION_OF[upper], upper)
        region = find_region(code)
        return Place(region) if region else None

    @staticmethod
    def read(text: str) -> Place | None:
        """A place named in typed text: « dans le 35 », « en bretagne », « 974 »; never a
        count (« un atelier en 12 étapes »)."""
        key = f" {region_key(text)} "
        for number in re.finditer(r"\b(?:\d{2,3}|2[ab])\b", key):
            found = None if COUNT.match(key, number.start()) else Communities.place(number[0])
            if found is not None:
                return found
        for name_key, region in _REGION_KEYS.items():
            if f" {name_key} " in key and (region != "La Réunion"
                                           or _REUNION_NAMED.search(key.strip())):
                return Place(region)
        said = _DEPARTMENT_SAID.search(key.strip()) or _DEPARTMENT_ALONE.match(key.strip())
        return Communities.place(PLACE_NAMES[said["name"]]) if said else None

    def local(self, place: Place) -> list[Community]:
        """The communities that serve this place itself (not those open to all France)."""
        return [e for e in self.entries
                if not e.everywhere and e.serves(place.region, place.department)]

    def remote(self) -> list[Community]:
        """The communities open to all France (`everywhere: true`)."""
        return [e for e in self.entries if e.everywhere]

    def nearest(self, place: Place) -> tuple[list[str], list[Community]]:
        """When nothing serves the place itself: the communities of the same region's other
        departments, then of the neighbouring regions, with the regions they are in."""
        regions = [place.region] if place.department else []
        regions += [r for r in NEIGHBOURS.get(place.region, ()) if r != place.region]
        found: list[Community] = []
        named: list[str] = []
        for region in regions:
            here = [e for e in self.entries if not e.everywhere and e not in found
                    and e.serves(region, None)]
            if here:
                found += here
                named.append(region)
        return named, found

    @staticmethod
    def only_place(text: str) -> Place | None:
        """The place when the text says nothing else (« 59 », « dans le Nord »)."""
        found = _ONLY_PLACE.match(region_key(text.replace("?", " ")))
        if found is None:
            return None
        place = found["place"]
        return Communities.place(PLACE_NAMES.get(place, place))


class WishPhrases(Protocol):
    """A wish as the content writes it (commun.yaml, `directory_wishes`)."""

    @property
    def id(self) -> str: ...
    @property
    def anywhere(self) -> Sequence[str]: ...
    @property
    def alone(self) -> Sequence[str]: ...


def _said(phrase: str) -> str:
    """A phrase of a wish as a regex on `normal` text (« visio* » → « visio\\w* »)."""
    text = phrase.strip()
    said = re.escape(normal(text.rstrip(WILDCARD)))
    return said + r"\w*" if said and text.endswith(WILDCARD) else said


class Wishes:
    """What a person answers instead of a place where the directory asks, as the content
    says it: « et en visio ? » (`distance`), « y en a pas plus près ? » (`plus-pres`),
    « aucune ne me va » (`aucune-va`), « je sais pas » (`sais-pas`)."""

    def __init__(self, wishes: Iterable[WishPhrases] = ()) -> None:
        found: list[tuple[str, re.Pattern[str]]] = []
        for wish in wishes:
            ways = []
            anywhere = [said for said in map(_said, wish.anywhere) if said]
            if anywhere:
                ways.append(rf"\b(?:{'|'.join(anywhere)})\b")
            alone = [said for said in map(_said, wish.alone) if said]
            if alone:
                ways.append(rf"^(?:{'|'.join(alone)})$")
            grammar = _WISH_GRAMMAR.get(wish.id)
            if grammar is not None:
                ways.append(grammar.pattern)
            if ways:
                found.append((wish.id, re.compile("|".join(f"(?:{way})" for way in ways))))
        self._wishes = tuple(found)

    def read(self, text: str) -> str | None:
        """The id of the first wish the text says, None for anything else."""
        said = normal(text)
        return next((name for name, pattern in self._wishes if pattern.search(said)), None)


def load_communities(path: Path | None) -> Communities:
    """Read and check the file; no path: no communities listed (the coach says so)."""
    if path is None or not str(path).strip():
        return Communities()
    if not path.is_file():
        raise DirectoryError(f"Annuaire : le fichier « {path} » n’existe pas"
                             " (réglage COACH_ANNUAIRE).")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"Annuaire « {path.name} » illisible : {exc}") from exc
    try:
        return Communities(_File.model_validate(data).communities)
    except ValidationError as exc:
        raise DirectoryError(_french(path.name, data, exc)) from exc


def _french(name: str, data: object, error: ValidationError) -> str:
    lines = [f"Annuaire « {name} » : {error.error_count()} erreur(s) à corriger."]
    items = data.get("communities") if isinstance(data, dict) else None
    for item in error.errors():
        where = list(item["loc"])
        if not where or where[0] != "communities":
            lines.append("  - le fichier doit commencer par « communities: » suivi de la"
                         " liste des communautés")
            continue
        if len(where) < 2:
            lines.append("  - « communities » doit être une liste non vide")
            continue
        index = int(where[1])
        title = ""
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            title = f" (« {items[index].get('name', '')} »)"
        field = _FIELDS.get(str(where[2]), str(where[2])) if len(where) > 2 else ""
        message = _message(dict(item))
        place = f"champ « {field} » : " if field else ""
        lines.append(f"  - communauté n° {index + 1}{title}, {place}{message}")
    return "\n".join(lines)


def _message(item: dict[str, object]) -> str:
    kind = str(item.get("type", ""))
    if kind == "missing":
        return "ce champ est obligatoire"
    if kind == "extra_forbidden":
        return "champ inconnu (voir docs/annuaire.md)"
    if kind == "literal_error":
        return "valeur inconnue : tous, familles, personnes, professionnels ou partenaires"
    if kind in ("string_too_short", "too_short"):
        return "ce champ ne peut pas être vide"
    if kind == "string_too_long":
        return "texte trop long (600 caractères au plus)"
    text = str(item.get("msg", ""))
    return text.removeprefix("Value error, ") if kind == "value_error" else (
        "valeur de mauvais type")
