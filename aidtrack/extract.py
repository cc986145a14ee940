"""From the news to draft records: rules only, no network, no model.

A careful reader turns "Norway plans to maintain its support for Ukraine in 2026 at the
same scale as in 2025, when Oslo provided more than $7 billion" into two records. This
module does the same reading: for each pledge it finds, the fields it settled, the words
it settled each from, and the fields it left open with the reason. A wrong figure is
worse than an open one, so any doubt (two amounts, two donors, a krone no donor
settles) leaves the field open.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from . import money, places
from .errors import InvalidInput
from .model import Category, Instrument, Pledge, Qualifier, Status, YearSpan

REQUIRED = ("donor", "recipient", "years", "amount", "currency")
FIELDS = (*REQUIRED, "qualifier", "status", "category", "instrument")


@dataclass(frozen=True)
class Found:
    """A field's value and the words of the text it was read from."""

    value: Any
    words: str


@dataclass
class Draft:
    """One pledge as a sentence states it: what was found, and what stays open and why."""

    quote: str
    found: dict[str, Found] = field(default_factory=dict)
    open: dict[str, str] = field(default_factory=dict)
    part_of: int | None = None
    """The index of this part's whole among the drafts of the same text."""
    relative_to: int | None = None
    """The year whose figure this one repeats ("at the same scale as in 2025")."""
    note: str = ""
    parsed: money.ParsedAmount | None = None
    """The amount as `money` read it: a krone the donor settles waits here."""

    @property
    def missing(self) -> list[str]:
        """The fields a record needs that this draft has not settled."""
        return [name for name in REQUIRED if name not in self.found]

    def value(self, name: str) -> Any:
        found = self.found.get(name)
        return found.value if found else None


# Words -----------------------------------------------------------------------------------

