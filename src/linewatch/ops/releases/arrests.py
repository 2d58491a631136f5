"""People arrested or charged, one each: status, offences and home area from nearby words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from linewatch.ops.releases.charges import Charge, charges_in
from linewatch.ops.releases.context import is_current
from linewatch.ops.releases.counts import StatedArrests
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
SAFEGUARD = re.compile(r"safeguard|identified|referr|rescued|protected|place of safety", re.I)
REST = words("others rest remaining")
# "suspected of being involved in drug supply": why someone was stopped, not what they were
# arrested for, unless "on suspicion of", "for" or "with" introduces the offence.
REASON = words("involved believed suspected linked connected")
ARREST_OFFENCE = words("suspicion for with") | frozenset(STATUS_WORDS)


@dataclass(eq=False)
class Person:
    """One person as the reading goes on; status None until the text says they were arrested."""

    age: int | None
    sex: str | None
    area: str | None
    status: str | None
    charges: list[Charge] = field(default_factory=list)
    safeguarded: bool = False

    def update(self, status: str | None, charges: list[Charge], safeguarded: bool) -> None:
        """Take the furthest status reached (charged beats bailed) and any new offences."""
        if status and (self.status is None or RANK[status] > RANK[self.status]):
            self.status = status
        self.charges += charges
        self.safeguarded = self.safeguarded or safeguarded


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
    """What was read about people, and how many arrests and safeguarded people the text lists."""

    people: list[Person] = field(default_factory=list)
    batches: list[list[Person]] = field(default_factory=list)  # arrested, sentence by sentence
    batch_ends: list[int] = field(default_factory=list)  # where each batch's sentence ends
    updated: list[Person] = field(default_factory=list)  # by the latest follow-up sentence
    listed: int = 0
    open_groups: list[tuple[str | None, list[int]]] = field(default_factory=list)
    safeguarded_groups: int = 0

    @property
    def arrested(self) -> list[Person]:
        """People the text says were arrested, charged, bailed or summonsed."""
        return [p for p in self.people if p.status is not None]

    @property
    def safeguarded(self) -> int:
        """People described one by one or in groups as safeguarded or identified as victims."""
        return sum(p.safeguarded for p in self.people) + self.safeguarded_groups

    def count_group(self, sex: str | None, count: int) -> None:
        """A group given without ages ("four men") counts; later individuals may fill it."""
        self.listed += count
        self.open_groups.append((sex, [count]))

    def count_person(self, person: Person) -> None:
        """An arrested person counts unless an earlier group already counted them."""
        if person.status in (None, "summonsed"):
            return
        for sex, left in self.open_groups:
            if left[0] > 0 and sex in (None, person.sex):
                left[0] -= 1
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


def _group_status(
    sentence: Sentence, group: list[Mention], end: int, has_charges: bool
) -> str | None:
    """The furthest status in the group's words, else the sentence's, else None (not arrested)."""
    tokens, begin = sentence.span, group[0].start
    status = strongest(statuses_in(tokens, begin, end))
    active = strongest(statuses_in(tokens, max(0, begin - 2), begin))  # "officers arrested a man"
    if status is None and active is None and not _has_verb(tokens, group[-1].end, end):
        status = _default_status(sentence, group[0], has_charges)
    return status or active


def _is_reason(tokens: Span, charge: Charge) -> bool:
    """An offence named as the reason for a stop or a suspicion, not as an arrest offence."""
    start = charge.start - tokens.start
    before = {t.lower_ for t in tokens[max(0, start - 6) : start]}
    return bool(before & REASON) and not before & ARREST_OFFENCE


def _bare_in_group(group: list[Mention]) -> bool:
    """ "Two women and a man were arrested": a group given by number, so no one in it is an
    individual yet (ages given later describe its members)."""
    return any(m.plural and not m.individuals() for m in group) and not any(m.ages for m in group)


def _read_group(
    sentence: Sentence, group: list[Mention], end: int, reading: Reading
) -> list[Person]:
    """The people of one group, with the status, offences and home areas its words give."""
    tokens, begin = sentence.span, group[0].start
    own = [
        c
        for c in charges_in(tokens)
        if begin <= c.start - tokens.start < end and not _is_reason(tokens, c)
    ]
    status = _group_status(sentence, group, end, bool(own))
    part_of = begin > 0 and tokens[begin - 1].lower_ == "including"  # already counted
    said = tokens[max(0, begin - 3) : end].text  # "officers safeguarded three children"
    safeguarded = bool(SAFEGUARD.search(said)) and not part_of
    people: list[Person] = []
    shared = None
    counted_only = _bare_in_group(group)
    for k, mention in enumerate(group):
        stop = group[k + 1].start if k + 1 < len(group) else end
        home = home_after(tokens[mention.end : stop].text) if stop > mention.end else None
        shared = home.area if home and home.shared else shared
        area = home.area if home else arrested_in(tokens[begin:end].text)
        if status and (counted_only or not mention.individuals()):
            reading.count_group(mention.sex, mention.count or int(not mention.plural))
            continue
        if not mention.individuals() and safeguarded:
            reading.safeguarded_groups += mention.count or 0
        for age, sex in mention.individuals():
            people.append(Person(age, sex, area, status, list(own), safeguarded))
    for person in people:
        person.area = person.area or shared
        reading.count_person(person)
    return people


def _referenced(tokens: Span, mentions: list[Mention], reading: Reading) -> list[Person]:
    """Whom a follow-up sentence ("He was later charged", "Both men were bailed") is about."""
    first = tokens[0].lower_
    if first in ("he", "she"):
        sex = "male" if first == "he" else "female"
        person = next((p for p in reversed(reading.people) if p.sex in (None, sex)), None)
        if person:
            person.sex = sex
        return [person] if person else []
    if REST & {t.lower_ for t in tokens[:4]}:
        return [p for p in reading.arrested if p not in reading.updated]
    latest = reading.batches[-1] if reading.batches else []
    opening = next((m for m in mentions if m.definite and m.start <= 2), None)
    if opening is None:
        return reading.arrested if first == "all" else latest if first in ("they", "both") else []
    if opening.plural:
        pool = reading.arrested if first == "all" else _batch(reading, opening.count) or latest
        return [p for p in pool if opening.sex in (None, p.sex)]
    age = opening.ages[0] if opening.ages else None
    matches = [p for p in reading.people if opening.sex in (None, p.sex) and age in (None, p.age)]
    matches = matches or _first_aged(reading, opening.sex, age)
    said = _relative_status(tokens, opening.end)  # "the man who was charged"
    matches = [p for p in matches if p.status == said] or matches if said else matches
    if matches and matches[-1].area is None:
        home = home_after(tokens[opening.end :].text)
        matches[-1].area = home.area if home else None
    return matches[-1:]


def _first_aged(reading: Reading, sex: str | None, age: int | None) -> list[Person]:
    """ "A man was detained ... The 33-year-old man was charged": a definite mention with an age
    refers back to the latest person of that sex described without one, and gives their age."""
    person = next(
        (p for p in reversed(reading.people) if p.age is None and sex in (None, p.sex)), None
    )
    if person is None or age is None:
        return []
    person.age = age
    return [person]


def _relative_status(tokens: Span, index: int) -> str | None:
    """The status in a "who was charged" clause right after a mention, if there is one."""
    if index >= len(tokens) or tokens[index].lower_ != "who":
        return None
    return strongest(statuses_in(tokens, index, min(len(tokens), index + 4)))


def _batch(reading: Reading, count: int | None) -> list[Person]:
    """The latest sentence's arrests that number count ("the two teenagers"), if any."""
    return next((b for b in reversed(reading.batches) if len(b) == count), [])


