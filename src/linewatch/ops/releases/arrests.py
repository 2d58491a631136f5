"""People arrested or charged, one each: status, offences and home area from nearby words."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from linewatch.ops.releases.charges import Charge, charges_in
from linewatch.ops.releases.context import is_current
from linewatch.ops.releases.people import Mention, mentions_in
from linewatch.ops.releases.pipeline import Sentence
from linewatch.ops.releases.places import arrested_in, home_after
from linewatch.ops.releases.vocab import words

STATUS_WORDS = {
    "arrested": "arrested",
    "detained": "arrested",
    "charged": "charged",
    "remanded": "charged",
    "appeared": "charged",
    "summonsed": "summonsed",
    "summoned": "summonsed",
    "summons": "summonsed",
    "released": "released",
    "bailed": "released",
    "bail": "released",
    "rui": "released",
    "cautioned": "cautioned",
}
RANK = {"arrested": 1, "released": 2, "cautioned": 3, "summonsed": 3, "charged": 4}
VERBS = words("was were is are has have had been")
RELATIVE = words("who which that whom whose")


@dataclass
class Person:
    """One person as the reading goes on; later sentences may change status or add offences."""

    age: int | None
    sex: str | None
    area: str | None
    status: str
    charges: list[Charge] = field(default_factory=list)

    def update(self, status: str | None, charges: list[Charge]) -> None:
        """Take the furthest status reached (charged beats bailed) and any new offences."""
        if status and RANK[status] > RANK[self.status]:
            self.status = status
        self.charges += charges


def statuses_in(tokens: Span, start: int = 0, end: int | None = None) -> list[str]:
    """Status words in tokens[start:end]: "arrested", "charged", "bailed", "due to appear"."""
    found = []
    for index in range(start, len(tokens) if end is None else end):
        word, previous = tokens[index].lower_, tokens[index - 1].lower_ if index else ""
        if word == "appear" and previous in ("to", "will"):
            found.append("charged")
        elif word in STATUS_WORDS:
            found.append(STATUS_WORDS[word])
    return found


def strongest(statuses: list[str]) -> str | None:
    """The furthest status in a list."""
    return max(statuses, key=RANK.__getitem__, default=None)


def _has_verb(tokens: Span, start: int, end: int) -> bool:
    """A finite verb ("was", "were") in tokens[start:end], outside a "who was..." clause."""
    return any(
        tokens[i].lower_ in VERBS
        and not any(t.lower_ in RELATIVE for t in tokens[max(0, i - 2) : i])
        for i in range(start, end)
    )


@dataclass
class Reading:
    """What was read about people: one Person each, and how many arrests the listing adds to."""

    people: list[Person] = field(default_factory=list)
    batch: list[Person] = field(default_factory=list)  # people from the latest sentence naming any
    listed: int = 0
    open_groups: list[list[object]] = field(default_factory=list)

    def count_group(self, mention: Mention) -> None:
        """A group given without ages ("four men") counts; later individuals may fill it."""
        self.listed += mention.count or 0
        self.open_groups.append([mention.sex, mention.count or 0])

    def count_person(self, person: Person) -> None:
        """A person counts unless an earlier group already counted them."""
        if person.status == "summonsed":
            return
        for group in self.open_groups:
            if int(str(group[1])) > 0 and group[0] in (None, person.sex):
                group[1] = int(str(group[1])) - 1
                return
        self.listed += 1


def _groups(
    tokens: Span, mentions: list[Mention], charges: list[Charge]
) -> list[tuple[list[Mention], int]]:
    """Mentions sharing one verb ("a man and a woman were arrested"), with where each group ends."""
    groups, current = [], []
    for k, mention in enumerate(mentions):
        end = mentions[k + 1].start if k + 1 < len(mentions) else len(tokens)
        current.append(mention)
        closes = (
            k + 1 == len(mentions)
            or bool(statuses_in(tokens, mention.end, end))
            or any(mention.end <= c.start - tokens.start < end for c in charges)
            or _has_verb(tokens, mention.end, end)
        )
        if closes:
            groups.append((current, end))
            current = []
    return groups


def _default_status(sentence: Sentence, first: Mention, has_charges: bool) -> str | None:
    """The status of a group whose own words give none: active voice, list header or bullet."""
    before = strongest(statuses_in(sentence.span, 0, first.start))
    if before or sentence.header_status:
        return before or sentence.header_status
    return "arrested" if sentence.bullet and has_charges else None


def _read_group(
    sentence: Sentence, group: list[Mention], end: int, charges: list[Charge], reading: Reading
) -> list[Person]:
    """The people of one group, or none when the group was not arrested (a victim, a witness)."""
    tokens, begin = sentence.span, group[0].start
    own = [c for c in charges if begin <= c.start - tokens.start < end]
    status = strongest(statuses_in(tokens, begin, end))
    if status is None and not _has_verb(tokens, group[-1].end, end):
        status = _default_status(sentence, group[0], bool(own))
    if status is None:
        return []
    people: list[Person] = []
    shared = None
    for k, mention in enumerate(group):
        stop = group[k + 1].start if k + 1 < len(group) else end
        home = home_after(tokens[mention.end : stop].text) if stop > mention.end else None
        shared = home.area if home and home.shared else shared
        fallback = arrested_in(tokens[begin:end].text) if home is None else None
        area = home.area if home else fallback
        if not mention.individuals():
            reading.count_group(mention)
        for age, sex in mention.individuals():
            person = Person(age, sex, area, status, list(own))
            reading.count_person(person)
            people.append(person)
    return [Person(p.age, p.sex, p.area or shared, p.status, p.charges) for p in people]


def _referenced(tokens: Span, mentions: list[Mention], reading: Reading) -> list[Person]:
    """Whom a follow-up sentence ("He was later charged", "Both men were bailed") is about."""
    if not reading.people:
        return []
    first = tokens[0].lower_
    if first in ("he", "she"):
        sex = "male" if first == "he" else "female"
        person = next((p for p in reversed(reading.people) if p.sex in (None, sex)), None)
        if person:
            person.sex = sex
        return [person] if person else []
    if first == "they":
        return reading.batch
    opening = next((m for m in mentions if m.definite and m.start <= 2), None)
    if opening is None:
        return []
    if opening.plural:
        pool = reading.people if first == "all" else reading.batch
        return [p for p in pool if opening.sex in (None, p.sex)]
    age = opening.ages[0] if opening.ages else None
    matches = [p for p in reading.people if opening.sex in (None, p.sex) and age in (None, p.age)]
    return matches[-1:]


def _read_sentence(sentence: Sentence, reading: Reading) -> None:
    """Add the people a sentence describes, or update those it refers back to."""
    tokens = sentence.span
    mentions, charges = mentions_in(tokens), charges_in(tokens)
    new = [m for m in mentions if not m.definite]
    people = (
        [
            p
            for group, end in _groups(tokens, new, charges)
            for p in _read_group(sentence, group, end, charges, reading)
        ]
        if new
        else []
    )
    if people:
        reading.people += people
        reading.batch = people
        return
    statuses = statuses_in(tokens)
    if statuses or charges:
        for person in _referenced(tokens, mentions, reading):
            person.update(strongest(statuses), charges)


def read_people(sentences: list[Sentence]) -> Reading:
    """Every person the statement describes as arrested, charged, bailed or summonsed."""
    reading = Reading()
    for sentence in sentences:
        if not sentence.title and is_current(sentence):
            _read_sentence(sentence, reading)
    return reading