QUALIFIER_WORDS: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "more than": Qualifier.AT_LEAST,
    "over": Qualifier.AT_LEAST,
    "in excess of": Qualifier.AT_LEAST,
    "above": Qualifier.AT_LEAST,
    "exceed": Qualifier.AT_LEAST,
    "exceeds": Qualifier.AT_LEAST,
    "exceeding": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST,
    "up to": Qualifier.UP_TO,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "nearly": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
}
STAGE_WORDS: dict[Status, tuple[str, ...]] = {
    Status.ANNOUNCED: (
        "plans?",
        "planned",
        "proposes?",
        "proposed",
        "intends?",
        "will",
        "pledged?",
        "pledges",
        "promised?",
        "promises",
        "announced?",
        "announces",
        "pledging",
        "prepared",
        "ready",
        "wants",
        "continue",
    ),
    Status.COMMITTED: (
        "approved?",
        "approves",
        "agreed",
        "agrees",
        "adopted",
        "adopts",
        "signed",
        "signs",
        "backed",
        "passed",
        "reached an agreement",
        "committed",
        "commits",
    ),
    Status.ALLOCATED: ("allocated", "allocates", "earmarked"),
    Status.DISBURSED: (
        "provided",
        "delivered",
        "disbursed",
        "paid",
        "transferred",
        "has given",
        "have given",
        "gave",
        "contributed",
        "spent",
    ),
}
CATEGORY_WORDS: dict[Category, str] = {
    Category.MILITARY: r"(?:military|defen[cs]e)"
    r"(?!\s+(?:operation|invasion|aggression|minister|ministry|secretary|forces))"
    r"|weapons?|air defen[cs]e|ammunition|arms",
    Category.HUMANITARIAN: r"humanitarian",
    Category.CIVILIAN: r"civilian",
    Category.FINANCIAL: r"budget support|macro-?financial|financial (?:assistance|support|aid)",
}
INSTRUMENT_WORDS: dict[Instrument, str] = {
    Instrument.LOAN: r"loans?|lending",
    Instrument.GRANT: r"grants?",
    Instrument.GUARANTEE: r"guarantees?",
    Instrument.IN_KIND: r"in[- ]kind",
}
DEMONYMS: dict[str, str] = {
    "Norwegian": "Norway",
    "German": "Germany",
    "British": "United Kingdom",
    "French": "France",
    "American": "United States",
    "Danish": "Denmark",
    "Swedish": "Sweden",
    "Finnish": "Finland",
    "Dutch": "Netherlands",
    "Polish": "Poland",
    "Canadian": "Canada",
    "Japanese": "Japan",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Belgian": "Belgium",
    "Austrian": "Austria",
    "Czech": "Czechia",
    "Estonian": "Estonia",
    "Latvian": "Latvia",
    "Lithuanian": "Lithuania",
    "Irish": "Ireland",
    "Portuguese": "Portugal",
    "Swiss": "Switzerland",
    "Icelandic": "Iceland",
    "Australian": "Australia",
    "Ukrainian": "Ukraine",
    "Moldovan": "Moldova",
}
CAPITALS: dict[str, str] = {
    "Oslo": "Norway",
    "Berlin": "Germany",
    "London": "United Kingdom",
    "Paris": "France",
    "Washington": "United States",
    "Copenhagen": "Denmark",
    "Stockholm": "Sweden",
    "Helsinki": "Finland",
    "The Hague": "Netherlands",
    "Warsaw": "Poland",
    "Ottawa": "Canada",
    "Tokyo": "Japan",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Vienna": "Austria",
    "Prague": "Czechia",
    "Tallinn": "Estonia",
    "Riga": "Latvia",
    "Vilnius": "Lithuania",
    "Dublin": "Ireland",
    "Lisbon": "Portugal",
    "Bern": "Switzerland",
    "Reykjavik": "Iceland",
    "Canberra": "Australia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Chisinau": "Moldova",
}
INSTITUTION_PHRASES: dict[str, str] = {
    "the EU": "EU",
    "EU": "EU",
    "European Union": "EU",
    "European Commission": "EU",
    "Brussels": "EU",
    "World Bank": "World Bank",
    "IMF": "IMF",
    "International Monetary Fund": "IMF",
    "EIB": "EIB",
    "European Investment Bank": "EIB",
    "EBRD": "EBRD",
    "UN": "UN",
    "United Nations": "UN",
    "NATO": "NATO",
}
# A party named only as the aggressor is neither donor nor recipient.
_NOT_A_PARTY = re.compile(
    r"^[\u2019'\u02bc]s\s+(?:war|invasion|aggression|attacks?|full-scale|illegal|special)"
)
# Neither donor nor recipient: the invaded ("the invasion of Ukraine"), a channel
# ("through the IMF"), a place ("refugees in Moldova").
_NOT_A_PARTY_AFTER = re.compile(
    r"(?:\binvasion of|\bwar (?:in|on|against)|\baggression against|\bthrough|\bvia|\bin)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DONOR_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)
_RECIPIENT_BEFORE = re.compile(
    r"(?:\bto|\bfor|\binto|\btowards?|\bhelp|\bsupport|\bsupporting|\bassist|\bprovide|\baid|"
    r"\bgive|\bgiving|\bproviding|\bsend|\bsending)\s+(?:the\s+)?(?:[a-z]+-[a-z]+\s+)?$",
    re.IGNORECASE,
)
_RECIPIENT_AFTER = re.compile(r"^\s+(?:will|would)\s+receive")
_POSSESSIVE = re.compile(r"^[\u2019']s\b")
# An amount that is asked for, estimated, forecast or turned down is no pledge.
_NOT_PLEDGED_NEAR = re.compile(
    r"\b(?:appeal(?:ed)?\s+for|estimates?|estimated|needs?|forecasts?|on track for|requested"
    r"|asked for|calls? for|called for)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_NOT_PLEDGED = re.compile(r"\b(?:rejected|refused|declined|turned down)\b", re.IGNORECASE)
# "increasing it by €3 billion, from €8.5 billion to €11.5 billion": a change, no one figure.
_BY = re.compile(r"\b(?:increas|rais|cut|reduc|boost)\w*\s+(?:\w+\s+){0,2}by\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO = re.compile(r"^\s+to\s+$", re.IGNORECASE)
SMALLEST_PLEDGE = 1000
"""An amount below this (`€11.5` with its scale word lost) is a garbled figure."""

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_YEAR = r"(?:19[4-9]\d|20\d\d|2100)"
_RANGE = re.compile(
    rf"\b(?P<first>{_YEAR})\s*(?:[-\u2013\u2014/]|\s+to\s+|\s+and\s+)\s*(?P<last>{_YEAR}|\d\d)\b"
)
_SINGLE_YEAR = re.compile(rf"\b{_YEAR}\b")
_DATE_AROUND_YEAR = re.compile(
    rf"(?:(?:{_MONTHS})\.?\s+\d{{0,2}},?\s*|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+)$"
)
# Years that are not the pledge's: an end date alone ("by 2036", "until 2030"), the
# old plan ("rather than in 2026"), the war's ("the invasion of Ukraine in 2022").
_NOT_THE_YEAR = re.compile(
    r"(?:\b(?:by|until|till|through|rather than|instead of)\s+(?:in\s+)?"
    r"|\b(?:invasion|war)\b[^.;,]{0,30}\bin\s+)$",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_RELATIVE_YEARS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    (re.compile(r"\bthis year\b", re.IGNORECASE), 0, 0),
    (re.compile(r"\b(?:next year|(?:in\s+)?the coming year)\b", re.IGNORECASE), 1, 1),
)
_NEXT_YEARS = re.compile(
    r"\b(?:over|in|for|during)\s+the\s+(?:next|coming)\s+(?P<n>two|three|four|five|[2-5])\s+years\b",
    re.IGNORECASE,
)
_SAME_AS = re.compile(
    rf"\b(?:(?:at|on)\s+the\s+same\s+(?:scale|level)\s+as\s+(?:in\s+)?(?P<year>{_YEAR}|last year)"
    rf"|(?P<double>doubl(?:e|es|ed|ing))\b[^.;]*?\b(?:in\s+)?(?P<dyear>{_YEAR}|last year))",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",\s+(?=when\b|while\b|whereas\b)|;\s+|\s[\u2014\u2013]\s")
_HEADLINE = re.compile(
    r"^\W*(?:[A-Z][\w.-]*\s+){1,3}(to\s+(?:allocate|provide|give|send|donate|extend))\b"
)
_OF_WHICH = re.compile(r"\bof which\b|\bincluding\b", re.IGNORECASE)
_OF_THIS = re.compile(r"^(?:Of (?:this|that|these|it|which)|This includes)\b", re.IGNORECASE)
_CONVERSION_BETWEEN = re.compile(
    r"^\s*(?:\(\s*|,\s*(?:or|equivalent to|worth)\s+|[-\u2013\u2014]\s*)"
    r"(?:(?:about|around|approximately|approx\.|roughly|some|c\.|ca\.|~)\s*)?$",
    re.IGNORECASE,
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:U\.S|U\.K|Mr|Ms|Mrs|Dr|No|Nos|Mrd|Mio|Md|e\.g|i\.e|St|approx|c|ca|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])$"
)


@cache
def _amount_pattern() -> re.Pattern[str]:
    """A money phrase: a number with a scale word or a currency, as `money` reads it."""
    scales = sorted(
        {*money.SCALES, *money.DECIMAL_COMMA_SCALES, *money.KRONE_SCALES} - {"", "b", "k"},
        key=len,
        reverse=True,
    )
    words = sorted(
        {w for w in money.CURRENCY_WORDS if w[-1].isalpha()} | set(money.KRONE_WORDS),
        key=len,
        reverse=True,
    )
    scale = "(?:" + "|".join(re.escape(s) + (r"\.?" if len(s) <= 4 else "") for s in scales) + ")"
    after = (
        r"(?:(?:Norwegian|norske|Danish|danske|Swedish|svenska|US|U\.S\.|Canadian|Australian"
        r"|Swiss)\s+)?(?:" + "|".join(re.escape(w) for w in words) + r"|(?-i:[A-Z]{3})\b|€)"
    )
    before = r"(?:(?-i:[A-Z]{1,2})\$|[$€£¥₴]|\b(?-i:[A-Z]{3})\s?(?=\d)|\bkr\.?\s?(?=\d))"
    spelled = (
        r"(?:(?:an?|and|half|hundred|"
        + "|".join(money.NUMBER_WORDS)
        + r")[\s-]+)*(?:half|hundred|"
        + "|".join(money.NUMBER_WORDS)
        + r"|an?)"
    )
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\b{spelled}\b(?=\s+{scale}))"
    qualifier = "|".join(sorted(QUALIFIER_WORDS, key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<qualifier>\b(?:{qualifier}))\s+)?"
        rf"(?P<amount>{before}?\s?(?<![\w.,]){number}(?:\s?{scale}(?![a-z]))?(?:\s+{after})?)",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    words: str
    parsed: money.ParsedAmount | None
    problem: str
    qualifier: Qualifier
    qualifier_words: str
    conversion: bool = False


