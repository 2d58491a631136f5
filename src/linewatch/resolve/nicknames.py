"""A small nickname table written for linewatch: each group of given names shares one key.

The key is the group's first name; a name in two groups keeps its first group. Matching on
the key lets "Kyle" meet "Ky" and "William" meet "Bill" without fuzzy string distance.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, ...], ...] = (
    ("kyle", "ky"),
    ("liam", "li"),
    ("ryan", "ry"),
    ("william", "will", "bill", "billy", "willie"),
    ("robert", "rob", "bob", "bobby", "robbie"),
    ("richard", "rich", "rick", "ricky", "dick"),
    ("michael", "mike", "mikey", "mick", "micky"),
    ("james", "jim", "jimmy", "jamie", "jay"),
    ("john", "johnny", "jon"),
    ("joseph", "joe", "joey"),
    ("thomas", "tom", "tommy"),
    ("daniel", "dan", "danny"),
    ("david", "dave", "davey"),
    ("christopher", "chris", "chrissy", "kit"),
    ("christina", "chris", "tina"),
    ("matthew", "matt", "matty"),
    ("andrew", "andy", "drew"),
    ("anthony", "tony", "ant"),
    ("nicholas", "nick", "nicky"),
    ("alexander", "alex", "al", "alexandra", "lexi"),
    ("samuel", "sam", "sammy", "samantha"),
    ("benjamin", "ben", "benny"),
    ("jacob", "jake"),
    ("joshua", "josh", "joshy"),
    ("nathan", "nate", "nathaniel"),
    ("stephen", "steve", "stevie", "steven"),
    ("edward", "ed", "eddie", "ted"),
    ("charles", "charlie", "chaz", "chas"),
    ("henry", "harry", "hal"),
    ("frederick", "fred", "freddie"),
    ("oliver", "ollie"),
    ("callum", "cal"),
    ("cameron", "cam"),
    ("bradley", "brad"),
    ("dominic", "dom"),
    ("mitchell", "mitch"),
    ("tyler", "ty"),
    ("jordan", "jords"),
    ("kieran", "kez"),
    ("lewis", "lew"),
    ("marcus", "marky"),
    ("aaron", "az"),
    ("adam", "ads"),
    ("alfie", "alf", "alfred"),
    ("archie", "arch", "archibald"),
    ("connor", "con"),
    ("dylan", "dyl"),
    ("frankie", "frank", "francis"),
    ("harvey", "harv"),
    ("jayden", "jd"),
    ("zach", "zac", "zachary", "z"),
    ("elizabeth", "liz", "lizzie", "beth", "betty", "eliza"),
    ("rebecca", "becky", "becca"),
    ("jennifer", "jen", "jenny"),
    ("jessica", "jess", "jessie"),
    ("katherine", "kate", "katie", "kat", "kathy", "catherine", "cathy"),
    ("margaret", "maggie", "meg", "peggy"),
    ("victoria", "vicky", "tori"),
    ("abigail", "abbie", "abbi", "abby"),
    ("amelia", "millie"),
    ("bethany", "beth"),
    ("danielle", "dani"),
    ("eleanor", "ellie", "nell"),
    ("isabel", "izzy", "isabella", "bella"),
    ("natalie", "nat"),
    ("stacey", "stace"),
    ("jasmine", "jaz", "jas"),
)


def rows() -> list[tuple[str, str]]:
    """(name, key) pairs, each name once (its first group wins).

    >>> dict(rows())["bill"], dict(rows())["chris"]
    ('william', 'christopher')
    """
    seen: dict[str, str] = {}
    for group in GROUPS:
        for name in group:
            seen.setdefault(name, group[0])
    return sorted(seen.items())
