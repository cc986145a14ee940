"""From the news to draft records: rules only, no network, no model.

A careful reader turns "Norway plans to maintain its support for Ukraine in 2026 at the
same scale as in 2025, when Oslo provided more than $7 billion" into two records. This
module does the same reading: for each pledge it finds, the fields it settled, the words
it settled each from, and the fields it left open with the reason. A wrong figure is
worse than an open one, so any doubt (two amounts, two donors, a krone no donor
settles) leaves the field open.

It reads the donors' languages (issue 24): English, Norwegian, Danish, Swedish, German,
French, Dutch, Polish, Spanish and Italian, with the words `lexicon` keeps for each. The
rules are the languages' grammar, not sentences seen before:

- a figure's role: a figure in brackets or between dashes after another amount is its
  conversion (a note, never a draft); a figure of need, requirement, spending, cost,
  damage, loss or GDP is no pledge; a count of people is no amount; a figure whose own
  clause has no verb of giving nor word of aid is no pledge, nor is the figure a pledge
  is compared with ("up from X", "compared with X", "more than last year's X");
- who gives: the subject gives; the dative or the object of "to/for/til/für/à/aan/dla/
  para/per" receives; a possessive ("Ukraine's needs", "les besoins de l'Ukraine") is
  neither, unless it owns the aid or the government ("Norway's government");
- structure: a breakdown ("of which", "darunter", "hvorav", "dont") gives parts of the
  whole before it; "as part of" makes what comes before a part of what follows, and a
  tranche paid out of a package its delivery; "respectively" pairs figures and years in
  order; "X every year ..., a total of Y" gives the envelope Y and the yearly X.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from . import lexicon, money, places
from .errors import InvalidInput
from .model import Category, Instrument, Pledge, Qualifier, Status, YearSpan

REQUIRED = ("donor", "recipient", "years", "amount", "currency")
FIELDS = (*REQUIRED, "qualifier", "status", "category", "instrument")

Languages = tuple[str, ...]


class _Lazy:
    """A pattern compiled on first use, so that importing this module compiles none."""

    __slots__ = ("_compiled", "_flags", "_text")

    def __init__(self, text: str, flags: int = 0) -> None:
        self._text, self._flags = text, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._text, self._flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


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
    delivery_of: int | None = None
    """The index of the pledge this draft delivers (a tranche paid out of a package)."""
    conversions: list[str] = field(default_factory=list)
    """The same amount in other currencies, as the text gave it: notes, never amounts."""

    @property
    def missing(self) -> list[str]:
        """The fields a record needs that this draft has not settled."""
        return [name for name in REQUIRED if name not in self.found]

    def value(self, name: str) -> Any:
        found = self.found.get(name)
        return found.value if found else None


# Words -----------------------------------------------------------------------------------

QUALIFIERS = {
    "exact": Qualifier.EXACT,
    "at_least": Qualifier.AT_LEAST,
    "up_to": Qualifier.UP_TO,
    "about": Qualifier.ABOUT,
}
STAGES = (
    (Status.ANNOUNCED, "announced"),
    (Status.ANNOUNCED, "increase"),
    (Status.COMMITTED, "committed"),
    (Status.ALLOCATED, "allocated"),
    (Status.DISBURSED, "disbursed"),
)
CATEGORIES = (
    (Category.MILITARY, "military"),
    (Category.HUMANITARIAN, "humanitarian"),
    (Category.CIVILIAN, "civilian"),
    (Category.FINANCIAL, "financial"),
)
INSTRUMENTS = (
    (Instrument.LOAN, "loan"),
    (Instrument.GRANT, "grant"),
    (Instrument.GUARANTEE, "guarantee"),
    (Instrument.IN_KIND, "in_kind"),
)
NATIONAL_CURRENCY = {
    "NOR": "NOK",
    "DNK": "DKK",
    "SWE": "SEK",
    "ISL": "ISK",
    "USA": "USD",
    "CAN": "CAD",
    "AUS": "AUD",
    "NZL": "NZD",
    "CHE": "CHF",
    "GBR": "GBP",
    "ROU": "RON",
    "MDA": "MDL",
}
"""Whose krone, dollar, franc or leu an adjective names ("norske kroner", "dollars
canadiens", "lei mołdawskich")."""
SMALLEST_PLEDGE = 1000
"""An amount below this (`€11.5` with its scale word lost) is a garbled figure."""

# Short words between a noun and the name it governs ("the invasion of the Ukraine").
_SMALL = (
    r"(?:of|in|on|against|the|av|af|i|mot|mod|på|den|det|gegen|der|die|des|dem|de|du|la|le"
    r"|les|l['\u2019]|contre|en|van|tegen|op|het|na|przeciw|przeciwko|w|contra|del|el|di|contro"
    r"|nell['\u2019]|dell['\u2019]|della|alla|all['\u2019]|lo)"
)
_YEAR = r"(?:19[4-9]\d|20\d\d|2100)"
_RANGE = _Lazy(
    rf"\b(?P<first>{_YEAR})\s*(?:[-\u2013\u2014/]|\s+(?:to|and|through|til|till|og|och|bis|und"
    rf"|à|au|et|tot|tot en met|en|do|i|a|y|al|e)\s+)\s*(?P<last>{_YEAR}|\d\d)\b",
    re.IGNORECASE,
)
_SINGLE_YEAR = _Lazy(rf"\b{_YEAR}\b")
_SAME_AS = _Lazy(
    rf"\b(?:(?:at|on)\s+the\s+same\s+(?:scale|level)\s+as\s+(?:in\s+)?(?P<year>{_YEAR}|last year)"
    rf"|(?P<double>doubl(?:e|es|ed|ing))\b[^.;]*?\b(?:in\s+)?(?P<dyear>{_YEAR}|last year))",
    re.IGNORECASE,
)
_HEADLINE = _Lazy(
    r"^\W*(?:[A-Z][\w.-]*\s+){1,3}(to\s+(?:allocate|provide|give|send|donate|extend))\b"
)
_BY = _Lazy(r"\b(?:increas|rais|cut|reduc|boost)\w*\s+(?:\w+\s+){0,2}by\s+$", re.IGNORECASE)
_FROM = _Lazy(
    r"\b(?:from|fra|frå|från|von|um|van|z|da)\s+(?:(?:previously|earlier|tidligere|tidigare"
    r"|bisher|bislang|zuvor|eerder|wcześniej|precedentemente|anteriormente)\s+)?$",
    re.IGNORECASE,
)
"""The start of a former level ("from", "von bisher"): the figure after it is no pledge when
a new level follows ("auf 25 Millionen Euro")."""
_TO = _Lazy(
    r"^\s+(?:(?:[^\W\d_]+\s+){0,2}?(?:i|in|en|im|w|nel)\s+\d{4}\s+"
    r"|(?:per år|om året|i året|a year|per year|pro Jahr|par an|al año|all['\u2019]anno)\s+)?"
    r"(?:to|til|till|auf|à|naar|tot|do|a|hasta)\s+(?:insgesamt\s+|totalt\s+|i alt\s+)?"
    r"(?:(?:at least|minimum|mindst|minst|mindestens|au moins|plus de|over|more than|nearly"
    r"|almost|about|around|rund|omkring|cirka|knapp|près de|ruim|bijna|ponad|około|casi"
    r"|unos|circa|quasi|oltre)\s+)?$",
    re.IGNORECASE,
)
_NOT_PLEDGED = _Lazy(r"\b(?:rejected|refused|declined|turned down)\b", re.IGNORECASE)
_RELATIVE_CLAUSE_NEED = _Lazy(
    r"^\s+(?:that\s+|which\s+)?(?:the\s+)?(?:[A-Z][\w.]*\s+){1,3}"
    r"(?:(?:said|says|estimated|estimates|believes|thinks)\s+)?(?:(?:it|they|he|she)\s+)?"
    r"(?:requires|needs|required|needed|will need|would need|is seeking|sought|asked for)\b"
)
_ABBREVIATIONS = _Lazy(
    r"(?:\b(?:U\.S|U\.K|Mr|Ms|Mrs|Dr|No|Nos|Mrd|Mio|Md|mrd|mio|mia|md|mdr|tsd|tys|rd|"
    r"e\.g|i\.e|St|approx|app|c|ca|vs|etc|bzw|"
    r"ok|mln|mld|mill|dol|bl|bl\.a|z\.B|u\.a|hhv|resp|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\d\sr)$"
)
_CLAUSE_BREAK = _Lazy(
    r",\s+(?=(?:when|while|whereas|mens|medan|während|wobei|lorsque|alors que|tandis que"
    r"|terwijl|podczas gdy|mientras|mentre)\b)|;\s+|(?<!\d\d\d\d)\s[\u2014\u2013]\s(?!\d\d\d\d)"
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


@cache
def _compiled(languages: Languages, template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """`template` with each `{field}` replaced by that lexicon field's words over
    `languages` (a field no language has never matches)."""

    def words(match: re.Match[str]) -> str:
        found = lexicon.words(languages, match[1])
        return f"(?:{found})" if found else "(?!x)x"

    return re.compile(re.sub(r"\{([a-z_]+)\}", words, template), flags)


def _word(languages: Languages, name: str) -> re.Pattern[str]:
    """Any word of field `name`, standing alone (not inside another word)."""
    return _compiled(languages, _START + "(?:{" + name + r"})(?![\w])")


_START = r"(?:(?<![\w'\u2019])|(?<=\b[lLdD]['\u2019])|(?<=ll['\u2019]))"
"""Where a word starts: not inside another word nor after a possessive's apostrophe, but
after an elided article ("l'aide", "d'aide", "dell'aiuto")."""
_STAGES = "{announced}|{committed}|{allocated}|{disbursed}"
"""The verbs of a pledge's four stages, in a `_compiled` template."""


def _before(languages: Languages, name: str) -> re.Pattern[str]:
    """The words of field `name` just before a name: "to ", "für die ", "à l'"."""
    return _compiled(
        languages,
        _START + r"(?:{" + name + r"})(?:(?<=['\u2019])|(?![\w'\u2019]))\s*"
        r"(?:{articles}(?:(?<=['\u2019])|(?![\w'\u2019]))\s*)?(?:[^\W\d_]+-[^\W\d_]+\s+"
        r"|(?-i:[a-zà-ÿæøåäöüßąęłśżźćńó][\w-]*)\s+)?$",
    )


# Amounts ---------------------------------------------------------------------------------


@cache
def _currency_words() -> str:
    words = sorted(
        {w for w in money.CURRENCY_WORDS if w[-1].isalpha()} | set(money.SHARED_WORDS),
        key=len,
        reverse=True,
    )
    return "|".join(re.escape(w) for w in words)


@cache
def _currency_adjectives(languages: Languages) -> str:
    """Adjectives that say whose krone, dollar or franc it is, in `languages`."""
    national = {_name_of(code) for code in NATIONAL_CURRENCY}
    adjectives = [
        form
        for form, value in lexicon.party_forms(languages).items()
        if value.kind == "adjective" and value.party in national and " " not in form
    ]
    adjectives += ["US", "U\\.S\\."]
    return "|".join(
        sorted((re.escape(a) if "\\" not in a else a for a in adjectives), key=len, reverse=True)
    )


def _name_of(code: str) -> str:
    return places.resolve(code).name


@cache
def _amount_pattern(languages: Languages) -> re.Pattern[str]:
    """A money phrase: a number with a scale word or a currency, as `money` reads it. A
    currency after "of" that a number follows is that number's ("for 2012 of NOK 50
    million")."""
    scales = sorted(_SCALE_WORDS - {"", "b", "k"}, key=len, reverse=True)
    scale = "(?:" + "|".join(re.escape(s) + (r"\.?" if len(s) <= 4 else "") for s in scales)
    scale += r"|[^\W\d_]{3,}?(?:" + "|".join(money.COMPOUND_SCALES) + "))"
    adjective = _currency_adjectives(languages)
    after = (
        rf"(?:(?:{adjective})\s+)?(?:(?:de|d['\u2019]|di|of)\s*(?!(?-i:[A-Z]{{3}})\s?\d|€\s?\d))?"
        rf"(?:{_currency_words()}|(?-i:[A-Z]{{3}})\b|€)(?![^\W\d_])(?:\s+(?:{adjective})\b)?"
    )
    before = (
        r"(?:(?-i:[A-Z]{1,3})\$|\$(?-i:[A-Z]{2,3})\s?(?=\d)|[$€£₤¥₴]|\b(?-i:[A-Z]{3})\s?(?=\d)"
        r"|\bkr\.?\s?(?=\d)|\b(?-i:KD)\s?(?=\d)"
        r"|\beuro\s(?=\d))"
    )
    english = "|".join(money.NUMBER_WORDS)
    spelled_english = (
        rf"(?:(?:an?|and|half|hundred|{english})[\s-]+)*(?:half|hundred|{english}|an?)"
    )
    others = "|".join(
        re.escape(w)
        for w in sorted(lexicon.number_words(languages), key=len, reverse=True)
        if w not in money.NUMBER_WORDS
    )
    spelled = (
        f"(?:(?:{others})\\s+{_AND_A_HALF}|{spelled_english}|(?:{others})(?:-(?:{others}))*)"
        if others
        else spelled_english
    )
    number = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?:,\d+)?"
        rf"|\d{{1,3}}(?:['\u2018\u2019]\d{{3}})+"
        rf"|\d{{1,3}}(?:\.\d{{3}}){{2,}}(?:,\d+)?|\d+(?:[.,]\d+)?"
        rf"|\b{spelled}(?:\s+(?:{_FURTHER}))?\b(?=(?:\s+|-){scale}(?![^\W\d_]))"
        r"|(?=mil\s+millones\b))"
    )
    qualifier = "|".join(sorted(lexicon.qualifiers(languages), key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<qualifier>(?<![\w])(?:{qualifier}))[\"\u201d\u2019\u00bb]?\s+"
        rf"(?:(?:an?|en|ett|een|ein|eine|et)\s+(?=hal[fvb]))?)?"
        rf"(?P<amount>(?:{before}\s?|(?<![\w.,])){number}"
        rf"(?:(?:\s?|-){scale}(?![^\W\d_])(?:\s+{_AND_A_HALF_AFTER})?)?"
        rf"(?:\s?€|\s+{after})?)",
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
    span: tuple[int, int] = (0, 0)
    """For a conversion: the words to set aside with it (its brackets or dashes)."""
    converts: int = -1
    """For a conversion: the index of the mention it converts."""
    origin: int = 0
    """Where its words begin, qualifier included ("omkring 1,31 milliarder")."""
    role: str = ""
    """Why it is no pledge ("needed", "spending"), "" when it is money given."""


def _mentions(sentence: str, languages: Languages) -> list[_Mention]:
    """The amounts a sentence states, each parsed by `money`, and which of them are
    only conversions of the one before ("NOK 85 billion (about US$8 billion)")."""
    found: list[_Mention] = []
    people = _compiled(
        languages, r"^[\s\u00bb\u201d\"]+(?:[^\W\d_]+(?:\s+|['\u2019]))?{people}\b"
    )  # "25 million people", "« près de 8 millions » de personnes"
    breakdown = _word(languages, "breakdown")
    count_end = -1
    for match in _amount_pattern(languages).finditer(sentence):
        words = match["amount"].strip()
        if not words:
            continue
        has_number = re.search(r"\d", words) or _spelled(words, languages)
        has_unit = re.search(r"[$€£₤¥₴]|[^\W\d_]{2,}|\bkr\b", words)
        if not has_number or not has_unit or _is_bare_year(words):
            continue
        leading = len(match["amount"]) - len(match["amount"].lstrip())
        try:
            parsed, problem = _parse(words, languages), ""
        except InvalidInput as error:
            parsed, problem = None, str(error)
            named = _after_a_name(words, languages)
            if named is not None:  # "die USA 147 Millionen Dollar": a name, then the amount
                leading += len(words) - len(named[0])
                words, parsed, problem = named[0], named[1], ""
        uncounted = parsed is None or not parsed.names_currency
        if uncounted and (
            (count_end >= 0 and breakdown.search(sentence[count_end : match.start()]))
            or people.match(sentence[match.end() :])
            or _COUNT_VERB_AFTER.match(sentence[match.end() :])
            or people.match(_OUT_OF.sub("", sentence[match.end() :]))
            or _named_count(sentence, match, languages)
            or _compiled(languages, _COUNT_OF).match(sentence[match.end() :])
            or _POPULATION_OF.search(sentence[: match.start()])
        ):
            count_end = match.end()
            continue  # "25 million people", "18 million out of the 38 million people", and
            # a part of a count ("25 millions de personnes ..., dont 20 millions")
        if parsed is None and not _has_money_word(words):
            continue  # "200 GPS units": a count of things

        qualifier_words = match["qualifier"] or ""
        qualifier = QUALIFIERS[lexicon.qualifier_of(languages, qualifier_words)]
        if qualifier_words.lower() == "über" and _GERMAN_SUM_OF.search(
            sentence[: match.start("qualifier")]
        ):
            qualifier, qualifier_words = Qualifier.EXACT, ""
        start = match.start("amount") + leading
        mention = _Mention(start, match.end(), words, parsed, problem, qualifier, qualifier_words)
        mention = replace(mention, origin=match.start())
        if found:
            span = _conversion_span(sentence, found[-1], mention, languages)
            if span is not None:
                converts = found[-1].converts if found[-1].conversion else len(found) - 1
                mention = replace(mention, conversion=True, span=span, converts=converts)
        found.append(mention)
    return _with_elided_scales(sentence, _joined(sentence, found), languages)


_GERMAN_SUM_OF = _Lazy(
    r"(?:vertrag|verträge|kredit|kredite|kreditlinie|darlehen|zusage|zusagen|paket|scheck"
    r"|zuschuss|zuschüsse|umwandlung|vereinbarung|abkommen|anleihe|auftrag|bürgschaft"
    r"|garantie|rechnung)\s+$",
    re.IGNORECASE,
)
"""A German contract, loan or commitment "über" a sum ("ein Kreditvertrag über 24 Millionen
Euro"): "for" the sum, not "over" it."""


def _with_elided_scales(
    sentence: str, mentions: list[_Mention], languages: Languages
) -> list[_Mention]:
    """The mentions, and the bare figures of a list after one whose scale and currency they
    leave out ("72 millones ..., 59 para ayuda humanitaria y 13 para la reconstrucción", "di
    cui 100 come prestito e 40 in forma di sovvenzioni", "110 millions par Paris, 244 par
    Berlin"): each that much of the same scale and currency."""
    found = list(mentions)
    # "i", "et" and "en" are "and" only in Polish, French and Dutch
    own_and = "|i" * ("pl" in languages) + "|et" * ("fr" in languages) + "|en" * ("nl" in languages)
    item = _compiled(languages, _ELIDED_ITEM.replace("|{and_word}", own_and))
    # a Germanic noun is lower case too: there the figure must be followed by a preposition
    verb_second = languages[0] in ("en", *_V2)
    for mention in mentions:
        if mention.conversion or mention.parsed is None:
            continue
        tokens = [t.lower().rstrip(".") for t in mention.words.split()]
        power = next((_SCALE_POWERS[t] for t in tokens if t in _SCALE_POWERS), None)
        if power is None:
            continue
        before = _SCALE_AHEAD.search(sentence[: mention.origin])
        if (
            before
            and mention.words[:1].isdigit()
            and not _BETWEEN.search(sentence[: before.start()])
        ):
            found.append(_elided(before, mention, power))  # "da 150 e 105 milioni"
        following = [m.start for m in found if m.start >= mention.end]
        stop = min(following, default=len(sentence))
        at = mention.end
        while (figure := item.match(sentence, at, stop)) is not None:
            after = sentence[figure.end("figure") :].split(maxsplit=1)[0].lower().rstrip(".")
            if after in _SCALE_WORDS or (verb_second and not _PREPOSITION.fullmatch(after)):
                break  # "4,5 mld" has its own scale; "50 stridsfordon" counts vehicles
            found.append(_elided(figure, mention, power))
            at = figure.end("figure")
    return sorted(found, key=lambda m: m.start)


def _elided(figure: re.Match[str], mention: _Mention, power: int) -> _Mention:
    """The bare figure `figure` found as that much of `mention`'s scale and currency."""
    assert mention.parsed is not None
    digits = figure["figure"].replace(",", ".")
    value = money.plain(Decimal(digits).scaleb(power))
    parsed = money.ParsedAmount(
        value, mention.parsed.currency, mention.parsed.one_of, mention.parsed.shared
    )
    start, end = figure.start("figure"), figure.end("figure")
    return _Mention(start, end, figure["figure"], parsed, "", Qualifier.EXACT, "", origin=start)


_SCALE_AHEAD = _Lazy(
    r"(?<![\d.,])(?P<figure>\d{1,3}(?:,\d{1,2})?)\s+(?:e|y|et|and|und|og|och|oraz"
    r"|bzw\.|beziehungsweise|respectively)\s+$",
    re.IGNORECASE,
)
"""A bare figure joined to the amount after it, whose scale it leaves out ("due stanziamenti
da 150 e 105 milioni", "Garantien von 5,2 beziehungsweise 7,5 Milliarden Euro"); not "or":
"5 or 6 billion" is one uncertain figure."""
_BETWEEN = _Lazy(
    r"(?<![\w'\u2019])(?:between|entre|zwischen|mellom|mellem|mellan|tra|fra|tussen|między)"
    r"\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""A range's start ("between 3 and 5 billion"): one pledge of two bounds, not two figures."""


_SCALE_WORDS = {*money.SCALES, *money.DECIMAL_COMMA_SCALES, *money.CURRENCY_SCALES}
"""Every scale word `money` reads, with those that carry their currency ("mkr", "MEUR")."""
_MONEY_WORDS = _SCALE_WORDS | {*money.CURRENCY_WORDS, *money.SHARED_WORDS}
_SCALE_POWERS = {
    word: power
    for word, power in {**money.SCALES, **money.DECIMAL_COMMA_SCALES}.items()
    if power >= 6 and " " not in word
}
_PREPOSITION = re.compile(
    r"to|for|from|by|til|till|fra|från|för|aan|voor|naar|van|an|für|nach|von|aus|zu|in|i|på",
    re.IGNORECASE,
)
_ELIDED_ITEM = (
    r"[^\d.;:()\[\]%]{0,80}?(?:[,:]\s*|\s(?:y|e|and|und|og|och|oraz|{and_word})\s+"
    r"|\s(?:{breakdown})\s+)(?:(?:altri|altre|otros|otras|autres|other|another|weitere"
    r"|andere|andra|andre)\s+)?(?P<figure>\d{1,3}(?:,\d{1,2})?)"
    r"(?=\s+(?!(?:{people}|av|af|of|di|dei|degli|delle|des|du|z|van|von|per ?cent|procent"
    r"|prosent|prozent|por ciento|pour cent|per cento|proc|år|years?|anni|años|ans|lat"
    r"|jahre|jaar|days?|dagen|dage|giorni|días|jours|months?|mesi|meses|mois|länder|countries"
    r"|paesi|países|pays|landen|kraje|gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|ene|abr"
    r"|may|jun|jul|sep|oct|janv|févr|mars|avr|mai|juin|juil|août|déc|sty|lut|kwi|maj|cze|lip"
    r"|sie|wrz|paź|lis|gru|jan|aug|okt|dec|de\s+(?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct"
    r"|nov|dic)|\d)\w*)(?-i:[a-zà-ÿąęłśżźćńó]))"
)
"""A bare figure of a list after an amount, before a lower-case word that is no count,
share, time or month ("59 para ayuda humanitaria", "40 in forma di sovvenzioni")."""


_COUNT_OF = (
    r"^\s+(?:(?:of|de|di|dei|degli|delle|van|z)\s+|d['\u2019])"
    r"(?!(?:{aid}|{delivery}|{humanitarian}|{military}|{loan}|{grant}|{guarantee}|"
    + _currency_words()
    + r"|fran\w*|dol+ar\w*|dól\w*|eur\w*|kron\w*|pound\w*|livre\w*|sterlin\w*|złot\w*"
    r"|yen|yuan|rupi\w*|peso\w*|rand|real\w*|reais|shekel\w*|lir\w*|rubl\w*|roubl\w*"
    r"|hryvn\w*|[A-Z]{3}|cancel\w*|annul\w*|condon\w*|umorzeni\w*|Schuldenerlass"
    r"|plus|more|más|più|meer|więcej|extra|nuevos|nouveaux|nuovi|additional|supplémentaires"
    r"|adicionales|aggiuntivi|prestiti|which|whom|those|these|this|that|them|it|the|dont|cui"
    r"|los|las|la|le|les|el|il|lo|gli|het|der|die|których)(?![\w]))"
    r"(?:[^\W\d_]{3,})(?![\w'\u2019])"
)
"""A figure with no money of its own, then "of/de/di" and a word that is no money nor aid
("20 millones de afganos", "2 millions de réfugiés"): a count of that word."""
_POPULATION_OF = _Lazy(
    r"(?<![\w'\u2019])(?:population|befolkning\w*|Bevölkerung|población|popolazione|ludności"
    r"|bevolking)\s+(?:(?:på|of|von|de|di|van|z|av|af)\s+)?$",
    re.IGNORECASE,
)
"""A population's size ("I en befolkning på over 30 millioner"): a count of people."""
_OUT_OF = _Lazy(
    r"^\s+(?:out of|of|av|af|von|sur|su|de|z|van)\s+(?:the\s+|les\s+|los\s+|die\s+|de\s+)?"
    r"\d[\d.,]*(?:\s+[^\W\d_]+)?(?=\s)",
    re.IGNORECASE,
)
"""A share of a count ("18 million out of the 38 million people"): the count's noun names
what the share counts."""


_COUNT_VERB_AFTER = _Lazy(
    r"^(?:\s*\([^()]*\))?,?\s+(?:(?:who|that|der|som|die|qui|que|che|którzy|które)\s+)?"
    r"(?:have|has|are|were"
    r"|remain|live|lack|face|need|needs|are in need|har|er|trenger"
    r"|behöver|haben|sind|ont|sont|tienen|son|hanno|sono|mają|są)\s+(?:\S+\s+){0,2}?"
    r"(?:needs?|need of|humanitarian|behov|brug for|Bedarf|besoin|besoins|necesidades|bisogno"
    r"|potrzeb\w*"
    r"|displaced|affected|homeless|fled|in need|hungry|food)",
    re.IGNORECASE,
)
"""A count whose noun is left out, told by its verb ("over 6 million have humanitarian
needs"): people, not money."""


_AID_NOUN = (
    r"(?:{aid}|{loan}|{grant}|{guarantee}|{delivery}|{humanitarian}|{military}|{in_kind})"
    r"[^\W\d_]{0,3}"
)


def _named_count(sentence: str, match: re.Match[str], languages: Languages) -> bool:
    """Whether a figure that names no currency counts people named by a capitalised word
    ("13 miljoen Syriërs", "6 million Ukrainians"), not money; not a German noun of aid
    ("81 Mio. Kredite und 139 Mio. Zuschüsse")."""
    after = re.match(r"\s+((?-i:[A-ZÆØÅÄÖÜ])[^\W\d_]+)(\s+[^\W\d_]+)?", sentence[match.end() :])
    if after is None or _compiled(languages, _AID_NOUN).fullmatch(after[1]):
        return False
    words = {w.lower() for w in (after[1], (after[2] or "").strip())}
    if after[1].lower() in money.NUMBER_WORDS:
        return False  # "Two Billion One Hundred Million Yen": the amount goes on
    return not words & {*money.CURRENCY_WORDS, *money.SHARED_WORDS}


def _joined(sentence: str, mentions: list[_Mention]) -> list[_Mention]:
    """ "2 miliardi e 146 milioni di euro", "2 billion and 500 million dollars", "3
    miliardy 700 tysięcy dolarów": one amount told in two scales is their sum, in the
    currency the second names."""
    joined: list[_Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.parsed is not None
            and mention.parsed is not None
            and not last.parsed.names_currency
            and mention.parsed.names_currency
            and not mention.conversion  # a conversion's second scale joins it ("soit 272
            and not mention.qualifier_words  # milliards 250 millions de FCFA")
            and last.parsed.value > mention.parsed.value
            and re.fullmatch(
                r"\s+(?:(?:and|og|och|und|et|en|i|y|e)\s+)?",
                sentence[last.end : mention.start],
                re.IGNORECASE,
            )
            and len(str(int(last.parsed.value))) > len(str(int(mention.parsed.value)))
        ):
            total = money.ParsedAmount(
                last.parsed.value + mention.parsed.value,
                mention.parsed.currency,
                mention.parsed.one_of,
            )
            words = sentence[last.start : mention.end]
            span = (last.span[0], mention.end) if last.conversion else last.span
            joined[-1] = replace(last, end=mention.end, words=words, parsed=total, span=span)
            continue
        joined.append(mention)
    return joined


def _has_money_word(words: str) -> bool:
    """Whether a phrase names a scale or a currency `money` knows (not "200 GPS")."""
    lowered = words.lower()
    tokens = re.findall(r"[^\W\d_]+\.?", lowered)
    return bool(re.search(r"[$€£₤¥₴]", words)) or any(t.rstrip(".") in _MONEY_WORDS for t in tokens)


def _spelled(words: str, languages: Languages) -> bool:
    words = _without_further(words)
    first = re.split(r"[\s-]", words.lower(), maxsplit=1)[0]  # "demi-milliard": "demi"
    return (
        money.spelled_out(words) != words
        or (first in lexicon.number_words(languages) and first not in money.NUMBER_WORDS)
        or first == "mil"
    )


_AND_A_HALF_AFTER = r"(?:et|y|e|und|og|och|en)\s+(?:demie?|medio|mezzo|halv|half)(?![\w])"
"""A half after a scale word ("38 millions et demi", "tres millones y medio")."""
_AND_A_HALF = (
    r"(?:och|og|und|et|en|y|e|i)\s+(?:en|ett|ein|eine|un|une|een|a)\s+"
    r"(?:halv|halb|halbe|demi|medio|mezzo)"
)
"""The half after a number word ("sju och en halv miljarder", "sju og en halv")."""
_THOUSANDS_COMMA_TOO = frozenset({"es"})
"""Languages written with a decimal comma in some countries and a thousands comma in
others."""


def _compound(values: Iterable[str]) -> str:
    """The value of number words joined by hyphens: a larger after a smaller multiplies
    ("quatre-vingt" 80), else adds ("cinquante-cinq" 55, "quatre-vingt-dix" 90)."""
    total = Decimal(0)
    for value in map(Decimal, values):
        total = total * value if total and value > total else total + value
    return str(total)


_FURTHER = (
    r"further|additional|extra|weitere|weiteren|zusätzliche|zusätzlichen|neue|ekstra|yderligere"
    r"|ytterligere|ytterligare|ny|nye|nya|nieuwe|autre|nouveau|nouvel|supplémentaire|otro|otra"
    r"|nuevo|nueva|altro|altra|nuovo|ulteriore|kolejny|kolejne|dodatkowy|dodatkowe|nowy|nowe"
)
"""An adjective between a number word and its scale ("a further billion", "eine weitere
Milliarde", "een extra miljard"): the number is still one."""


def _without_further(words: str) -> str:
    return re.sub(rf"^([^\W\d_]+)\s+(?:{_FURTHER})\s+", r"\1 ", words, flags=re.IGNORECASE)


def _decimal_of_comma(match: re.Match[str]) -> str:
    """ "2,250" before a scale word as `money` reads it unambiguously: "2.25"; "1,775" is
    "1.7750", since a dot and three digits could be a thousands group."""
    fraction = match[2].rstrip("0") or "0"
    return f"{match[1]}.{fraction}0" if len(fraction) == 3 else f"{match[1]}.{fraction}"


def _parse(words: str, languages: Languages) -> money.ParsedAmount:
    """An amount phrase of any of the languages, read by `money`: number words become
    digits ("sju och en halv" 7.5), and an adjective settles whose krone, dollar or
    franc it is."""
    text = re.sub(r"(?<=\d)-(?=[^\W\d_])", " ", words)  # "$1.3-million"
    text = re.sub(r"(?<=\d)['\u2018\u2019](?=\d{3})", "", text)  # "160'000 Franken"
    and_a_half = re.search(r"(?<!och)(?<!og)(?<!und)\s+" + _AND_A_HALF_AFTER, text, re.IGNORECASE)
    if and_a_half:
        text = text[: and_a_half.start()] + text[and_a_half.end() :]
    text = _without_further(text)
    head, _, rest = text.partition(" ")
    numbers = lexicon.number_words(languages)
    pieces = head.lower().split("-")
    spelled = list(
        itertools.takewhile(lambda p: p in numbers and p not in money.NUMBER_WORDS, pieces)
    )
    digits = _compound(numbers[p] for p in spelled) if spelled else None
    if digits:  # "cinquante-cinq millions", "demi-milliard"
        rest = " ".join(["-".join(head.split("-")[len(spelled) :]), rest]).strip()
        half = re.match(_AND_A_HALF + r"\s+", rest, re.IGNORECASE)
        if half:
            digits, rest = str(Decimal(digits) + Decimal("0.5")), rest[half.end() :]
        text = f"{digits} {rest}"
    whole = re.match(r"\d+(?![.,]\d)", text)
    if and_a_half and whole:  # "38 millions et demi", "tres millones y medio": and a half
        decimal = "." if languages[0] == lexicon.ENGLISH else ","
        text = f"{whole[0]}{decimal}5{text[whole.end() :]}"
    if re.match(r"mil\s+millones\b", text, re.IGNORECASE):
        text = "1 " + text
    if languages[0] != lexicon.ENGLISH:  # a Danish or Norwegian billion is a million million
        text = re.sub(r"\bbillion(?:er|s)?\b", "bio", text, flags=re.IGNORECASE)
    euro = re.match(r"euro\s+(.*)$", text, re.IGNORECASE)
    if euro:  # "euro 700 milioni"
        text = f"{euro[1]} euro"
    tokens = {t.lower().rstrip(".") for t in re.findall(r"[^\W\d_]+\.?", text)}
    if languages[0] != lexicon.ENGLISH:
        # A language that writes a decimal comma groups thousands with a dot:
        # "16.223 millones" is 16,223 million, "300.000 euros" 300,000 (but "0.691
        # miliardi" is no grouping: no number starts with a group "0"), and before a
        # scale word "2,250 milliarder" is 2.25 billion. Spanish is also written with a
        # thousands comma (Mexico, the US): there `money` refuses "20,600 millones" as
        # ambiguous and the amount stays open with both readings.
        text = re.sub(r"(?<![\d.,])(?!0\.)(\d{1,3})\.(\d{3})(?![\d.,])", r"\1\2", text)
        scaled = tokens & set(money.DECIMAL_COMMA_SCALES)
        if scaled and languages[0] not in _THOUSANDS_COMMA_TOO:
            text = re.sub(r"(?<![\d.,])(\d{1,3}),(\d{3})(?![\d.,])", _decimal_of_comma, text)
    country = None
    forms = lexicon.party_forms(languages)
    for token in re.finditer(r"[^\W\d_]+", text):
        form = forms.get(token[0])
        if form is not None and form.kind == "adjective":
            country = form.party
            stripped = " ".join((text[: token.start()] + text[token.end() :]).split())
            break
    try:
        parsed = money.parse_amount(text)
    except InvalidInput:
        if country is None:
            raise
        parsed = money.parse_amount(stripped)
    if country is not None:
        own = NATIONAL_CURRENCY.get(places.resolve(country).code or "")
        dollar = parsed.currency in money.DOLLARS and own in money.DOLLARS
        unnamed = parsed.currency is None and not parsed.one_of
        if own and (own in parsed.one_of or dollar or unnamed):
            parsed = money.ParsedAmount(parsed.value, own)
    return parsed


def _conversion_span(
    sentence: str, previous: _Mention, mention: _Mention, languages: Languages
) -> tuple[int, int] | None:
    """Where `mention` is only the amount before it in another currency: in brackets
    opened right after it, between dashes after it, after "equivalent to / svarende til
    / umgerechnet / soit / czyli", or set off by commas; None when it is a figure of its
    own."""
    start, end = mention.origin, mention.end
    between = sentence[previous.end : start]
    equivalent = _compiled(
        languages,
        r"^\s*,?\s*(?:(?:which|that|der|som|det|vilket|hvilket|was|die|qui|ce qui|que|lo que|che"
        r"|co)\s+(?:(?:is|was|er|var|är|ist|est|es|è)\s+)?)?{equivalent}(?:\s+[^\W\d_]+){0,2}\s*$",
    )
    equivalent_in = _word(languages, "equivalent")
    breakdown = _compiled(languages, r"^\s*[(\[]\s*{breakdown}\b")
    opening = _compiled(languages, r"^\.?\s*(?:(?:{each_year})\s*)?([(\[])").match(between)
    # "75 mio. kr. (10 mio. USD)", "115 million Swedish kronor per year (approx. 13 million"
    opening = opening or _restated_after(between, previous, mention.start, sentence)
    if opening and not re.search(r"[)\]]", between) and not breakdown.match(between):
        closing = sentence.find(")" if opening[1] == "(" else "]", end)
        return previous.end + opening.start(1), (closing + 1 if closing != -1 else end)
    # an em dash may touch its words ("34 millones de euros —casi 33 millones de dólares—")
    dash = re.match(r"\s+([-\u2013\u2014])\s+|\s*(\u2014)\s*", between)
    if dash:
        inside = between[dash.end() :]
        shut = re.match(r"\s+[-\u2013\u2014](?=\s)|(?:\s*\([^()]*\))?\s*\u2014", sentence[end:])
        short = len(inside.split()) <= 5
        if shut or not inside.strip() or (short and equivalent_in.search(inside)):
            return previous.end + dash.start(dash.lastindex or 0), end + (shut.end() if shut else 0)
        return None
    if previous.conversion and re.fullmatch(
        r"\s*[,/;]\s*|\s+(?:or|eller|oder|ou|of|lub|o)\s+", between
    ):
        return previous.end, end  # "(€7.3bn, $8.5bn)": a second conversion of the same
    if re.fullmatch(r"\s*;\s*", between) and _in_another_currency(previous, mention):
        return previous.end, end  # "(SEK5 million; US$537,000)": the same in dollars
    if equivalent.match(between) and not re.fullmatch(r"\s*", between):
        return previous.end, end
    if _apposition(sentence, previous, mention):
        return previous.end, end
    later = _RESTATED_LATER.search(between)
    if later and _in_another_currency(previous, mention):
        return previous.end + later.start(), end  # the words before ", soit" stay read
    return None


_RESTATED_LATER = _Lazy(
    r",\s*(?:that is|i\.e\.|equivalent to|the equivalent of|svarende til|tilsvarende"
    r"|motsvarande|umgerechnet|das entspricht|soit|omgerekend|to jest|tj\.|czyli"
    r"|co odpowiada|lo que equivale a|pari a|cioè|approx\.|approximately|roughly|ca\.|cirka"
    r"|omkring|environ|około|unos|aproximadamente|circa)\s*$",
    re.IGNORECASE,
)
"""A restatement after a comma later in the clause ("... na świecie, to jest ok. 90 mln
euro"): only the unmistakable words, never a bare "or". An amount in another currency
after them, anywhere after the amount before it, is that amount restated."""


def _in_another_currency(previous: _Mention, mention: _Mention) -> bool:
    """Whether both amounts name a currency, and not the same one."""
    if previous.parsed is None or mention.parsed is None:
        return False
    before, named = previous.parsed.codes, mention.parsed.codes
    return bool(before and named and not before & named)


def _apposition(sentence: str, previous: _Mention, mention: _Mention) -> bool:
    """ "fem miljoner euro, cirka 50 miljoner svenska kronor, ska lämnas": an amount in
    another currency set off by commas right after an amount is that amount restated;
    so is one that follows the comma with "about" ("10 mio. euro, ca. 75 mio. kr. til"),
    since a second pledge is not hedged as a rate's rounding is, even a few words after
    the first when it ends the clause."""
    between = sentence[previous.end : mention.origin]
    hedged = mention.qualifier is Qualifier.ABOUT
    ends = re.match(r"\s*(?:[,.;]|$)", sentence[mention.end :]) is not None
    return _in_another_currency(previous, mention) and (
        (re.fullmatch(r",\s*", between) is not None and (hedged or ends))
        # "un prestito da 15,6 miliardi di dollari all'Ucraina, circa 14,5 miliardi di euro."
        or (re.fullmatch(r"(?:\s+[^\W\d_]\S*){1,3},\s*", between) is not None and hedged and ends)
    )


_BRACKET_AFTER_WORDS = _Lazy(
    r"^(?:\s+[^\W\d_]+\.?){1,4}\s*([(\[])\s*(?:[^\W\d_]+\.?\s+){0,3}"
    r"(?:\d[\d.,]*\s*(?:[^\W\d_]+\s+)?)?\s*$"
)


def _restated_after(
    between: str, previous: _Mention, start: int, sentence: str
) -> re.Match[str] | None:
    """A bracket opened a few words after an amount ("75 miljarder kronor per år (7,02
    respektive 2,24 miljarder dollar)") restates it when what it holds is only figures in
    another currency; the bracket's match (group 1), else None."""
    opening = _BRACKET_AFTER_WORDS.match(between)
    if opening is None or previous.parsed is None:
        return None
    try:
        inside = money.parse_amount(re.split(r"[)\]]", sentence[start:], maxsplit=1)[0])
    except InvalidInput:
        return None
    before = previous.parsed.codes
    return opening if inside.currency is not None and inside.currency not in before else None


def _blank(text: str, spans: Sequence[tuple[int, int]], fill: str = " ") -> str:
    """`text` with each span set aside (spaces, so offsets stay)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


def _not_pledged(
    reading: str, mention: _Mention, previous: _Mention | None, refused: bool, languages: Languages
) -> str:
    """Why an amount is not money given, if it is not: asked for, needed, estimated,
    spent on one's own war, a cost, damage, a loss, GDP, assets held, a difference, an
    old level, or the same kind as the figure before it; "" when it is money given.

    A word of need or cost counts only when no verb of giving stands between it and
    the amount ("to meet the needs of refugees, Norway gives ...")."""
    earlier = previous.end if previous is not None else 0
    window = reading[earlier : mention.start]
    # "en" and "et" are "and" only in Dutch and French ("en torno a", Danish "et nyt")
    own_and = "|en" * ("nl" in languages) + "|et" * ("fr" in languages)
    window = re.split(
        r"[;:]|\s[\u2014\u2013]\s|,\s+(?:and|but|og|men|och|und|aber|mais|maar|ale|y|pero"
        rf"|ma{own_and})\s",
        window,
    )[-1]
    near = " ".join(window.split()[-16:]) + " "
    after = reading[mention.end :]
    giving = _compiled(languages, r"(?<![\w'\u2019])(?:" + _STAGES + r")(?![\w])")

    def said(name: str) -> bool:
        """Whether the window says a word of `name` with no verb of giving after it; the
        verb of the need's own infinitive ("an appeal to provide $2.3 billion") is the
        need's, not a giving."""
        found = [
            match
            for match in _word(languages, name).finditer(near)
            if not (
                _MEETING.search(near[: match.start()])
                and not _OWN_FIGURE.match(near[match.end() :])
            )
        ]
        if not found:
            return False
        rest = near[found[-1].end() :]
        governed = _GOVERNED_INFINITIVE.match(rest)
        if governed and giving.fullmatch(governed["verb"]):
            rest = rest[governed.end() :]
        return not giving.search(_FUTURE.sub(" ", rest))

    if refused:
        return "refused"
    if _PERCENT_OF.search(near):
        return "the base of a percentage"
    if _RESTATES.match(reading[: mention.origin]):
        return "another figure restated"  # "Beløbet svarer til omtrent 372 milliarder kroner"
    if said("need_before"):
        return _ASKED_FOR
    head = re.split(r"[,;:()]|(?<![A-Z])\.", after, maxsplit=1)[0]  # "U.N." ends nothing
    # The rest of the amount's clause, brackets set aside ("USD 952-million (about
    # 845-million-euro) humanitarian aid appeal"); a German or Dutch clause ends with its
    # verb ("hatte ... 460 Millionen Dollar (361 Millionen Euro) aufgerufen").
    clause = re.split(r"[,;:]|(?<![A-Z])\.", re.sub(r"\([^()]*\)", " ", after), maxsplit=1)[0]
    need_after = _compiled(languages, r"^\s+((?:\S+\s+){0,5}?){need_after}(?![\w])").match(clause)
    if need_after and (
        not _before(languages, "recipient_before").search(need_after[1] + " ")
        or _compiled(languages, r"(?<![\w'\u2019])(?:{aid})\s+$").search(need_after[1])
    ):
        return _NEEDED  # "an appeal", "an aid appeal"; not "needed to aid Ukraine with"
    if languages[0] in ("de", "nl") and _compiled(
        languages,
        r"(?<![\w'\u2019])(?:{need_after})(?:\s+(?:werden|wird|würden|worden|wordt|zijn))?\s*$",
    ).search(re.split(r"\d", clause, maxsplit=1)[0]):
        return _NEEDED
    if _RELATIVE_CLAUSE_NEED.match(after) or _NEEDS_NAMED.match(after) or _PLANS_OWN.match(after):
        return _NEEDED
    if _INSTEAD_OF.search(near):
        return "the figure it replaces"
    if _CUT.search(near) or _CUT_AFTER.match(after) or _NO_LONGER.match(after):
        return "a cut, not money given"
    if _SUSPENDED.search(near):
        return "money suspended or frozen, not given"
    if _compiled(languages, _NOT_GIVEN).search(near) or (
        languages[0] in ("de", "nl")
        and _VERB_LAST_NEGATION.search(near)
        and _compiled(languages, r"(?<![\w'\u2019])(?:" + _STAGES + r")\s*$").search(clause)
    ):
        return "a giving denied, not money given"
    if _FALL.search(near):
        return "a fall, not money given"
    if _TOWARD.search(near):
        return "the total others give toward"
    if (
        _RAISED.search(near)
        or _RAISED_LAST.search(clause)
        or _RAISED_AFTER.match(after)
        or _RAISED_JUST_BEFORE.search(reading[: mention.origin])
        or _PRIVATE_FINANCE.match(head)
        or _FROM_MANY.search(near)
        or _PRIVATE_GIFTS.search(near)
        or _PRIVATE_GIVERS.search(near)
        or _PRIVATE_GIVERS_AFTER.match(after)
        or _CHARITY_GIVES.search(near)
        or _CHARITY_FIRST.search(window)
        or _INSURERS.search(window)
        or _PRIVATELY.search(re.split(r"[\d$€£]", head, maxsplit=1)[0])
        or (_RAISED_WORD.search(near) and _FUNDRAISER_AFTER.search(head))
    ):
        return "money from many givers, no one's pledge"
    if _MANY_GIVERS.search(window) and (
        _word(languages, "total").search(near) or _SUM_NOUN.search(near)
    ):
        return "the total of many givers, no one's pledge"
    if _CLAIMED.search(near) or _CLAIMED.search(head):
        return "a claim or a refund, not money given"
    if _OWED.search(near) or _DEBT_OF.search(near):
        return "a debt paid, not money given"
    if _EVERY.search(near):
        return "the unit of a ratio, not money given"
    if _OWN_MONEY.search(near):
        return "a country's own money for itself, not aid"
    if _OUGHT.search(near):
        return "what ought to be, not money given"
    if _COUNTERFACTUAL.search(near) and _IF.search(reading[: mention.start]):
        return "what would have been, not money given"
    if (
        (said("loss") and not _LOSS_AND_DAMAGE.search(near) and not _REPAIRING.search(near))
        or _VANISHED.match(after)
        or _VANISHED_BEFORE.search(near)
    ):
        return "a cost, damage, a loss, GDP or assets"
    if _REBUILDING_COSTS.search(near) and not _word(languages, "aid").search(near):
        return "a cost, damage, a loss, GDP or assets"
    if _compiled(
        languages,
        r"^\s+(?:in|of|worth of|i|af|av|an|en|de|di|w|aan|d['\u2019])\s*"
        r"(?:\S+\s+){0,2}?{loss}(?![\w])",
    ).match(after):
        return "a cost, damage, a loss, GDP or assets"
    if _RATE.match(head) or _RATE_BEFORE.search(near):
        return "a rate per month, week or day, not a pledge's amount"
    if _PER_HEAD.match(after):
        return "a figure per person, not a pledge's amount"
    if _EXCHANGE_RATE.match(after):
        return "an exchange rate, not money"
    raised = _BUDGET_RAISED.search(near)
    if raised and not any(_names(near[raised.end() :] + head, languages)):
        return "a budget of one's own raised, with no recipient"
    if _FROM_BUDGET.match(head) and not any(_names(near + head, languages)):
        return "a budget line of one's own, with no recipient"
    own_defence = _TO_OWN_DEFENCE.match(head)
    if (
        (
            own_defence
            and not any(
                _names(
                    _blank(head, [own_defence.span("own")] if own_defence["own"] else []), languages
                )
            )
        )
        or _OWN_MISSIONS.search(near + head)
        or _DEFENCE_GETS.search(near)
    ):
        return "a country's own defence, not aid"
    if _ASKED_AFTER.match(after):
        return _ASKED_FOR
    if _HOSTED_REFUGEES.search(near + reading[mention.end :][:80]):
        return "the cost of hosting refugees at home"
    if re.match(rf"^\s+(?:\S+\s+){{0,3}}?(?:{lexicon.FROZEN})\b", head + " ", re.IGNORECASE):
        return "assets held, not given"
    if (
        said("spend")
        and not _word(languages, "aid").search(head)
        and not any(
            _before(languages, "recipient_before").search(head[:start])
            or re.search(r"(?<![\w'\u2019])(?:on|på|auf|sur|aan|na|en|su)\s+$", head[:start])
            for start, _, _, _ in _names(head, languages)
        )
    ):
        return "spending"  # on one's own war, not on a recipient ("bruker ... på Ukraina")
    if _ANNUAL_BUDGET.search(near):
        return "a body's own annual budget"  # "opère ... avec un budget annuel de 12 milliards"
    if _compiled(
        languages,
        r"^\s+(?:\S+\s+){0,2}?(?:on|på|na)\s+(?:(?:the|its|den|det|sin|sitt)\s+)?(?:{war})"
        r"(?![\w'\u2019])(?!\s+(?:anniversary|årsdag|rocznic))",
    ).match(after):
        return "spending"  # "planlagt at bruge 100 milliarder dollar på krigen"
    if _OWN_DEFENCE_BUDGET.search(near + head) and not any(
        _before(languages, "recipient_before").search((near + head)[:start])
        for start, _, _, compound in _names(near + head, languages)
        if not compound  # "knyttet til Ukraina-krigen": the war, not a recipient
    ):
        return "a country's own defence budget"  # "national defence will increase ... to"
    if _COMPARED.search(reading[: mention.origin]) or _THAN.search(reading[: mention.origin]):
        return "the figure it is compared with"
    if (
        _DIFFERENCE.search(reading[: mention.start])
        or (
            _COMPARED_AFTER.match(after)
            and (_INCREASE_OF.search(near) or _INCREASE_AFTER.match(after))
        )
        or _MORE_THAN_BEFORE.match(after)
    ):
        return _A_DIFFERENCE
    if previous is not None and previous.role not in ("", _OLD_LEVEL, _A_DIFFERENCE):
        part = _word(languages, "breakdown").search(window)  # "von denen", "of which"
        if (not giving.search(window) or part) and not (
            previous.role in (_NEEDED, _ASKED_FOR) and part and giving.search(head)
        ):
            # "losses reached $176 billion, compared to $152 billion"; a part of a figure
            # that is no pledge ("Mittel in Höhe von 100 Mrd. € bereitgestellt, von denen rd.
            # 22"), but not the part of a need that was given ("of which $800m had been
            # pledged")
            return previous.role
    return ""


_GOVERNED_INFINITIVE = _Lazy(
    r"^\W*(?:[^\W\d_]+\W+){0,5}?(?:to|å|at|att|zu|à|de|d['\u2019]|te|para|a|di|per|aby)\s+"
    r"(?P<verb>[^\W\d_]+)",
    re.IGNORECASE,
)
"""An infinitive a few words after a word of need, which it governs ("an appeal to
provide", "anmodet om at give")."""
_PERIODICAL = (
    r"monthly|weekly|daily|månedlig\w*|månatlig\w*|monatlich\w*|mensuel\w*|maandelijks\w*"
    r"|miesięczn\w*|dziennie|mensual\w*|mensil\w*"
)
"""The words for "monthly", "weekly" and "daily" in the ten languages."""
_LOSS_AND_DAMAGE = _Lazy(
    r"(?<![\w'\u2019])(?:loss and damage|tab og skader?|tap og skader?|förluster och skador"
    r"|Verluste und Schäden|pertes et (?:préjudices|dommages)|verlies en schade|pérdidas y daños"
    r"|perdite e danni|strat i szkód)(?![\w])",
    re.IGNORECASE,
)
"""Climate "loss and damage", the name of a fund and its projects, not a cost."""
_OWN_MONEY = _Lazy(
    r"(?<![\w'\u2019])(?:own contributions?|own domestic|domestic funding|domestic resources"
    r"|own resources|Eigenbeitr\w*|Eigenanteil\w*|Eigenmittel\w*|egenandel\w*|egenbidrag\w*"
    r"|egne midler|egna medel|eigen bijdrage|ressources propres|contribution propre"
    r"|recursos propios|contrapartida nacional|risorse proprie|contributo proprio"
    r"|środków własnych|wkład własny|wkładu własnego)(?![\w])\s+(?:\S+\s+){0,6}$",
    re.IGNORECASE,
)
"""A country's own contribution or domestic money ("bringt Bangladesch ... Eigenbeiträge in
Höhe von 25 Mio. USD auf", "their own domestic funding for education by US$26 billion"):
money it spends on itself, not aid."""
_EVERY = _Lazy(
    r"(?<![\w'\u2019])(?:every|each|for every|jede[ns]?|chaque|cada|ogni|hver|varje|elke"
    r"|każd\w+)\s+$",
    re.IGNORECASE,
)
"""A figure after "every" ("every $1 billion it contributes is met by $2 billion"): the
unit of a ratio or a condition, not money given."""
_OUGHT = _Lazy(
    r"(?<![\w'\u2019])(?:ought to|burde|bør|borde|zou moeten|zouden moeten|powinien|powinna"
    r"|powinno|powinny|powinni|(?:say|says|said|argue|argues|argued|urge|urges|urged)\s+"
    r"(?:\S+\s+){0,5}?should)\s+(?:\S+\s+){0,4}?(?:to|til|till|tot|do)?\s*$",
    re.IGNORECASE,
)
"""What someone says ought to be ("støtten burde tredobles til 45 milliarder"): an
opinion, not money given, as is what someone says a giver "should" provide. Not "should"
alone, "devrait", "sollte" or "dovrebbe": news tells a plan with them ("l'Union
européenne devrait débourser")."""
_COUNTERFACTUAL = _Lazy(
    r"(?<![\w'\u2019])(?:would have|could have|would be|would mean|hätte|hätten|wäre|wären"
    r"|aurait|auraient"
    r"|zou hebben|zouden hebben|skulle ha|skulle have|ville ha|ville have|habría|habrían"
    r"|avrebbe|avrebbero|otrzymał\w* by|dostał\w* by)(?![\w])",
    re.IGNORECASE,
)
"""What would have been ("If Ukraine had completed all 16 points, it would have received
€4.5 billion"): no money given, when a condition comes before it; without one, a
conditional reports a plan ("ha annunciato che avrebbe stanziato")."""
_IF = _Lazy(r"(?<![\w'\u2019])(?:if|wenn|falls|si|als|om|hvis|jeśli|gdyby|se)\s", re.IGNORECASE)
_BUDGET_RAISED = _Lazy(
    r"(?<![\w'\u2019])(?:(?:humanitarian|humanitære?|humanitära?) reserve?\w*"
    r"|(?:ophog\w*|verhog\w*|increas\w*|rais\w*|erhöh\w*|Erhöhung"
    r"|augment\w*|aument\w*|zwiększ\w*|øk\w*|løft\w*|höj\w*)\s+(?:\S+\s+){0,3}?"
    r"(?:begroting|budget|Haushalt\w*|presupuesto|bilancio|budżet\w*|budsjett\w*"
    r"|bevilling\w*|bevilgning\w*|anslag\w*)|créditos? extraordinarios?"
    r"|suplementos? de crédito|Nachtragshaushalt\w*|tilleggsbevilgning\w*"
    r"|tillægsbevilling\w*|collectif budgétaire|suppletoire begroting\w*|Nachtrags?kredit\w*"
    r"|general reserve|Einzelplan 14|Verteidigungsetat\w*|Wehretat\w*"
    r"|generel reserve|generell reserve|generell reserv|allgemeine Reserve|réserve générale"
    r"|algemene reserve|reserva general|riserva generale|rezerwa ogólna)(?![\w])"
    r"(?!\s+(?:support|steun|hjelp|støtte|stöd|[hH]ilfe|soutien|apoyo|sostegno|wsparci\w*))",
    re.IGNORECASE,
)
"""A budget line of one's own raised ("het ophogen van de begroting van
Ontwikkelingssamenwerking met 70 miljoen euro"), or a supplementary one ("el crédito
extraordinario de 999,7 millones", "en generel reserve på 3,5 milliarder kroner"): no one
receives it, unless the sentence names who does after the amount."""
_FROM_BUDGET = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?"
    r"(?:aus dem (?:regulären |ordentlichen )?(?:Haushalt|Etat|Sondervermögen)"
    r"|from the (?:regular |ordinary |defen[cs]e )?budget|du budget|del presupuesto"
    r"|dal bilancio|fra (?:det )?(?:ordinære )?(?:budsjettet|budgettet)|från budgeten"
    r"|uit de begroting|z budżetu|i budgeten|i budsjettet|i budgettet|in the (?:\d{4} )?budget"
    r"|im Haushalt|dans le budget|en el presupuesto|nel bilancio|w budżecie|in de begroting)",
    re.IGNORECASE,
)
"""A line of one's own budget ("83 Milliarden Euro aus dem regulären Haushalt", "ytterligare
5 miljarder i budgeten för 2026"): no one receives it, unless the clause names who does."""
_ANNUAL_BUDGET = _Lazy(
    r"(?<![\w'\u2019])(?:annual budget|yearly budget|budget annuel|Jahresbudget|Jahresetat"
    r"|årlig(?:e|t)? budsjett|årligt budget|årsbudget|presupuesto anual|bilancio annuale"
    r"|roczn\w* budżet\w*|jaarlijks budget|jaarbudget)\s+(?:(?:of|de|d['\u2019]|von|på|di|van"
    r"|w wysokości|om)\s*)?$",
    re.IGNORECASE,
)
"""A body's annual budget of an amount: its own money, no pledge."""
_OWN_DEFENCE_BUDGET = _Lazy(
    r"(?<![\w'\u2019])(?:national defen[cs]e|defen[cs]e (?:budget|spending|expenditure)"
    r"|difesa nazionale|défense nationale|defensa nacional|obron\w* narodow\w*"
    r"|Landesverteidigung|(?:für|an) die Bundeswehr|landets (?:militær|militär|forsvar|försvar)"
    r"|military (?:budget|spending|expenditure)|budget\s+(?:\S+\s+){0,3}?(?:defen[cs]e|military)"
    r"|forsvarsbudsjett\w*|forsvarsbudget\w*|försvarsbudget\w*|försvarsutgift\w*"
    r"|försvarsanslag\w*|försvarets\s+(?:\S+\s+){0,2}?budget\w*|Verteidigungshaushalt\w*"
    r"|Verteidigungsausgaben|Verteidigungsetat\w*|Wehretat\w*|Rüstungsausgaben"
    r"|Militärhaushalt\w*|Militäretat\w*|Verteidigungsbudget\w*|aan defensie"
    r"|(?-i:LPM)|loi de programmation militaire|Ministry of Defen[cs]e|Verteidigungsministerium"
    r"|ministère des Armées|Ministerio de Defensa|Ministero della Difesa|Ministerstw\w* Obrony"
    r"|(?:ge|ger|gi|gir|give|giver)\s+(?:forsvaret|försvaret)"
    r"|budget de la défense|budget des armées|dépenses militaires|militära (?:medel|utgifter)"
    r"|militærutgift\w*|militärutgift\w*|Militärausgaben|wydatki wojskowe|gastos? militar\w*"
    r"|budget\s+(?:\S+\s+){0,3}?(?:défense|armées)|defensiebegroting|defensie-uitgaven"
    r"|defensiebudget|budżet\w* obronn\w*|wydatk\w* na obronność|presupuesto de defensa"
    r"|presupuesto\s+(?:\S+\s+){0,3}?defensa|gasto militar|bilancio della difesa"
    r"|bilancio\s+(?:\S+\s+){0,3}?difesa|spesa militare|spese militari"
    r"|(?:seine|ihre|its|their|sin|sitt|sine|sina|ses|sus|sue|swoją|zijn|hun)\s+(?:eigene\s+|own\s+)?"
    r"(?:Armee|Streitkräfte|army|armed forces|military|hær|forsvar|försvar|armée|forces armées"
    r"|ejército|fuerzas armadas|esercito|forze armate|armię|leger|krijgsmacht)"
    r"|(?:in|into|i|dans|en|nella|w)\s+(?:(?:die|the|its|la|le|el|det)\s+)?(?:Verteidigung"
    r"|defen[cs]e|forsvaret|försvaret|défense|defensa|difesa|obronność|defensie)\s+"
    r"(?:investier\w*|invest\w*))(?![\w])",
    re.IGNORECASE,
)
"""A country's defence budget, or its investment in defence, named before or after its
figure ("national defence will increase by 23 per cent in 2025 to 13.5 trillion roubles",
"den Verteidigungshaushalt ... ein Etat von über 150 Milliarden Euro", "19,2 Milliarden
Euro in die Verteidigung investieren"): its own, not aid, unless a recipient is named."""
_DEFENCE_GETS = _Lazy(
    r"(?<![\w'\u2019])(?:forsvar(?:et)?|försvar(?:et|smakten)?|Bundeswehr|(?:the )?armed forces"
    r"|defensie|krijgsmacht|forces armées|fuerzas armadas|forze armate|Siły Zbrojne)\s+"
    r"(?:\S+\s+){0,2}?(?:får|fikk|fick|fekk|receives?|received|will receive|gets|got|erhält"
    r"|erhielt|bekommt|krijgt|kreeg|reçoit|recevra|recibe|recibirá|riceve|riceverà|otrzyma\w*)"
    r"(?:\s+tilført|\s+tillført|\s+tillfört)?\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""A country's own armed forces that get the money ("dansk forsvar får tilført ekstra 195
milliarder kroner"): its defence budget, not aid."""
_TO_OWN_DEFENCE = _Lazy(
    r"^\s+(?:\S+\s+){0,3}?(?:(?:til|to|for|für die|à la|a la|alla|na|naar|till)\s+"
    r"(?P<own>(?:det|den|the|its)\s+(?:[^\W\d_]+\s+)?)?"
    r"|in\s+(?:de|het|the)\s+(?:[^\W\d_]+\s+){0,2}?(?:van|of)\s+)"
    r"(?:forsvar(?:et)?|defen[cs]e|Verteidigung|défense|defensa|difesa|obronność|defensie"
    r"|försvar(?:et)?|vapen och soldater|våpen og soldater|våben og soldater"
    r"|weapons and soldiers|Waffen und Soldaten)(?![\w])"
    r"(?!\s+(?:av|af|of|de|du|des|von|der|van|di|della|dla|för|for))",
    re.IGNORECASE,
)
"""Money that goes to defence itself ("91 milliarder kroner skulle gå til forsvar", "27
miljarder extra till vapen och soldater", "til det danske Forsvar": the adjective names
whose, group `own`; "in de verdere versterking van defensie"): a country's own army, not
aid, when no country follows ("til forsvar av Ukraina", "till vapen ... för Ukraina")."""
_OWN_MISSIONS = _Lazy(
    r"(?<![\w'\u2019])(?:misiones (?:de (?:los|las) )?(?:militares|Fuerzas Armadas)"
    r"|misiones en el exterior|missioni (?:Nato|militari|internazionali|all['\u2019]estero)"
    r"|Auslandseinsätze?\w*|utenlandsoperasjon\w*|opérations extérieures|missions militaires)"
    r"(?![\w])",
    re.IGNORECASE,
)
"""A country's own military missions abroad ("para financiar las misiones de los militares
en el exterior", "missioni Nato ai confini orientali"): its own defence, not aid."""
_ASKED_AFTER = _Lazy(
    r"^\W*(?:\S+\s+){0,2}?(?:o któr\w+|om|um|que|qui|che|which|that|som|die|den|das)\s+"
    r"(?:\S+\s+){0,4}?(?:ubiega\w*|prosi\w*|wnioskuje|requests?|asks? for|appl(?:y|ies) for"
    r"|ber om|beder om|søker om|søger om|ansöker om|bittet|beantragt|demande|sollicite|pide"
    r"|solicita|chiede|richiede|vraagt)(?![\w])",
    re.IGNORECASE,
)
"""A figure someone asks for, in a clause after it ("kwota 120 milionów euro, o którą
Ukraina chciałaby się ubiegać"): a request, not a pledge."""
_EXCHANGE_RATE = _Lazy(
    r"^\s+(?:per|a|an|pro|par|por|za|til|för|für)\s+(?:US\s+|U\.S\.\s+)?"
    r"(?:dollars?|euros?|pounds?|dollar|Dollar|euro|Euro|dolar\w*|dólar\w*|dollaro|krone|krona"
    r"|frank\w*|franc\w*|[$€£]|(?-i:[A-Z]{3})\b)(?!\s*\d)",
    re.IGNORECASE,
)
"""A price of one currency in another ("45 hryvnia per dollar"): a rate, not money; a
currency with its own figure after it is a new level ("fra USD 380 mio. til USD 500
mio.")."""
_RATE = _Lazy(
    r"^(?:\s+[^\W\d_]+){0,10}?\s+(?:(?:a|per|each|every)\s+(?:month|week|day)"
    r"|(?:per|hver|hvert|i|om)\s+(?:måned|uke|uge)\w*|(?:per|hver|om)\s+dag\w*"
    r"|(?:per|varje|i|om)\s+(?:månad|vecka)\w*|(?:per|varje|om)\s+dag\w*"
    r"|(?:pro|im|jeden|jede)\s+(?:Monat|Woche|Tag)\w*|(?:par|chaque)\s+(?:mois|semaine|jour)"
    r"|(?:per|elke)\s+(?:maand|week|dag)|(?:na|co)\s+(?:miesiąc|tydzień|dzień)"
    r"|(?:al|por|cada)\s+(?:mes|semana|día)|(?:al|ogni|alla|a)\s+(?:mese|settimana|giorno)"
    r"|" + _PERIODICAL + r")\b",
    re.IGNORECASE,
)
"""A figure per month, week or day ("$4.4bn is spent ... each month", "£5.4bn a month"):
a rate of spending or support, never a pledge's amount for a year."""
_PER_HEAD = _Lazy(
    r"^\s*(?:[^\W\d_]+\s+)?(?:per|a|pr\.|pro|par|por|na)\s+(?:person|persoon|capita|head"
    r"|innbygger|invånare|indbygger|Kopf|Einwohner|habitant|persona|abitante|osobę|mieszkańca"
    r"|hoofd|inwoner)(?![\w])",
    re.IGNORECASE,
)
"""A figure per person ("2.000 dollar per persoon per jaar", "$1,200 per capita"): an income
or a cost of each, never a pledge's amount."""
_RATE_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:" + _PERIODICAL + r")\s+(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)
_HOSTED_REFUGEES = _Lazy(
    r"(?<![\w'\u2019])(?:(?:refugees|flyktninger|flygtninge|flyktingar|Flüchtling\w*|réfugiés"
    r"|vluchtelingen|uchodźc\w*|refugiados|rifugiati)\s+(?:from|fra|från|aus|d['\u2019]|de"
    r"|uit|z|de|dall['\u2019]|dalla|dal)\s"
    r"|(?:integreringstiltak|integreringsarbeid"
    r"|mottaksapparat|asylmottak|flyktningmottak|flygtningemodtag|integrationsindsats"
    r"|integrationsinsats|flyktingmottagand|Erstaufnahme|Integrationskurs"
    r"|Flüchtlingsunterk|flyktninginnsats|flygtningeindsats|flyktinginsats|flyktingkostnad"
    r"|flyktningtiltak|flygtningetiltag|asielopvang|Asylunterbringung"
    r"|flyktningkostnad|flygtningeudgift|Flüchtlingskosten)\w*"
    r"(?!\s+(?:i|in|for|til|till)\s+(?!Norge|Danmark|Sverige|Nederland|Deutschland|Norway"
    r"|Denmark|Sweden|the Netherlands|Germany)\S))",
    re.IGNORECASE,
)
"""Refugees from a country ("na uchodźców z Ukrainy przeznaczyły 6,8 mld euro"), or their
reception, housing and integration ("3 milliarder kroner ekstra til integreringstiltak",
"flyktninginnsats i Norge"): the cost of hosting them at home, which trackers keep apart
from aid to the country. These compounds name an effort at home unless a country other
than the donors' own follows ("flyktninginnsats i Libanon" is aid there).
(Money "per sostenere gli ucraini che arrivano in Italia" is not here: annotators of the
same speech read it both ways.)"""
_NEEDS_NAMED = _Lazy(
    r"^\s+(?:the|les|die|den|de|het|los|las|i|gli|le|la)?\s*(?:needs|requirements|behovet"
    r"|behovene|behoven|Bedarf|besoins|behoeften|potrzeby|necesidades|bisogni|fabbisogno)\b",
    re.IGNORECASE,
)
"""A figure the needs are put at ("a chiffré à 1,2 milliard de dollars les besoins")."""
_CLAIMED = _Lazy(
    r"(?<![\w'\u2019])(?:claimed|claims for|reimburs(?!abl)\w*|refund(?!abl)\w*|gedeclareerd"
    r"|declareert|terugbetaald|vergoed|erstattet|Erstattung|Rückerstattung|rückerstattet"
    r"|rembours(?!abl)\w*|refusjon|refundert|refunderet|återbetal(?!bar)\w*|ersättning"
    r"|zwrot(?!n)\w*|refundac\w*|reembols(?!abl)\w*|rimbors(?!abil)\w*)(?![\w])",
    re.IGNORECASE,
)
"""A claim for reimbursement or a refund ("708 miljoen euro gedeclareerd" at the European
Peace Facility): money the donor gets back, not money it gives."""
_OWED = _Lazy(
    r"(?<![\w'\u2019])(?:owed|owes|owing|arrears|deadline to pay|to be repaid|do spłaty"
    r"|geschuldet\w*|Zahlungsrückst\w*|skylder|skyldte|skyldig|arriérés|atrasos|arretrati"
    r"|achterstallig\w*|zaległ\w*|bond issues?|issue of bonds|eurobonds?|\w*[aA]nleihe\w*"
    r"|émission obligataire|emprunt obligataire|obligasjonslån\w*|obligationslån\w*"
    r"|obligatielening\w*|emisj\w* obligacji|emisión de bonos|emissione di (?:titoli"
    r"|obbligazioni))(?![\w])",
    re.IGNORECASE,
)
"""A debt paid to a creditor ("a deadline to pay $79 million to Russia's Gazprom"), or
one a country takes on markets ("una emisión de bonos internacionales por US$700
millones"): money owed, not money given."""
_DEBT_OF = _Lazy(
    r"(?<![\w'\u2019])(?:debt|dette|deuda|debito|Schulden|gjeld|gæld|skuld|schuld|dług\w*)"
    r"\s+(?:(?:\S+\s+){0,2}?(?:of|de|di|von|in Höhe von|på|van|w wysokości)|(?:\S+\s+){0,6}?"
    r"(?:amounts? to|asciende a|s['\u2019]élève à|beläuft sich auf|beløper seg til|uppgår till"
    r"|ammonta a|wynosi))\s+$",
    re.IGNORECASE,
)
"""A debt of an amount ("une dette colossale de 92 milliards de dollars"): money owed."""
_RAISED_WORD = _Lazy(
    r"(?<![\w'\u2019])(?:raised|collected|samlet|samla|insamlat|gesammelt|récolté|ingezameld"
    r"|zebrał\w*|recaudó|recaudado|raccolto|raccolti)(?![\w])",
    re.IGNORECASE,
)
"""Money raised: of many givers when a fundraiser is named after it."""
_RAISING = (
    r"(?<![\w'\u2019])(?:collected|raised (?:at|from|during|in)|fundrais\w*|rassembl\w*"
    r"|récolt\w*|collect[ée]\w*|levée de fonds|lever|gesammelt|eingeworben|zusammengekommen"
    r"|samlet inn|samla inn|samles inn|samle inn|\w*innsaml\w*|\w*indsaml\w*|\w*insaml\w*"
    r"|samlats in|samlades in|samlas in|samlat in|samlet ind|samles ind|samlede ind"
    r"|ingezameld|opgehaald|ophalen|binnengekregen|binnengehaald|crowd-?fund\w*|actiedag\w*"
    r"|inzamelingsactie\w*"
    r"|Spenden(?:gala|aktion|kampagne|marathon|lauf|abend|sammlung|konto)\w*"
    r"|zebra\w*"
    r"|recaud\w*|recolect\w*|raccol\w*)(?![\w])"
)
_RAISED = _Lazy(_RAISING, re.IGNORECASE)
"""Money raised or collected ("a permis de rassembler un milliard", "raised at the
meeting"): the sum of many givers at a conference or an appeal, no one donor's pledge."""
_RAISED_LAST = _Lazy(_RAISING + r"\s*$", re.IGNORECASE)
"""The same, as the last word of the amount's clause ("hat ... 82 Milliarden Dollar (74
Milliarden Euro) ... gesammelt"): the verb that ends a German or Dutch clause."""
_RAISED_JUST_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:has|have|had)\s+(?:already\s+|so far\s+)?raised\s+$", re.IGNORECASE
)
"""Money raised, right before its amount ("the campaign has already raised $43 million"); not
a raised level ("has raised its aid to")."""
_RAISED_AFTER = _Lazy(r"^\s+(?:\S+\s+){0,2}?" + _RAISING, re.IGNORECASE)
"""The same, just after the amount ("136,1 miljoner kr samlats in av Stiftelsen")."""
_FROM_MANY = _Lazy(
    r"(?<![\w'\u2019])(?:from (?:other|many|several|various) countries|from abroad"
    r"|fra andre land\w*|fra mange land\w*|från andra länder|aus anderen Ländern"
    r"|aus dem Ausland|d['\u2019]autres pays|de l['\u2019]étranger|uit andere landen"
    r"|z innych krajów|z zagranicy|de otros países|del extranjero|da altri paesi"
    r"|dall['\u2019]estero)(?![\w])",
    re.IGNORECASE,
)
"""Aid that arrives from other countries ("pomoc, która przypływa z innych krajów"): the
sum of many donors."""
_PRIVATE_PEOPLE = (
    r"(?:nordmenn|nordmænd|danskere|danskerne|svensker|svenskar|svenskarna"
    r"|privatpersoner|Privatleute|Privatpersonen|particuliers|private (?:donors|individuals"
    r"|citizens)|ordinary (?:people|citizens)|well-wishers|the Dutch|Britons|Americans"
    r"|Norwegians|Germans|Danes|Swedes|Canadians|Australians"
    r"|die (?-i:Deutschen|Österreicher|Schweizer)(?!\s+(?-i:[A-ZÄÖÜ]))"
    r"|Bundesbürger|die Bürger|les citoyens|los ciudadanos|i cittadini|het publiek|the public"
    r"|od Polaków|Polacy|la sociedad \w+|la société \w+|la società \w+"
    r"|le public|el público|il pubblico)"
    r"(?!\s+(?:government|cabinet|ministry|state|authorities))"
)
_PRIVATE_GIVERS = _Lazy(
    r"(?<![\w'\u2019])" + _PRIVATE_PEOPLE + r"\s+(?:\S+\s+){0,5}$", re.IGNORECASE
)
"""A people giving as private persons ("Så langt har nordmenn gitt 5,7 millioner kroner"):
private giving, not a government's pledge."""
_PRIVATE_GIVERS_AFTER = _Lazy(
    r"^\s+(?:haben|hat|har|have|has|hebben|heeft|ont|han|hanno)\s+(?:\S+\s+)?" + _PRIVATE_PEOPLE,
    re.IGNORECASE,
)
"""The same, the givers after the amount and their verb ("Knapp 30 Millionen Euro haben die
Bundesbürger ... gespendet")."""
_FUNDRAISER_AFTER = _Lazy(
    r"(?<![\w'\u2019])(?:(?:national|fundraising|donation|public|TV) (?:campaign|appeal|drive)"
    r"|telethon|Spendenaktion\w*|Spendenkampagne\w*|Spendengala\w*|innsamlingsaksjon\w*"
    r"|TV-aksjon\w*|indsamling\w*|insamling\w*|collecte\w*|inzamelingsactie\w*|zbiórk\w*"
    r"|colecta\w*|raccolta fondi|maratón solidari\w*)(?![\w])",
    re.IGNORECASE,
)
"""A fundraiser named after the amount ("raised $20.5 million in aid on the first day of
a national campaign"): the sum of many givers."""
_REBUILDING_COSTS = _Lazy(
    r"(?<![\w'\u2019])(?:reconstruction|rebuilding|genopbygning\w*|gjenoppbygging\w*"
    r"|återuppbyggnad\w*|Wiederaufbau\w*|reconstrucción|ricostruzione|odbudow\w*|wederopbouw)"
    r"\s+(?:\S+\s+){0,12}?(?:amounts? to|beløb\w* sig til|beløpe\w* seg til|uppgå\w* till"
    r"|belaufen|beläuft sich auf|s['\u2019]élève\w* à|ascender\w* a|ammonter\w* a|wyniesie"
    r"|bedra\w*)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
"""What a reconstruction will amount to ("en genopbygning af Ukraine ... vil beløbe sig til
1 billion euro"), with no aid named: its cost, not money given."""
_CUT = _Lazy(
    r"(?<![\w'\u2019])(?:slic\w*|cut\w*|kutt\w*|kürz\w*|Kürzung\w*|réduction|réduire|recort\w*"
    r"|tagli\w*|bezuinig\w*|skär\w* ned|nedskæring\w*|cięci\w*|skære|skærer|skar|skåret"
    r"|skjære|skjærer|spares|sparet|spart|sparas|sparat|besparing\w*|einspar\w*|eingespart"
    r"|économis\w*|ahorr\w*|risparmi\w*|oszczędz\w*|bespaar\w*|bespaard)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
"""A cut ("slicing more than £4bn from the annual package"): money taken away, not given."""
_FALL = _Lazy(
    r"(?<![\w'\u2019])(?:falls?|fell|drops?|dropped|decreas\w*|declin\w*|falder|faldt|faller"
    r"|falt|minskar|minskade|sinkt|sank|sinken|diminue\w*|baisse\w*|daalt|daalde|spada\w*"
    r"|spadł\w*|cae|cayó|disminuy\w*|cala|calato|scende|minsk\w*|reduc\w*|reduser\w*"
    r"|reduzier\w*|verminder\w*|zmniejsz\w*|ridur\w*)\s+(?:\S+\s+){0,3}?"
    r"(?:by|med|um|de|met|o|en|di)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
"""A fall or a reduction by an amount ("udviklingsbistanden falder i stedet med næsten 500
millioner", "minska biståndsbudgeten med totalt 975 miljoner"): a difference, not money
given ("reducing poverty, Norway gives" is no reduction by it)."""
_PLANS_OWN = _Lazy(
    r"^\s+(?:(?!(?:for|to|towards?|til|till|für|pour|para|per|aan|dla|na)\b)[^\W\d_.]+\s+)"
    r"{0,2}?(?:response plan|responsplan\w*|Reaktionsplan\w*|plan de réponse|plan de respuesta"
    r"|piano di risposta|plan reagowania)",
    re.IGNORECASE,
)
"""The size of a response plan, the figure first ("The $630 million refugee response plan
for Chad"): what the plan asks for; money given "for the Humanitarian Response Plan" is
not this."""
_CUT_AFTER = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?(?:te\s+|zu\s+|å\s+|at\s+)?(?:bezuinigen|besparen|kürzen|einsparen"
    r"|einzusparen|kutte|skære|spare|couper|économiser|recortar|tagliare)(?![\w])",
    re.IGNORECASE,
)
"""A cut told after its amount ("om uiteindelijk 2,4 miljard euro te bezuinigen op
ontwikkelingshulp")."""
_NO_LONGER = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?(?:nicht mehr|no longer|ikke lenger|ikke længere|inte längre"
    r"|niet meer|non più|ya no|już nie|ne \S+ plus|inte kommer att|ikke vil bli|ikke kommer til"
    r"|will not be|won't be|wird nicht|werden nicht|ne sera pas|ne seront pas|no será|no serán"
    r"|non sarà|non saranno|nie zostan\w*|niet zal|niet zullen)(?![\w])"
    r"(?!\s+(?:nur|only|bare|bara|kun|seulement|solo|tylko|alleen)(?![\w]))",
    re.IGNORECASE,
)
"""Money that will no longer go ("448 Millionen nicht mehr nach Afghanistan fließen"): a cut."""
_SUSPENDED = _Lazy(
    r"(?<![\w'\u2019])(?:suspend\w*|froze|frozen|halted|stanset|stoppet"
    r"|frysning\w*"
    r"|stoppade|frös|fryst|eingefroren|ausgesetzt|gestoppt|suspendu\w*|gelé\w*|suspendid\w*"
    r"|suspender|congelad\w*|sospes\w*|sospender\w*|congelat\w*|wstrzyma\w*|zawiesi\w*"
    r"|zamroż\w*|opgeschort|bevroren)\s+(?:\S+\s+){0,6}$",
    re.IGNORECASE,
)
"""Money suspended, frozen or halted ("quickly suspended funding to UNRWA worth about
$450m", "se dispone a suspender un préstamo de US$400 millones"): not given."""
_NOT_GIVEN = (
    r"(?<![\w'\u2019])(?:not|never|n['\u2019]t|ikke|inte|nicht|niet|pas|jamais|non|nie|nunca)"
    r"(?:\s+(?:yet|endnu|ennå|enda|ännu|noch|nog|encore|aún|todavía|ancora|jeszcze))?\s+"
    r"(?!(?:only|just|merely|bare|kun|bara|endast|nur|allein|alleen|slechts|seulement|que"
    r"|solo|solamente|soltanto|tylko|less|mindre|weniger|moins|menos|meno|mniej|minder)\b)"
    r"(?:\S+\s+){0,2}?(?:" + _STAGES + r")(?![\w])(?:\s+\S+){0,10}\s*$"
)
"""A verb of giving negated just before the amount ("n'a pas encore accordé son aval ...
pour octroyer un prêt de", "has not yet approved a loan of"): no money given; "not only"
and "not less than" are no negation."""
_VERB_LAST_NEGATION = _Lazy(
    r"(?<![\w'\u2019])(?:noch\s+)?(?:nicht|niet|nog niet|kein\w*|geen)\s+"
    r"(?!(?:nur|allein|alleen|slechts|weniger|minder|mehr|meer)\b)(?:\S+\s+){0,8}$",
    re.IGNORECASE,
)
"""A German or Dutch negation before an amount whose clause ends with its verb ("hat noch
nicht einen Kredit über 500 Millionen Dollar ... genehmigt")."""
_REPAIRING = _Lazy(
    r"(?<![\w'\u2019])(?:to repair|repair of|to cover|für die Behebung|zur Behebung"
    r"|zur Beseitigung|zur Deckung|til at dække|for å dekke|för att täcka|pour couvrir"
    r"|pour réparer|para cubrir|para reparar|per coprire|per riparare|na pokrycie|na naprawę"
    r"|ter dekking|om te herstellen)(?![\w])",
    re.IGNORECASE,
)
"""Money to repair damage or cover a cost ("bekommt für die Behebung der Schäden 612,6
Millionen Euro"): the damage is what it pays for, not the figure."""
_TOWARD = _Lazy(
    r"(?<![\w'\u2019])(?:towards?|toward)\s+(?:an?|the|its|their)\s+(?:\S+\s+){0,3}?"
    r"(?:(?:commitment|target|goal|total)\s+of\s+)?$",
    re.IGNORECASE,
)
"""The total that contributions go toward ("$1.3 billion in pledges toward a $4.27 billion
aid plan"): a plan's or a fund's target, not the pledge."""
_VANISHED = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?(?:went missing|gone missing|(?:was|were) (?:stolen|embezzled"
    r"|siphoned off)|vanished|disappeared|forsvant|forsvandt|försvann|verschwand|verschwunden"
    r"|a disparu|ont disparu|verdween|verdwenen|zniknęł\w*|desapareci\w*|scompars\w*)(?![\w])",
    re.IGNORECASE,
)
"""Money lost ("after $1 billion went missing from three Moldovan banks"): a loss."""
_VANISHED_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:disappearance|theft|scomparsa|sparizione|furto|Verschwinden|Diebstahl"
    r"|disparition|vol|desaparición|robo|zniknięcie|kradzież\w*|forsvinning\w*|försvinnande\w*"
    r"|tyveri\w*|stöld\w*|verdwijning|diefstal)\s+(?:of|di|von|de|du|des|af|av|van|z)\s+"
    r"(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""The same, the loss named before ("la scandalosa scomparsa di circa un miliardo di
dollari")."""
_CHARITY_GIVES = _Lazy(
    r"(?<![\w'\u2019])(?:non-?governmental organi[sz]ations?|NGOs?|charit(?:y|ies)"
    r"|Nichtregierungsorganisation(?:en)?|ONGs?|organisations? non gouvernementales?"
    r"|ikke-statlige? organisasjon\w*|organizac(?:ja|je) pozarządow\w*"
    r"|organizaci(?:ón|ones) no gubernamental(?:es)?|organizzazion[ei] non governativ[ae])"
    r"\s+(?:\S+\s+){0,3}?(?:contributed|donated|gave|has given|have given|raised|pledged"
    r"|promised|gespendet"
    r"|spendete|spendeten|a versé|ont versé|a donné|ont donné|donó|donaron|ha donato"
    r"|hanno donato|donerte|ga|gav|przekazał\w*)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
"""A charity giving ("the Islamic Relief USA (IRUSA) non-governmental organization
contributed more than $2.6 million"): private giving, not a government's pledge. Money
given to charities is a pledge ("Norway gave NOK 50 million to NGOs")."""
_PRIVATELY = _Lazy(
    r"(?<![\w'\u2019])(?:privately|privadamente|privatamente|prywatnie)(?![\w])",
    re.IGNORECASE,
)
"""Money given privately ("the $220 million that Canadians donated privately"), said
after it and before another figure."""
_PRIVATE_FINANCE = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?(?:(?:of|in|de|d['\u2019]|an|i|av|af|di|van|z)\s+)?"
    r"(?:private (?:finance|financing|investment|capital|sector)|financements? privés?"
    r"|privates? (?:Kapital|Investitionen)|Privatkapital|financiación privada|inversión privada"
    r"|finanziamenti privati|investimenti privati|privat kapital|privata investeringar"
    r"|particuliere investeringen|kapitał prywatny|inwestycj\w* prywatn\w*|dons privés"
    r"|private donations|donaciones privadas|donazioni private|private Spenden|Privatspenden"
    r"|private gaver|private donationer|privata gåvor|particuliere giften"
    r"|darowizn\w* prywatn\w*)(?![\w])",
    re.IGNORECASE,
)
"""Private money an amount is ("719 millions d'euros de financements privés mobilisés",
"$2 billion in private investment"): no state's or institution's pledge."""
_INSURERS = _Lazy(
    r"(?<![\w'\u2019])(?:insurers|insurance companies|försäkringsbolag\w*"
    r"|forsikringsselskap\w*|Versicherer|Sachversicherer|Versicherungen|assureurs"
    r"|aseguradoras|compagnie assicurative|ubezpieczyciel\w*|verzekeraars)(?![\w])",
    re.IGNORECASE,
)
"""Insurers that pay out claims ("försäkringsbolagen har betalat ut omkring tio miljarder"):
private money for damage, no one's pledge."""
_PRIVATE_GIFTS = _Lazy(
    r"(?<![\w'\u2019])(?:private donations|donations (?:by|from) the public|dons des"
    r"|générosité des|generosity of|Großzügigkeit der|generosidad de los"
    r"|Spenden der|donaciones de los|donazioni degli|donazioni dei|donaties van de"
    r"|gaver fra|donationer fra|gåvor från)\s+(?-i:[A-ZÆØÅÄÖÜ])[^\W\d_]*(?:s|er|ar|i|os)\b",
    re.IGNORECASE,
)
"""Gifts of a people ("les dons des Canadiens aux organisations humanitaires"): private
giving, not a government's pledge."""
_SUM_NOUN = _Lazy(
    r"(?<![\w'\u2019])(?:total sum|total amount|\w*[sS]umme|samlet beløp|samlet beløb"
    r"|totalbelopp|somme totale|montant total|totaalbedrag|kwot\w* łączn\w*|suma total"
    r"|importe total|somma complessiva|importo complessivo)(?![\w])",
    re.IGNORECASE,
)
_MANY_GIVERS = _Lazy(
    r"(?<![\w'\u2019])(?:participants|attendees|donors|Teilnehmer\w*|Geber(?:länder)?"
    r"|donateurs|bailleurs|deltakerne|deltagerne|deltagarna|giverne|givarna"
    r"|uczestnicy|darczyńcy|participantes|donantes|partecipanti|donatori|deelnemers"
    r"|donoren)(?![\w])",
    re.IGNORECASE,
)
"""Many givers together ("die Teilnehmer ... mit einer Gesamtsumme"): with a word of a
total, the sum of everyone's pledges, not one donor's."""
_MANY_GIVE = (
    r"(?:^|[«\"“]|[,:;]\s|(?<![\w'\u2019])(?:that|que|qu['\u2019]|dass|at|att|dat|że|che|while"
    r"|whereas|mens|medan|während|tandis que|alors que|terwijl|mientras|mentre|says|said|sier"
    r"|sa|säger|sade|siger|sagde|sagt|sagte|zegt|zei|dit|dijo|afirma|dice|mówi|powiedział)\s)\W*"
    r"(?:(?:the|die|der|les|la|le|de|het|el|los|las|il|gli)\s+)?"
    r"(?:[^\s,]+(?:,\s+|\s+(?:and|og|och|und|et|en|i|y|e)\s+)){0,4}"
    r"(?:(?:dozens|scores|a number|numbers|hundreds)\s+of\s+|(?:several|many|numerous|mehrere"
    r"|zahlreiche|plusieurs|varios|numerosi|flere|många|mange)\s+)?"
    r"(?:(?:the|about|some|around|over|more than|nearly|all|les|des|de nombreux|tous les|die"
    r"|der|alle|de|het|los|las|todos los|gli|i|le|la|tutti i|den|[\d,.]+|\w+s|\w+ens"
    r"|internasjonale|internationale|international|internationales|internazionali"
    r"|internacionales|międzynarodowe)\s+){0,3}"
    r"(?<!Vereinigten )(?<!United )(?<!Verenigde )(?<!Förenta )(?<!Forente )(?<!Forenede )"
    r"(?:countries|nations|member states|donors|participants|financial institutions"
    r"|international community|world community|(?:donor|pledging) conference|medlemsland"
    r"|comunità internazionale|communauté internationale|internationale Gemeinschaft"
    r"|comunidad internacional|internasjonale samfunnet|internationale samfund"
    r"|internationella samfundet|społeczność międzynarodowa|internationale gemeenschap"
    r"|medlemslandene|medlemslande|medlemsstater|medlemsstaterna"
    r"|Mitgliedsländer|finansinstitusjoner|finansinstitutioner|Finanzinstitutionen"
    r"|institutions financières|instituciones financieras|istituzioni finanziarie"
    r"|instytucje finansowe|verdenssamfunnet|Weltgemeinschaft|lande|landene|land|landa"
    r"|länder|länderna|Länder|Staaten|Mitgliedstaaten|Geber\w*|pays|[EÉ]tats membres"
    r"|donateurs|landen|lidstaten|donoren|\w*conferentie|państwa|kraje|darczyńcy|países"
    r"|Estados miembros|donantes|paesi|Stati membri|donatori|\w*konferen[cs]\w*"
    r"|givere|giverne|givare|givarna|deltakerne|deltagerne|deltagarna)(?![\w])"
    r"(?!\s+Bassi|-Bas)"
    r"(?:\s+\S+){0,14}?\s+(?:" + _STAGES + r")(?![\w])"
)
"""A clause whose givers are many ("Countries and international institutions pledged $3
billion", "Les Etats membres se sont engagés à verser"): the total of their pledges,
whoever announces it, no one donor's."""


def _many_give_it(reading: str, many: re.Match[str], at: int, givers: Sequence[_Party]) -> bool:
    """Whether the amount at `at` is what the many givers of `many` give: it follows them
    in their clause, and no donor is named after their verb ("Among the 35 nations ...
    that promised funds were Britain ($63m)" names each; "EU-kommisjonen, EU og unionens
    medlemsland lovet" names some of the many)."""
    return (
        many.end() <= at
        and not re.search(r"[:;]", reading[many.end() : at])
        and not any(many.end() <= p.start < at for p in givers)
    )


_INSTEAD_OF = _Lazy(
    r"(?<![\w'\u2019])(?:instead of|rather than|i stedet for|i stedet for|istället för"
    r"|anstatt|statt|au lieu d['\u2019e]|in plaats van|zamiast|en lugar de|en vez de"
    r"|invece di|anziché)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)
"""A figure something replaces ("instead of a ceiling of 75 billion kronor")."""
_RESTATES = _Lazy(
    r"^\W*(?:(?:beløbet|beløpet|beloppet|the amount|the sum|this|that|det|dette|detta|das|dies"
    r"|cela|ce montant"
    r"|esto|ciò|to|dit|dit bedrag|het bedrag)\s+)?(?:svarer til|tilsvarer|motsvarar"
    r"|corresponds to|is equivalent to|equals|entspricht|correspond à|équivaut à|equivale a"
    r"|corrisponde a|odpowiada|komt overeen met)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""A sentence that restates a figure of the one before ("Beløbet svarer til omtrent 372
milliarder kroner"): a conversion, no pledge of its own."""
_PERCENT_OF = _Lazy(
    r"(?:%|percent|per cent|prosent|procent|Prozent|pour ?cent|proc\.|por ciento|per cento)\s+"
    r"(?:of|av|af|der|des|du|de|van|z|di|del|dei)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
_COMPARED = _Lazy(
    r"(?<![\w'\u2019])(?:compared (?:with|to)|in comparison (?:with|to)|as against|versus|vs\."
    r"|up from|down from|sammenlignet med|sammenlignet mod|opp fra|op fra|ned fra|jämfört med"
    r"|upp från|ned från|verglichen mit|im Vergleich zu|im Vergleich mit|par rapport à"
    r"|comparé à|comparativement à|vergeleken met|in vergelijking met|ten opzichte van"
    r"|w porównaniu z|en comparación con|comparado con|frente a|rispetto (?:a|ai|al|alla|agli|alle)"
    r"|in confronto a)\s+(?:[^\W\d_]+['\u2019]?\s*){0,3}$"
    r"|(?<![\w'\u2019])(?:contre|contro)\s+(?:les|la|le|l['\u2019]|i|gli)?\s*$",
    re.IGNORECASE,
)
"""A figure a comparison is made with ("up from $2 billion", "compared with last year's
€3 billion", "contre 2 milliards en 2024"): the old or other level, not a pledge. Words
that also mean "towards" ("gegenüber der Ukraine", "wobec Ukrainy") are left out;
"contre/contro" ("against") count only right before the figure."""
_THAN = _Lazy(
    r"(?<![\w'\u2019])(?:more|less|higher|lower|greater|larger|smaller|mer|mere|mindre|høyere"
    r"|højere|lavere|högre|lägre|mehr|weniger|höher|niedriger|plus|moins|meer|minder|hoger|lager"
    r"|więcej|mniej|wyższ\w*|niższ\w*|más|menos|mayor|menor|più|meno|maggiore|minore)\s+"
    r"(?:than|enn|end|än|als|que|qu['\u2019]|dan|niż|di|de|del|della|dello|che)\s*"
    r"(?:[^\W\d_]+['\u2019]?\s*){1,3}$",
    re.IGNORECASE,
)
"""The other side of a comparison, with words between ("more than last year's $5
billion"): "more than" right before a figure is its qualifier, not a comparison."""
_DIFFERENCE = _Lazy(
    r"\b(?:exceed\w*|surpass\w*|higher than|larger than|more than|less than|lower than)\b"
    r"[^.;]{0,80}?\bby\s+$",
    re.IGNORECASE,
)


_COMPARED_AFTER = _Lazy(
    r"^\s+(?:\S+\s+){0,2}?(?:compared (?:to|with)|con respecto a|respecto a|respecto de"
    r"|im Vergleich zu|gegenüber dem Vorjahr|par rapport à|rispetto a|rispetto al|i forhold til"
    r"|sammenlignet med|jämfört med|vergeleken met|w porównaniu z"
    r"|(?:\([^)]*\)\s+)?(?:from|fra|från|von|depuis|desde|van|od|da)\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_MORE_THAN_BEFORE = _Lazy(
    r"^\s+(?:more|más|mehr|mer|mere|meer|plus|più|więcej)\s+(?:que|than|als|enn|end|än|dan|niż"
    r"|di|que l['\u2019])\s*(?:\S+\s+){0,2}?(?:year|año|Jahr\w*|år|an|anno|jaar|rok\w*"
    r"|fjor|fjol|Vorjahr\w*|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""A figure more than a year before ("500.000 euros más que el año pasado"): a difference."""
_INCREASE_OF = _Lazy(
    r"(?<![\w'\u2019])(?:incremento|aumento|increase|rise|Anstieg|Zuwachs|Erhöhung|hausse"
    r"|augmentation|wzrost|økning|ökning|stigning|forøgelse|toename|stijging)\s+"
    r"(?:(?:de|of|von|um|van|av|af|di|del|o|på|med|with)\s+)?(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""An increase set against another year or amount ("un incremento de más de dos millones
de euros con respecto a 2022"): a difference, not money given; a pledge followed by
"compared with" what came before is still the pledge."""
_INCREASE_AFTER = _Lazy(
    r"^\s+(?:increase|rise|more|less|decrease|Erhöhung|Anstieg|mehr|weniger|økning|mer|mere"
    r"|mindre|ökning|de plus|de moins|más|menos|in più|in meno|więcej|mniej|meer|minder)\b",
    re.IGNORECASE,
)
"""The same with the increase after its amount ("a €100 million increase compared to initial
proposals")."""
_BOUNDARY = _Lazy(
    r";|(?<![\w'\u2019])(?<!of )(?<!av )(?<!af )(?<!di )(?<!z )(?:which|who|whose|hvilket|vilket"
    r"|który\w*|która|które|cui)(?![\w'\u2019])"
    r"|,\s+(?:and|but|og|men|och|und|aber|et|mais|maar|ale|oraz|y|pero|e)\s+"
    r"(?!(?:[^\s§]+\s+){0,3}§)",
    re.IGNORECASE,
)
"""Where a figure's clause ends: a semicolon, a relative pronoun, which brings a
clause about something else (the ambiguous short ones, "som", "der", "que", "che",
are left out; not after "of", "av", "di", "z": "of which", "di cui" tell a part of the
figure before), or a comma and a conjunction that start a clause with its own subject
(", and its oil fund earned ..."). A comma or "and" between figures joins noun phrases
("NOK 2.5 billion and NOK 7 billion were allocated"); brackets and dashes hold a
restatement or an elaboration of the clause ("by €3 billion — from €8.5 billion to
€11.5 billion"); a contrast ("while in 2024 the amount was ...", "medan Norge bidrar
med ...") runs parallel to the main clause, often without its own verb. None of them
ends it."""
_INSERTED = _Lazy(
    r",\s+(?:which|who|whose|hvilket|vilket|który\w*|która|które|cui)\b[^,;:]*,",
    re.IGNORECASE,
)
"""A relative clause between commas ("aid for Ukraine, which is struggling ..., to €8
billion"): set aside, the main clause goes on after it."""
_SUPPORT_VERBS = (
    r"unterstütz\w*|steun\w*|støtter|støttet|støtte|stötter|stöder|stödjer|stödja|stött"
    r"|soutient|soutenu|soutiennent|soutenir|apoya|apoyó|apoyará|apoyar|sostiene|sostenuto"
    r"|sosterrà|sostenere|wspiera\w*|wsparł\w*|wspierać"
)
"""Verbs of support ("unterstützt ... mit einer Milliarde Euro", "per sostenere il settore
agricolo"): money given with them."""
_GIVING_VERBS = (
    r"allocate|provide|give|send|donate|commit|approve|disburse|deliver|contribute|transfer"
    r"|pay|funded|finance|financing|extend|earmark|grant|lend"
    r"|gi|gir|giver|ge|ger|gav|ga|gitt|givet|gis|gives|gjev|gjeve|gett|ges|bidra|bidrar"
    r"|bidrog|bidreg|bidrege|bidratt|bidragit|bidrade|bidrager|bidraget|finansier\w*|pożycz\w*"
    r"|gibt|geben|gewähr\w*|zahlt\w*|finanzier\w*"
    r"|donne\w*|verse\w*|accord(?!ing)\w*|fourni\w*|financ\w*"
    r"|geeft|geven|schenkt|financier\w*"
    r"|przekaz\w*|przeznacz\w*|udziel\w*|finansow\w*"
    r"|aport\w*|otorg\w*|entreg\w*|destin\w*|financi\w*"
    r"|stanzi\w*|fornir\w*|fornisc\w*|eroga\w*|finanzia\w*"
    r"|release|releases|released|libèr\w*|libér\w*|débloqu\w*|freigegeben|freigemacht"
    r"|donat\w*|doner\w*|donera\w*|doneer\w*|donó|donar\w*"
    r"|envoi\w*|envoy\w*|apport\w*|invia\w*|invier\w*|schick\w*|stuur\w*|skick\w*|sende"
    r"|sender|sendt|wysył\w*|wyśl\w*|envi[aáeé]\w*|yde|yder|ydet|yte|yter|ytt"
    r"|providing|giving|allocating|contributing|disbursing"
    r"|put up|puts up|putting up|fließ\w*|floss\w*|geflossen|vloei\w*|flyter|flyder|flödar"
    r"|gått in med|går in med|gick in med|gått inn med|går inn med|gikk inn med|zukommen"
    r"|realloc\w*|desembols\w*|décaiss\w*|wypłac\w*|uitbetaal\w*|uitbetaald|utbetal\w*"
    r"|udbetal\w*|auszahl\w*|ausgezahlt|ausbezahlt|betal\w*|bezahlt|gezahlt|betaald|betaalt"
    r"|betaalde|pagat\w*|pagher\w*|pagó|pagado|pagará\w*|payé\w*|zapłac\w*"
    r"|skjuter till|sköt till|skjutit till|bestimmt|bestemt|bestämd\w*|bedoeld"
    r"|(?:go|goes|went|gone) to|bereit gestellt|zusicher\w*|zugesichert"
    r"|sichert\w*\s+(?:\S+\s+){0,8}?zu|gegeven|ter beschikking|" + _SUPPORT_VERBS
)
"""Verbs of giving in the ten languages, in the forms the stage words do not list (the
present "gir", "aporta", the base "allocate"), of support, and of money that flows to a
place ("Zehn Millionen Euro fließen nach Äthiopien"): a clause with one tells money
given."""
_INFLECTED = r"(?:(?<=\w{4})\w{1,3})?(?![\w])"
"""Up to three letters of an inflection after a stem of four letters or more ("provided",
"steunt"): a shorter stem is only itself, or "ga" would be "Gaza" and "ger" "German"."""
_CHARITIES = (
    r"(?:Caritas|Secours populaire|Secours catholique|Croix-Rouge|Red Cross"
    r"|Red Crescent|Rote[sn]? Kreuz|Røde Kors|Röda korset|Rode Kruis|Czerwon\w* Krzyż\w*"
    r"|Cruz Roja|Croce Rossa|Oxfam|Save the Children|Redd Barna|Rädda Barnen|Red Barnet"
    r"|Médecins sans frontières|Leger des Heils|Salvation Army|Diakonie\w*|Misereor"
    r"|Kirkens Nødhjelp|Folkekirkens Nødhjælp|Islamic Relief|World Vision|Welthungerhilfe"
    r"|Brot für die Welt|Cordaid|Malteser|Johanniter|Lions Club\w*|Rotary|Helvetas"
    r"|Hilfswerk\w*|Kirche|Kirchen|Landeskirche\w*|Bistum|Erzbistum|Diözese|Church|Churches"
    r"|Diocese|Archdiocese|Église|Eglise|Iglesia|Chiesa|Kości[oó]ł\w*|Kościel\w*|kerk|kerken"
    r"|kirke|kirken|kyrkan)(?![\w])"
)
"""Charities and churches by name, in the ten languages."""
_CHARITY_NAMED = _Lazy(r"^\s+" + _CHARITIES, re.IGNORECASE)
"""A country's adjective or genitive that is part of a charity's name ("the Swedish Red
Cross", "Norges Røde Kors"): the charity's, no party of the sentence."""
_CHARITY_FIRST = _Lazy(
    r"(?<![\w'\u2019])"
    + _CHARITIES
    + r"(?:\s+\S+){0,5}?\s+(?:(?:(?:"
    + _GIVING_VERBS
    + r"|stell\w*|pledged|promised|announced|zugesagt|sagte|sagten|spendet\w*|send|przeka\w*)"
    + _INFLECTED
    + r")\s+(?:\S+\s+){0,4}|(?:"
    + _SUPPORT_VERBS
    + r")\s+(?:\S+\s+){0,14}?(?:with|mit|med|avec|met|con|z)\s+(?:\S+\s+){0,5})$",
    re.IGNORECASE,
)
"""A named charity or church that gives the amount, its verb between them ("Caritas
international ... stellt direkt 100.000 Euro zur Verfügung", "le Secours populaire a déjà
débloqué 50 000 euros", "Die ... Kirche ... unterstützt die Opfer ... mit einer Soforthilfe
in Höhe von 15 000 Euro"): its own money, no state's pledge. Money given to one is
("tildelt Red Barnet")."""
_HELPING_VERBS = (
    r"help|helps|helped|hjelper|hjælper|hjälper|hilft|helfen|geholfen|aide|aident|aidé|helpt"
    r"|helpen|geholpen|pomaga\w*|pomóc|pomógł|pomogł\w*|ayud\w*|aiut\w*"
)
"""Verbs of helping: money given when a donor helps a recipient with it ("hat der Ukraine
mit über 15 Milliarden Euro geholfen"), but the future of helping is no promise ("will
help the government cover expenses")."""


def _own_clause(reading: str, mention: _Mention, mentions: Sequence[_Mention]) -> str:
    """The words of the clause that holds a figure: from the boundary before it to the
    boundary after it (see `_BOUNDARY`), a relative clause inserted between commas set
    aside."""
    text = _blank(reading, [m.span() for m in _INSERTED.finditer(reading)])
    blanked = _blank(text, [(m.origin, m.end) for m in mentions], "§")
    start, end = 0, len(reading)
    for cut in _BOUNDARY.finditer(blanked):
        if cut.end() <= mention.origin:
            start = cut.end()
        elif cut.start() >= mention.end:
            end = cut.start()
            break
    attached = _ATTACHED.match(reading[mention.end :])
    return text[start:end] + (" " + attached[0] if attached else "")


_LIST_ITEM = _Lazy(
    r"(?<![\w'\u2019])(?:to|for|til|till|für|an|à|au|aux|a|aan|naar|dla|do|per|para)\s+"
    r"[^;,]{1,60};\s+(?:and\s+|og\s+|och\s+|und\s+|et\s+|en\s+|y\s+|e\s+|i\s+)?$",
    re.IGNORECASE,
)
"""The end of a list item and the start of the next after a semicolon ("$4.01 million to Iran;
$3.72 million to Pakistan"): the next item shares the giving of the first."""
_ATTACHED = _Lazy(
    r"^(?:\s+[^\s,;]+){0,3}?,?\s+(?:which|that|hvilket|vilket|który\w*|która|które|cui)\b"
    r"[^,;]*",
    re.IGNORECASE,
)
"""A relative clause right after a figure ("$8.5 billion in 2026, which I will propose
to parliament") tells of the figure: its verb is the figure's."""


def _gives(clause: str, languages: Languages) -> bool:
    """Whether a clause tells money given: a verb of a pledge's stage (any inflection:
    "allocate", "helping", "steunt") or a word of aid, of receiving, of an aid programme,
    or of a kind of aid (a fund is left out: an oil fund holds money, it does not give it)."""
    return bool(
        _compiled(
            languages,
            _START + r"(?:" + _STAGES + r"|{increase}|{aid}|{delivery}"
            r"|{authorization}|{receive}|program\w*|{military}|{humanitarian}|{loan}|{grant}"
            r"|{guarantee}"
            r"|" + _GIVING_VERBS + "|" + _HELPING_VERBS + r")" + _INFLECTED,
        ).search(clause)
    ) or bool(_HEADLINE.match(clause.lstrip()))


def _after_a_name(words: str, languages: Languages) -> tuple[str, money.ParsedAmount] | None:
    """The amount after three capitals that are no currency ("USA 147 Millionen Dollar"),
    when what follows them names its money itself; else None."""
    name = re.match(r"(?-i:[A-Z]{3})\s+(?=\d)", words)
    if name is None:
        return None
    rest = words[name.end() :]
    try:
        parsed = _parse(rest, languages)
    except InvalidInput:
        return None
    return (rest, parsed) if parsed.names_currency else None


def _is_bare_year(words: str) -> bool:
    return re.fullmatch(rf"{_YEAR}(?:\s+\w+)?", words) is not None and not re.search(
        r"[$€£₤¥₴]|billion|million|bn|mn|mrd", words, re.IGNORECASE
    )


_INCREASE = _Lazy(
    r"\b(?:increas|rais|cut|reduc|boost|erhöh|aufstock|kürz|øk|ök|øg|augment|verhoog|verlaag"
    r"|zwiększ|zmniejsz|aument|reduc|ridu)\w*\b[^.;]{0,80}?\b(?:by|med|um|de|met|o|en|di)\s+$",
    re.IGNORECASE,
)


_MEETING = _Lazy(
    r"(?<![\w'\u2019])(?:meet|meeting|address|addressing|respond to|responding to|cover"
    r"|covering|möta|bemöta|täcka|møde|imødekomme|imøtekomme|dekke|dække|decken|abdecken"
    r"|répondre aux?|faire face aux?|atender|cubrir|responder a|rispondere a(?:i|lle|gli)?"
    r"|far fronte a(?:i|lle|gli)?|soddisfare|sprostać|zaspokoić|tegemoet te komen aan"
    r"|voorzien in)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
"""A need met by the money ("möta de ökade humanitära behoven", "to meet the needs of"): the
money's purpose, not a figure of need."""
_OWN_FIGURE = _Lazy(
    r"^\s*(?:of|de|d['\u2019]|di|von|van|af|av|på|w wysokości|por|pari a)?\s*(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
"""What follows a need whose own figure the amount is ("to meet a target of $1 billion")."""
_NEEDED = "needed"
_ASKED_FOR = "asked for, needed or estimated"
"""Why a need is no pledge; the part of it that was given is one."""
_OLD_LEVEL = "an old level"
"""Why the level a change starts from is no pledge; the new level after it is one."""
_A_DIFFERENCE = "a difference between two amounts"
"""Why a difference is no pledge; it passes nothing on to the figure after it ("a €100
million increase compared to initial proposals - alongside €1.5 billion in low-interest
loans")."""


def _old_levels(sentence: str, mentions: Sequence[_Mention]) -> list[_Mention]:
    """The old levels of changes told without their difference ("to $300 million from
    $100 million", "from €8.5 billion to €11.5 billion"; each of "USA øger fra USD 380 mio.
    til USD 500 mio.; Norge øger fra NOK 460 mio. til NOK 750 mio."): no pledges, the new
    levels are."""
    if any(
        _INCREASE.search(sentence[: m.start]) or _BY.search(sentence[: m.start]) for m in mentions
    ):
        return []  # a difference too: which figure is the pledge is left open
    found = []
    for first, second in itertools.pairwise(mentions):
        between = sentence[first.end : second.start]
        if _FROM.search(sentence[: first.start]) and _TO.match(between):
            found.append(first)
        reverse = re.fullmatch(
            r"\s*,?\s+(?:from|fra|från|von|van|z|desde|da|de)\s+", between, re.IGNORECASE
        )
        if reverse and re.search(
            r"\b(?:to|til|till|auf|à|naar|tot|do|a|hasta)\s+$",
            sentence[: first.start],
            re.IGNORECASE,
        ):
            found.append(second)  # "to $300 million from $100 million"
    return found


def _change(sentence: str, mentions: Sequence[_Mention], languages: Languages) -> str:
    """The words that tell a pledge as a change of level and its difference ("by €3
    billion — from €8.5 billion to €11.5 billion", "um 3 Milliarden auf 11,5
    Milliarden"), if the sentence does; "" otherwise. A rise broken down ("by SEK 461
    million, of which SEK 186 million ...") is a whole and its parts."""
    for index, mention in enumerate(mentions):
        by = _BY.search(sentence[: mention.start]) or _INCREASE.search(sentence[: mention.start])
        if by and len(mentions) > 1:
            later = mentions[index + 1].start if index + 1 < len(mentions) else len(sentence)
            if _word(languages, "breakdown").search(sentence[mention.end : later]):
                return ""
            return sentence[by.start() : mentions[-1].end]
    return ""


# Parties ---------------------------------------------------------------------------------

_TOKEN = _Lazy(r"(?:[A-Z]\.){2,}|[^\W\d_][\w]*(?:[-\u2010][^\W\d_][\w]*)*")
_POSSESSIVE = _Lazy(r"^[\u2019'\u02bc]s\b")


@dataclass(frozen=True)
class _Party:
    name: str
    words: str
    role: str
    """donor, recipient, currency (an adjective of money: "Norwegian kroner"), place
    ("in Ukraine"), possessive ("Ukraine's needs") or neither."""
    start: int = 0


def _in_brackets(sentence: str, at: int, amounts: Sequence[_Mention]) -> bool:
    """Whether `at` lies in brackets that hold an amount: "($1.7 billion US)"."""
    opening, closing = sentence.rfind("(", 0, at), sentence.find(")", at)
    return (
        opening != -1
        and closing != -1
        and ")" not in sentence[opening:at]
        and any(opening < m.start < closing for m in amounts)
    )


def _names(sentence: str, languages: Languages) -> Iterator[tuple[int, int, lexicon.Form, str]]:
    """The names of parties in `sentence`, longest first ("European Investment Bank"
    before "European"), with the head of a compound they begin ("US-Regierung":
    "Regierung")."""
    forms = lexicon.party_forms(languages)
    folded = lexicon.folded_party_forms(languages)
    tokens = list(_TOKEN.finditer(sentence))
    index = 0
    while index < len(tokens):
        for size in range(min(5, len(tokens) - index), 0, -1):
            first, last = tokens[index], tokens[index + size - 1]
            span = tokens[index : index + size]
            gaps = [sentence[a.end() : b.start()] for a, b in itertools.pairwise(span)]
            if any(gap not in (" ", "'", "\u2019", "-") for gap in gaps):
                continue
            words = sentence[first.start() : last.end()]
            form = forms.get(words)
            if form is None and size > 1 and words[0].isupper() and not words.isupper():
                form = folded.get(words.casefold())
            if form is not None:
                yield first.start(), last.end(), form, ""
                index += size
                break
        else:
            token = tokens[index]
            head, dash, rest = token[0].partition("-")
            if dash and forms.get(head) is not None and rest:
                yield token.start(), token.start() + len(head), forms[head], rest
            index += 1


def _parties(sentence: str, amounts: Sequence[_Mention], languages: Languages) -> list[_Party]:
    """The parties a sentence names and what grammar makes of each (see `_role`)."""
    found: list[_Party] = []
    heads = _compiled(languages, r"^(?:{government})$")
    aid = _compiled(languages, r"^(?:{aid}|{delivery})$")
    giving = _compiled(languages, r"^\s+(?:\S+\s+)?(?:" + _STAGES + r")(?![\w])")
    inserted = [m.span() for m in _INSERTED.finditer(sentence)]
    last: tuple[int, int, str, str] | None = None  # start, end, role and kind of a name
    for start, end, form, compound in _names(sentence, languages):
        if any(a < start < b for a, b in inserted):
            continue  # "Cleverly, who met in Kiev with the President of Ukraine, announced"
        inside = any(m.start <= start < m.end for m in amounts) or _in_brackets(
            sentence, start, amounts
        )
        joined = last is not None and _AND.fullmatch(sentence[last[1] : start])
        either = last is not None and _OR.fullmatch(sentence[last[1] : start])
        if (
            last is not None
            and last[2] in ("recipient", "donor")
            and last[3] == form.kind == "name"
            and found
            and found[-1].start == last[0]
            and not compound
            and _V2.intersection(languages)
            and _compiled(languages, r"^\s+(?:(?:{articles})\s+)?$").match(
                sentence[last[1] : start]
            )
        ):
            # "gir Norge Ukraina", "hat Deutschland der Ukraine": the subject after the verb,
            # then whom it gives to
            found[-1] = replace(found[-1], role="donor")
            role = "recipient"
        elif (
            last is not None
            and last[2] in ("donor", "recipient")
            and _elliptical(sentence, last[1], start, end, amounts, languages)
            and not giving.match(sentence[end:])
        ):
            role = last[2]  # "die Weltbank drei Milliarden Dollar und der IWF 2,9 Milliarden"
        elif (
            last is not None
            and last[2] in ("donor", "recipient")
            and _NEXT_ITEM_AFTER_ITS_AMOUNT.fullmatch(sentence[last[1] : start])
        ):
            role = last[2]  # "for Sudan ($30.69 million), South Sudan ($31.12 million) and"
        elif (
            last is not None
            and last[2] == "donor"
            and _V2.intersection(languages)
            and _compiled(
                languages,
                r"^[\s)]*(?:(?:har|hat|heeft|hadde|havde|hade|hatte)\s+)?(?:(?:allerede|redan"
                r"|bereits|schon|al|også|auch|ook|nå|nu|jetzt)\s+)?" + _V2_VERBS + r"\s+$",
            ).match(sentence[last[1] : start])
            and places.resolve(form.party).code is not None  # not "støtter FN": a channel
        ):
            role = "recipient"  # "Der IWF gewährt Ägypten": the name after the giver's verb
        elif (
            last is not None
            and last[2] == "donor"
            and _DOUBLE_OBJECT_VERB.fullmatch(sentence[last[1] : start])
            and places.resolve(form.party).code is not None
        ):
            role = "recipient"  # "Sweden has given Tanzania 350 million kronor": the first object
        elif compound:  # "US-Regierung" gives, "Ukraine-Hilfe" receives, "EU-Länder" neither
            role = "donor" if heads.match(compound) else "recipient" if aid.match(compound) else ""
        elif (joined or either) and last is not None and last[2] in ("place", "possessive", ""):
            role = last[2]  # "in Gaza and the West Bank", "in Ukraine or Romania": both places
        elif (
            joined
            and last is not None
            and last[2] == "recipient"
            and not giving.match(sentence[end:])
        ):
            role = "recipient"  # "für den Libanon und Syrien", not "to Ukraine and Norway gave"
        else:
            role = _role(sentence, start, end, form, languages)
        last = (start, end, role, form.kind)
        if not role or (inside and role != "currency"):
            continue
        found.append(_Party(form.party, sentence[start:end], role, start))
    return found


def _elliptical(
    sentence: str,
    previous_end: int,
    start: int,
    end: int,
    amounts: Sequence[_Mention],
    languages: Languages,
) -> bool:
    """Whether a name after "and" has only its amount after it, the verb left out ("und der
    IWF 2,9 Milliarden Dollar", "en Oostenrijk een kleine 800.000 euro"): it has the role
    of the name before it and its amount, which had the verb ("die Weltbank ... zugesagt",
    "Luxemburg krijgt"). Not Polish "i": it is "in" in the Scandinavian languages ("i Kyiv
    totalt 723 millioner"), but its ", a" ("Czechy mają otrzymać 114 mln euro, a Austria -
    42,8 mln euro"), which is "to" in Spanish, Italian and French."""
    joined = _AND_BEFORE.search(sentence[:start]) or (
        "pl" in languages and re.search(r",\s*a\s+$", sentence[:start])
    )
    return (
        bool(joined)
        and any(previous_end <= m.start and m.end <= start for m in amounts)
        and any(
            m.start >= end
            and len(sentence[end : m.start].split()) <= 2
            and not re.search(r"[,;:.()]", sentence[end : m.start])
            for m in amounts
        )
    )


_DOUBLE_OBJECT_VERB = _Lazy(
    r"\s+(?:(?:has|have|had|will|would|is to|are to)\s+)?(?:(?:also|already|now|just)\s+)?"
    r"(?:give|gives|gave|given|grant|grants|granted|send|sends|sent|offer|offers|offered|lend"
    r"|lends|lent|promise|promises|promised|pledge|pledges|pledged|award|awards|awarded|hand"
    r"|hands|handed)\s+(?:the\s+)?",
    re.IGNORECASE,
)
"""An English verb of giving between a giver and a country ("Sweden has given Tanzania",
"Japan granted Jordan"): the country is its first object, who receives."""
_OWN_PURSE = _Lazy(
    r"^(?:[\u2019'\u02bc]s)?\s+(?:[^\W\d_]+[\s-]+)?(?:budget\w*|statsbudget\w*|Haushalt\w*"
    r"|Staatshaushalt\w*|[^\W\d_]*-?fond\w*|fund\w*|economy|ekonomi|økonomi\w*|Wirtschaft"
    r"|économie|economía|economia|gospodark\w*|begroting\w*|presupuesto\w*|bilancio)(?![\w])",
    re.IGNORECASE,
)
"""A budget, fund or economy after its owner's possessive ("Moçambiques statsbudget",
"Brasiliens Amazonas-fond", "Ukraine's economy"): what the money goes into, which names
no recipient by itself."""
_OR = _Lazy(r"\s+(?:or|eller|oder|ou|of|lub|o)\s+", re.IGNORECASE)
"""The "or" between two names of the same kind ("in Ukraine or Romania")."""
_NEXT_ITEM_AFTER_ITS_AMOUNT = _Lazy(
    r"\s*\([^()]*\d[^()]*\)\s*(?:,\s*(?:(?:and|og|och|und|et|en|y|e|oraz)\s+)?"
    r"|(?:and|og|och|und|et|en|y|e|oraz)\s+)(?:(?:the|de|la|le|el|il|die|der|den|het)\s+)?",
    re.IGNORECASE,
)
"""Between a list's name with its amount in brackets and the next name ("Sudan ($30.69
million), South Sudan"): the next item, with the role of the one before."""
_AND_BEFORE = _Lazy(
    r"(?:,\s*|\s)(?:and|og|och|und|et|en|y|e|oraz|sowie|as well as|samt|whereas|while"
    r"|natomiast|zaś|mientras que|mentre|tandis que|medan)\s+"
    r"(?:(?:the|de|la|le|les|die|der|das|el|il|l['\u2019]|het|della|dello|del|dei|degli|delle"
    r"|du|des)\s*)?$",
    re.IGNORECASE,
)
"""The "and" or "whereas" (and its article, or its genitive: "e della Svezia") that joins a
name to the one before it; not a conjunction whose clause ends with its own verb
("während Rumänien sein ... Hilfspaket ... aufstocken will")."""


def _receives_after(after: str, languages: Languages) -> bool:
    """Whether a verb of receiving follows a name in its own clause ("Ukraine expects to
    receive", "Le Mozambique, le plus durement touché, recevra"; not that of a clause of
    its own: "til at ukrainere i nød får"); a relative clause's ("Mozambique, which received
    $350 million") is the name's."""
    return bool(
        _compiled(
            languages,
            r"^(?:\s*,[^,.;:]*,|\s*,\s*(?:" + _RELATIVE_PRONOUNS + r")\s)?"
            r"(?:(?!\b(?:at|att|that|dass|que|che|że|dat)\b)[^,.;:])*?"
            r"(?<![\w'\u2019]){receive}\b",
        ).match(after)
    )


_RELATIVE_PRONOUNS = "which|who|that|som|der|die|welche|welcher|qui|que|che|dat|który|która"
"""The words that open a relative clause about a name ("Mozambique, which received")."""


_SUPPORTED_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:unterstütz\w*|steun\w*|støtt\w*|stöd\w*|soutien\w*|soutient"
    r"|apoy\w*|sosten\w*|sostiene|wspier\w*|support\w*|backs?|backed|bistå\w*|bistod"
    r"|haben|hat)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)
"""A verb of support a few words before a name ("haben die Ukraine mit ... unterstützt",
"unterstützt über die KfW den Irak mit")."""
_SUPPORTED_JUST_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:unterstützt|unterstützen|unterstützte|steunt|steunen|steunde|støtter"
    r"|støttet|stöder|stödjer|stödde|stödja|soutient|soutenir|soutiennent|soutiendra"
    r"|soutiendront|apoya|apoyan|apoyó"
    r"|apoyará|apoyar|sostiene|sostenere|wspiera|wspierają|wspierać|supports|supported"
    r"|supporting|backs|backed|bistå\w*|bistod|finance|finances|financed|financing"
    r"|finanziare|finanzia|finanzierà|financer|financera|financiar|financiará"
    r"|finanzieren|finanziert|finansiere|finansierer|finansiera|finansierar|finansować"
    r"|sfinansuje|financieren|financiert|supporters? of|backers? of)"
    r"\s+(?:(?:the|die|den|der|das|de|het|la|le|les|el|il)\s+|l['\u2019])?$",
    re.IGNORECASE,
)
"""A name right after a verb of support or financing, its verb forms only ("supports the
UN", "bistå Bangladesh", "finanziare l'Egitto", "a supporter of Ukraine"; not "støtten Norge
har gitt"): its object, who receives."""
_WITH_ITS_AMOUNT = _Lazy(
    r"^\s+(?:with|mit|med|avec|met|con)\s+(?:\S+\s+){0,2}?\S*\d[^,.;()]*?"
    r"(?:[,.;]|$|\s(?:and|und|og|och|et|en|y|e|sowie|as well as)\s)",
    re.IGNORECASE,
)
"""A name that starts an item of a list, then "with" its amount ("the Islamic Development
Bank with $4.2 billion, the World Bank with $2 billion", "Nach Spanien mit 346 Millionen
Euro, Frankreich mit 236 Millionen Euro"): whose money it is, unless a verb of support
after it tells that it is given the amount ("provide Ukraine with" is no list)."""
_LIST_ITEM_START = _Lazy(
    r"(?:^\W*|[,;:]\s*|(?<![\w'\u2019])(?:and|und|og|och|et|en|y|e|sowie|include|includes"
    r"|including|nach|after|among them|darunter)\s+)"
    r"(?:(?:the|die|der|den|das|la|le|les|el|il)\s+|l['\u2019])?$",
    re.IGNORECASE,
)
"""Where an item of a list starts: the sentence's start, a comma, "and", "include"."""
_RECEIVED_BY = _Lazy(
    r"(?<![\w'\u2019])(?:received|erhalten|empfangen|mottatt|mottat|modtaget|mottagits?"
    r"|reçue?s?|recibid[oa]s?|ricevut[oiae]|otrzyman\w*|ontvangen)\s+(?:by|von|av|af|par"
    r"|por|da|dal|dalla|dall['\u2019]|przez|door)\s*(?:(?:the|de|het|la|le|les|el|il|der|dem"
    r"|den)\s+)?$",
    re.IGNORECASE,
)
"""The agent of a passive of receiving ("has been received by the UN"): who receives."""
_COUNTRY_NOUN = _Lazy(
    r"(?<=\s)(?:country|nation|land|landet|staat|pays|país|paese|kraj|kraju|państwo|estado"
    r"|stato)(?:\s+of)?\s+$"
)
"""The common noun a country's name stands after ("the West African nation of Niger", "det
vestafrikanske land Niger"), in lower case (not "Deutschland", not a name)."""
_GERMAN_COUNTRY_NOUN = r"(?-i:[A-ZÄÖÜ])[^\W\d_]*(?:land|staat|region|gebiet|republik)\s+$"
"""A German compound noun of a country just before its name ("Bürgerkriegsland")."""
_DATIVE_APPOSITION = _Lazy(r"(?:^|\s)(?:dem|der)\s+" + _GERMAN_COUNTRY_NOUN, re.IGNORECASE)
"""A name after a German dative noun of a country ("dem Bürgerkriegsland Jemen"): whom
the money is for."""
_LOCATIVE_APPOSITION = _Lazy(
    r"(?:^|\s)(?:im|in|in der|in dem)\s+" + _GERMAN_COUNTRY_NOUN, re.IGNORECASE
)
"""A name after a German noun of a country it is in ("für die Menschen im Bürgerkriegsland
Syrien"): where the money goes, as "in Syrien" is."""
_SUPPORTED_WITH_AFTER = _Lazy(
    r"^\s+(?:(?:und|en)\s+(?:\S+\s+){0,3}?)?(?:zu|te)\s+(?:unterstützen|helfen|ondersteunen"
    r"|steunen|helpen)(?![\w])|"
    r"^\s+(?:(?:und|en|and)\s+(?:die|de|the)?\s*[^\W\d_]+\s+)?"
    r"(?:(?:aufgrund|wegen|angesichts|infolge|vanwege|wegens|gezien)\s+[^\W\d_]+\s+[^\W\d_]+\s+)?"
    r"(?:mit|met)\s+"
    r"(?:(?!\S*[,.;]\s)\S+\s+){0,12}?(?:zu\s+)?(?:unterstütz\w*"
    r"|helfen|geholfen|te\s+steunen|steunen|gesteund|helpen|geholpen)(?![\w])",
    re.IGNORECASE,
)
"""A name supported with something, the verb last in its clause ("Jemen mit 100 Millionen
Euro unterstützen", "Mosambik und die Komoren mit 13 Millionen Dollar ... zu
unterstützen", "die Ukraine mit Finanzhilfen von bis zu drei Milliarden US-Dollar (2,16 Mrd
Euro) zu unterstützen", "Oekraïne met 2 miljard euro steunen", "die Republik Moldau
aufgrund ihrer Energiekrise mit 30 Millionen Euro unterstützen"): who receives."""
_AUXILIARIES = "will|would|vil|skal|ska|wird|werden|zal|zullen|va|vont"
"""The future's auxiliaries that `_FUTURE` and `_MODAL_AFTER` share."""
_MODAL_AFTER = _Lazy(
    r"^\s+(?:" + _AUXILIARIES + r"|shall|can|could|must|should|may|ville|skulle|kan|kunne|må"
    r"|bør|wollen|soll|sollen|kann|können|muss|müssen|wil|willen|moet|doit|peut|puede|debe|può"
    r"|deve)\s",
    re.IGNORECASE,
)
"""A modal after a name ("Noreg vil støtte"): the aid word after it is a verb."""
_CIVILIANS = _Lazy(
    r"(?<![\w'\u2019])(?:av|af|for|til|mot|mod|blant|blandt|bland|beskytte|beskytter|vern|of"
    r"|protect|protecting|protection of|among)\s+(?:de\s+|the\s+)?(?:sivile|civile|civila"
    r"|civilians)(?![\w])|(?<![\w'\u2019])(?:civilian population|population civile"
    r"|\w*[zZ]ivilbevölkerung|sivilbefolkning\w*|civilbefolkning\w*|burgerbevolking"
    r"|ludności cywilnej|ludność cywiln\w*|población civil|popolazione civile)(?![\w])",
    re.IGNORECASE,
)
"""Civilians as people ("vern av sivile mot miner", "the civilian population of Gaza"),
not the civilian kind of aid."""
_GIVEN_TO_IT = _Lazy(
    r"^\s+(?:will be|would be|was|were|has been|have been|had been|is to be|is|are)\s+"
    r"(?:provided|given|granted|offered|awarded|promised|pledged|lent|loaned|allocated)\b"
)
"""A name given something in the passive ("Bangladesh will be provided a loan"): who
receives."""


def _role(sentence: str, start: int, end: int, form: lexicon.Form, languages: Languages) -> str:
    """What a named party is to the sentence: donor (the subject, "from/von/fra", the
    owner of the aid), recipient (the dative, "to/til/für/à/aan/dla/para/per", the one
    supported "with" an amount), currency (an adjective of money), place, possessive,
    or "" (a channel, a partner, the invaded, a relative clause's subject)."""
    before, after = sentence[:start], sentence[end:]
    apposition = _COUNTRY_NOUN.search(before)
    if apposition:  # "til det vestafrikanske land Niger": the role of the words before it
        before = before[: apposition.start()]
    if (
        _ASIDE.search(before)
        or _WITHOUT.search(before)
        or _SOURCE.search(before)
        or (
            _SUBJECTS_APPOSITION.search(before)
            and re.match(r"^(?:\s+[^\W\d_]+){0,3}\s*,", after)
            and not _before(languages, "recipient_before").search(before)
        )
    ):
        return ""  # "selon le gouvernement moldave", "based in Washington", "in addition to"
    if _RECEIVED_BY.search(before):
        return "recipient"  # "has been received by the UN": the passive's agent receives
    if form.kind == "adjective" and (
        _compiled(languages, r"^\s+{people}\b").match(after)
        or _compiled(languages, r"(?<![\w'\u2019]){people}\s+$").search(before)
    ):
        return ""  # "ai rifugiati ucraini": people of that country, wherever they are
    if (form.kind in ("adjective", "genitive") or _POSSESSIVE.match(after)) and _compiled(
        languages,
        r"^(?:[\u2019'\u02bc]s)?\s+(?:[^\W\d_]+[\s-]+)?(?:{war})[^\W\d_]{0,3}(?![^\W\d_])",
    ).match(after):
        return ""  # "der russischen Angriffe", "Russia's invasion": the attacker
    if form.kind == "adjective" and _compiled(
        languages, r"(?<![\w'\u2019])(?:{war})[^\W\d_]{0,3}\s+$"
    ).search(before):
        return ""  # "frente a la invasión rusa": the attacker, its adjective after the war
    if form.kind in ("adjective", "genitive") and _CHARITY_NAMED.match(after):
        return ""  # "the Swedish Red Cross": a charity's name
    if (
        re.search(r"(?-i:[A-Z])[^\W\d_]+\s*\($", before)
        and after.startswith(")")
        and places.resolve(form.party).code is not None
    ):
        return ""  # "à Strasbourg (France)": where a place is
    city = re.search(r"(?:^|\s)(?:in|at|i|à|a|w|en)\s+((?-i:[A-Z])[^\W\d_]+),\s+$", before)
    if (
        city
        and lexicon.party_forms(languages).get(city[1]) is None
        and re.match(r"\s*(?:[.;)]|$)", after)
    ):
        return ""  # "the World Humanitarian Summit in Istanbul, Turkey.": where a city is
    if before.endswith("[") and after.startswith("]"):
        return ""  # "Manila [Philippines], June 15": a dateline
    heads = r"(?:{government}|{aid})"
    currency = rf"(?:{_currency_words()})(?![^\W\d_])"
    if form.kind == "adjective":
        if re.match(rf"^\s+(?:[^\W\d_]+\s+)?{currency}", after, re.IGNORECASE) or re.search(
            rf"{currency}\s+$", before, re.IGNORECASE
        ):
            return "currency"
        if _before(languages, "recipient_before").search(before):
            return "recipient"
        after_head = _compiled(languages, r"^(?:\s+[^\W\d_]+){0,2}?\s+" + heads + r"(?![\w])")
        before_head = _compiled(languages, _START + heads + r"\s+(?:[^\W\d_]+\s+){0,3}$")
        if after_head.match(after) or before_head.search(before):
            return "donor"
        return ""
    if (
        before.endswith("$")
        or after.startswith("$")
        or (re.match(r"^ \$?\d", after) and sentence[start:end].replace(".", "") == "US")
        # "U.S. $80m", "in the amount of US 10 million"
    ):
        return "currency"  # "$US 490 million", "US$ 5m": the dollar's country
    channel_after = _compiled(languages, r"^\s+(?:[^\W\d_]+\s+)?{channel}(?![\w])").match(after)
    if (
        _V2.intersection(languages)
        and _compiled(languages, _V2_INVERTED).match(before)
        and not channel_after
    ):
        return "donor"  # "I dag gir Norge 100 millioner", "Derfor sender Danmark": the subject
    if (
        _V2.intersection(languages)
        and re.fullmatch(r"\W*(?:für|voor|for)\s+", before, re.IGNORECASE)
        and _compiled(languages, r"^\s+(?:" + _V2_VERBS + r"|kündigte|kündigt)(?![\w])").match(
            after
        )
    ):
        return "donor"  # "Für Deutschland kündigte Außenminister Heiko Maas ... an": on its behalf
    if _CONFERENCE_FOR.search(before):
        return "recipient"  # "a conference on Syria": whom its pledges are for
    if _TOPIC.search(before) and not _SUPPORTED_WITH_AFTER.match(after):
        return ""  # "en redegjørelse om EU og EØS"; not "om Oekraïne ... te ondersteunen"
    if _compiled(languages, r"(?<![\w'\u2019]){war}\s+(?:" + _SMALL + r"\s*){0,3}$").search(before):
        return ""
    if re.search(
        r"(?<![\w'\u2019])(?:which|whom|który|która|które|którą)\s+$", before, re.IGNORECASE
    ):  # "which Russia has targeted": a relative clause's subject, unless it receives
        return "recipient" if _receives_after(after, languages) else ""
    if _GIVEN_TO_IT.match(after):
        return "recipient"  # "Bangladesh will be provided a loan of $200 million"
    if _INHABITANTS_OF.search(before):
        return "place"  # "aan de inwoners van Gaza": who lives there, not who gives
    if _compiled(languages, _PEOPLE_FROM).search(before):
        return ""  # "refugees from Myanmar": where they fled from, neither giver nor receiver
    if _compiled(
        languages,
        r"(?<![\w'\u2019])(?:{recipient_before})\s+(?:{articles}\s+|an?\s+)?(?:{government})\s+"
        r"(?:of|de|du|des|di|del|della|van|von|der|af|av|för|z)\s+(?:the\s+)?$",
    ).search(before):
        return "recipient"  # "as budgetary support to the government of Nepal"
    if channel_after:
        return ""  # "a NATO fund", "the Ukraine Defense Contact Group": a channel
    if _compiled(
        languages,
        _START + r"(?:{channel}\s+(?:{recipient_before})\s+(?:{articles}\s+|an?\s+)?"
        r"(?-i:[A-Z][^\W\d_]*)|(?-i:[A-Z])[^\W\d_]*(?i:{channel})\s+(?:{recipient_before}))\s+$",
    ).search(before):
        return ""  # "the Fund for a Resilient Ukraine": a channel's name
    if _CAPITAL.search(before):
        return "place"  # "in the Polish capital Warsaw"
    if _VENUE.search(before):
        return ""  # "a conference in Kuwait City": the venue
    if _ENVOYS_POST.search(before) or _OFFICIAL_OF.search(before) or _OFFICIAL_AFTER.match(after):
        return ""  # "selon l'ambassadeur de France au Liban", "the UN's chief": a title
    if _AGAINST.search(before) or _ATTACKED_BY.search(before):
        return ""  # "Russlands angrep mot Ukraina", "attacked by Russia": neither
    if re.search(
        r"(?<![\w'\u2019])(?:between|entre|zwischen|mellom|mellem|mellan|tussen|między)\s+"
        r"(?:(?:\S+\s+){0,5}?(?:and|og|och|und|et|en|i|y|e)\s+)?(?:\S+\s+)?$",
        before,
        re.IGNORECASE,
    ):
        return ""  # "between the European Union and Ukraine": neither
    if _before(languages, "aside_before").search(before):
        return ""  # a channel, a partner
    if _compiled(
        languages,
        r"(?<![\w'\u2019])(?:{channel})\s+(?:of|van|von|af|av|de|di|del|della|des|du|der|z)\s+"
        r"(?:(?:{articles})\s*)?$",
    ).search(before):
        return ""  # "het Soedan Humanitaire Fonds van de VN": whose channel, not the giver
    giver = _before(languages, "donor_before").search(before)
    receiving = _before(languages, "recipient_before").search(before)
    if (giver and not (receiving and receiving.start() > giver.start())) or _compiled(
        languages, _OWNER_OF_AMOUNT
    ).search(before):
        # "from Japan", "i 15 milioni di sterline del Regno Unito"; not "stand by para
        # Argentina", where the word just before the name is its own
        return "donor"
    if (
        _WITH_ITS_AMOUNT.match(after)
        and _LIST_ITEM_START.search(before)
        and not _SUPPORTED_WITH_AFTER.match(after)
    ):
        return "donor"  # "Nach Spanien mit 346 Millionen Euro, Frankreich mit ...": its money
    if "de" in languages and _DATIVE_APPOSITION.search(before):
        return "recipient"  # "hat dem Bürgerkriegsland Jemen ... zugesagt"
    if (
        receiving
        and _POSSESSIVE.match(after)
        and not _compiled(
            languages, r"^.s\s+(?:[^\W\d_]+\s+)?(?:{government}|army|armed forces|military)\b"
        ).match(after)
    ):
        return "possessive"  # "for Ukraine's recovery": whose recovery, not who receives
    if receiving and form.kind == "genitive" and _OWN_PURSE.match(after):
        return "possessive"  # "till Moçambiques statsbudget": whose budget, not who receives
    if receiving:
        # An institution money goes to ("to the UN", "aux Nations unies") is a channel.
        return "" if places.resolve(form.party).code is None else "recipient"
    if _receives_after(after, languages) or _compiled(
        languages, r"(?<![\w'\u2019]){receive}\s+(?:{articles}\s*)?$"
    ).search(before):
        return "recipient"  # "Kiew ... 3 Milliarden Euro ... erhalten wird"
    supported = _SUPPORTED_BEFORE.search(before)
    dative_after = "de" in languages and re.match(
        r"^\s+(?:der|dem|die|den)\s+(?-i:[A-ZÄÖÜ])", after
    )  # "unterstütze Schweden die Ukraine ... mit": the subject, then the object
    if (
        supported
        and not dative_after
        and re.match(
            r"^(?:\s+[^\W\d_,;.()]+){0,8}?\s+(?:with|med|mit|avec|met|con)\s+(?:\S+\s+){0,5}?\S*\d",
            after,
            re.IGNORECASE,
        )
    ):
        return "recipient"  # "haben die Ukraine mit über 88 Milliarden Euro unterstützt"
    if _SUPPORTED_WITH_AFTER.match(after):
        return "recipient"  # "will ... Jemen mit 100 Millionen Euro unterstützen"
    if _SUPPORTED_JUST_BEFORE.search(before) and not dative_after and not _POSSESSIVE.match(after):
        return "recipient"  # "The Netherlands supports the UN", "bistå Bangladesh med"
    if (
        _compiled(languages, r"^\s+(?:[^\W\d_]+\s+)?{aid}(?![\w])").match(after)
        and not (_POSSESSIVE.match(after) or form.kind == "genitive")
        and not _MODAL_AFTER.match(after)  # "Noreg vil støtte": a verb, not aid
        and not _AUXILIARY_BEFORE.search(before)  # "har Danmark bidraget med": a participle
    ):
        return "adjunct"  # "the Ukraine aid package", "EIB loan funds": settled by the sentence
    if ("de" in languages and _LOCATIVE_APPOSITION.search(before)) or _before(
        languages, "place_before"
    ).search(before):
        return "place"  # "in Syrien", "für die Menschen im Bürgerkriegsland Syrien"
    owner_after = _compiled(
        languages, r"^(?:[\u2019'\u02bc]s)?(?:\s+[^\W\d_]+){0,2}?\s+" + heads + r"(?![\w])"
    )
    if _POSSESSIVE.match(after) or form.kind == "genitive":
        return "donor" if owner_after.match(after) else "possessive"
    owner_before = _compiled(
        languages,
        r"(?:(?<![\w'\u2019])"
        + heads
        + r"|"
        + _START
        + r"(?:{aid}|{loan}|{grant}|{guarantee}))"  # "l'aide totale de la France", "garanzie
        # dei Paesi Bassi"; not "dell'Agenzia delle Nazioni Unite"
        + r"\s+(?:[^\W\d_]+\s+)?(?:{of_before}|der|des)\s*(?:{articles}\s*)?$",
    )
    genitive = _compiled(languages, r"(?<![\w'\u2019])(?:{of_before})\s*(?:{articles}\s*)?$")
    if genitive.search(before):
        channel = _compiled(
            languages,
            r"(?<![\w'\u2019]){channel}\s+(?:\S+\s+)?(?:{of_before})\s*(?:{articles}\s*)?$",
        )
        if channel.search(before):
            return ""  # "al programa PURL de la OTAN": a channel
        if re.search(
            r"(?:(?-i:[A-Z])[^\W\d_]+|proposal|decision|pledges?|commitments?|offer"
            r"|announcement|initiative|contributions?)\s+of\s+(?:the\s+)?$",
            before,
            re.IGNORECASE,
        ):
            return "donor"  # "the Minister of Foreign Affairs of Norway", "the proposal of"
        return "donor" if owner_before.search(before) else "possessive"
    german_case = re.search(r"(?:^|\s)(\S+)\s+(?:der|dem)\s+$", before)
    if "de" in languages and german_case:
        previous = german_case[1]
        named = lexicon.party_forms(languages).get(previous) is not None  # "hat Deutschland der"
        if previous[:1].isupper() and german_case.start(1) > 0 and previous.isalpha() and not named:
            return "donor" if owner_before.search(before) else "possessive"  # die Hilfe der EU
        return "recipient"  # wird der Ukraine ... geben
    if form.kind in ("dative", "genitive_dative"):
        if form.kind == "genitive_dative" and owner_before.search(before + " der "):
            return "donor"
        return "recipient"
    return "donor"


_OWNER_OF_AMOUNT = (
    r"(?:" + _currency_words() + r"|euro|\d)\s+(?:di|del|della|dello|degli|dei|de la|du|des"
    r"|de l['\u2019]|de|von der|vom|van|z)\s*(?:{articles}\s*)?$"
)
"""A name in the genitive right after an amount's money ("i 15 milioni di sterline del
Regno Unito", "500 millions d'euros de la France"): whose money it is."""
_AND = _Lazy(
    r"\s+(?:and|og|och|und|et|en|i|y|e|oraz)\s+(?:the|de|la|le|les|die|der|das|el|il|l['\u2019])?\s*",
    re.IGNORECASE,
)
_AGAINST = _Lazy(
    r"(?<![\w'\u2019])(?:against|mot|mod|emot|gegen|contre|tegen|przeciw\w*|contra|contro)\s+"
    r"(?:(?:the|die|der|den|la|le|l['\u2019]|el|il|lo)\s*)?$",
    re.IGNORECASE,
)
_ATTACKED_BY = _Lazy(
    r"(?<![\w'\u2019])(?:attacked|invaded|angrepet|angrebet|anfallen|angegriffen|überfallen"
    r"|attaqu[ée]e?s?|envahie?s?|aangevallen|binnengevallen|zaatakowan\w*|napadnięt\w*"
    r"|atacad[ao]s?|invadid[ao]s?|attaccat[ao]|invas[ao])\s+(?:by|av|af|von|vom|par|door"
    r"|przez|por|da|dalla|dal)\s+(?:(?:the|die|der|la|le|l['\u2019]|el|il)\s*)?$",
    re.IGNORECASE,
)
"""The agent of an attack ("zaatakowanej przez Rosję", "attacked by Russia"): the
aggressor, neither donor nor recipient."""
_CAPITAL = _Lazy(
    r"(?<![\w'\u2019])(?:capital|hovedstad\w*|huvudstad\w*|Hauptstadt|capitale|hoofdstad"
    r"|stolic\w*)\s+$",
    re.IGNORECASE,
)
"""A city named as a capital ("the Polish capital Warsaw") is where something happens."""
_VENUE = _Lazy(
    r"(?<![\w'\u2019])(?:conference|meeting|summit|konferanse\w*|konference\w*"
    r"|konferens\w*|\w*[kK]onferenz|\w*[gG]ipfel|conférence|sommet|conferentie|top"
    r"|konferencj\w*|szczyt\w*|conferencia|cumbre|conferenza|vertice)"
    r"(?:\s+\S+){0,4}?\s+(?:in|at|held in|i|på|de|du|te|w|en|à|tenutasi a)\s+$"
    r"|(?<![\w'\u2019])(?:ospitat[ao]|accueillie?|hosted)\s+(?:\S+\s+){0,4}?(?:a|à|in)\s+$"
    r"|(?<![\w'\u2019])(?:held|hosted|afholdes|afholdt|holdes|holdt|hålls|hölls|stattfindet"
    r"|stattfand|se tient|se tiendra|tenue|se celebra|celebrada|si tiene|tenutasi|gehouden"
    r"|si è tenut[ao]|si sono tenut[ei]|took place|fand statt|a eu lieu|tuvo lugar|se celebró"
    r"|se celebrará|celebrado"
    r"|odbywa się|odbyła się)\s+(?:\S+\s+){0,2}?(?:in|at|i|på|à|en|a|w|te)\s+$",
    re.IGNORECASE,
)
"""The venue of a conference ("la Conférence de Paris", "a conference in Kuwait City", "der
i dag afholdes i Kuwait", "ospitata alla Nuvola dell'Eur a Roma"): where the donors met,
neither a donor nor the recipient."""
_CONFERENCE_FOR = _Lazy(
    r"(?<![\w'\u2019])(?:conference|konferanse\w*|konference\w*|konferens\w*|\w*[kK]onferenz"
    r"|conférence|conferentie|konferencj\w*|conferencia|conferenza)"
    r"(?:\s+[^\W\d_]+)?\s+(?:on|for|om|för|über|für|sur|pour|voor|dla|w sprawie|sobre|para|su"
    r"|sulla|sul|per)"
    r"\s+(?:(?:the|la|le|l['\u2019]|die|den|el|il)\s*)?$",
    re.IGNORECASE,
)
"""The country a conference is about ("a conference on Syria", "la conférence pour le
Liban"): whom the pledges made at it are for."""
_TOPIC = _Lazy(
    r"(?<![\w'\u2019])(?:about|om|über|sobre)\s+(?:(?:the|die|den|det|el|la|los|las)\s+)?$",
    re.IGNORECASE,
)
"""What is spoken of ("a statement about the EU", "en redegjørelse om EU"): a topic,
neither a donor nor the recipient."""
_V2 = frozenset(("no", "da", "sv", "de", "nl"))
"""The languages whose verb comes second, before the subject when a clause starts with
something else ("Gjennom programmet gir Norge Ukraina ...")."""
_V2_VERBS = (
    r"(?:" + _STAGES + r"|{increase}|gir|giver|ger|gibt|geeft|gewährt|gewährte"
    r"|sender|skickar|schickt|stuurt|donerer|donerar|spendet|støtter|stötter|stöder|stödjer"
    r"|unterstützt|steunt|stellt|stiller|tildeler|tilldelar|bidrar|bidrager|yder|leverer"
    r"|levererar|liefert|levert|overfører|betaler|zahlt|betaalt|financiert|finanziert"
    r"|finansierer|finansierar|beviljar|bevilger|bevilliger|zegt|zegde|sagt|sagte|hat|haben"
    r"|hatte|hatten|heeft|hebben)"
)
"""The finite verbs of giving in the Germanic languages, whose subject may follow them."""
_V2_INVERTED = (
    r"^\W*(?:i dag|i år|i fjor|i fjol|i morgen|derfor|dermed|nå|nu|nun|jetzt|heute|også|zo|so|så"
    r"|samtidig|dessuten|desuden|därför|därmed|dessutom|också|nästa år|neste år|næste år"
    r"|dieses jahr|in diesem jahr|dit jaar|vandaag|daarom|ook|bovendien|zudem|außerdem"
    r"|kvart år|hvert år|hvert eneste år|varje år|jedes jahr|elk jaar|ieder jaar"
    r"|deshalb|daher|darum|gleichzeitig|zugleich|(?:i|in|im jahr|år) (?:19|20)\d\d"
    r"|(?:gjennom|gennem|genom|med|durch|mit|door|met) (?:det|dette|disse|detta|dessa|das|dies"
    r"|diesen?|dat|dit|deze)|(?:mit|med|met) (?:einem|einer|en|ett|et|een) (?:[^\s,]+ ){0,6}?"
    r"[^\s,]+),?\s+(?:har|hadde|havde|hade|" + _V2_VERBS + r")\s+(?:(?:die|der|das|de|het)\s+)?$"
)
"""A clause that starts with an adverbial, then the verb ("I dag gir Norge", "Derfor sender
Danmark", "Dit jaar geeft Nederland"): in the Germanic languages the subject follows."""
_PEOPLE_FROM = (
    r"(?<![\w'\u2019])(?:{people})\s+(?:from|z|ze|aus|fra|frå|från|de|du|d['\u2019]|des|van|uit"
    r"|da|dal|dalla|del)\s+(?:the\s+|der\s+|dem\s+)?$"
)
"""People from a place ("refugees from Myanmar", "flyktingar från Syrien"): where they come
from, neither the giver nor the receiver."""
_INHABITANTS_OF = _Lazy(
    r"(?<![\w'\u2019])(?:people|residents|inhabitants|population|citizens|inwoners|bewoners"
    r"|bevolking|innbyggerne|innbyggere|indbyggerne|indbyggere|befolkningen|invånarna"
    r"|invånare|Einwohner\w*|Bevölkerung|Bewohner\w*|habitants|mieszkańc\w*|ludności"
    r"|habitantes|población|abitanti|popolazione)\s+(?:of|van|von|der|av|af|i|de|du|des|di"
    r"|della|del|dell['\u2019])\s*(?:(?:the|de|het|la|le|el)\s+)?$",
    re.IGNORECASE,
)
"""The people of a place ("aan de inwoners van Gaza", "the people of Lebanon"): where
they live, which receives if nothing else does; never the giver ("van" is "from" too)."""
_SOURCE = _Lazy(
    r"(?<![\w'\u2019])(?:according to|enligt|ifølge|ifølgje|iflg\.|laut|selon|volgens|według"
    r"|según|secondo|citing|citerer|nach Angaben|d['\u2019]après|de acuerdo con|stando a|zgodnie z)"
    r"\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
"""Who says so ("enligt ... Europeiska kommissionen", "selon le gouvernement moldave"):
the source of the figure, neither a donor nor the recipient."""
_ASIDE = _Lazy(
    r"(?<![\w'\u2019])(?:(?:based|headquartered) in|basado en|basada en|con sede (?:a|en|in)"
    r"|basé à|basée à|mit Sitz in|z siedzibą w|med (?:base|sete) i|baserad i"
    r"|(?:in addition|i tillegg|i tillæg|utöver|zusätzlich) (?:to|til|zu)"
    r"|within|inom|innenfor|inden for|innerhalb|au sein d['\u2019]une?|au sein de|dentro de"
    r"|all['\u2019]interno di|w ramach|binnen"
    r"|(?:co-)?(?:hosted|organi[sz]ed|promoted) by|promoss[ao] da|organizzat[ao] da"
    r"|organisée? par|organizad[ao] por|ausgerichtet von|veranstaltet von|arrangert av"
    r"|organiseret af|anordnad av|georganiseerd door|zorganizowan\w* przez"
    r"|(?:via|through|gjennom|gennem|genom|tramite|a través de)\s+(?:\S+\s+){1,4}?"
    r"(?:van|of|av|af|di|del|de))\s+"
    r"(?:(?:the|den|det|de|der|dem|la|le|el)\s+)?$",
    re.IGNORECASE,
)
"""Where a lender sits ("el prestamista basado en Washington"), what an amount comes in
addition to ("I tillegg til den norske støtten"), and whose channel it goes through
("via fondsen van de Verenigde Naties"): neither party."""
_SUBJECTS_APPOSITION = _Lazy(
    r"^\W*(?-i:[A-ZÄÖÜÆØÅ])[^\W\d_]+(?:\s+(?-i:[A-ZÄÖÜÆØÅ])[^\W\d_]+){0,2},\s+"
    r"(?:(?-i:[a-zäöüæøåéèàçłśżźńóąę])[^\s,;.()]*\s+){2,8}(?:(?:the|la|le|l['\u2019]|die|der"
    r"|de|el)\s*)?$"
)
"""The words between a sentence's first name and a name inside an aside on it, which a
comma closes ("Francja, druga co do wielkości gospodarka UE, przekazała", "France, the
second-largest economy of the EU, gave"): what the subject is, not a party."""
_WITHOUT = _Lazy(
    r"(?<![\w'\u2019])(?:without|ohne|uten|uden|utan|sans|sin|senza|bez|zonder)\s+"
    r"(?:[^\W\d_]+\s+){0,2}$",
    re.IGNORECASE,
)
"""A name after "without" ("e senza attendere il Fmi", "ohne die USA"): not a party to the
money."""
_ENVOYS_POST = _Lazy(
    r"(?<!\w)(?:ambassadors?|envoys?|ambassad(?:eur|rice)s?|ambassadør\w*"
    r"|ambassadör\w*|\w*[bB]otschafter\w*|gezant\w*|ambasador\w*|embajador\w*"
    r"|ambasciat(?:ore|rice)\w*)(?:\s+\S+){0,3}?\s+"
    r"(?:to|in|au|aux|en|à|i|til|in der|im|bei|w|we|para|presso|a|nel|nella)\s+"
    r"(?:the\s+|le\s+|la\s+|l['\u2019]|die\s+|der\s+|den\s+)?$",
    re.IGNORECASE,
)
"""The country an envoy is posted to ("l'ambassadeur de France au Liban", "the US
ambassador to Ukraine"): a title, neither a donor nor the recipient."""
_OFFICIALS = (
    r"(?:chief|head|spokes(?:man|woman|person)|coordinator|officials?|director(?:-general)?"
    r"|secretary-general|representatives?|sjef|talsperson|talsmann|talskvinne|Sprecher\w*"
    r"|Chef\w*|Leiter\w*|porte-parole|chef|directeur|directrice|portavoz|jefe|portavoce|capo"
    r"|rzecznik\w*|szef\w*|woordvoerder)(?![\w-])"
)
_OFFICIAL_AFTER = _Lazy(r"^[\u2019'\u02bc]s\s+(?:[^\W\d_]+\s+){0,2}?" + _OFFICIALS, re.IGNORECASE)
_OFFICIAL_OF = _Lazy(
    r"(?<![\w'\u2019])(?:"
    + _OFFICIALS
    + r"(?=\s+(?:of|de|du|des|di|del|della|van|von|der|for|för|z)\s)|komisarz\w*|commissioner"
    r"|commissaire|comisario|commissario|Kommissar\w*|kommissær\w*|kommissionär\w*)"
    r"(?:\s+(?:of|de|du|des|di|del|della|van|von|der|for|för|z))?"
    r"\s+(?:the\s+|la\s+|le\s+|l['\u2019])?$",
    re.IGNORECASE,
)
"""Whose official a person is ("the UN's humanitarian chief", "the head of the IMF",
"komisarz UE ds. pomocy humanitarnej"): the speaker's post, neither a donor nor the
recipient."""
_AUXILIARY_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:har|hat|haben|has|have|heeft|hebben|hadde|havde|hade|hatte|hatten)\s+$",
    re.IGNORECASE,
)
"""An auxiliary just before a name: the aid word after the name is its participle ("I alt
har Danmark bidraget med 200 millioner kroner")."""
_AUXILIARY = _Lazy(
    r"^\s+(?:hat|haben|hatte|hatten|har|hadde|havde|hade|heeft|hebben|had)\s+$", re.IGNORECASE
)


def _objects(sentence: str, parties: list[_Party]) -> list[_Party]:
    """ "Deutschland hat Kiew ... Hilfe ... gewährt": a name right after the subject's
    auxiliary is the object that receives."""
    found = list(parties)
    for index, (first, second) in enumerate(itertools.pairwise(parties)):
        between = sentence[first.start + len(first.words) : second.start]
        subject = _CLAUSE_START.search(sentence[: first.start])  # not "stärka Ukraina har Finland"
        if (
            first.role == "donor"
            and second.role == "donor"
            and subject
            and _AUXILIARY.match(between)
        ):
            found[index + 1] = replace(second, role="recipient")
    return found


_CLAUSE_START = _Lazy(r"(?:^|[,;:(\u2013\u2014\"\u201c\u201e])\s*(?:[^\W\d_]+\s+)?$")
"""Where a clause's subject stands: at its start, after at most an article or a
determiner ("Die ...")."""


def _several_recipients(sentence: str, party: _Party, languages: Languages) -> bool:
    """ "til Ukraina og til enkelte andre land", "to Sudan and the region", "Afghanistan
    and its neighbouring countries": the recipient shares with others."""
    after = sentence[party.start + len(party.words) :]
    return bool(
        _compiled(
            languages,
            r"^\s+(?:and|og|och|und|et|en|i|y|e|ed)\s+(?:{recipient_before}\s+)?(?:\S+\s+){0,3}?"
            r"(?:other|others|andre|andra|övriga|andere|anderen|autres|inne|innych|otros|otras"
            r"|altri|altre|region|regionen|Region|région|regio|regionu|región|regione"
            r"|neighbou?r\w*|nabo\w*|grann\w*|Nachbar\w*|voisin\w*|buur\w*|sąsiad\w*"
            r"|vecin\w*|limitrof\w*|confinant\w*)\b",
        ).match(after)
    )


# Text to sentences and clauses -----------------------------------------------------------


def sentences(text: str) -> list[str]:
    """The sentences of an article: split after . ! ? before a capital, a digit or a
    quote, except after an abbreviation (U.S., Mrd., e.g.) or before an amount in brackets
    (a conversion)."""
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[-•*])", text):
        start = 0
        flat = " ".join(paragraph.split())
        for match in re.finditer(
            r"[.!?][\"\u201d\u2019)]?\s+(?=[A-Z0-9\"\u201c\u2018(€$£ÆØÅÄÖÜÉŁŚŻ])", flat
        ):
            if _ABBREVIATIONS.search(flat[start : match.start()]) or re.match(
                r"\(\s*(?:\d|[$€£]|[A-Z]{3}\s?\d)", flat[match.end() :]
            ):
                continue  # "U.S. officials", "75 mio. kr. (10 mio. USD)": no sentence ends
            found.append(flat[start : match.end()].strip())
            start = match.end()
        if flat[start:].strip():
            found.append(flat[start:].strip())
    return found


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence cut where a new clause brings its own year and verb (", when")."""
    cuts = [0, *(match.start() for match in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    return [(start, sentence[start:end]) for start, end in itertools.pairwise(cuts)]


# Reading ---------------------------------------------------------------------------------


def extract(text: str, *, source_date: dt.date | None = None) -> list[Draft]:
    """The draft records a text states, in the order it states them (a whole before
    its parts)."""
    drafts: list[Draft] = []
    context = _Context()
    language = lexicon.detect(text)
    for sentence in sentences(text):
        languages = lexicon.family(lexicon.detect(sentence, default=language))
        drafts.extend(_read_sentence(sentence, source_date, context, len(drafts), languages))
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
    last_whole_index: int | None = None


@dataclass
class _Link:
    """How one draft of a sentence relates to another of it (local indices), and where
    its amount stands: its start, its clause, the end of the amount before it."""

    part_of: int | None = None
    delivery_of: int | None = None
    yearly: bool = False
    at: int = -1
    clause: tuple[int, int] = (0, 0)
    previous: int = 0
    following: int = 0


def _read_sentence(
    text: str,
    source_date: dt.date | None,
    context: _Context,
    offset: int,
    languages: Languages,
) -> list[Draft]:
    every_mention = _mentions(text, languages)
    conversions = [m for m in every_mention if m.conversion]
    reading = _blank(text, [m.span for m in conversions])
    mentions: list[_Mention] = []
    previous: _Mention | None = None
    refused = _NOT_PLEDGED.search(reading) is not None
    figures = [m for m in every_mention if not m.conversion]
    old_levels = _old_levels(reading, figures)
    for mention in every_mention:
        if mention.conversion:
            continue
        role = _not_pledged(reading, mention, previous, refused, languages)
        if not role and any(mention is old for old in old_levels):
            role = _OLD_LEVEL  # a level of its own kind ("forsvarsbudsjettet") it passes on
        if (
            not role
            and not _gives(_own_clause(reading, mention, figures), languages)
            and not (mentions and _LIST_ITEM.search(reading[mentions[-1].end : mention.origin]))
        ):
            role = "no verb of giving nor word of aid in its clause"
        mention = replace(mention, role=role)
        if not role:
            mentions.append(mention)
        previous = mention
    clauses = _clauses(reading)
    sentence = _Sentence(text, reading, languages, source_date, mentions, clauses[0][1])
    change = _change(reading, mentions, languages)
    links: list[_Link]
    if change:
        # One pledge told as a change: which figure is it? Left open.
        draft = Draft(text)
        draft.open["amount"] = (
            f"the sentence gives a change ({change!r}) and {len(mentions)} figures, "
            "not the pledge's one"
        )
        sentence.settle(draft, reading, 0, None, reading)
        drafts, links = [draft], [_Link()]
    else:
        drafts, links = sentence.drafts(clauses, context)
    by_start = {id(d): d for d in drafts}
    for mention in conversions:
        owner = every_mention[mention.converts] if mention.converts >= 0 else None
        for draft in by_start.values():
            amount = draft.found.get("amount")
            if owner is not None and amount is not None and amount.words == owner.words:
                draft.conversions.append(text[mention.origin : mention.end].strip())
    parties = _parties(reading, every_mention, languages)
    first: dict[str, str] = {}
    for party in parties:  # named as giver and as receiver: its first role holds
        if party.role in ("donor", "recipient"):
            first.setdefault(party.name, party.role)
    parties = _objects(reading, parties)
    givers = [p for p in parties if p.role == "donor" and first.get(p.name) == "donor"]
    receivers = [
        p
        for p in parties
        if p.role == "recipient" and first.get(p.name, "recipient") == "recipient"
    ]
    for party in (p for p in parties if p.role == "adjunct"):
        # An institution lends ("EIB loan funds"); a country before "aid" receives it
        # ("Ukraine aid package") unless the sentence names whom the aid goes to.
        country = places.resolve(party.name).code is not None
        if country and not receivers and party.name not in {p.name for p in givers}:
            receivers.append(replace(party, role="recipient"))
        elif party.name not in {p.name for p in receivers}:
            givers.append(replace(party, role="donor"))
    if not receivers:  # "needs in Ukraine", "Ukraine's energy grid": the only other party
        named = {p.name for p in givers}
        receivers = [
            p
            for p in parties
            if p.role in ("place", "possessive")
            and p.name not in named
            and len(reading[: p.start].split()) > 2  # "W Polsce ...": the scene, not the recipient
            and not (p.role == "possessive" and _OWN_PURSE.match(reading[p.start + len(p.words) :]))
        ]
    shared = (
        any(_several_recipients(reading, p, languages) for p in receivers)
        or any(
            q.start > p.start
            and q.name != p.name
            and re.fullmatch(
                r"\s+(?:and|og|och|und|et|en|i|y|e|oraz)\s+[^,.;]{0,60}",
                reading[p.start + len(p.words) : q.start],
                re.IGNORECASE,
            )
            for p in receivers
            for q in parties
            if q.role in ("place", "possessive")
        )  # "to Ukraine and Ukrainian refugees in Moldova"
        or any(
            q.name != p.name and _AND.fullmatch(reading[p.start + len(p.words) : q.start])
            for p, q in itertools.pairwise(receivers)
        )  # "para Turquía y Siria": one sum for both
    )
    donors = {p.name for p in givers}
    recipients = {p.name for p in receivers}
    many_give = _compiled(languages, _MANY_GIVE).search(reading)
    each: list[tuple[str, list[_Party]]] = []  # a draft's one role of several parties
    for draft, link in zip(drafts, links, strict=True):
        own_donors = _nearest(reading, givers, link, after=False)
        following = [p for p in parties if link.at < p.start < link.following]
        if (
            len({p.name for p in following}) == 1
            and following[0] in givers
            and len(reading[link.at : following[0].start].split()) <= 6
            and not re.search(r"[,;)]", reading[link.at : following[0].start])
            and (
                _before(languages, "donor_before").search(reading[: following[0].start])
                or _compiled(languages, _OWNER_OF_AMOUNT).search(reading[: following[0].start])
            )
        ):
            own_donors = {following[0].name}  # "$260m from Japan", "15 milioni ... del Regno Unito"
        own_recipients = _nearest(reading, receivers, link, after=True)
        item = _named_before_its_bracket(reading, link.at, parties)
        if item is not None and item.role in ("recipient", "place"):
            own_recipients = {item.name}  # "in Lebanon (€25 million), Jordan (€25 million)"
        elif item is not None and item.role == "donor":
            own_donors = {item.name}  # "led by the US (US$4.3 billion), Germany (...)"
        antecedent = _antecedent_givers(reading, link.at, givers, languages)
        _settle_parties(
            draft,
            own_donors if antecedent is None else antecedent,
            own_recipients,
            parties,
            context,
        )
        if antecedent == set():
            draft.found.pop("donor", None)
            draft.open["donor"] = "the relative clause's antecedent gives it, and names no party"
        if many_give and _many_give_it(reading, many_give, link.at, givers):
            draft.found.pop("donor", None)
            draft.open["donor"] = "many givers: the total of their pledges, no one donor's"
        _own_krone(draft, languages)
        _bare_dollar(draft)
        if shared and "recipient" in draft.found and draft.found["recipient"].value in recipients:
            draft.found.pop("recipient")
            draft.open["recipient"] = "the sentence shares the amount with other recipients"
        if "donor" in draft.found and draft.value("donor") == draft.value("recipient"):
            # One of the two is wrong, and a record of it could not be added.
            name = draft.found.pop("donor").value
            draft.found.pop("recipient")
            draft.open["donor"] = draft.open["recipient"] = (
                f"{name} read as both giver and receiver"
            )
        each.append(_each_of(reading, draft, link, givers, receivers, own_recipients))
    drafts, links = _apart(drafts, links, each)
    for draft, link in zip(drafts, links, strict=True):
        if link.part_of is not None and link.part_of >= 0:
            donor, whole_donor = draft.value("donor"), drafts[link.part_of].value("donor")
            if None not in (donor, whole_donor) and donor != whole_donor:
                link.part_of = None  # another donor's money is no part of this whole
        whole = link.part_of if link.part_of is not None else link.delivery_of
        if whole is not None and whole >= 0:
            _inherit_from_whole(
                draft, drafts[whole], years=not link.yearly and link.delivery_of is None
            )
    currencies = {
        d.found["currency"].value: d.found["currency"].words
        for d in drafts
        if "currency" in d.found
    }
    since = _SINCE_YEAR.search(reading)
    for draft in drafts:
        if "currency" not in draft.found and "currency" not in draft.open:
            _currency_from_context(draft, context, currencies)
        yearly = draft.open.get("years", "").startswith("each year")
        if "years" in draft.found or yearly:
            continue
        if since:
            draft.open["years"] = f"the text gives a start ({since[0]!r}) and no end"
        elif len(context.years) == 1:
            draft.found["years"] = Found(*next(iter(context.years.items())))
            draft.open.pop("years", None)
    if _bare_figures(drafts, reading, languages):
        return []  # figures with no party, stage or kind of aid: no pledge told here
    ordered = _wholes_first(drafts, links, offset, context)
    _remember(context, ordered, donors, recipients, offset)
    return ordered


_EACH_AFTER = _Lazy(
    r"^\s*(?:\([^()]*\)\s*)?(?:each|apiece|chacun|chacune|jeweils|hver|hvert|vardera|elk"
    r"|ieder|ciascuno|ciascuna|cada uno|cada una|każdy|każda)(?![\w])",
    re.IGNORECASE,
)
_BOTH_BEFORE = _Lazy(
    r"(?<![\w'\u2019])(?:both|beide|begge|båda|tous deux|toutes deux|ambos|ambas|entrambi"
    r"|entrambe|obaj|oba|obie)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)
"""An amount each of several parties gives or gets ("£100m each", "1 milliard de dollars
chacun", "Sweden and Australia both put up over $23 million"): one draft per party."""


def _each_of(
    reading: str,
    draft: Draft,
    link: _Link,
    givers: Sequence[_Party],
    receivers: Sequence[_Party],
    own_recipients: set[str],
) -> tuple[str, list[_Party]]:
    """The role ("donor" or "recipient") whose several parties each have the draft's whole
    amount, with them in the sentence's order: its recipients, or the givers named last
    before it; ("", []) when the amount is not each's."""
    amount = draft.found.get("amount")
    if amount is None or link.at < 0:
        return "", []
    end = reading.find(amount.words, link.at)
    after = reading[end + len(amount.words) :] if end != -1 else ""
    if not (_EACH_AFTER.match(after) or _BOTH_BEFORE.search(reading[: link.at])):
        return "", []
    if len(own_recipients) > 1:
        first: dict[str, _Party] = {}
        for party in receivers:
            if party.name in own_recipients:
                first.setdefault(party.name, party)
        return "recipient", sorted(first.values(), key=lambda p: p.start)
    group = _last_group(reading, givers, link.clause[0], link.at, articles=True)
    if len({p.name for p in group}) > 1:
        return "donor", group
    return "", []


def _apart(
    drafts: list[Draft], links: list[_Link], each: Sequence[tuple[str, list[_Party]]]
) -> tuple[list[Draft], list[_Link]]:
    """The drafts with one copy per party of each amount that several parties each have
    (`_each_of`); a sentence whose drafts link to one another is left as it is."""
    if not any(parties for _, parties in each) or any(
        link.part_of is not None or link.delivery_of is not None for link in links
    ):
        return drafts, links
    kept: list[Draft] = []
    kept_links: list[_Link] = []
    for draft, link, (role, parties) in zip(drafts, links, each, strict=True):
        if not parties:
            kept.append(draft)
            kept_links.append(link)
        for party in parties:
            copy = replace(
                draft,
                found=dict(draft.found),
                open=dict(draft.open),
                conversions=list(draft.conversions),
            )
            copy.found[role] = Found(party.name, party.words)
            copy.open.pop(role, None)
            kept.append(copy)
            kept_links.append(replace(link))
    return kept, kept_links


def _nearest(sentence: str, parties: Sequence[_Party], link: _Link, *, after: bool) -> set[str]:
    """The parties of one draft: all the sentence's when it names one; else the ones
    in the draft's clause; else the ones named next to its amount. A donor is named
    before its amount: the last names before it when they are one ("while Britain
    pledged £240m in aid and £3bn"; "Denmark, Estonia ... and Sweden" are several). A
    recipient just before it, with at most its verb between ("Luxemburg krijgt 1,8 miljoen
    euro"); else after it ("$61 billion for Ukraine, $26 billion for Israel"), or before
    the first amount of its clause."""
    names = {p.name for p in parties}
    if len(names) <= 1 or link.at < 0:
        return names
    start, end = link.clause
    in_clause = {p.name for p in parties if start <= p.start < end}
    if len(in_clause) == 1:
        return in_clause
    if not after:
        last = {p.name for p in _last_group(sentence, parties, start, link.at)}
        return last if len(last) == 1 else names
    following = {p.name for p in parties if link.at < p.start < link.following}
    before = {p.name for p in parties if link.previous <= p.start < link.at}
    own = {
        p.name
        for p in parties
        if p.role == "recipient"
        and link.previous <= p.start < link.at
        and len(sentence[p.start + len(p.words) : link.at].split()) <= 2
        and not re.search(r"[,;:()]", sentence[p.start + len(p.words) : link.at])
        and not _AND.search(sentence[p.start + len(p.words) : link.at])
    }  # "Luxemburg krijgt 1,8 miljoen euro ..., en Oostenrijk een kleine 800.000 euro"
    first = link.previous == start  # no amount before it in the clause
    for side in (own, following, before if first else set()):
        if len(side) == 1:
            return side
    return names


def _last_group(
    sentence: str, parties: Sequence[_Party], start: int, at: int, *, articles: bool = False
) -> list[_Party]:
    """The parties named last before `at` (from `start`), joined by commas or "and"
    ("Denmark, Estonia ... and Sweden"; with `articles`, "l'Allemagne et la France")."""
    joined = _JOINED_WITH_ARTICLE if articles else _JOINED
    group: list[_Party] = []
    for party in reversed([p for p in parties if start <= p.start < at]):
        if group:
            gap = sentence[party.start + len(party.words) : group[0].start]
            if not joined.fullmatch(gap):
                break
        group.insert(0, party)
    return group


_JOINED = _Lazy(r"[\s,]*(?:(?:and|og|och|und|et|en|i|y|e|oraz)\s+(?:the\s+)?)?", re.IGNORECASE)
_JOINED_WITH_ARTICLE = _Lazy(
    r"[\s,]*(?:(?:and|og|och|und|et|en|i|y|e|oraz)\s+"
    r"(?:(?:the|la|le|les|die|der|den|de|het|el|los|las|il|gli)\s+|l['\u2019])?)?",
    re.IGNORECASE,
)


_SINCE = r"(?:since|seit|siden|sidan|sedan|depuis|sinds|desde|od|dall['\u2019]|dalla|dal)"
"""The word of a start ("since 2008", "sidan 2022") in each language."""
_SINCE_YEAR = _Lazy(
    r"(?<![\w'\u2019])" + _SINCE + r"\s*"
    r"(?:(?:\d{1,2}\.?\s+)?(?:[^\W\d_]{3,}\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b"
    r"|(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?"
    r"(?:war|invasion|conflict)|(?:dem\s+)?Kriegsbeginn|(?:dem\s+)?Beginn des Krieges"
    r"|krigens\s+(?:start|begynnelse|utbrudd|udbrud)|krigets\s+(?:början|utbrott)"
    r"|le\s+début\s+(?:de\s+la\s+guerre|du\s+conflit)|el\s+(?:inicio|comienzo)\s+de\s+la\s+guerra"
    r"|inizio\s+della\s+guerra|początku\s+wojny|het\s+begin\s+van\s+de\s+oorlog)",
    re.IGNORECASE,
)
"""A start with no end ("having contributed DKK126 million since 2008", "since the outbreak
of the war"): the figure is a sum to date, not one of the article's year."""


_OWN_KRONE = {"no": "NOK", "da": "DKK", "sv": "SEK"}


def _own_krone(draft: Draft, languages: Languages) -> None:
    """In a Norwegian, Danish or Swedish text a krone no country names is the text's own."""
    own = _OWN_KRONE.get(languages[0])
    parsed = draft.parsed
    if own and parsed is not None and own in parsed.one_of and "currency" in draft.open:
        draft.found["currency"] = Found(own, draft.found["amount"].words)
        draft.open.pop("currency")


def _bare_dollar(draft: Draft) -> None:
    """A bare "$" from a donor whose own money is another dollar (Ottawa, Canberra) is
    its own dollar as often as the US one: the currency is left open."""
    currency, donor = draft.found.get("currency"), draft.found.get("donor")
    if currency is None or donor is None or currency.value != "USD":
        return
    own = NATIONAL_CURRENCY.get(places.resolve(donor.value).code or "")
    bare = re.search(r"(?<![^\W\d_])\$", currency.words) and not re.search(
        r"(?i)\bU\.?S\b|dollar", currency.words
    )
    if bare and own in money.DOLLARS and own != "USD":
        draft.found.pop("currency")
        draft.open["currency"] = f"a bare '$' from {donor.value}: {own} or USD?"


def _bare_figures(drafts: Sequence[Draft], reading: str, languages: Languages) -> bool:
    """Whether a sentence gives only figures: no donor, no recipient, no stage, no kind
    of aid or instrument, no word of aid or support ("3,4 mld dolarów, to około 14
    miliardów złotych"): a restatement or a comparison, not a pledge."""
    told = ("donor", "recipient", "status", "category", "instrument")
    if any(name in d.found for d in drafts for name in told):
        return False
    if any(d.relative_to is not None for d in drafts):
        return False
    aid = _compiled(
        languages,
        r"(?<![\w'\u2019])(?:{aid}|{delivery}|{authorization}|" + _GIVING_VERBS + r")(?![\w])",
    )
    return not aid.search(reading)


def _wholes_first(
    drafts: list[Draft], links: list[_Link], offset: int, context: _Context
) -> list[Draft]:
    """The drafts with each whole before its parts and deliveries (an import reads a
    link's target first), links turned into indices among the text's drafts."""
    order: list[int] = []
    for index, link in enumerate(links):
        target = link.part_of if link.part_of is not None else link.delivery_of
        if target is not None and target >= 0 and target not in order:
            order.append(target)
        if index not in order:
            order.append(index)
    position = {old: new for new, old in enumerate(order)}
    for index, link in enumerate(links):
        draft = drafts[index]
        if link.part_of is not None:
            draft.part_of = (
                offset + position[link.part_of] if link.part_of >= 0 else context.last_whole_index
            )
        if link.delivery_of is not None:
            draft.delivery_of = offset + position[link.delivery_of]
    return [drafts[i] for i in order]


@dataclass(frozen=True)
class _Sentence:
    """One sentence being read: its text, the text with conversions set aside, its
    languages, the source's date, its amounts (conversions and sums not pledged aside)
    and its main clause."""

    text: str
    reading: str
    languages: Languages
    source_date: dt.date | None
    mentions: Sequence[_Mention]
    main_clause: str

    def drafts(
        self, clauses: Sequence[tuple[int, str]], context: _Context
    ) -> tuple[list[Draft], list[_Link]]:
        """A draft per amount, and one per figure told only as another year's; and how
        each is linked to another of the sentence (a part, a delivery, a yearly figure)."""
        drafts: list[Draft] = []
        links: list[_Link] = []
        local: dict[int, int] = {}  # mention start -> draft index
        breakdown = self._marker("breakdown")
        part_of = self._part_of()
        of_this = _compiled(self.languages, r"^\W*(?:{of_this})\b").match(self.text)
        whole_before = of_this is not None and context.last_whole is not None
        main_for_wholes = self.main_clause
        if breakdown is not None and breakdown.start() < len(self.main_clause):
            cut = breakdown.start()
            main_for_wholes = self.main_clause[:cut] + " " * (len(self.main_clause) - cut)
        for start, clause in clauses:
            in_clause = [m for m in self.mentions if start <= m.start < start + len(clause)]
            relative = _SAME_AS.search(clause)
            if not in_clause and relative:
                drafts.append(self.relative(relative, clause, start))
                links.append(_Link())
            for mention in in_clause:
                draft = Draft(self.text)
                _settle_amount(draft, mention)
                share = re.search(
                    rf"(?:{lexicon.FRACTION})\s+(?:\S+\s+){{0,2}}$",
                    self.reading[max(0, mention.origin - 60) : mention.origin],
                    re.IGNORECASE,
                )
                if share and "amount" in draft.found:
                    # "une partie des 1,4 milliard": the pledge is a share of it
                    for name in ("amount", "currency", "qualifier"):
                        draft.found.pop(name, None)
                    draft.parsed = None
                    draft.open["amount"] = (
                        f"the text gives a share ({share[0].strip()!r}) of {mention.words!r}, "
                        "not the share's figure"
                    )
                before = [m.end for m in in_clause if m.end <= mention.start]
                after = [m.start for m in in_clause if m.start > mention.start]
                link = _Link(
                    at=mention.start,
                    clause=(start, start + len(clause)),
                    previous=before[-1] if before else start,
                    following=after[0] if after else start + len(clause),
                )
                own_start, own, main = start, clause, self.main_clause
                if breakdown is not None and start <= breakdown.start() < start + len(clause):
                    cut = breakdown.start() - start
                    if mention.start < breakdown.start():
                        own, main = clause[:cut], main_for_wholes
                    else:
                        own_start, own = breakdown.start(), clause[cut:]
                        link.part_of = self._whole_before(breakdown.start(), local)
                elif part_of is not None and start <= part_of[0] < start + len(clause):
                    cut = part_of[0] - start
                    if mention.start < part_of[0]:
                        own = clause[:cut]
                        if self._delivery(mention, clause, start):
                            link.delivery_of = -2  # resolved once the whole has its index
                        else:
                            link.part_of = -2
                    elif mention.start == part_of[1]:
                        own_start, own = part_of[0], clause[cut:]
                elif whole_before:
                    link.part_of = -1  # the last whole of the sentence before
                self.settle(draft, own, own_start, mention, main)
                if link.delivery_of is not None:
                    self._delivered(draft, clause)
                local[mention.start] = len(drafts)
                drafts.append(draft)
                links.append(link)
        if part_of is not None and part_of[1] in local:
            for link in links:
                if link.part_of == -2:
                    link.part_of = local[part_of[1]]
                if link.delivery_of == -2:
                    link.delivery_of = local[part_of[1]]
        for link in links:
            if link.part_of == -2:
                link.part_of = None
            if link.delivery_of == -2:
                link.delivery_of = None
        expand = self._yearly(drafts, links, local)
        self._respectively(drafts)
        self._sums(drafts, links)
        drafts, links = self._per_year(drafts, links, expand)
        for draft, link in zip(drafts, links, strict=True):
            if link.part_of == -1 and context.last_whole is not None:
                _inherit_from_whole(draft, context.last_whole, years=True)
        return drafts, links

    def _marker(self, name: str) -> re.Match[str] | None:
        """The first word of field `name` with an amount both before and after it."""
        pattern = _word(self.languages, name)
        for match in pattern.finditer(self.reading):
            if any(m.end <= match.start() for m in self.mentions) and any(
                m.start >= match.end() for m in self.mentions
            ):
                return match
        return None

    def _whole_before(self, at: int, local: dict[int, int]) -> int | None:
        before = [m for m in self.mentions if m.end <= at and m.start in local]
        return local[before[-1].start] if before else None

    def _part_of(self) -> tuple[int, int] | None:
        """Where "as part of" puts what comes before it in the amount after it: the
        marker's start and that amount's start."""
        pattern = _word(self.languages, "part_of")
        for match in pattern.finditer(self.reading):
            following = [m for m in self.mentions if m.start >= match.end()]
            if not following or not any(m.end <= match.start() for m in self.mentions):
                continue
            between = self.reading[match.end() : following[0].start]
            if re.fullmatch(r"(?:\s+[^\s,;.()]+){0,4}?\s+", between):
                return match.start(), following[0].start
        return None

    def _delivery(self, mention: _Mention, clause: str, start: int) -> bool:
        """Whether the amount is money paid out of a larger sum (a tranche, a
        disbursement) rather than a part of what it promises."""
        near = self.reading[max(0, mention.start - 60) : mention.end + 40]
        return bool(_word(self.languages, "delivery").search(near))

    def _delivered(self, draft: Draft, clause: str) -> None:
        """A tranche paid out is disbursed, unless the clause tells it in the future."""
        if _word(self.languages, "future").search(clause):
            return
        words = _word(self.languages, "delivery").search(self.reading)
        draft.found["status"] = Found(Status.DISBURSED, words[0] if words else "tranche")
        draft.open.pop("status", None)

    def _yearly(
        self, drafts: list[Draft], links: list[_Link], local: dict[int, int]
    ) -> dict[int, list[int]]:
        """ "X every year ..., a total of Y", "annual support of X": X is each year's
        figure, a part of Y. Over named years it is one draft per year (returned: the
        draft's index and its years); else its years stay open."""
        each = _compiled(self.languages, r"^\s+(?:\S+\s+){0,2}?{each_year}(?![\w])")
        total = _compiled(self.languages, r"(?<![\w'\u2019]){total}\s+(?:\S+\s+){0,2}?$")
        yearly = [
            m
            for m in self.mentions
            if m.start in local
            and (
                each.match(self.reading[m.end :])
                or _ANNUAL.search(self.reading[max(0, m.origin - 40) : m.origin])
            )
        ]
        totals = [
            m for m in self.mentions if m.start in local and total.search(self.reading[: m.start])
        ]
        expand: dict[int, list[int]] = {}
        for mention in yearly:
            index = local[mention.start]
            draft = drafts[index]
            words = each.match(self.reading[mention.end :]) or _ANNUAL.search(
                self.reading[max(0, mention.origin - 40) : mention.origin]
            )
            # Its own years: a range between the amounts next to it, or its envelope's.
            earlier = [m.end for m in self.mentions if m.end <= mention.start]
            later = [m.start for m in self.mentions if m.start >= mention.end]
            own = self.reading[earlier[-1] if earlier else 0 : later[0] if later else None]
            ranges = {
                YearSpan(int(r["first"]), int(r["last"]))
                for r in _RANGE.finditer(own)
                if len(r["last"]) == 4 and int(r["last"]) > int(r["first"])
            }
            span = next(iter(ranges)) if len(ranges) == 1 else None
            if totals and totals[0] is not mention:
                links[index].part_of = local[totals[0].start]
                whole = drafts[local[totals[0].start]]
                if "years" in whole.found and whole.value("years").is_envelope:
                    span = whole.value("years")
            links[index].yearly = True
            draft.found.pop("years", None)
            said = words[0].strip() if words else "each year"
            if span is not None and span.end - span.start < 20:
                draft.open.pop("years", None)
                draft.note = f"{said!r}: one of {span.end - span.start + 1} yearly figures"
                expand[index] = list(range(span.start, span.end + 1))
            else:
                draft.open["years"] = f"each year's figure ({said!r}): one record per year"
        return expand

    @staticmethod
    def _per_year(
        drafts: list[Draft], links: list[_Link], expand: dict[int, list[int]]
    ) -> tuple[list[Draft], list[_Link]]:
        """Each yearly draft as one draft per year, links kept."""
        if not expand:
            return drafts, links
        position: dict[int, int] = {}
        out_drafts: list[Draft] = []
        out_links: list[_Link] = []
        for index, (draft, link) in enumerate(zip(drafts, links, strict=True)):
            position[index] = len(out_drafts)
            years: list[int | None] = [*expand.get(index, [])] or [None]
            for year in years:
                copy = replace(
                    draft,
                    found=dict(draft.found),
                    open=dict(draft.open),
                    conversions=list(draft.conversions),
                )
                if year is not None:
                    copy.found["years"] = Found(YearSpan(year, year), f"{year} ({copy.note})")
                out_drafts.append(copy)
                out_links.append(replace(link))
        for link in out_links:
            for name in ("part_of", "delivery_of"):
                target = getattr(link, name)
                if target is not None and target >= 0:
                    setattr(link, name, position[target])
        return out_drafts, out_links

    def _sums(self, drafts: list[Draft], links: list[_Link]) -> None:
        """ "85 milliarder kroner ..., 70 milliarder til militær støtte og 15 milliarder til
        sivil hjelp": figures after a whole that add up to it exactly are its parts."""
        values = [
            d.value("amount") if "amount" in d.found and links[i].part_of is None else None
            for i, d in enumerate(drafts)
        ]
        for index, whole in enumerate(values):
            if whole is None or any(link.part_of == index for link in links):
                continue
            total, run = 0, []
            for later in range(index + 1, len(values)):
                value = values[later]
                if value is None:
                    break
                total += value
                run.append(later)
                if total >= whole:
                    break
            if len(run) >= 2 and total == whole:
                for later in run:
                    links[later].part_of = index
                    values[later] = None

    def _respectively(self, drafts: list[Draft]) -> None:
        """ "NOK 2.5 billion and NOK 7 billion in 2023 and 2024, respectively": the
        figures take the years in the order they are given."""
        if not _compiled(self.languages, r"(?<![\w'\u2019]){respectively}").search(self.reading):
            return
        years = [
            match
            for match in _SINGLE_YEAR.finditer(self.reading)
            if not _date_around(self.reading, match.start(), self.languages)
        ]
        counted = [d for d in drafts if "amount" in d.found]
        if len(years) != len(counted) or len(years) < 2:
            return
        for draft, year in zip(counted, years, strict=True):
            value = int(year[0])
            draft.found["years"] = Found(YearSpan(value, value), f"{year[0]} (respectively)")
            draft.open.pop("years", None)

    def relative(self, match: re.Match[str], clause: str, start: int) -> Draft:
        """A figure told as another year's ("at the same scale as in 2025")."""
        draft = Draft(self.text)
        year = _relative_year(match, self.source_date)
        draft.relative_to = year
        draft.open["amount"] = f"the text gives it as {match[0]!r}, not as a figure" + (
            f"; see {year}'s record" if year else ""
        )
        self.settle(draft, clause, start, None, self.main_clause)
        return draft

    def settle(
        self, draft: Draft, clause: str, start: int, mention: _Mention | None, main: str
    ) -> None:
        """Years, stage, category and instrument: from the words next to the amount
        (its sub-clause: "€1.7 billion in 2022 and €2.1 billion in 2023"), else from the
        clause, else the sentence's main clause (not a year another clause gives its
        own figure)."""
        before, after = self._beside(mention, clause, start)
        years: tuple[YearSpan, str] | str | None = None
        if mention is not None:
            years = _duration(self.reading, self.languages)
        for side in (after, before) if years is None else ():
            found = _years(side, self.source_date, self.languages) if side.strip() else None
            if found is not None and not isinstance(found, str):
                years = found
                break
        if years is None:
            years = _years(clause, self.source_date, self.languages)
        if years is None and start and re.match(r",\s+when\b", self.reading[start:]):
            # "as in 2025, when Oslo provided ...": the year just before the clause.
            earlier = _SINGLE_YEAR.findall(self.reading[:start])
            years = (YearSpan.parse(earlier[-1]), earlier[-1]) if earlier else None
        if years is None and clause != main:
            years = _years(main, self.source_date, self.languages)
        if isinstance(years, str):
            draft.open["years"] = years
        elif years is not None:
            draft.found["years"] = Found(years[0], years[1])
        elif "years" not in draft.open:
            draft.open["years"] = "the text gives no year" + (
                "" if self.source_date else " (a relative year needs --source-date)"
            )
        near = _near(clause, start, mention, self.mentions)
        exclude: frozenset[Status] = frozenset()
        if mention is not None and _word(self.languages, "authorization").search(
            self.reading[max(0, mention.start - 60) : mention.end]
        ):
            # "authorization for a drawdown of up to $450 million": authorised, not paid.
            exclude = frozenset((Status.DISBURSED, Status.ALLOCATED))
        stages: dict[Status, str] = {}
        whole_before = self._before_amount(mention, start)
        running = _RUNNING_TOTAL.search(whole_before)
        for side in () if running else (before, after, clause):
            stages = _stage(side, self.languages, exclude) if side.strip() else {}
            if stages:
                break
        if running:
            draft.open["status"] = (
                f"a total so far ({running[0].strip()!r}) has no stage of its own"
            )
        _settle_word(draft, "status", stages, "stages")
        own = self._kind_words(near, before if self._earlier(mention, start) else whole_before)
        kinds: dict[Any, str] = _civilian(_matching(self.languages, CATEGORIES, own), own)
        other = _OTHER_PURPOSE.search(own)
        if kinds and other:  # "humanitarian assistance and support for Ukraine's recovery"
            kinds = {**kinds, "other": other[0]}
        _settle_word(draft, "category", kinds, "categories")
        instruments = _matching(self.languages, INSTRUMENTS, near) or _matching(
            self.languages, INSTRUMENTS, " ".join(before.split()[-4:])
        )  # "a loan of $200 million", "una sovvenzione di un miliardo"
        _settle_word(draft, "instrument", instruments, "instruments")

    def _kind_words(self, near: str, before: str) -> str:
        """The words that say what kind of aid an amount is: after it up to a breakdown
        ("a billion kronor, varav hälften ska gå till militärt stöd": the half is
        military, not the whole; "compresi gli aiuti militari": the whole holds more
        than military aid), else its own sub-clause before it; the war's own words
        ("special military operation", "military aggression") set aside."""
        cut = _compiled(self.languages, _START + r"{breakdown}(?![\w])").search(near)
        after = near[: cut.start()] if cut else near
        if not _matching(self.languages, CATEGORIES, _WAR.sub(" ", after)) and not cut:
            after += " " + before
        return _WAR.sub(" ", after)

    def _earlier(self, mention: _Mention | None, start: int) -> list[int]:
        """Where the amounts of the clause (from `start`) before this one end."""
        if mention is None:
            return []
        return [m.end for m in self.mentions if start <= m.end <= mention.start]

    def _before_amount(self, mention: _Mention | None, start: int) -> str:
        """The words from the amount before (or the clause's start) to this one."""
        if mention is None:
            return ""
        earlier = self._earlier(mention, start)
        return self.reading[earlier[-1] if earlier else start : mention.start]

    def _beside(self, mention: _Mention | None, clause: str, start: int) -> tuple[str, str]:
        """The words of the amount's own sub-clause: before it back to a comma or "and"
        (or the amount before), after it up to a comma, "and" or a relative clause."""
        if mention is None:
            return "", ""
        end = start + len(clause)
        earlier = self._earlier(mention, start)
        later = [m.start for m in self.mentions if mention.end <= m.start < end]
        before = self.reading[earlier[-1] if earlier else start : mention.start]
        after = self.reading[mention.end : later[0] if later else end]
        cut = _SUB_CLAUSE.split(before)
        before = cut[-1] if cut else before
        after = _SUB_CLAUSE.split(after)[0]
        return before, after


_RUNNING_TOTAL = _Lazy(
    r"(?<![\w'\u2019])(?:(?:bringing|brings|brought|taking|takes|raising|raises|portant|porte"
    r"|portera|portando|porta|elevando|eleva|elevará|zwiększając|podnosząc|brengt|bracht)\s+"
    r"(?:\S+\s+){0,12}?(?:up\s+)?(?:to|à|a|do|op|auf)"
    r"|(?:damit|somit|daarmee|waarmee)\s+(?:\S+\s+){0,3}?(?:auf|op))\s+(?:\S+\s+){0,4}?$",
    re.IGNORECASE,
)
"""A total so far after the amount added ("bringing Norway's contribution to NOK 1.5 billion",
"portant le total à", "steigt damit auf insgesamt"): what was given until now, of no one
stage."""
_ANNUAL = _Lazy(
    r"(?<![\w'\u2019])(?:annual|yearly|årlig|årlige|årligt|årliga|jährlich\w*|annuel\w*"
    r"|jaarlijks\w*|roczn\w*|coroczn\w*|anual\w*|annual\w*|annu[oaie])\s+(?:\S+\s+){0,4}?$",
    re.IGNORECASE,
)
_SUB_CLAUSE = _Lazy(
    r",\s|;\s|(?<!\d)\s(?:and|og|och|und|et|en|i|y|e|oraz|which|that|who|som|der|die|qui|que"
    r"|che|dat|który|która|które|compared)\s(?!\d)",
    re.IGNORECASE,
)
_DURATION = _Lazy(
    r"\b(?:period of|periode på|perioden på|period på|Zeitraum von|période de|periode van"
    r"|okres|período de|periodo di|over|for|i|über|sur|przez|durante|per)\s+"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|to|tre|fire|fem|seks|sju|syv|åtte|otte"
    r"|två|fyra|sex|åtta|zwei|drei|vier|fünf|sechs|deux|trois|quatre|cinq|twee|drie|vijf"
    r"|dwóch|trzech|czterech|pięciu|dos|tres|cuatro|cinco|due|tre|quattro|cinque|\d{1,2})"
    r"\s+(?:years?|år|årene|åren|Jahren?|ans|années|jaar|lat|años|anni)\b",
    re.IGNORECASE,
)
_COUNT = {
    **dict.fromkeys(("two", "to", "två", "zwei", "deux", "twee", "dwóch", "dos", "due"), 2),
    **dict.fromkeys(("three", "tre", "drei", "trois", "drie", "trzech", "tres"), 3),
    **dict.fromkeys(("four", "fire", "fyra", "vier", "quatre", "czterech", "cuatro", "quattro"), 4),
    **dict.fromkeys(("five", "fem", "fünf", "cinq", "vijf", "pięciu", "cinco", "cinque"), 5),
    **dict.fromkeys(("six", "seks", "sex", "sechs"), 6),
    **dict.fromkeys(("seven", "sju", "syv"), 7),
    **dict.fromkeys(("eight", "åtte", "otte", "åtta"), 8),
    **dict.fromkeys(("nine",), 9),
    **dict.fromkeys(("ten",), 10),
}


def _duration(text: str, languages: Languages) -> tuple[YearSpan, str] | None:
    """ "i en periode på fem år, med oppstart i 2023": N years from the one year given."""
    match = _DURATION.search(text)
    if match is None:
        return None
    said = match["n"].lower()
    count = int(said) if said.isdigit() else _COUNT.get(said, 0)
    years = [
        int(y[0])
        for y in _SINGLE_YEAR.finditer(text)
        if not _date_around(text, y.start(), languages)
    ]
    if len(set(years)) != 1 or not 2 <= count <= 10:
        return None
    first = years[0]
    return YearSpan(first, first + count - 1), f"{match[0]} ... {first}"


_WAR = _Lazy(
    r"(?:special|speciale|spesielle|särskilda)?\s*(?:military|militær\w*|militär\w*|militaire"
    r"|militar\w*|wojskow\w*)\s+(?:special)?\s*(?:operation|operasjon|operation|operatie"
    r"|operacj\w*|operación|operazione|aggression|aggresjon|aggression|agressie|agresj\w*"
    r"|agresión|aggressione|invasion|invasjon|inwazj\w*|invasión|invasione|offensive|attack"
    r"|angrep)\w*"
    r"|(?:Spezialoperation|Militäroperation|Militärinvasion|opération militaire|operación militar"
    r"|operazione militare|specjaln\w* operacj\w* wojskow\w*|militära specialoperation\w*"
    r"|militære specialoperation\w*|militære spesialoperasjon\w*)"
    r"|våbenhvile\w*|våpenhvile\w*|vapenvila\w*|vapenstillestånd\w*|Waffenruhe|Waffenstillstand\w*"
    r"|wapenstilstand\w*|wapenbestand\w*|zawieszeni\w* broni|rozejm\w*",
    re.IGNORECASE,
)
"""The war's words ("special military operation", "Russia's military aggression") and
those of its ceasefire ("våbenhvile", "zawieszenie broni"): they tell no kind of aid."""


_OTHER_PURPOSE = _Lazy(
    r"(?<![\w'\u2019])(?:reconstruction|recovery|rebuild\w*|restor\w*|infrastructure"
    r"|gjenoppbygging\w*|genopbygning\w*|återuppbyggnad\w*|Wiederaufbau\w*|redressement"
    r"|wederopbouw|odbudow\w*|reconstrucción|recuperación|ricostruzion\w*"
    r"|development aid|utviklingsbistand\w*|udviklingsbistand\w*|utvecklingsbistånd\w*"
    r"|Entwicklungshilfe|Entwicklungszusammenarbeit|aide au développement|ontwikkelingshulp"
    r"|pomoc\w* rozwojow\w*|ayuda al desarrollo|aiuto allo sviluppo)(?![\w])",
    re.IGNORECASE,
)
"""A purpose that is no one kind of aid (rebuilding, recovery, development aid): beside a
kind ("humanitære indsatser og genopbygning"), the money is of several kinds. "Bistand"
alone is any aid ("humanitær bistand"), not a purpose of its own."""


def _civilian(kinds: dict[Any, str], text: str) -> dict[Any, str]:
    """ "icke militära", "non-military": civilian, not military; "vern av sivile" (the
    protection of civilians): people, not civilian support."""
    if Category.CIVILIAN in kinds and _CIVILIANS.search(text):
        kinds = {kind: words for kind, words in kinds.items() if kind is not Category.CIVILIAN}
    negated = re.search(
        r"(?:non-|ikke[- ]|icke[- ]|nicht[- ]?|non[- ]|niet[- ]|nie|no[- ])"
        r"(?:military|militær|militär|militar|militair|wojskow)\w*",
        text,
        re.IGNORECASE,
    )
    if negated and Category.MILITARY in kinds:
        return {Category.CIVILIAN: negated[0]}
    return kinds


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
            f"{mention.words!r}: {mention.parsed.shared} are {mention.parsed.named}; "
            "the donor settles which"
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


def _matching(languages: Languages, table: Sequence[tuple[Any, str]], text: str) -> dict[Any, str]:
    hits = {}
    for value, name in table:
        match = _word(languages, name).search(text)
        if match:
            hits[value] = match[0]
    return hits


def _stage(
    clause: str, languages: Languages, exclude: frozenset[Status] = frozenset()
) -> dict[Status, str]:
    """The stage the clause's verbs state. A verb in the future or the infinitive
    ("will be allocated", "plans to provide", "å gi", "bereitzustellen") is an
    announcement, not that stage. When the clause states several, the first verb is the
    main one ("har bestemt at Norge skal gi": decided), except a verb that only reports
    ("announced that ... reached an agreement")."""
    future = clause
    if languages[0] == lexicon.ENGLISH:  # "to" is "two" in Danish and Norwegian
        future = re.sub(
            r"\b(?:will|would|to)\s+(?:be\s+)?\w+(?:ed|en)?\b|\bto\s+\w+\b",
            lambda match: " will " if match[0].lower().startswith(("will", "would")) else " ",
            clause,
            flags=re.IGNORECASE,
        )
    future = _word(languages, "infinitive").sub(" ", future)
    hits: list[tuple[int, Status, str]] = []
    for status, name in STAGES:
        if status in exclude:
            continue
        match = _word(languages, name).search(future)
        if match:
            hits.append((match.start(), status, " ".join(match[0].split())))
    if len(hits) > 1:
        reporting = re.compile(
            r"^[,]?\s+(?:\S+\s+)?(?:that|at|att|dass|que|qu['\u2019]|dat|że|che)\b", re.IGNORECASE
        )
        kept = [
            hit
            for hit in hits
            if not (hit[1] is Status.ANNOUNCED and reporting.match(future[hit[0] + len(hit[2]) :]))
        ]
        hits = sorted(kept or hits)[:1]
    found = {
        status: words
        for at, status, words in hits
        if not (status is Status.ANNOUNCED and _bare_future(clause, words, languages))
    }
    headline = _HEADLINE.match(clause)  # "Canada to allocate CAD 200 million ..."
    if not found and headline:
        found[Status.ANNOUNCED] = headline[1]
    return found


_FUTURE_WORDS = (
    _AUXILIARIES + r"|skall|kommer|kommer til å|kommer att|würde|würden|werde|gaat|gaan"
    r"|sera|seront|sarà|saranno|será|serán|zostanie|zostaną"
)
_FUTURE = _Lazy(r"(?<![\w'\u2019])(?:" + _FUTURE_WORDS + r")(?![\w'\u2019])", re.IGNORECASE)
_FUTURE_AMOUNTING = _Lazy(
    r"(?<![\w'\u2019])(?:" + _FUTURE_WORDS + r")\s+(?:\S+\s+){0,3}?(?:utgjøre|udgøre|uppgå"
    r"|belaufen|betragen|beløpe|beløbe|amount to|s['\u2019]élever|atteindre|ammontare"
    r"|raggiungere|wynieść|ascender|alcanzar|bedragen|være på|bli på|vara|uitkomen op)(?![\w])",
    re.IGNORECASE,
)
"""A future of amounting to ("vil etter dette utgjøre 620 mill. kroner", "kommer til at
udgøre i alt 920 millioner kroner"): what a sum will come to, no promise."""


def _bare_future(clause: str, words: str, languages: Languages) -> bool:
    """Whether an announcement is only a future auxiliary in a clause with no verb of
    giving, receiving or going to ("will help ... cover expenses", "kommer ... att nå
    100 miljarder", "Het gaat om"): a future of reaching, helping or amounting to is no
    promise."""
    if not _FUTURE.fullmatch(words):
        return False
    if _FUTURE_AMOUNTING.search(clause):
        return True
    giving = _compiled(
        languages,
        _START + r"(?:" + _STAGES + r"|{receive}|go|goes|gå|går"
        r"|gehen|geht|fließ\w*|aller|ira|iront|bereit\w*|increas\w*|rais\w*|erhöh\w*|øk\w*"
        r"|doubl\w*|verdoppel\w*|fordobl\w*|fördubbl\w*|verdubbel\w*|raddoppi\w*|duplic\w*"
        r"|podwoi\w*"
        r"|øg\w*|ök\w*|augment\w*|verhoog\w*|zwiększ\w*|aument\w*|present\w*|præsenter\w*"
        r"|präsentier\w*|présent\w*|Verfügung|beschikking|disposition|disposición"
        r"|disposizione|rådighet|rådighed|förfogande|dyspozycji|spend|bruke|bruge|använda"
        r"|ausgeben|dépenser|uitgeven|wydać|gastar|spendere|" + _GIVING_VERBS + r")" + _INFLECTED,
    )
    return not giving.search(_FUTURE.sub(" ", clause))


def _date_around(text: str, at: int, languages: Languages) -> bool:
    """Whether the year at `at` is a date's ("15 October 2025", "24. februar 2022",
    "15/12/2023", "15.12.2023")."""
    return bool(
        _compiled(
            languages,
            r"(?:(?:{months})\.?\s+\d{0,2},?\s*(?:de\s+|del\s+)?"
            r"|\d{1,2}\.?\s+(?:de\s+)?(?:{months})\.?\s+(?:de\s+)?"
            r"|(?<![\d./-])\d{1,2}([./-])\d{1,2}\1)$",
        ).search(text[:at])
    )


def _years(
    text: str, source_date: dt.date | None, languages: Languages
) -> tuple[YearSpan, str] | str | None:
    """The one year or range `text` gives (with its words); a reason when it gives
    several; None when none."""
    found = {span: words for span, words in _year_mentions(text, source_date, languages)}
    if not found:
        return None
    if len(found) > 1:
        listed = ", ".join(repr(words) for words in found.values())
        return f"the text gives several years ({listed}) and does not say which is this pledge's"
    span, words = next(iter(found.items()))
    return span, words


def _year_mentions(
    text: str, source_date: dt.date | None, languages: Languages
) -> Iterator[tuple[YearSpan, str]]:
    """Years and ranges, explicit or relative to the source's date; not those of dates
    ("15 October 2025") nor those a relative amount points at ("as in 2025"), nor an
    end date alone ("by 2036", "bis 2029"), the old plan's or the war's."""
    spans: list[tuple[int, int, YearSpan, str]] = []
    for same in _SAME_AS.finditer(text):
        text = text[: same.start()] + " " * len(same[0]) + text[same.end() :]
    not_the_year = _compiled(
        languages,
        r"(?:(?<![\w'\u2019])(?:{until})\s+(?:(?:in|the|il|el|dem|der|end of|the end of|slutten av"
        r"|utgangen av|Ende|fin|eind|końca|finales de|fine)\s+)*"
        r"|(?<![\w'\u2019])" + _SINCE + r"\s+"
        r"(?:(?:{months})\.?\s+(?:de\s+|del\s+)?)?"
        r"|(?<![\w'\u2019])(?:{war})\b[^.;,]{0,30}\b(?:in|i|im|en|w|nel)\s+)$",
    )
    war_after = _compiled(languages, r"^\s+(?:\S+\s+)?(?:{war})")
    for match in _RANGE.finditer(text):
        first, last = int(match["first"]), match["last"]
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if end > first:
            spans.append((match.start(), match.end(), YearSpan(first, end), match[0]))
    for match in _SINGLE_YEAR.finditer(text):
        if any(start <= match.start() < end for start, end, _, _ in spans):
            continue
        if (
            _date_around(text, match.start(), languages)
            or not_the_year.search(text[: match.start()])
            or war_after.match(text[match.end() :])  # "Russia's 2022 full-scale invasion"
        ):
            continue
        year = int(match[0])
        spans.append((match.start(), match.end(), YearSpan(year, year), match[0]))
    if source_date is not None:
        year = source_date.year
        for name, first, last in (("this_year", 0, 0), ("next_year", 1, 1)):
            for match in _word(languages, name).finditer(text):
                spans.append(
                    (match.start(), match.end(), YearSpan(year + first, year + last), match[0])
                )
        numbers = {**lexicon.number_words(languages), **{k: str(v) for k, v in _NUMBERS.items()}}
        for match in _word(languages, "next_years").finditer(text):
            said = next((v for k, v in match.groupdict().items() if k.startswith("n_") and v), "")
            count = int(float(numbers.get(said.lower(), "0")))
            if 2 <= count <= 5:
                spans.append(
                    (match.start(), match.end(), YearSpan(year + 1, year + count), match[0])
                )
    for _, _, span, words in sorted(spans, key=lambda item: item[0]):
        yield span, words


def _relative_year(match: re.Match[str], source_date: dt.date | None) -> int | None:
    words = match["year"] or match["dyear"]
    if words.lower() == "last year":
        return source_date.year - 1 if source_date else None
    return int(words)


def _inherit_from_whole(part: Draft, whole: Draft, *, years: bool) -> None:
    """A part says only what differs from its whole ("of which 70 billion military"):
    the whole's currency (a krone the whole's donor settled too), year, stage and
    instrument."""
    names = (
        ("currency", "years", "status", "instrument")
        if years
        else ("currency", "status", "instrument")
    )
    own_currency = part.parsed is not None and part.parsed.names_currency
    for name in names:
        if name == "currency" and own_currency:
            continue
        if name not in part.found and name in whole.found:
            part.found[name] = whole.found[name]
            part.open.pop(name, None)
        elif name == "currency" and name not in part.found and name in whole.open:
            part.open[name] = whole.open[name]


def _named_before_its_bracket(reading: str, at: int, parties: Sequence[_Party]) -> _Party | None:
    """The party just before the bracket an amount opens ("Jordan (€25 million)"): the
    item of a list the amount is for."""
    return next(
        (
            p
            for p in parties
            if p.start < at and re.fullmatch(r"\s*\(\s*", reading[p.start + len(p.words) : at])
        ),
        None,
    )


def _antecedent_givers(
    reading: str, at: int, givers: Sequence[_Party], languages: Languages
) -> set[str] | None:
    """Who gives an amount told in a relative clause of giving ("the UN's Central Emergency
    Response Fund (CERF), which has allocated USD 20 million"): the name just before the
    clause, or no one when that is no party (a fund); None when the amount is in no such
    clause."""
    relative = _GIVING_RELATIVE.search(reading[:at])
    if (
        relative is None
        or not _compiled(languages, _START + r"(?:" + _STAGES + r")(?![\w])").search(relative[0])
        or any(relative.start() <= p.start < at for p in givers)  # "som Norge har gitt": its own
    ):
        return None
    return {
        p.name
        for p in givers
        if p.start < relative.start()
        and not reading[p.start + len(p.words) : relative.start()].strip()
    }


_GIVING_RELATIVE = _Lazy(
    r",\s*(?:which|who|som|welche|welcher|qui|che|który|która|które)\s+(?:[^\s,;.]+\s+){0,5}$",
    re.IGNORECASE,
)
"""A relative clause opened after a comma, up to an amount in it."""


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
    if (
        draft.parsed is not None
        and draft.parsed.one_of
        and "donor" in draft.found
        and "currency" not in draft.found
    ):
        code = places.resolve(draft.found["donor"].value).code
        own = draft.parsed.settled(None, code)
        if own:
            draft.found["currency"] = Found(own, draft.found["amount"].words)
            draft.open.pop("currency", None)


def _currency_from_context(draft: Draft, context: _Context, named: dict[str, str]) -> None:
    """An amount that names no currency is in the one its sentence names ("500 milioni di
    euro ... e 110 milioni"), else the one the text before named; open when either names
    several."""
    if "amount" not in draft.found:
        return
    if len(named) == 1:
        draft.found["currency"] = Found(*next(iter(named.items())))
    elif not named and len(context.currencies) == 1:
        draft.found["currency"] = Found(next(iter(context.currencies)), context.currency_words)
    else:
        draft.open["currency"] = "the amount names no currency"


def _remember(
    context: _Context,
    drafts: Sequence[Draft],
    donors: set[str],
    recipients: set[str],
    offset: int,
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
    wholes = [
        (index, draft)
        for index, draft in enumerate(drafts)
        if "amount" in draft.found and draft.part_of is None and draft.delivery_of is None
    ]
    if wholes:
        index, context.last_whole = wholes[-1]
        context.last_whole_index = offset + index


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
    if draft.delivery_of is not None:
        row["delivery_of"] = draft_id(drafts[draft.delivery_of], draft.delivery_of)
    notes = [draft.note] if draft.note else []
    if draft.relative_to is not None and not draft.note:
        notes.append(f"the same as in {draft.relative_to}")
    notes += [f"conversion given: {words!r} (not the amount)" for words in draft.conversions]
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