def _mentions(sentence: str) -> list[_Mention]:
    """The amounts a sentence states, each parsed by `money`, and which of them are
    only conversions of the one before ("NOK 85 billion (about US$8 billion)")."""
    found: list[_Mention] = []
    for match in _amount_pattern().finditer(sentence):
        words = match["amount"].strip()
        has_number = re.search(r"\d", words) or money.spelled_out(words) != words
        has_unit = re.search(r"[$€£¥₴]|[a-z]{2,}|\b[A-Z]{3}\b|\bkr\b", words, re.IGNORECASE)
        if not has_number or not has_unit or _is_bare_year(words):
            continue
        try:
            parsed, problem = money.parse_amount(words), ""
        except InvalidInput as error:
            parsed, problem = None, str(error)
        qualifier_words = match["qualifier"] or ""
        qualifier = QUALIFIER_WORDS.get(qualifier_words.lower(), Qualifier.EXACT)
        start = match.start("amount") + (len(match["amount"]) - len(match["amount"].lstrip()))
        mention = _Mention(start, match.end(), words, parsed, problem, qualifier, qualifier_words)
        if found and _CONVERSION_BETWEEN.match(sentence[found[-1].end : match.start()]):
            mention = replace(mention, conversion=True)
        found.append(mention)
    return found