def _fills_summary(person: Person, reading: Reading) -> bool:
    """Merge a detailed description into the one bare one before it ("A man has been arrested")."""
    arrested = reading.arrested
    if person.age is None or person.status is None or len(arrested) != 1:
        return False
    summary = arrested[0]
    if (
        summary.age is not None
        or summary.area
        or summary.charges
        or summary.sex not in (None, person.sex)
    ):
        return False
    summary.age, summary.sex, summary.area = person.age, person.sex, person.area
    summary.update(person.status, person.charges, person.safeguarded)
    reading.listed -= 1
    return True


def _read_sentence(sentence: Sentence, reading: Reading) -> None:
    """Add the people a sentence describes, or update those it refers back to."""
    tokens = sentence.span
    mentions = mentions_in(tokens)
    new = [m for m in mentions if not m.definite]
    charges = charges_in(tokens)
    people = [
        p
        for g, end in _groups(tokens, new, charges)
        for p in _read_group(sentence, g, end, reading)
    ]
    people = [p for p in people if not _fills_summary(p, reading)]
    reading.people += people
    if any(p.status for p in people):
        reading.batches.append([p for p in people if p.status])
        reading.batch_ends.append(tokens.end)
    statuses = statuses_in(tokens)
    safeguarded = bool(SAFEGUARD.search(sentence.text))
    if not people and (statuses or charges or safeguarded):
        reading.updated = _referenced(tokens, mentions, reading)
        for person in reading.updated:
            counted = person.status is not None
            person.update(strongest(statuses), charges, safeguarded)
            if not counted:
                reading.count_person(person)


def total_arrests(stated: StatedArrests, reading: Reading) -> int:
    """A lone count the next people described fill exactly ("Three people were arrested ... Two
    men and a woman were arrested") covers that incident only: people arrested later add to it."""
    batches = [
        [p for p in batch if p.status != "summonsed"]
        for end, batch in zip(reading.batch_ends, reading.batches, strict=True)
        if end > stated.at  # the count's own sentence or a later one
    ]
    if not stated.alone or not batches or len(batches[0]) != stated.value:
        return stated.value
    return stated.value + sum(len(batch) for batch in batches[1:])


def read_people(sentences: list[Sentence]) -> Reading:
    """Every person the statement describes, and what it says happened to them."""
    reading = Reading()
    for sentence in sentences:
        if not sentence.title and is_current(sentence):
            _read_sentence(sentence, reading)
    return reading
