"""Word lists the reader matches: drugs and their classes, weapons, and words for people."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of space-separated words in text (keeps long word lists readable)."""
    return frozenset(text.split())


# Drug names as statements write them -> class under the Misuse of Drugs Act (domain.md §5, [S70]).
DRUG_CLASSES: dict[str, str] = {
    name: klass
    for klass, names in {
        "A": "crack cocaine|crack|heroin|cocaine|powder cocaine|ecstasy|mdma|lsd|methadone|"
        "crystal meth|methamphetamine|magic mushrooms|psilocybin|fentanyl|opium|diamorphine",
        "B": "cannabis|herbal cannabis|cannabis resin|skunk|amphetamine|amphetamines|ketamine|"
        "codeine|mephedrone|spice|synthetic cannabinoids|cannabis plants",
        "C": "benzodiazepines|diazepam|xanax|etizolam|ghb|gbl|anabolic steroids|steroids|khat|"
        "nitrous oxide|pregabalin|tramadol",
    }.items()
    for name in names.split("|")
}
# Words that may sit around a drug in an offence phrase ("a quantity of Class A drugs").
DRUG_FILLERS = words("a an the class b c and or & , / controlled suspected quantity quantities of")
DRUG_CORE = words("drug drugs substance substances") | frozenset(
    word for name in DRUG_CLASSES for word in name.split()
)

# Weapon kinds as written, singular; the reader also matches their plurals.
WEAPON_KINDS = [
    "knife",
    "zombie knife",
    "kitchen knife",
    "lock knife",
    "flick knife",
    "butterfly knife",
    "dagger",
    "bayonet",
    "machete",
    "sword",
    "samurai sword",
    "axe",
    "hatchet",
    "meat cleaver",
    "cleaver",
    "knuckleduster",
    "knuckle duster",
    "baseball bat",
    "baton",
    "sickle",
    "firearm",
    "gun",
    "handgun",
    "pistol",
    "revolver",
    "shotgun",
    "sawn-off shotgun",
    "rifle",
    "air rifle",
    "air pistol",
    "air weapon",
    "air gun",
    "imitation firearm",
    "bb gun",
    "stun gun",
    "taser",
    "crossbow",
    "cs spray",
    "cs canister",
    "pepper spray",
    "hammer",
    "crowbar",
]


def plural(kind: str) -> str:
    """The plural of a weapon kind: knife -> knives, machete -> machetes."""
    return kind[: -len("knife")] + "knives" if kind.endswith("knife") else kind + "s"


# Other ways statements write a kind: "zombie-style knife" is a zombie knife.
WEAPON_ALIASES = {
    "zombie style knife": "zombie knife",
    "zombie-style knife": "zombie knife",
    "knuckle-duster": "knuckleduster",
    "cs gas canister": "cs canister",
    "imitation gun": "imitation firearm",
}
WEAPONS: dict[str, str] = {
    form: kind
    for alias, kind in [*((k, k) for k in WEAPON_KINDS), *WEAPON_ALIASES.items()]
    for form in (alias, plural(alias))
}
# Words next to a weapon word that mean it was not seized ("knife crime", "knife arch").
NOT_SEIZED_AFTER = words("crime crimes arch arches amnesty bin bins point surrender")

# Nouns for people: sex, or none stated.
MALE = words("man men boy boys male males lad lads gentleman")
FEMALE = words("woman women girl girls female females lady")
NEUTRAL = words(
    "person people persons suspect suspects individual individuals teenager teenagers youth "
    "youths juvenile juveniles adult adults child children minor minors driver passenger occupant "
    "tenant partner"
)
PLURAL_NOUNS = words(
    "men boys males lads women girls females people persons suspects individuals teenagers "
    "youths juveniles adults children minors"
)
PERSON_MODIFIERS = words(
    "teenage young juvenile male female local other further older elderly adult additional "
    "second third fourth fifth sixth more"
)