def _change(sentence: str, mentions: Sequence[_Mention]) -> str:
    """The words that tell a pledge as a change of level ("by €3 billion", "from €8.5
    billion to €11.5 billion"), if the sentence does; "" otherwise."""
    for first, second in itertools.pairwise(mentions):
        if _FROM.search(sentence[: first.start]) and _TO.match(sentence[first.end : second.start]):
            return sentence[first.start - 5 : second.end]
    for mention in mentions:
        by = _BY.search(sentence[: mention.start])
        if by and len(mentions) > 1:
            return sentence[by.start() : mention.end]
    return ""


def _pledged(sentence: str, mention: _Mention) -> bool:
    """Whether an amount is told as money given, not asked for, estimated or refused."""
    before = sentence[: mention.start]
    return not (_NOT_PLEDGED_NEAR.search(before) or _NOT_PLEDGED.search(before))


def _is_bare_year(words: str) -> bool:
    return re.fullmatch(rf"{_YEAR}(?:\s+\w+)?", words) is not None and not re.search(
        r"[$€£¥₴]|billion|million|bn|mn|mrd", words, re.IGNORECASE
    )


# Parties ---------------------------------------------------------------------------------


@cache
def _party_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Every way a text names a country or an institution, mapped to aidtrack's name."""
    names: dict[str, str] = {}
    for name in places.names():
        if "," not in name and "(" not in name:
            names[name] = name
    for alias in ("UK", "US", "U.S.", "Britain", "Great Britain", "America", "Russia"):
        names[alias] = places.resolve(alias).name
    for phrase, spelling in INSTITUTION_PHRASES.items():
        names[phrase] = places.resolve(spelling).name
    for phrase, country in {**DEMONYMS, **CAPITALS}.items():
        names[phrase] = places.resolve(country).name
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), names


@dataclass(frozen=True)
class _Party:
    name: str
    words: str
    recipient: bool
    currency_only: bool
    possessive: bool


def _in_brackets(sentence: str, at: int, amounts: Sequence[_Mention]) -> bool:
    """Whether `at` lies in brackets that hold an amount: "($1.7 billion US)"."""
    opening, closing = sentence.rfind("(", 0, at), sentence.find(")", at)
    return (
        opening != -1
        and closing != -1
        and ")" not in sentence[opening:at]
        and any(opening < m.start < closing for m in amounts)
    )


def _parties(sentence: str, amounts: Sequence[_Mention]) -> list[_Party]:
    """The parties a sentence names, except inside its amounts (`US$8 billion`)."""
    pattern, names = _party_pattern()
    found = []
    for match in pattern.finditer(sentence):
        before, after = sentence[: match.start()], sentence[match.end() :]
        words = match[0]
        currency_only = words in DEMONYMS and bool(
            re.match(r"\s+(?:kroner|kronor|krone|krona|dollars?|francs)\b", after)
        )
        inside = any(m.start <= match.start() < m.end for m in amounts) or _in_brackets(
            sentence, match.start(), amounts
        )
        not_a_party = _NOT_A_PARTY.match(after) or _NOT_A_PARTY_AFTER.search(before)
        if (inside and not currency_only) or not_a_party:
            continue
        recipient = bool(_RECIPIENT_BEFORE.search(before) or _RECIPIENT_AFTER.match(after))
        recipient = recipient and not _DONOR_BEFORE.search(before)
        possessive = bool(_POSSESSIVE.match(after))
        found.append(_Party(names[words], words, recipient, currency_only, possessive))
    return found


# Text to sentences and clauses -----------------------------------------------------------


def sentences(text: str) -> list[str]:
    """The sentences of an article: split after . ! ? before a capital, a digit or a
    quote, except after an abbreviation (U.S., Mrd., e.g.)."""
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-•*])", text):
        start = 0
        flat = " ".join(paragraph.split())
        for match in re.finditer(r"[.!?][\"\u201d\u2019)]?\s+(?=[A-Z0-9\"\u201c\u2018(€$£])", flat):
            if _ABBREVIATIONS.search(flat[start : match.start()]):
                continue
            found.append(flat[start : match.end()].strip())
            start = match.end()
        if flat[start:].strip():
            found.append(flat[start:].strip())
    return found


# Reading ---------------------------------------------------------------------------------


def extract(text: str, *, source_date: dt.date | None = None) -> list[Draft]:
    """The draft records a text states, in the order it states them."""
    drafts: list[Draft] = []
    context = _Context()
    for sentence in sentences(text):
        drafts.extend(_read_sentence(sentence, source_date, context, len(drafts)))
    return drafts


@dataclass
class _Context:
    """What earlier sentences of the same text settled: the article's donor, recipient
    and currency, when it named only one of each."""

    donors: set[str] = field(default_factory=set)
    donor_words: str = ""
    recipients: set[str] = field(default_factory=set)
    recipient_words: str = ""
    currencies: set[str] = field(default_factory=set)
    currency_words: str = ""
    years: dict[YearSpan, str] = field(default_factory=dict)
    last_whole: Draft | None = None


def _read_sentence(
    text: str, source_date: dt.date | None, context: _Context, offset: int
) -> list[Draft]:
    every_mention = _mentions(text)
    mentions = [m for m in every_mention if not m.conversion and _pledged(text, m)]
    clauses = _clauses(text)
    sentence = _Sentence(text, source_date, mentions, clauses[0][1])
    change = _change(text, mentions)
    if change:
        # One pledge told as a change: which figure is it? Left open.
        draft = Draft(text)
        draft.open["amount"] = (
            f"the sentence gives a change ({change!r}) and {len(mentions)} figures, "
            "not the pledge's one"
        )
        sentence.settle(draft, text, 0, None)
        drafts = [draft]
    else:
        drafts = sentence.drafts(clauses, context, offset)
    parties = _parties(text, every_mention)
    recipients = {p.name for p in parties if p.recipient}
    if not recipients:  # "Ukraine's fight", unless Ukraine is the sentence's subject
        recipients = {p.name for p in parties[1:] if p.possessive}
    # "85 billion Norwegian kroner" names a currency, not who gives it.
    donors = {p.name for p in parties if p.name not in recipients and not p.currency_only}
    for draft in drafts:
        _settle_parties(draft, donors, recipients, parties, context)
        if "currency" not in draft.found and "currency" not in draft.open:
            _currency_from_context(draft, context)
        if "years" not in draft.found and len(context.years) == 1:
            draft.found["years"] = Found(*next(iter(context.years.items())))
            draft.open.pop("years", None)
    _remember(context, drafts, donors, recipients)
    return drafts


@dataclass(frozen=True)
class _Sentence:
    """One sentence being read: its text, the source's date, its amounts (conversions
    and sums not pledged aside) and its main clause."""

    text: str
    source_date: dt.date | None
    mentions: Sequence[_Mention]
    main_clause: str

    def drafts(
        self, clauses: Sequence[tuple[int, str]], context: _Context, offset: int
    ) -> list[Draft]:
        """A draft per amount, and one per figure told only as another year's."""
        drafts: list[Draft] = []
        whole: int | None = None
        of_which = _OF_WHICH.search(self.text)
        # "Of this, 70 billion as military aid": parts of the last amount before.
        whole_before = offset - 1 if _OF_THIS.match(self.text) and context.last_whole else None
        for start, clause in clauses:
            in_clause = [m for m in self.mentions if start <= m.start < start + len(clause)]
            relative = _SAME_AS.search(clause)
            if not in_clause and relative:
                drafts.append(self.relative(relative, clause, start))
            for mention in in_clause:
                draft = Draft(self.text)
                _settle_amount(draft, mention)
                # Before "of which" the whole is told, after it the parts.
                own_start, own = start, clause
                if of_which and start <= of_which.start() < start + len(clause):
                    cut = of_which.start() - start
                    if mention.start < of_which.start():
                        own = clause[:cut]
                    else:
                        own_start, own = of_which.start(), clause[cut:]
                self.settle(draft, own, own_start, mention)
                if of_which and mention.start > of_which.start() and whole is not None:
                    draft.part_of = offset + whole
                    _inherit_from_whole(draft, drafts[whole])
                elif of_which and mention.end <= of_which.start():
                    whole = len(drafts)
                elif whole_before is not None and context.last_whole is not None:
                    draft.part_of = whole_before
                    _inherit_from_whole(draft, context.last_whole)
                drafts.append(draft)
        return drafts

    def relative(self, match: re.Match[str], clause: str, start: int) -> Draft:
        """A figure told as another year's ("at the same scale as in 2025")."""
        draft = Draft(self.text)
        year = _relative_year(match, self.source_date)
        draft.relative_to = year
        draft.open["amount"] = f"the text gives it as {match[0]!r}, not as a figure" + (
            f"; see {year}'s record" if year else ""
        )
        self.settle(draft, clause, start, None)
        return draft

    def settle(self, draft: Draft, clause: str, start: int, mention: _Mention | None) -> None:
        """Years, stage, category and instrument: from the clause, else the sentence's
        main clause (not a year another clause gives its own figure)."""
        years = _years(clause, self.source_date)
        if years is None and start and re.match(r",\s+when\b", self.text[start:]):
            # "as in 2025, when Oslo provided ...": the year just before the clause.
            before = _SINGLE_YEAR.findall(self.text[:start])
            years = (YearSpan.parse(before[-1]), before[-1]) if before else None
        if years is None and clause != self.main_clause:
            years = _years(self.main_clause, self.source_date)
        if isinstance(years, str):
            draft.open["years"] = years
        elif years is not None:
            draft.found["years"] = Found(years[0], years[1])
        elif "years" not in draft.open:
            draft.open["years"] = "the text gives no year" + (
                "" if self.source_date else " (a relative year needs --source-date)"
            )
        near = _near(clause, start, mention, self.mentions)
        _settle_word(draft, "status", _stage(clause), "stages")
        _settle_word(draft, "category", _matching(CATEGORY_WORDS, near), "categories")
        _settle_word(draft, "instrument", _matching(INSTRUMENT_WORDS, near), "instruments")


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence cut where a new clause brings its own year and verb (", when")."""
    cuts = [0, *(match.start() for match in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    return [(start, sentence[start:end]) for start, end in itertools.pairwise(cuts)]


def _settle_amount(draft: Draft, mention: _Mention) -> None:
    if mention.parsed is None:
        draft.open["amount"] = mention.problem
        return
    if mention.parsed.value < SMALLEST_PLEDGE:
        draft.open["amount"] = f"{mention.words!r} is too small for a pledge: a lost scale word?"
        return
    draft.parsed = mention.parsed
    draft.found["amount"] = Found(mention.parsed.value, mention.words)
    draft.found["qualifier"] = Found(mention.qualifier, mention.qualifier_words or mention.words)
    if mention.parsed.currency:
        draft.found["currency"] = Found(mention.parsed.currency, mention.words)
    elif mention.parsed.one_of:
        draft.open["currency"] = (
            f"{mention.words!r}: kroner are {mention.parsed.named}; the donor settles which"
        )


def _near(
    clause: str, clause_start: int, mention: _Mention | None, mentions: Sequence[_Mention]
) -> str:
    """The words that say what kind of money an amount is: from it to the next amount
    (conversions aside) or the end of its clause."""
    if mention is None:
        return clause
    end = clause_start + len(clause)
    following = [m.start for m in mentions if mention.start < m.start < end]
    return clause[
        mention.start - clause_start : (following[0] if following else end) - clause_start
    ]


def _settle_word(draft: Draft, name: str, hits: dict[Any, str], plural: str) -> None:
    if len(hits) == 1:
        value, words = next(iter(hits.items()))
        draft.found[name] = Found(value, words)
    elif len(hits) > 1:
        draft.open[name] = f"the text names several {plural}: " + ", ".join(
            repr(words) for words in hits.values()
        )


def _matching(table: dict[Any, str], text: str) -> dict[Any, str]:
    hits = {}
    for value, pattern in table.items():
        match = re.search(rf"\b(?:{pattern})\b", text, re.IGNORECASE)
        if match:
            hits[value] = match[0]
    return hits


def _stage(clause: str) -> dict[Status, str]:
    """The stage the clause's verbs state. A verb in the future or the infinitive
    ("will be allocated", "plans to provide") is an announcement, not that stage."""
    future = re.sub(
        r"\b(?:will|would|to)\s+(?:be\s+)?\w+(?:ed|en)?\b|\bto\s+\w+\b",
        lambda match: " will " if match[0].lower().startswith(("will", "would")) else " ",
        clause,
        flags=re.IGNORECASE,
    )
    hits: dict[Status, str] = {}
    for status, words in STAGE_WORDS.items():
        match = re.search(rf"\b(?:{'|'.join(words)})\b", future, re.IGNORECASE)
        if match:
            hits[status] = match[0]
    headline = _HEADLINE.match(clause)  # "Canada to allocate CAD 200 million ..."
    if not hits and headline:
        hits[Status.ANNOUNCED] = headline[1]
    return hits


def _years(text: str, source_date: dt.date | None) -> tuple[YearSpan, str] | str | None:
    """The one year or range `text` gives (with its words); a reason when it gives
    several; None when none."""
    found = {span: words for span, words in _year_mentions(text, source_date)}
    if not found:
        return None
    if len(found) > 1:
        listed = ", ".join(repr(words) for words in found.values())
        return f"the text gives several years ({listed}) and does not say which is this pledge's"
    span, words = next(iter(found.items()))
    return span, words


def _year_mentions(text: str, source_date: dt.date | None) -> Iterator[tuple[YearSpan, str]]:
    """Years and ranges, explicit or relative to the source's date; not those of dates
    ("15 October 2025") nor those a relative amount points at ("as in 2025")."""
    spans: list[tuple[int, int, YearSpan, str]] = []
    for same in _SAME_AS.finditer(text):
        text = text[: same.start()] + " " * len(same[0]) + text[same.end() :]
    for match in _RANGE.finditer(text):
        first, last = int(match["first"]), match["last"]
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if end > first:
            spans.append((match.start(), match.end(), YearSpan(first, end), match[0]))
    for match in _SINGLE_YEAR.finditer(text):
        if any(start <= match.start() < end for start, end, _, _ in spans):
            continue
        if _DATE_AROUND_YEAR.search(text[: match.start()]) or _NOT_THE_YEAR.search(
            text[: match.start()]
        ):
            continue
        year = int(match[0])
        spans.append((match.start(), match.end(), YearSpan(year, year), match[0]))
    if source_date is not None:
        for pattern, first, last in _RELATIVE_YEARS:
            for match in pattern.finditer(text):
                year = source_date.year
                spans.append(
                    (match.start(), match.end(), YearSpan(year + first, year + last), match[0])
                )
        for match in _NEXT_YEARS.finditer(text):
            count = _NUMBERS[match["n"].lower()]
            year = source_date.year
            spans.append((match.start(), match.end(), YearSpan(year + 1, year + count), match[0]))
    for _, _, span, words in sorted(spans, key=lambda item: item[0]):
        yield span, words


def _relative_year(match: re.Match[str], source_date: dt.date | None) -> int | None:
    words = match["year"] or match["dyear"]
    if words.lower() == "last year":
        return source_date.year - 1 if source_date else None
    return int(words)


def _inherit_from_whole(part: Draft, whole: Draft) -> None:
    """A part says only what differs from its whole ("of which 70 billion military")."""
    for name in ("currency", "years", "status", "instrument"):
        if name not in part.found and name in whole.found:
            part.found[name] = whole.found[name]
            part.open.pop(name, None)


def _settle_parties(
    draft: Draft,
    donors: set[str],
    recipients: set[str],
    parties: Sequence[_Party],
    context: _Context,
) -> None:
    words: dict[str, str] = {}
    for party in parties:
        words.setdefault(party.name, party.words)
    if len(donors) == 1:
        name = next(iter(donors))
        draft.found["donor"] = Found(name, words[name])
    elif len(donors) > 1:
        draft.open["donor"] = "the sentence names several donors: " + ", ".join(sorted(donors))
    elif len(context.donors) == 1:
        draft.found["donor"] = Found(next(iter(context.donors)), context.donor_words)
    else:
        draft.open["donor"] = "the text names no donor"
    if len(recipients) == 1:
        name = next(iter(recipients))
        draft.found["recipient"] = Found(name, words[name])
    elif len(recipients) > 1:
        draft.open["recipient"] = "the sentence names several recipients: " + ", ".join(
            sorted(recipients)
        )
    elif len(context.recipients) == 1:
        draft.found["recipient"] = Found(next(iter(context.recipients)), context.recipient_words)
    else:
        draft.open["recipient"] = "the text names no recipient"
    if draft.parsed is not None and draft.parsed.one_of and "donor" in draft.found:
        code = places.resolve(draft.found["donor"].value).code
        own = draft.parsed.settled(None, code)
        if own:
            draft.found["currency"] = Found(own, draft.found["amount"].words)
            draft.open.pop("currency", None)


def _currency_from_context(draft: Draft, context: _Context) -> None:
    if "amount" not in draft.found:
        return
    if len(context.currencies) == 1:
        draft.found["currency"] = Found(next(iter(context.currencies)), context.currency_words)
    else:
        draft.open["currency"] = "the amount names no currency"


def _remember(
    context: _Context, drafts: Sequence[Draft], donors: set[str], recipients: set[str]
) -> None:
    for draft in drafts:
        for name, seen, attribute in (
            ("donor", context.donors, "donor_words"),
            ("recipient", context.recipients, "recipient_words"),
            ("currency", context.currencies, "currency_words"),
        ):
            found = draft.found.get(name)
            if found is not None:
                seen.add(found.value)
                setattr(context, attribute, found.words)
        if "years" in draft.found:
            found = draft.found["years"]
            context.years.setdefault(found.value, found.words)
    context.donors |= donors
    context.recipients |= recipients
    wholes = [draft for draft in drafts if "amount" in draft.found and draft.part_of is None]
    if wholes:
        context.last_whole = wholes[-1]


# Drafts as records -----------------------------------------------------------------------


def draft_id(draft: Draft, index: int) -> str:
    """A stable id from the sentence and the draft's place in it, so that importing the
    same drafts twice adds nothing."""
    digest = hashlib.blake2s(f"{index}\x00{draft.quote}".encode(), digest_size=5).hexdigest()
    return f"x-{digest}"


def record(
    drafts: Sequence[Draft], index: int, *, source: str | None, source_date: dt.date | None
) -> dict[str, Any]:
    """A draft as `aidtrack import` reads a JSON record: the fields settled, the
    sentence as the source's quote, what is open or relative in the note. An open
    field is left out, so that importing it fails naming the field."""
    draft = drafts[index]
    row: dict[str, Any] = {"id": draft_id(draft, index)}
    for name in ("donor", "recipient"):
        if name in draft.found:
            row[name] = str(draft.value(name))
    if "years" in draft.found:
        span: YearSpan = draft.value("years")
        if span.is_envelope:
            row["years"] = [span.start, span.end]
        else:
            row["year"] = span.start
    if "amount" in draft.found:
        row["amount"] = f"{draft.value('amount'):f}"
    for name in ("currency", "qualifier", "status", "category", "instrument"):
        if name in draft.found:
            row[name] = str(draft.value(name))
    if draft.part_of is not None:
        row["part_of"] = draft_id(drafts[draft.part_of], draft.part_of)
    notes = [draft.note] if draft.note else []
    if draft.relative_to is not None and not draft.note:
        notes.append(f"the same as in {draft.relative_to}")
    notes += [f"{name} open: {why}" for name, why in draft.open.items()]
    if notes:
        row["note"] = "; ".join(notes)
    row["sources"] = [
        {
            "url": source,
            "date": source_date.isoformat() if source_date else None,
            "quote": draft.quote,
        }
    ]
    return row


def propose_from(draft: Draft, candidates: Sequence[Pledge]) -> None:
    """A relative draft ("the same scale as in 2025") takes the amount of the donor's
    one record of that year, and says so; with several, it stays open."""
    if len(candidates) == 1:
        (same,) = candidates
        draft.found["amount"] = Found(same.amount, f"{same.id}'s amount")
        draft.found["currency"] = Found(same.currency, f"{same.id}'s currency")
        draft.open.pop("amount", None)
        draft.open.pop("currency", None)
        draft.note = f"the same as {same.id} ({same.year_label})"
    elif candidates:
        ids = ", ".join(p.id for p in candidates)
        draft.open["amount"] += f"; the store holds several records of {draft.relative_to}: {ids}"
