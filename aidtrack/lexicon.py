"""The words of the donors' languages that `extract` reads news by (issue 24).

English, Norwegian, Danish, Swedish, German, French, Dutch, Polish, Spanish and Italian:
for each, the words that tell a figure's role (given, needed, spent, a conversion), a
pledge's stage, its structure (of which, respectively, each year, as part of) and who
gives and who receives (to, til, für, à, aan, dla, para, per).

Country names are not written here: they are pycountry's ISO 3166 names in each
language, read from its gettext locale files, with the inflections each language gives
a name (the genitive `Norges`, the Polish dative `Ukrainie`). Demonyms come from the
same place: a country named for its language (Norway, Norwegian) has its adjective in
pycountry's ISO 639 names (`norsk`, `norwegisch`, `norvégien`, `norweski`), inflected
by the language's rules. Only what no library keeps is listed by hand: demonyms of
countries not named for a language (Belgian, Swiss), institutions and capitals.

Nothing is read at import. A catalog is read the first time a text in its language is
read, and kept for the process; English needs none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import places
from .errors import InvalidInput

if TYPE_CHECKING:
    import gettext

ENGLISH = "en"


@dataclass(frozen=True, eq=False, repr=False)  # no eq, hash or repr: 2 ms less to import
class Language:
    """One language's words. A field is regex alternatives separated by `|`; a leading
    `*` on an alternative lets a compound end in it (`*hilfe` matches `Militärhilfe`)."""

    code: str
    locales: tuple[str, ...]
    stop: str
    """Frequent function words, space-separated: they tell the language of a sentence."""
    numbers: str
    """Number words and their value, `word=value` space-separated (before a scale word)."""
    at_least: str
    up_to: str
    about: str
    announced: str
    committed: str
    allocated: str
    disbursed: str
    increase: str
    """Verbs of a pledge raised now ("øker støtten med", "erhöht ... um"): announced; not
    verbs of giving that a need or a budget before them is given by ("forsvarsbudsjettet
    øker")."""
    infinitive: str
    """Infinitives and their markers (to X, å X, zu X, de X): not the clause's stage."""
    recipient_before: str
    donor_before: str
    place_before: str
    aside_before: str
    """Neither donor nor recipient after these: a channel (through), a partner (with)."""
    of_before: str
    """A genitive's preposition (de, di, del): the name after it is a possessor."""
    receive: str
    articles: str
    breakdown: str
    of_this: str
    part_of: str
    total: str
    each_year: str
    respectively: str
    equivalent: str
    need_before: str
    need_after: str
    spend: str
    loss: str
    people: str
    aid: str
    government: str
    war: str
    until: str
    this_year: str
    next_year: str
    next_years: str
    """Regex with `{n}` where the number words of `numbers` go."""
    months: str
    military: str
    humanitarian: str
    civilian: str
    financial: str
    loan: str
    grant: str
    guarantee: str
    in_kind: str
    delivery: str
    """Nouns of money paid out of a larger sum: a tranche, a disbursement."""
    authorization: str
    """Nouns of money authorised, not yet paid: a drawdown."""
    demonyms: str
    """Adjectives of countries not named for a language, `adjective=ISO3` space-separated."""
    aliases: str
    """Names pycountry does not give, `name=aidtrack name` separated by `;`."""
    compounds: bool = False
    future: str = ""
    """Words of the future: a tranche that will be paid is not yet delivered."""
    channel: str = ""
    """Nouns of a channel named for its owner ("a NATO fund"): neither donor nor recipient."""


EN = Language(
    code="en",
    locales=(),
    stop="the of and to in is will has for with that which by from its was have are on this "
    "a an it be been as at said would also",
    numbers="",
    at_least="at least|more than|over|in excess of|above|exceed|exceeds|exceeding|no less than"
    "|not less than|exceeded|surpassed|topped",
    up_to="up to|a maximum of|maximum of|(?:the |a )?maximum amount of",
    about="about|around|approximately|nearly|almost|some|roughly|close to|averaging"
    "|an average of|on average|just under|slightly under|a little under|just short of"
    "|slightly less than|just below",
    announced="plans?|planned|announcing|proposes?|proposed|intends?|will|pledged?|pledges"
    "|promised?"
    "|promises|announced?|announces|pledging|prepared|ready|wants|continue|presented|presents"
    "|unveiled|unveils|outlined|outlines|(?:is|are)\\s+set(?=\\s)|preparing|prepares"
    "|proposals?|willing|in the pipeline|offered|offers|donates",
    committed="approved?|approves|green light|green-lit|greenlit|agreed|agrees|adopted"
    "|adopts"
    "|signed|signs|backed|passed"
    "|reached an agreement|committed|commits|authori[sz]ed|authori[sz]ation|decided|decides"
    "|signed off|signs off",
    allocated="allocated|allocates|allocating|earmarked|budgeted|appropriated"
    "|(?:is|are)\\s+making\\s+(?:\\S+\\s+){0,8}?available|makes\\s+(?:\\S+\\s+){0,8}?available"
    "|made\\s+(?:\\S+\\s+){0,8}?available",
    disbursed="granted|provided|delivered|disbursed|paid|transferred|has given|have given|gave"
    "|contributed|spent|released|has sent|have sent|handed over|received|has helped|have helped"
    "|deposited|donated|channell?ed",
    increase="increases|(?:is|are) increasing|boosts|(?:is|are) boosting|steps up"
    "|(?:is|are) stepping up|doubles|(?:is|are) doubling",
    infinitive="",
    recipient_before="to|for|into|towards?|help|support|supporting|assist|provide|aid|give"
    "|giving|providing|send|sending|meet|strengthen|strengthening|bolster|fund|finance"
    "|provided|provides|gave|gives|sent|sends|grant|granted|grants|offered|offers|helping|helps"
    "|improve|restore|rebuild|handed",
    donor_before="from|by",
    place_before="in|around|in and around|across|throughout|inside",
    aside_before="through|via|with",
    of_before="of",
    receive="will receive|would receive|receives|received|receive|gets|got|count on|counts on"
    "|(?:will )?benefit from|benefits from|benefited from",
    articles="the",
    breakdown="of which|including|made up of|consisting of|consists of|comprising|comprises"
    "|split into|broken down into",
    of_this="of (?:this|that|these|it|which)|this includes",
    part_of="as part of|under",
    total="a total of|in total|totall?ing|altogether",
    each_year="every year|each year|per year|a year|annually|per annum|yearly",
    respectively="respectively|accordingly",
    equivalent="equivalent to|equivalent of|the equivalent of|or about|or roughly|or around"
    "|or some|or|that is|i\\.e\\.|equals|equal to|corresponding to",
    need_before="appeals?|appealed|appealing|estimates?|estimated|needs?|needed|forecasts?"
    "|on track for|targets?|goal of|asked|asks|asking|demand"
    "|seeking|seeks|(?:is|are) seeking"
    "|urged?|urges|urging|called on|calls on|calling on|attract|attracts|attracting"
    "|(?:to|help|helps|helped|aims to|seeks to|hopes to) raise|aiming for|aims for"
    "|aimed at raising|aiming at raising|aiming to raise"
    "|(?:aims to|seeks to|hopes to|wants to) mobili[sz]e"
    "|requested|asked for|calls? for|called for|calling for|requires?|required|requirements?"
    "|shortfall|gap|asking for|asks for|requests?|requesting|requiring|sought|seek|response plans?"
    "|(?:is|are|was|were) asking|(?:is|are) considering|considers"
    "|(?:will|would|could) raise(?=\\s+$)"
    "|(?:it|will|would|could) takes?(?=\\s+(?:(?:up to|about|around|some|roughly|approximately"
    "|more than|over|at least|nearly|almost)\\s+)?$)",
    need_after="needed|required|requested|sought|need|appeal|appeals|requirements?",
    spend="spend|spends|spending|spent|expenditures?|outlays",
    loss="capital increase|capital hike|costs?|costing|damages?|damaged|loss|losses|lost|gdp"
    "|gross domestic product|foreign reserves|currency reserves"
    "|deficit|revenues?|price tag"
    "|(?:economic|financial) impact"
    "|assets|interest|profits|transactions|turnover|exports|imports|destroyed|destruction",
    people="people|persons|displaced|refugees|civilians|children|residents|inhabitants|households"
    "|citizens|soldiers|troops|doses|rounds|shells|tonnes|tons|times|visitors|crossings|lives"
    "|infections|cases|deaths|victims|women|girls|boys",
    aid="aid|support|assistance|help|contribution|funding|package|pledge|donation|loan"
    "|grant|commitment|cooperation",
    government="government|cabinet|ministry|minister|prime minister|parliament|president"
    "|chancellor|treasury|coalition|authorities|administration|defen[cs]e minister"
    "|foreign minister|finance minister|agency|board|executive board|board of directors",
    war="invasion of|war (?:in|on|against)|aggression against|attacks? on|war|invasion",
    until="by|until|till|through|rather than|instead of",
    this_year="this year",
    next_year="next year|(?:in\\s+)?the coming year",
    next_years="(?:over|in|for|during)\\s+the\\s+(?:next|coming)\\s+(?P<n>{n})\\s+years",
    months="January|February|March|April|May|June|July|August|September|October|November"
    "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec",
    military="(?:military|defen[cs]e)(?!\\s+(?:operation|invasion|aggression|minister|ministry"
    "|secretary|forces))|weapons?|air defen[cs]e|ammunition|arms|security assistance"
    "|security aid",
    humanitarian="humanitarian|emergency (?:aid|relief|assistance|food aid|funding)|food aid"
    "|food assistance|disaster relief|relief aid",
    civilian="civilian",
    financial="budget support|budget assistance|budgetary support|macro-?financial"
    "|financial (?:assistance|support|aid)|in financing",
    loan="loans?|lending|interest-free credit|credit line|line of credit|concessional credit",
    grant="grants?",
    guarantee="guarantees?",
    in_kind="in[- ]kind",
    delivery="tranche|disbursement|payment|instal?lment",
    future="will|would|shall|is to|are to|going to",
    authorization="drawdown|authori[sz]ation",
    demonyms="Norwegian=NOR German=DEU British=GBR French=FRA American=USA Danish=DNK "
    "Swedish=SWE Finnish=FIN Dutch=NLD Polish=POL Canadian=CAN Japanese=JPN Italian=ITA "
    "Spanish=ESP Belgian=BEL Austrian=AUT Czech=CZE Estonian=EST Latvian=LVA "
    "Lithuanian=LTU Irish=IRL Portuguese=PRT Swiss=CHE Icelandic=ISL Australian=AUS "
    "Ukrainian=UKR Moldovan=MDA Russian=RUS Saudi=SAU Emirati=ARE Qatari=QAT Kuwaiti=KWT "
    "Turkish=TUR",
    aliases="Stortinget=Norway;Storting=Norway;Folketing=Denmark;Bundestag=Germany;"
    "Kremlin=Russian Federation;Turkey=Türkiye;Ivory Coast=Côte d'Ivoire;"
    "USA=United States;Holland=Netherlands;"
    "UK=United Kingdom;US=United States;U.S.=United States;Britain=United Kingdom;"
    "Great Britain=United Kingdom;America=United States;Russia=Russian Federation;"
    "the EU=EU;EU=EU;European Union=EU;European Commission=EU;Brussels=EU;"
    "EU Council=EU;Council of the EU=EU;"
    "World Bank=World Bank;IMF=IMF;International Monetary Fund=IMF;EIB=EIB;"
    "European Parliament=EU;"
    "European Investment Bank=EIB;EBRD=EBRD;UN=UN;United Nations=UN;NATO=NATO;"
    "Oslo=Norway;Berlin=Germany;London=United Kingdom;Paris=France;Washington=United States;"
    "Copenhagen=Denmark;Stockholm=Sweden;Helsinki=Finland;The Hague=Netherlands;"
    "Warsaw=Poland;Ottawa=Canada;Tokyo=Japan;Rome=Italy;Madrid=Spain;Vienna=Austria;"
    "Prague=Czechia;Tallinn=Estonia;Riga=Latvia;Vilnius=Lithuania;Dublin=Ireland;"
    "Lisbon=Portugal;Bern=Switzerland;Reykjavik=Iceland;Canberra=Australia;Kyiv=Ukraine;"
    "Kiev=Ukraine;Chisinau=Moldova;Gaza=Palestine;Gaza Strip=Palestine;West Bank=Palestine",
    channel="fund|facility|programme|program|mechanism|initiative|trust fund|platform|scheme"
    "|contact group|coalition|agency|works agency",
)

_NORDIC_STAGES = {
    "announced": "vil|skal|bidrar|bidrager|bidreg|tilbyr|tilbyder|tilbød|tilbudt|planlagt"
    "|planlegger|planlægger|foreslår"
    "|foreslo|foreslog|foreslått|foreslået"
    "|lover|lovet|lovede"
    "|varsler|varslet|kunngjorde|kunngjør|kunngjort|annonserte|annoncerede|annonserer|udmeldt"
    "|annoncerer|annonseret|annonceret|meddelte|kommer til å|ønsker|vil gerne|tilsagn|lovnad"
    "|presenterer|presenterte|presentert|præsenterer|præsenterede|præsenteret|lanserer"
    "|lanserte|lancerer|lancerede|donerer",
    "committed": "grønt lys|vedtatt|vedtaget|vedtok|vedtog|vedtar|godkjent|godkendt|godkjente"
    "|godkendte"
    "|enige|enedes|aftalt|inngått|indgået|signert|undertegnet|underskrevet|besluttet"
    "|besluttede|beslutter|bestemt|bestemte|bestemmer|forpliktet|forpligtet",
    "allocated": "bevilget|bevilger|bevilgede|bevilgning|bevilge|bevilges|bevilling|bevillige"
    "|tildelt|tildeler|tildelte|tildeles"
    "|bevilliger|bevilliget|budsjettert|budgetteret|øremerket|øremærket|avsatt|afsat"
    "|afsætter|afsættes|afsætte|avsetter|avsettes|avsette|tildele"
    "|(?:satt|sat|setter|sætter|sette|sætte)\\s+(?:\\S+\\s+){0,8}?(?:av|af)",
    "disbursed": "bidrog|bidro|støttet|støttede|utbetalt|udbetalt|betalt ut|overført|overførte|ga"
    "|gav|levert|leveret"
    "|leverte|donert|doneret|donerte|donerede|sendte|(?:har|hadde|havde|ble|blev)\\s+"
    "(?:\\S+\\s+){0,3}?(?:gitt|givet|sendt|levert|leveret|bidratt|bidraget|donert|doneret"
    "|overført|utbetalt|udbetalt|hjulpet|betalt)",
}
_NORDIC_WORDS = {
    "at_least": "minst|mindst|mer enn|mere end|over|godt|vel|drøyt|drygt|i overkant av",
    "up_to": "opp til|op til|inntil|op mod|opp mot",
    "about": "omkring|rundt|cirka|ca\\.|ca|nesten|næsten|nærmere|nærmest|nær|anslagsvis|om lag"
    "|omtrent|knapt|knap|nærare|nærast",
    "increase": "øker|aukar|øger|trapper opp|trapper op",
    "infinitive": "(?:å|at)\\s+\\w+",
    "recipient_before": "til|for|gi|giver|gir|støtte|støtter|hjelpe|hjælpe|hjelp|hjælp"
    "|sende|sender|bistå",
    "donor_before": "fra|frå|av|af",
    "place_before": "i|på",
    "aside_before": "gjennom|gennem|via|med|sammen med",
    "of_before": "",
    "receive": "får|mottar|modtager|modtar|fikk|fekk|fik|mottok|modtog|mottatt|modtaget|fått|fået"
    "|regne med|skal få|vil få|motta|modtage",
    "articles": "det|den|de",
    "breakdown": "hvorav|hvoraf|af hvilke|heriblant|herunder|inkludert|inklusive|blant annet"
    "|bl\\.a\\.|består av|består af",
    "of_this": "(?:av|af) (?:dette|disse|det|beløpet|summen)|herav|heraf|derav|deraf",
    "part_of": "som (?:en )?del av|som (?:en )?del af|innenfor|inden for",
    "total": "totalt|i alt|til sammen|til sammen|samlet",
    "each_year": "hvert år|hvert eneste år|årlig|årligt|om året|pr\\. år|per år|i året",
    "respectively": "henholdsvis|hhv\\.",
    "equivalent": "svarende til|tilsvarende|tilsvarer|svarer til|hvilket svarer til"
    "|som svarer til|eller",
    "need_before": "*behov|*behovet|*behovene|behøver|treng|trenger|trænger|trengs|trengst|trænges"
    "|behøves"
    "|mangler|brug for"
    "|krever|kræver|anslår|anslått|anslået|estimerer|estimeret|estimert|etterspør"
    "|(?:ber|bad|ba|bedt|beder)\\s+(?:\\S+\\s+){0,3}?om|bes om|bedes om|*appell|trenge|trænge"
    "|be om|bede om|håper å få|håpet å få|håber at få|håbede at få"
    "|anmoder om|anmodet om|anmodede om|anmodning om|oppfordr\\w*|opfordr\\w*|*appel"
    "|målsætning\\w*|målsetning\\w*|målet om|målet er|et mål om|målet på",
    "need_after": "nødvendig|nødvendige|ønsket|*behov",
    "spend": "bruker|bruger|brukte|brugte|*utgifter|*udgifter",
    "loss": "kapitalforhøyelse\\w*|kapitalforhøjelse\\w*|*kostnad|*kostnader|*kostnadene"
    "|*omkostninger|*omkostningerne|*tapene|*tabene|bruttonasjonalprodukt\\w*"
    "|bruttonationalprodukt\\w*|koste"
    "|koster|kostet|*skade|*skader|*tap|tab|bnp"
    "|tjent|tjente|tjener|tjenet"
    "|*underskudd|*underskud|*inntekter|*indtægter|*prislapp|*prislap|*verdier|*værdier"
    "|renter|*eksport|*import|ødelagt|ødelagte"
    "|forsvarsutgift\\w*|forsvarsudgift\\w*|ekstraudgift\\w*|merudgift\\w*|merutgift\\w*"
    "|forsvarets\\s+(?:\\S+\\s+){0,2}?(?:budsjett|budget)\\w*",
    "people": "mennesker|menneske|flugt|flukt|personer|flyktninger|flygtninge|sivile|civile|barn"
    "|liv|husholdninger|husholdning"
    "|børn"
    "|innbyggere|ofre|ofrene|kvinner|kvinder|menn|mænd"
    "|indbyggere|husstander|husstande|soldater|*doser|*dosar|granater|tonn|tons|ganger|gange",
    "aid": "*støtte|*støtten|*hjelp|*hjelpen|*hjælp|*hjælpen|*bistand|*bistanden|*bidrag"
    "|*bidraget|*bidragene|*bidragen|*pakke|*pakken|*lån|*lånet|*donasjon|*donasjonen"
    "|*donation|*donationen|*tilsagn|*tilsagnet",
    "government": "regjering|regjeringen|regering|regeringen|*departement|*departementet"
    "|*ministerium|*ministeriet|*minister|*ministeren|storting|stortinget|folketing"
    "|folketinget|myndigheter|myndigheder|statsminister|statsministeren|president|presidenten"
    "|præsident|præsidenten",
    "war": "*krig|*krigen|invasjon|invasjonen|invasion|invasionen|angrep|angrepet|angreb|angrebet",
    "until": "innen|inden|til|frem til|fram til|indtil|innen utgangen av|før|frem mod|fram mot|mot",
    "this_year": "i år",
    "next_year": "neste år|næste år|kommende år|i det kommende år",
    "next_years": "(?:de|i de)\\s+(?:neste|næste|kommende)\\s+(?P<n>{n})\\s+(?:årene|år)",
    "months": "januar|februar|mars|marts|april|mai|maj|juni|juli|august|september|oktober"
    "|november|desember|december",
    "military": "militær\\w*|*våpen\\w*|*våben\\w*|*ammunisjon|*ammunition|luftvern\\w*"
    "|*luftforsvar|forsvarsmateriell|forsvarsmateriel|droner|krigsmateriel\\w*",
    "humanitarian": "humanitær\\w*|nødhjelp\\w*|nødhjælp\\w*|matvarehjelp\\w*|fødevarehjælp\\w*",
    "civilian": "sivil|sivile|sivilt|civil|civile|civilt",
    "financial": "budsjettstøtte|budgetstøtte|makrofinansiel\\w*|makrofinansiell\\w*"
    "|finansiell støtte|finansiel støtte|økonomisk støtte",
    "loan": "*lån|*lånet",
    "grant": "gave|gaver|tilskudd|tilskud",
    "guarantee": "*garanti|*garantier",
    "in_kind": "materiell|materiel|donasjoner av utstyr",
    "delivery": "*utbetaling|*udbetaling|*transje|*rate",
    "authorization": "fullmakt|bemyndigelse",
    "channel": "*fond|*fonden|*fondet|*program|*programmet|*ordning|*ordningen|*mekanisme"
    "|*mekanismen|*initiativ|*initiativet",
    "future": "vil|skal|kommer til å|planlegger|planlægger",
}

NO = Language(
    code="no",
    locales=("nb_NO", "nn"),
    stop="og til av for som har er ikke med fra vil skal det den en ett å ble blir også "
    "etter gjennom kroner i år regjeringen støtte mye hva gjelder når mellom opp millioner "
    "millionar milliarder milliardar mennesker menneske nå anslår bistand hjelp lån blitt "
    "i på mrd kr",
    numbers="en=1 én=1 éin=1 ein=1 ett=1 et=1 to=2 tre=3 fire=4 fem=5 seks=6 sju=7 syv=7 åtte=8 "
    "ni=9 ti=10 elleve=11 tolv=12 femten=15 tjue=20 tretti=30 førti=40 femti=50 seksti=60 sytti=70 "
    "åtti=80 nitti=90 hundre=100 halvannen=1.5 halvanden=1.5 halv=0.5",
    demonyms="belgisk=BEL britisk=GBR amerikansk=USA østerriksk=AUT sveitsisk=CHE "
    "kanadisk=CAN australsk=AUS moldovsk=MDA",
    aliases="Stortinget=Norway;Storting=Norway;Folketinget=Denmark;Riksdagen=Sweden;"
    "USA=United States;Storbritannia=United Kingdom;Russland=Russian Federation;"
    "EU=EU;Den europeiske union=EU;Europakommisjonen=EU;EU-kommisjonen=EU;"
    "Verdensbanken=World Bank;IMF=IMF;Det internasjonale pengefondet=IMF;"
    "Valutafondet=IMF;FN=UN;De forente nasjoner=UN;NATO=NATO;Oslo=Norway;Kyiv=Ukraine;"
    "Gaza=Palestine;Gazastripen=Palestine;Vestbredden=Palestine;"
    "Kiev=Ukraine;Washington=United States;London=United Kingdom;Berlin=Germany;"
    "Stockholm=Sweden;København=Denmark",
    compounds=True,
    **_NORDIC_STAGES,
    **_NORDIC_WORDS,
)
DA = Language(
    code="da",
    locales=("da",),
    stop="og til af for som har er ikke med fra vil skal det den en et blev bliver også "
    "efter gennem kroner i år regeringen støtte meget hvad op dermed hvor mellem millioner "
    "milliarder mennesker vurderer anslås bistand hjælp nødhjælp beløb lån næste "
    "at i på mio mia kr",
    numbers="en=1 én=1 et=1 to=2 tre=3 fire=4 fem=5 seks=6 syv=7 otte=8 ni=9 ti=10 elleve=11 "
    "tolv=12 femten=15 tyve=20 tredive=30 fyrre=40 halvtreds=50 hundrede=100 halvanden=1.5 "
    "halv=0.5",
    demonyms="belgisk=BEL britisk=GBR amerikansk=USA østrigsk=AUT schweizisk=CHE "
    "canadisk=CAN australsk=AUS moldovisk=MDA",
    aliases="Folketinget=Denmark;Folketing=Denmark;Stortinget=Norway;Riksdagen=Sweden;"
    "USA=United States;Storbritannien=United Kingdom;Rusland=Russian Federation;"
    "Syrien=Syria;Tyrkiet=Türkiye;Nederlandene=Netherlands;Nordkorea=North Korea;"
    "EU=EU;Den Europæiske Union=EU;Europa-Kommissionen=EU;EU-Kommissionen=EU;"
    "Verdensbanken=World Bank;IMF=IMF;Den Internationale Valutafond=IMF;FN=UN;NATO=NATO;"
    "Oslo=Norway;Kyiv=Ukraine;Kiev=Ukraine;København=Denmark;Washington=United States;"
    "Gaza=Palestine;Gazastriben=Palestine;Vestbredden=Palestine;"
    "London=United Kingdom;Berlin=Germany;Stockholm=Sweden",
    compounds=True,
    **_NORDIC_STAGES,
    **_NORDIC_WORDS,
)
SV = Language(
    code="sv",
    locales=("sv",),
    stop="och till av för som har är inte med från ska kommer att det den en ett blev "
    "också efter genom kronor i år regeringen stöd mycket vad miljoner miljarder människor "
    "bistånd hjälp lån miljoner miljarder i på kr mdr",
    numbers="en=1 ett=1 två=2 tre=3 fyra=4 fem=5 sex=6 sju=7 åtta=8 nio=9 tio=10 elva=11 "
    "tolv=12 femton=15 tjugo=20 trettio=30 fyrtio=40 femtio=50 sextio=60 sjuttio=70 åttio=80 "
    "nittio=90 hundra=100 halv=0.5",
    at_least="minst|mer än|över|drygt|fler än",
    up_to="upp till|upp mot|högst",
    about="omkring|runt|cirka|ca\\.|ca|nästan|ungefär|knappt|uppskattningsvis|i genomsnitt|närmare",
    announced="ska|skall|kommer|planerar|föreslår|föreslog|föreslagit|lovar|lovade|utlovat|aviserar"
    "|utlovade|avser"
    "|aviserade|meddelade|meddelar|tillkännagav|vill|presenterar|presenterade|presenterat"
    "|erbjuder|erbjöd|erbjudit",
    committed="grönt ljus|beviljat|beviljade|beviljats|beslutat|beslutade|beslutar|godkänt"
    "|godkände|godkänner|klubbat|klubbade"
    "|enats"
    "|enades|undertecknat|undertecknade|avtalat|fastställt|fastställts|fastställde"
    "|åtagit|åtog|åtar sig|åtagande|åtaganden",
    allocated="avsatt|avsätter|avsatte|anslagit|anslår|anslog|öronmärkt|öronmärker|budgeterade"
    "|budgeterat|budgeterad"
    "|satt av|sätter av|(?:satt|sätter)\\s+(?:\\S+\\s+){0,8}?av",
    disbursed="betalat ut|betalade\\s+(?:\\S+\\s+){0,3}?ut|utbetalat|betalats ut|överfört"
    "|överförde|levererat"
    "|levererade|skänkt|skänkte|gav|donerat|donerade|skickade|bidrog|(?:har|hade)\\s+"
    "(?:\\S+\\s+){0,6}?(?:gett|givit|skickat|levererat|bidragit|donerat|skänkt|hjälpt)",
    increase="ökar|höjer|utökar",
    infinitive="att\\s+\\w+",
    recipient_before="till|åt|för|ge|ger|stödja|stöder|stödjer|hjälpa|skicka|skickar",
    donor_before="från|av",
    place_before="i|på",
    aside_before="genom|via|med|tillsammans med",
    of_before="",
    receive="får|tar emot|fick|tog emot|erhåller|erhöll|mottar|mottog|räkna med|ska få"
    "|kommer att få",
    articles="det|den|de",
    breakdown="varav|därav|av vilket|av vilka|bland annat|inklusive|däribland|består av",
    of_this="av (?:detta|dessa|det|beloppet|summan)|därav",
    part_of="som (?:en )?del av|inom ramen för",
    total="totalt|sammanlagt|i alla|allt som allt|totalt sett",
    each_year="varje år|per år|om året|årligen|årlig|årliga|i året",
    respectively="respektive",
    equivalent="motsvarande|motsvarar|vilket motsvarar|som motsvarar|eller",
    need_before="*behov|*behoven|*behovet|behöver|behöva|vädjat om|vädjar om|vädjade om"
    "|behövas|kräver"
    "|krävs|saknas|saknar|uppskattar"
    "|uppskattas"
    "|beräknar|beräknas|(?:ber|bad|bett|bedit)\\s+(?:\\S+\\s+){0,3}?om|vädjar|appell\\w*|*vädjan"
    "|uppmana\\w*",
    need_after="behövs|krävs|nödvändiga|*behov|behöver",
    spend="lägger|spenderar|använder|*utgifter|*utgifterna",
    loss="kapitalhöjning\\w*|*kostnad|*kostnader|*kostnaderna|kostar|kostade|kostat|*skador"
    "|*skadorna|*förluster"
    "|bnp|*underskott|*intäkter|*prislapp|*tillgångar|räntor|*export|*import|förstört"
    "|förstörda",
    people="människor|flykt|personer|flyktingar|civila|barn|invånare|hushåll|soldater|doser|liv"
    "|granater|ton|gånger|kvinnor|män",
    aid="*stöd|*stödet|*hjälp|*hjälpen|*bistånd|*biståndet|*bidrag|*bidraget|*paket|*paketet"
    "|*lån|*lånet|*donation|*donationen",
    government="regering|regeringen|*departement|*departementet|*minister|*ministern"
    "|riksdag|riksdagen|myndigheter|statsminister|statsministern|president|presidenten",
    war="*krig|*kriget|invasion|invasionen|anfall|anfallet|angrepp",
    until="till|fram till|senast|innan|före",
    this_year="i år",
    next_year="nästa år|kommande år|under nästa år",
    next_years="(?:de|under de)\\s+(?:närmaste|kommande|nästa)\\s+(?P<n>{n})\\s+åren",
    months="januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
    military="militär\\w*|*vapen\\w*|*ammunition|luftvärn\\w*|*försvarsmateriel|drönare"
    "|krigsmateriel\\w*",
    humanitarian="humanitär\\w*|nödhjälp\\w*|katastrofbistånd\\w*|matstöd\\w*",
    civilian="civil|civila|civilt",
    financial="budgetstöd\\w*|makrofinansiell\\w*|finansiellt stöd|ekonomiskt stöd",
    loan="*lån|*lånet",
    grant="gåva|gåvor|bidrag",
    guarantee="*garanti|*garantier",
    in_kind="materiel",
    delivery="*utbetalning|*utbetalningen|*tranch|*delbetalning",
    authorization="bemyndigande",
    future="ska|skall|kommer att|planerar",
    demonyms="belgisk=BEL brittisk=GBR amerikansk=USA österrikisk=AUT schweizisk=CHE "
    "kanadensisk=CAN australisk=AUS moldavisk=MDA",
    aliases="Riksdagen=Sweden;Stortinget=Norway;Folketinget=Denmark;"
    "USA=United States;Storbritannien=United Kingdom;Ryssland=Russian Federation;"
    "Palestina=Palestine;Jemen=Yemen;Moçambique=Mozambique;Mocambique=Mozambique;"
    "EU=EU;Europeiska unionen=EU;EU-kommissionen=EU;Europeiska kommissionen=EU;"
    "Världsbanken=World Bank;IMF=IMF;Internationella valutafonden=IMF;FN=UN;Nato=NATO;"
    "NATO=NATO;Oslo=Norway;Kyiv=Ukraine;Kiev=Ukraine;Stockholm=Sweden;"
    "Gaza=Palestine;Gazaremsan=Palestine;Västbanken=Palestine;"
    "Washington=United States;London=United Kingdom;Berlin=Germany;Köpenhamn=Denmark",
    compounds=True,
    channel="*fond|*fonden|*program|*programmet|*mekanism|*mekanismen|*initiativ|*initiativet",
)
DE = Language(
    code="de",
    locales=("de",),
    stop="der die das und zu den von mit für ist wird werden im auf des dem eine ein nicht "
    "auch hat sich sind soll diesem damit einer nach bei aus über wurde haben darunter davon "
    "rund knapp sowie bereits weitere weiteren an millionen milliarden",
    numbers="ein=1 eine=1 einer=1 einen=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 "
    "acht=8 neun=9 zehn=10 elf=11 zwölf=12 fünfzehn=15 zwanzig=20 dreißig=30 vierzig=40 "
    "fünfzig=50 sechzig=60 siebzig=70 achtzig=80 neunzig=90 hundert=100 anderthalb=1.5 "
    "eineinhalb=1.5 halbe=0.5",
    at_least="mindestens|wenigstens|mehr als|über|gut|knapp über|rund über",
    up_to="bis zu|maximal|höchstens",
    about="etwa|rund|rd\\.|ungefähr|circa|ca\\.|ca|fast|knapp|nahezu|beinahe|annähernd"
    "|durchschnittlich|im Durchschnitt",
    announced="wird|werden|würde|würden|werde|will|wollen|plant|planen|planten|plante"
    "|geplant|kündigt|kündigte|kündigten|angekündigt|gab\\s+(?:\\S+\\s+){0,12}?bekannt"
    "|gibt\\s+(?:\\S+\\s+){0,12}?bekannt|bekanntgegeben|verspricht|versprach|versprochen|zugesagt"
    "|zugesagten|zugesagte|sagt\\s+(?:\\S+\\s+){0,16}?zu|sagte\\s+(?:\\S+\\s+){0,16}?zu"
    "|sagten\\s+(?:\\S+\\s+){0,16}?zu"
    "|in Aussicht gestellt|(?:stellt|stellte)\\s+(?:\\S+\\s+){0,12}?in Aussicht"
    "|beabsichtigt|vorgeschlagen|schlägt|vorgestellt|präsentiert|bietet|bot|angeboten",
    committed="grünes Licht|beschlossen|beschließt|beschloss|bewilligt|bewilligte|genehmigt"
    "|genehmigte"
    "|vereinbart|vereinbarten|unterzeichnet|unterzeichnete|billigt|billigte|gebilligt"
    "|verabschiedet|verabschiedete|freigegeben|gab\\s+(?:\\S+\\s+){0,8}?frei|freigemacht"
    "|entschieden|entschied|geeinigt|einigten|einigte",
    allocated="bereitgestellt|stellt\\s+(?:\\S+\\s+){0,12}?bereit|stellte\\s+(?:\\S+\\s+)"
    "{0,12}?bereit|zur Verfügung gestellt|eingeplant|vorgesehen|veranschlagt|reserviert"
    "|(?:stehen|steht|standen|stand)\\s+(?:\\S+\\s+){0,8}?zur Verfügung"
    "|eingestellt|(?:stellt|stellen)\\s+(?:\\S+\\s+){0,20}?zur Verfügung"
    "|(?:sieht|sehen|sah|sahen)\\s+(?:\\S+\\s+){0,12}?vor",
    disbursed="ausgezahlt|zahlte\\s+(?:\\S+\\s+){0,8}?aus|überwiesen|überwies|geliefert"
    "|übergeben|übergab"
    "|(?:stellte|stellten)\\s+(?:\\S+\\s+){0,20}?zur Verfügung"
    "|flossen|floss|geflossen"
    "|lieferte|geleistet|leistete|gezahlt|gespendet|(?:hat|haben|hatte|hatten)\\s+(?:\\S+\\s+)"
    "{0,20}?(?:gegeben|gewährt|unterstützt|geliefert|geleistet|gezahlt|überwiesen|gespendet"
    "|geholfen)",
    increase="erhöht|erhöhen|(?:stockt|stocken)\\s+(?:\\S+\\s+){0,20}?auf|verdoppelt|verdoppeln",
    infinitive="zu\\s+\\w+|\\w+zu(?:stellen|geben|liefern|zahlen|sagen|leisten|bringen)",
    recipient_before="für|an|zugunsten|zugunsten von|nach|in die|gibt|geben|liefert"
    "|unterstützt|unterstützen|unterstützung|hilft|helfen",
    donor_before="von|aus|seitens|vonseiten|von seiten|durch",
    place_before="in|im|in der|innerhalb|auf",
    aside_before="über|mit|gemeinsam mit|zusammen mit|mit Unterstützung",
    of_before="",
    receive="erhält|erhielt|erhielten|erhalte|bekommt|bekam|bekamen|bekomme|empfängt|erhalten"
    "|bekommen",
    articles="der|die|das|dem|den",
    breakdown="darunter|davon|von denen|von welchen|einschließlich|inklusive|wovon|unter anderem"
    "|u\\.a\\."
    "|setzt sich zusammen aus|bestehend aus",
    of_this="davon|hiervon|von (?:diesem|dieser|diesen) (?:Betrag|Summe|Mitteln)",
    part_of="als Teil|im Rahmen|innerhalb|aus dem|aus der",
    total="insgesamt|in Summe|zusammen|alles in allem",
    each_year="jedes Jahr|jährlich|pro Jahr|je Jahr",
    respectively="beziehungsweise|bzw\\.",
    equivalent="umgerechnet|entspricht|das entspricht|entsprechend|oder",
    need_before="*bedarf|braucht|brauchen|brauchte|brauchten|bräuchte|bräuchten|benötigt|benötigen|benötigte\\w*|erforderliche\\w*"
    "|fehlen|fehlt|forder\\w*"
    "|verlangt|schätzt|geschätzt|schätzung\\w*|beziffert|*lücke|*appell\\w*|*aufruf\\w*|bittet um"
    "|bitten um|bäten um|baten um|bat um|hoff\\w*|erwägt|erwägen",
    need_after="benötigt|nötig|notwendig|erforderlich|gebraucht|fehlen|gebeten|geschätzt"
    "|aufgerufen|gefordert|beantragt|erbeten|verlangt|benötigen|zusammenkommen"
    "|aufgebracht werden",
    spend="ausgeben|gibt\\s+(?:\\S+\\s+){0,6}?aus|*ausgaben",
    loss="kapitalerhöhung\\w*|*kosten|kostet|kostete|*schäden|*schaden|*verluste|*verlust|bip"
    "|Bruttoinlandsprodukt\\w*"
    "|*defizit"
    "|*einnahmen|*vermögen|*vermögenswerte|zinsen|*erträge|*gewinne|*exporte|*importe"
    "|zerstört\\w*",
    people="menschen|flucht|personen|flüchtlinge|geflüchtete|vertriebene|zivilisten|kinder"
    "|einwohner|frauen|männer"
    "|haushalte"
    "|soldaten|dosen|granaten|tonnen|mal",
    aid="*hilfe|*hilfen|*unterstützung|*beitrag|*beiträge|*paket|*pakete|*zusage|*zusagen"
    "|*kredit|*kredite|*darlehen|*mittel|*zuschuss|*zuschüsse|hilfsgeld\\w*",
    government="*regierung|*ministerium|*minister|*ministerin|kanzler|kanzlerin|parlament"
    "|bundestag|behörden|koalition|präsident|präsidentin",
    war="*krieg|*kriegs|invasion|überfall|angriff|angriffskrieg",
    until="bis|bis zum|bis Ende|spätestens|vor",
    this_year="dieses Jahr|in diesem Jahr|diesem Jahr|im laufenden Jahr",
    next_year="nächstes Jahr|im nächsten Jahr|im kommenden Jahr|kommendes Jahr",
    next_years="(?:in|während|für)\\s+den\\s+(?:nächsten|kommenden)\\s+(?P<n>{n})\\s+Jahren",
    months="Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    "|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Okt|Nov|Dez",
    military="militär\\w*|*militär\\w*|*waffen\\w*|*munition|*rüstung|luftverteidigung\\w*"
    "|flugabwehr\\w*|verteidigungshilfe|drohnen",
    humanitarian="humanitär\\w*|nothilfe|winterhilfe|soforthilfe|katastrophenhilfe"
    "|nahrungsmittelhilfe",
    civilian="zivil\\w*",
    financial="budgethilfe|haushaltshilfe|makrofinanz\\w*|finanzhilfe\\w*|finanzielle\\w*",
    loan="*kredit|*kredite|*darlehen",
    grant="*zuschuss|*zuschüsse|zuschüssen",
    guarantee="*garantie|*garantien|*bürgschaft|*bürgschaften",
    in_kind="sachleistungen|sachspenden",
    delivery="*tranche|*auszahlung|*rate|*zahlung",
    authorization="ermächtigung",
    future="wird|werden|würde|würden|werde|will|wollen|plant",
    demonyms="belgisch=BEL britisch=GBR amerikanisch=USA österreichisch=AUT "
    "schweizerisch=CHE kanadisch=CAN australisch=AUS moldauisch=MDA",
    aliases="Bundestag=Germany;Bundestags=Germany;"
    "USA=United States;Großbritannien=United Kingdom;Grossbritannien=United Kingdom;"
    "Russland=Russian Federation;Schweiz=Switzerland;Türkei=Turkey;Moldawien=Moldova;"
    "Weißrussland=Belarus;"
    "EU=EU;Europäische Union=EU;Europäischen Union=EU;EU-Kommission=EU;"
    "Europäische Kommission=EU;Europäischen Kommission=EU;Brüssel=EU;Weltbank=World Bank;"
    "IWF=IMF;Internationale Währungsfonds=IMF;Internationalen Währungsfonds=IMF;"
    "UN=UN;UNO=UN;Vereinten Nationen=UN;Nato=NATO;NATO=NATO;Berlin=Germany;"
    "Gaza=Palestine;Gazastreifen=Palestine;Westjordanland=Palestine;"
    "Kiew=Ukraine;Kyjiw=Ukraine;Washington=United States;London=United Kingdom;"
    "Paris=France;Oslo=Norway;Wien=Austria;Bundesrepublik=Germany;"
    "Kopenhagen=Denmark;Stockholm=Sweden;Warschau=Poland;Rom=Italy;Den Haag=Netherlands",
    compounds=True,
    channel="*fonds|*fazilität|*programm|*mechanismus|*initiative|*plattform",
)
FR = Language(
    code="fr",
    locales=("fr",),
    stop="le la les de des du et à au aux un une est pour dans par sur qui que sera a "
    "été avec en l d dont ce cette ne pas plus ont été aux selon millions milliards",
    numbers="un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 "
    "onze=11 douze=12 quinze=15 vingt=20 trente=30 quarante=40 cinquante=50 soixante=60 "
    "cent=100 cents=100 vingts=20 demi=0.5",
    at_least="au moins|plus de|au-delà de|supérieur à|pas moins de|dépasse|dépassent"
    "|dépassé|dépassant",
    up_to="jusqu'à|jusqu\u2019à|au maximum|au plus",
    about="environ|près de|quelque|quelques|presque|autour de|approximativement|quasiment"
    "|de l'ordre de|de l\u2019ordre de|ca\\.",
    announced="dévoilé|a dévoilé|dévoile|va|vont|sera|seront|fournira|fourniront|versera"
    "|verseront|donnera"
    "|accordera|allouera"
    "|débloquera|octroiera|apportera|consacrera|enverra|financera|mobilisera|prévoit"
    "|prévoient|compte|envisage|annonce|annoncé|a annoncé|promet|promis|a promis"
    "|propose|proposé|participera|présente|présenté|\\w+(?:erait|eraient|irait|iraient)"
    "|a l'intention|a l\u2019intention|prévue?s?|annoncée?s?|offre|a offert|offerte?s?"
    "|recevra|recevront",
    committed="feu vert|convenu|ont convenu|a convenu|a approuvé|approuvé|approuvée|a adopté"
    "|adopté|adoptée|a signé|signé|signée"
    "|engagés|engagées"
    "|a décidé|décidé|décide|a validé|validé|a voté|voté|s'engage|s\u2019engage"
    "|s['\u2019]étai(?:t|ent) engagée?s?"
    "|s'est engagée?|s\u2019est engagée?",
    allocated="a alloué|alloué|allouée|alloue|a débloqué|débloqué|débloquée|débloque"
    "|a affecté|affecté|affectée|a consacré|consacré|destiné|destinée|destinés|destinées",
    disbursed="a versé|versé|versée|versement|a décaissé|décaissé|décaissée|a livré|livré"
    "|livrée|a fourni|fourni|fournie|a donné|a envoyé|a contribué|a accordé|accordé|accordée"
    "|a octroyé|octroyé|octroyée|a aidé|a libéré|libéré|libérée|a débloqué|débloqué|débloquée",
    increase="augmente|augmentent",
    infinitive="(?:de|d['\u2019]|à|pour)\\s*\\w+(?:er|ir|re)",
    recipient_before="à|au|aux|pour|en faveur de|en faveur du|en faveur des|à destination de"
    "|à destination du|à destination des|au profit de|au profit du|au profit des|envers|vers|aider"
    "|soutenir|soutien à|soutien au|destinés? à",
    donor_before="de la part de|par",
    place_before="en|dans",
    aside_before="via|par l'intermédiaire de|par le biais de|avec|grâce à",
    of_before="de|du|des|d['\u2019]",
    receive="recevra|recevront|reçoit|reçoivent|a reçu|ont reçu|recevoir|obtient|obtiendra"
    "|bénéficiera|bénéficieront"
    "|compter sur",
    articles="la|le|les|l['\u2019]",
    breakdown="dont|y compris|notamment|parmi lesquels|se compose de|composé de",
    of_this="(?:sur|de) (?:ce|cette) (?:montant|somme|enveloppe)",
    part_of="dans le cadre de|dans le cadre du|au titre de|au titre du|en tant que partie de"
    "|faisant partie de",
    total="au total|en tout|au global|globalement|soit un total de",
    each_year="chaque année|par an|par année|annuellement|annuel|annuels|annuelle|annuelles|l'an",
    respectively="respectivement",
    equivalent="soit|équivalent à|ou environ|ou",
    need_before="*besoins?|a besoin de|ont besoin de|nécessite|nécessaires?|requiert|requis"
    "|manque|manquent|estime|estimés?|estimées?|estimation|évalués?|évaluées?|évalue|évaluent"
    "|appels?|requête|requêtes|objectif|devra trouver|devront trouver|doit trouver|doivent trouver"
    "|attendu|attendus|attendue|attendues"
    "|réclame|réclament|réclamé|demande|demandent|demandé|demandait|sollicite|sollicitent"
    "|sollicité"
    "|souhait\\w*"
    "|plan de réponse",
    need_after="nécessaires?|requis|manquants|ont besoin|a besoin|réclamée?s?|demandée?s?"
    "|devront être financés|devra être financé|doivent être financés|doit être financé"
    "|espérée?s?"
    "|sollicitée?s?",
    spend="dépense|dépensent|dépensé|dépenses",
    loss="augmentation de capital|coûts?|coûte|coûtent|coûté|dommages|dégâts|pertes|perdu|pib"
    "|produit intérieur brut"
    "|déficit|recettes"
    "|revenus|avoirs|actifs|intérêts|bénéfices|transactions|exportations|importations"
    "|détruit\\w*"
    "|dépenses de défense|programmation militaire",
    people="personnes|fuite|habitants|réfugiés|déplacés|civils|enfants|ménages|soldats|doses|vies"
    "|hommes|femmes"
    "|obus|tonnes|fois",
    aid="aide|aides|soutien|assistance|contribution|enveloppe|paquet|prêt|don|coopération"
    "|financement|engagement",
    government="gouvernement|ministère|ministre|parlement|président|présidente"
    "|autorités|premier ministre|exécutif|agence|état|conseil d['\u2019]administration",
    war="guerre|invasion|agression|attaque|offensive",
    until="jusqu'en|jusqu\u2019en|jusqu'à|jusqu\u2019à|d'ici|d\u2019ici|d'ici à|avant",
    this_year="cette année|l'année en cours",
    next_year="l'année prochaine|l\u2019année prochaine|l'an prochain|l\u2019an prochain",
    next_years="(?:au cours des|pendant les|sur les|pour les)\\s+(?P<n>{n})\\s+"
    "(?:prochaines années|années à venir)",
    months="janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    military="militaires?|défense aérienne|défense antiaérienne|armes|armements?|munitions|drones",
    humanitarian="humanitaires?|aide d['\u2019]urgence|aide alimentaire",
    civilian="civile?s?",
    financial="aide budgétaire|soutien budgétaire|macrofinanci\\w*|macro-financi\\w*"
    "|aides? financières?|soutien financier|assistance financière",
    loan="prêts?|crédits?",
    grant="dons|subventions?",
    guarantee="garanties?",
    in_kind="en nature",
    delivery="tranche|versement|décaissement|paiement",
    authorization="autorisation",
    future="va|vont|sera|seront|\\w+(?:era|eront|ira|iront|erait|eraient)",
    demonyms="belge=BEL britannique=GBR américain=USA autrichien=AUT suisse=CHE "
    "canadien=CAN australien=AUS moldave=MDA",
    aliases="États-Unis=United States;Etats-Unis=United States;Grande-Bretagne=United Kingdom;"
    "Sud Soudan=South Sudan;Sud-Soudan=South Sudan;"
    "Russie=Russian Federation;UE=EU;Union européenne=EU;Commission européenne=EU;"
    "Bruxelles=EU;Banque mondiale=World Bank;FMI=IMF;Fonds monétaire international=IMF;"
    "Parlement européen=EU;"
    "Fonds Monétaire International=IMF;"
    "BEI=EIB;BERD=EBRD;ONU=UN;Nations unies=UN;OTAN=NATO;Paris=France;Berlin=Germany;"
    "Kiev=Ukraine;Kyiv=Ukraine;Londres=United Kingdom;Washington=United States;"
    "Gaza=Palestine;bande de Gaza=Palestine;Cisjordanie=Palestine;"
    "Moldavie=Moldova",
    channel="fonds|facilité|programme|mécanisme|initiative|plateforme",
)
NL = Language(
    code="nl",
    locales=("nl",),
    stop="de het een en van voor aan is zijn met op dat die niet ook wordt heeft zal te naar "
    "bij om geeft jaar miljoen steun hulp kabinet oekraïne daarvan bijna miljard",
    numbers="een=1 één=1 twee=2 drie=3 vier=4 vijf=5 zes=6 zeven=7 acht=8 negen=9 tien=10 "
    "elf=11 twaalf=12 vijftien=15 twintig=20 dertig=30 veertig=40 vijftig=50 zestig=60 "
    "zeventig=70 tachtig=80 negentig=90 honderd=100 anderhalf=1.5 half=0.5",
    at_least="minstens|ten minste|tenminste|meer dan|ruim|minimaal|boven de",
    up_to="tot|maximaal|hooguit|tot maximaal",
    about="ongeveer|circa|ca\\.|zo'n|zo\u2019n|bijna|rond|omstreeks|nagenoeg|ruwweg|gemiddeld",
    announced="zal|zullen|gaat|gaan|wil|willen|kondigt|kondigde|aangekondigd|belooft"
    "|beloofde|beloofd|toegezegd|zegt\\s+(?:\\S+\\s+){0,8}?toe|zegde\\s+(?:\\S+\\s+){0,8}?toe"
    "|zegden\\s+(?:\\S+\\s+){0,8}?toe|plant|is van plan|stelt voor"
    "|beschikbaar (?:zal|zullen|wil|willen|gaat|gaan) stellen"
    "|voorgesteld|biedt|bood|boden|aangeboden",
    committed="groen licht|goedgekeurd|keurde\\s+(?:\\S+\\s+){0,8}?goed"
    "|keurt\\s+(?:\\S+\\s+){0,8}?goed"
    "|besloten|besluit|ingestemd|ondertekend|akkoord",
    allocated="begroot|stellen\\s+(?:\\S+\\s+){0,10}?beschikbaar|uitgetrokken"
    "|beschikbaar gemaakt|beschikbaar gesteld"
    "|(?:maakt|maakte|maken)\\s+(?:\\S+\\s+){0,8}?beschikbaar"
    "|trekt\\s+(?:\\S+\\s+){0,8}?uit|trok\\s+(?:\\S+\\s+){0,8}?uit"
    "|vrijgemaakt|vrijmaakt|maakt\\s+(?:\\S+\\s+){0,8}?vrij|maakte\\s+(?:\\S+\\s+){0,8}?vrij"
    "|zet\\s+(?:\\S+\\s+){0,8}?opzij|zette\\s+(?:\\S+\\s+){0,8}?opzij|opzij gezet"
    "|gereserveerd|reserveerde|reserveert|toegewezen|bestemd"
    "|beschikbaar gesteld|stelt\\s+(?:\\S+\\s+){0,10}?beschikbaar|stelde\\s+(?:\\S+\\s+)"
    "{0,10}?beschikbaar|uittrekt",
    disbursed="uitbetaald|overgemaakt|geleverd|heeft gegeven|gaf|geschonken|gedoneerd|gestort"
    "|droeg\\s+(?:\\S+\\s+){0,8}?bij|bijgedragen"
    "|bijgedragen|verleend|heeft geholpen|geholpen",
    increase="verhoogt|verhogen",
    infinitive="te\\s+\\w+",
    recipient_before="aan|voor|naar|ten behoeve van|ten gunste van|steunen|steunt|helpen"
    "|geeft|geven|om",
    donor_before="van|door|vanuit",
    place_before="in",
    aside_before="via|met|samen met|door middel van",
    of_before="",
    receive="krijgt|ontvangt|kreeg|ontving|ontvangen|krijgen|rekenen op|rekent op",
    articles="de|het",
    breakdown="waarvan|waaronder|inclusief|onder meer|bestaat uit|bestaande uit",
    of_this="(?:van|uit) (?:dit|dat|deze) (?:bedrag|geld)|daarvan|hiervan",
    part_of="als onderdeel van|in het kader van|binnen|als deel van",
    total="in totaal|totaal|bij elkaar|samen",
    each_year="elk jaar|ieder jaar|per jaar|jaarlijks|jaarlijkse|per jaar",
    respectively="respectievelijk|resp\\.",
    equivalent="omgerekend|ofwel|oftewel|wat overeenkomt met|of",
    need_before="*behoefte|*verzoek|nodig heeft|heeft\\s+(?:\\S+\\s+){0,6}?nodig|vraagt om|*tekort"
    "|vraagt|vragen|vroeg|vroegen"
    "|naar schatting"
    "|geschat|schat|raming|ramingen|*oproep|riep\\s+(?:\\S+\\s+){0,6}?op"
    "|roept\\s+(?:\\S+\\s+){0,6}?op"
    "|vroeg\\s+(?:\\S+\\s+){0,4}?om|vroegen\\s+(?:\\S+\\s+){0,4}?om|gevraagd",
    need_after="nodig|vereist|benodigd|benodigde|geschat|gevraagd|aangevraagd|opgeroepen",
    spend="besteedt|besteden|*uitgaven|geeft\\s+(?:\\S+\\s+){0,6}?uit",
    loss="kapitaalverhoging\\w*|*kosten|kost|kostte|*schade|*verlies|*verliezen|bbp|*tekort"
    "|bruto binnenlands product"
    "|*inkomsten|*tegoeden"
    "|rente|*winsten|*export|*import|vernietigd\\w*",
    people="mensen|vlucht|personen|vluchtelingen|burgers|kinderen|inwoners|huishoudens|soldaten"
    "|levens"
    "|doses|granaten|ton|keer|vrouwen|mannen",
    aid="*steun|*hulp|*bijdrage|*pakket|*lening|*toezegging|*gift",
    government="kabinet|regering|*ministerie|*minister|parlement|kamer|overheid|premier|president",
    war="*oorlog|invasie|inval|aanval|agressie",
    until="tot|uiterlijk|voor|vóór",
    this_year="dit jaar",
    next_year="volgend jaar|komend jaar|het komende jaar",
    next_years="(?:in|de|gedurende de)\\s+(?:komende|volgende)\\s+(?P<n>{n})\\s+jaar",
    months="januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    "|december",
    military="militair\\w*|*wapens|*munitie|luchtverdediging\\w*|drones",
    humanitarian="humanitair\\w*|noodhulp|voedselhulp",
    civilian="civiel\\w*",
    financial="begrotingssteun|macrofinanci\\w*|financiële steun|financiële hulp",
    loan="*lening|*leningen",
    grant="giften|schenking\\w*|subsidies?",
    guarantee="*garantie|*garanties",
    in_kind="in natura",
    delivery="*tranche|*uitbetaling|*betaling",
    authorization="machtiging",
    future="zal|zullen|gaat|gaan|wil|willen",
    demonyms="Belgisch=BEL Brits=GBR Amerikaans=USA Oostenrijks=AUT Zwitsers=CHE "
    "Canadees=CAN Australisch=AUS Moldavisch=MDA",
    aliases="VS=United States;Verenigde Staten=United States;Groot-Brittannië=United Kingdom;"
    "Rusland=Russian Federation;EU=EU;Europese Unie=EU;Europese Commissie=EU;Georgië=Georgia;"
    "Brussel=EU;Wereldbank=World Bank;IMF=IMF;Internationaal Monetair Fonds=IMF;"
    "VN=UN;Verenigde Naties=UN;NAVO=NATO;Den Haag=Netherlands;Kiev=Ukraine;Kyiv=Ukraine;"
    "Gaza=Palestine;Gazastrook=Palestine;Westelijke Jordaanoever=Palestine;"
    "Kyiv=Ukraine;Washington=United States;Londen=United Kingdom;Berlijn=Germany",
    compounds=True,
    channel="*fonds|*faciliteit|*programma|*mechanisme|*initiatief|*platform",
)
PL = Language(
    code="pl",
    locales=("pl",),
    stop="i w z na do się że jest dla nie od to o przez oraz roku mln mld zł tym jak już",
    numbers="jeden=1 jedna=1 jednego=1 dwa=2 dwie=2 trzy=3 cztery=4 pięć=5 sześć=6 "
    "siedem=7 osiem=8 dziewięć=9 dziesięć=10 jedenaście=11 dwanaście=12 piętnaście=15 "
    "dwóch=2 trzech=3 czterech=4 pięciu=5 sześciu=6 siedmiu=7 ośmiu=8 dziewięciu=9 "
    "dwadzieścia=20 trzydzieści=30 czterdzieści=40 pięćdziesiąt=50 sto=100 półtora=1.5 pół=0.5",
    at_least="co najmniej|przynajmniej|ponad|przeszło|więcej niż|minimum|przekroczyła"
    "|przekroczył|przekroczyło|przekracza|przekraczając[aąey]|przekraczających",
    up_to="do|maksymalnie|nawet do",
    about="około|ok\\.|blisko|prawie|niemal|mniej więcej|rzędu|niecał[eya]|niecałych|niespełna",
    announced="otrzyma|otrzymają|przekaże|przekażą|przeznaczy|przeznaczą|wyśle|wyślą|udzieli"
    "|udzielą|da|dadzą|zostanie|zostaną"
    "|zapewni|zapewnią|dostarczy|dostarczą|sfinansuje|wesprze|będzie|będą|planuje|planują"
    "|zamierza|zamierzają|zapowiedział|zapowiedziała|zapowiada|obiecał|obiecała|obiecuje"
    "|zadeklarował|zadeklarowała|zadeklarowali|zadeklarowało|zadeklarowaliśmy|obiecali|obiecało"
    "|deklaruje|zaproponował|zaproponowała|chce|zaoferował\\w*|oferuje|oferują",
    committed="przegłosowan\\w*|przegłosował\\w*|zatwierdził|zatwierdziła|zatwierdzony"
    "|zatwierdzono|przyjął|przyjęła|przyjęto"
    "|podpisał|podpisała|podpisano|zdecydował|zdecydowała|zdecydowano|uzgodnił|uzgodniła"
    "|uchwalił|uchwaliła|podjął decyzj\\w*|podjęła decyzj\\w*|podjęło decyzj\\w*"
    "|podjęto decyzj\\w*",
    allocated="przeznaczył|przeznaczyła|przeznaczono|przeznaczyło|przyznał|przyznała"
    "|przyznano|wyasygnował|zarezerwował",
    disbursed="dostarczon\\w*|dostarczył\\w*|przekazał|przekazała|przekazało|przekazano"
    "|przekazali|przekazaliśmy|wypłacił"
    "|wypłaciła"
    "|przekazanego|przekazanej|przekazanych|przekazany|przekazane"
    "|wypłacono|dostarczył|dostarczyła|dostarczono|wysłał|wysłała|wysłano|wydał|wydała"
    "|wydano|skierowano|skierował|udzielon\\w*|udzielił|udzieliła|pomógł|pomogła|pomogło|pomogli",
    increase="zwiększa|zwiększają",
    infinitive="\\w+ć",
    recipient_before="dla|na rzecz|do|wesprzeć|wspiera|wspierać|pomóc|pomaga|pomoc dla",
    donor_before="od|ze strony|przez",
    place_before="w|we|na|przy|po",
    aside_before="za pośrednictwem|poprzez|z|wraz z|razem z",
    of_before="",
    receive="otrzyma|otrzymała|otrzymał|otrzymuje|otrzymają|otrzymały|otrzymać|dostanie|dostała"
    "|dostał|dostaną|dostać|liczyć na",
    articles="",
    breakdown="w tym(?! roku)|z czego|z tego|wliczając|składa się z",
    of_this="z (?:tej|tego) (?:kwoty|sumy|puli)|z tego",
    part_of="w ramach|jako część|jako element",
    total="łącznie|w sumie|razem|ogółem|w całości",
    each_year="co roku|rocznie|corocznie|każdego roku|na rok|rok w rok|roczn\\w+",
    respectively="odpowiednio",
    equivalent="czyli|a więc|co odpowiada|równowartość|równowartości|to jest|tj\\.|lub|albo|to",
    need_before="potrzeb\\w*|potrzebuje|potrzebują|brakuje|brak|wymaga\\w*|szacuje"
    "|prośb\\w* o|wniosek o|wnioskiem o|zaapelował\\w*"
    "|szacuje się|szacowan\\w*|szacunk\\w*|apel\\w*|luka|zapotrzebowani\\w*"
    "|celem\\s+(?:\\S+\\s+){0,3}?(?:jest|będzie|było)",
    need_after="potrzebnych|niezbędnych|wymaganych|ubiega\\w*",
    spend="wydaje|wydają|wydał|wydała|wydać|wyda|wydatki|wydatków|wydatkach",
    loss="podwyższeni\\w* kapitału|koszt\\w*|kosztuje|kosztował|szkod\\w*|strat\\w*|pkb"
    "|produkt\\w* krajow\\w* brutto"
    "|deficyt\\w*|dochod\\w*"
    "|przychod\\w*|aktyw\\w*|odset\\w*|zysk\\w*|eksport\\w*|import\\w*|zniszcz\\w*",
    people="osób|ucieczki|ucieczce|osoby|osobom|ludzi|ludziom|uchodźców|uchodźcy|cywilów|dzieci"
    "|szczepion\\w*|istnień"
    "|mieszkańców|kobiet\\w*|mężczyzn\\w*"
    "|gospodarstw"
    "|żołnierzy|dawek|pocisków|ton|razy",
    aid="pomoc\\w*|wsparci\\w*|wkład\\w*|pakiet\\w*|pożyczk\\w*|kredyt\\w*|darowizn\\w*|transz\\w*",
    government="rząd\\w*|rządu|ministerstw\\w*|minist\\w*|premier\\w*|parlament\\w*"
    "|sejm\\w*|władz\\w*|prezydent\\w*",
    war="wojn\\w*|inwazj\\w*|agresj\\w*|atak\\w*|napaś\\w*",
    until="do|przed|najpóźniej do",
    this_year="w tym roku|tego roku|bieżącym roku",
    next_year="w przyszłym roku|przyszłym roku|w kolejnym roku|w nadchodzącym roku",
    next_years="(?:w ciągu|przez|w)\\s+(?:najbliższych|kolejnych|następnych)\\s+(?P<n>{n})\\s+lat",
    months="stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    "|listopada|grudnia",
    military="wojskow\\w*|militarn\\w*|zbrojeniow\\w*|uzbrojeni\\w*|bro[nń]\\w*|amunicj\\w*"
    "|obrony powietrznej|dron\\w*",
    humanitarian="humanitarn\\w*",
    civilian="cywiln\\w*",
    financial="wsparcie budżetowe|wsparcia budżetowego|makrofinansow\\w*|pomoc finansow\\w*"
    "|pomocy finansowej|wsparcie finansowe|wsparcia finansowego",
    loan="pożyczk\\w*|kredyt\\w*",
    grant="dotacj\\w*|grant\\w*|bezzwrotn\\w*",
    guarantee="gwarancj\\w*",
    in_kind="rzeczow\\w*",
    delivery="transz\\w*|wypłat\\w*|płatnoś\\w*",
    authorization="upoważnieni\\w*",
    future="będzie|będą|przekaże|przekażą|przeznaczy|przeznaczą|wyśle|udzieli|otrzyma"
    "|zapewni|dostarczy",
    demonyms="belgijski=BEL brytyjski=GBR amerykański=USA austriacki=AUT szwajcarski=CHE "
    "kanadyjski=CAN australijski=AUS mołdawski=MDA",
    aliases="Sejm=Poland;Sejmu=Poland;Palestyna=Palestine;Palestyny=Palestine;"
    "Palestynie=Palestine;"
    "USA=United States;Stany Zjednoczone=United States;Stanów Zjednoczonych="
    "United States;Stanom Zjednoczonym=United States;Wielka Brytania=United Kingdom;"
    "Wielkiej Brytanii=United Kingdom;Wielką Brytanię=United Kingdom;"
    "Rosja=Russian Federation;Rosji=Russian Federation;Rosję=Russian Federation;"
    "Niemiec=Germany;Niemcom=Germany;Niemczech=Germany;Włoch=Italy;Włochom=Italy;"
    "Czech=Czechia;Czechom=Czechia;UE=EU;Unia Europejska=EU;Unii Europejskiej=EU;"
    "Unię Europejską=EU;Komisja Europejska=EU;Komisji Europejskiej=EU;"
    "Bank Światowy=World Bank;Banku Światowego=World Bank;MFW=IMF;EBI=EIB;"
    "Europejski Bank Inwestycyjny=EIB;Europejskiego Banku Inwestycyjnego=EIB;"
    "Międzynarodowy Fundusz Walutowy=IMF;ONZ=UN;NATO=NATO;Warszawa=Poland;Kijów=Ukraine;"
    "Strefa Gazy=Palestine;Strefy Gazy=Palestine;Strefie Gazy=Palestine;Gazy=Palestine;"
    "Zachodni Brzeg=Palestine;"
    "Kijowa=Ukraine;Kijowowi=Ukraine;Waszyngton=United States;Berlin=Germany;"
    "Mołdawia=Moldova;Mołdawii=Moldova",
    channel="fundusz\\w*|instrument\\w*|program\\w*|mechanizm\\w*|inicjatyw\\w*",
)
ES = Language(
    code="es",
    locales=("es",),
    stop="el la los las de del y en a que un una por para con es se al su ha han millones",
    numbers="un=1 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
    "once=11 doce=12 quince=15 veinte=20 treinta=30 cuarenta=40 cincuenta=50 cien=100 "
    "medio=0.5",
    at_least="al menos|por lo menos|más de|mínimo de|superior a",
    up_to="hasta|como máximo|(?:un\\s+)?(?:monto|importe)\\s+máximo\\s+de|máximo de",
    about="unos|unas|alrededor de|cerca de|casi|aproximadamente|en torno a|aprox\\.",
    announced="destinará|destinarán|será|serán|enviará|enviarán|aportará|aportarán|dará|darán|donará"
    "|asignará|asignarán"
    "|proporcionará|entregará|entregarán|concederá|financiará|movilizará|va a|van a|prevé"
    "|planea|anunció|anuncia|ha anunciado|anunciado|promete|prometió|ha prometido"
    "|propondrá|propondrán|se compromete|se comprometió|comprometió|comprometieron|comprometido"
    "|propone|propuso|tiene previsto|tienen previsto|recibirá|recibirán"
    "|ofrece|ofrecen|ofreció|ofrecieron|ofrecido|ofrecerá|ofrecerán"
    "|apoyará|apoyarán|contribuirá"
    "|contribuirán|transferirá|transferirán|(?!ascend|cost|supond)\\w+(?:aría|arían|ería|erían|iría"
    "|irían)",
    committed="luz verde|suscrito|ha suscrito|suscribió|aprobó|ha aprobado|aprobado|aprobada"
    "|firmó|ha firmado|firmado|acordó"
    "|ha acordado|acordado|decidió|ha decidido|decidido|aprueba|aprueban|aprobaron",
    allocated="destinado|destinados|asignó|ha asignado|asignado|asignados|consignado"
    "|reservado|habilitado|ha destinado|destinó|presupuestado|presupuestó",
    disbursed="suministró|ha suministrado|suministrado|facilitado|ha facilitado|facilitó"
    "|desembolsó|ha desembolsado|desembolsado|entregó"
    "|ha entregado|entregado"
    "|envió|ha enviado|enviado|ha aportado|aportó|aportado|donó|ha donado|donado|pagó"
    "|aportaron|donaron|entregaron|enviaron"
    "|ha pagado|ha ayudado|ayudó|ha liberado",
    increase="aumenta|aumentan|incrementa|incrementan",
    infinitive="(?:a|de|para)\\s+\\w+(?:ar|er|ir)",
    recipient_before="a|al|para|en favor de|a favor de|destinados? a|hacia|ayudar|apoyar|apoyo a",
    donor_before="por parte de|procedentes? de|por",
    place_before="en",
    aside_before="a través de|mediante|por medio de|con|junto con",
    of_before="de|del",
    receive="recibirá|recibirán|recibe|reciben|recibió|recibieron|ha recibido|obtendrá|obtuvo"
    "|beneficiará|beneficiarán"
    "|contar con",
    articles="el|la|los|las",
    breakdown="de los cuales|de las cuales|incluidos|incluidas|incluyendo|entre ellos"
    "|entre ellas|se compone de|compuesto por",
    of_this="de (?:esta|este|dicha|dicho) (?:cantidad|suma|importe|monto)",
    part_of="como parte de|en el marco de|dentro de",
    total="en total|un total de|en conjunto|en suma",
    each_year="cada año|al año|por año|anualmente|anuales|anual",
    respectively="respectivamente",
    equivalent="equivalentes? a|lo que equivale a|o",
    need_before="necesidad\\w*|necesit\\w*|requiere|requieren|requerirá|requerirán"
    "|falta|faltan|déficit|solicitud|solicitudes"
    "|pretensión|objetivo|meta"
    "|estima|estiman|estimado|estimados|calcula|pide|solicita|llamamiento|brecha|solicitado"
    "|solicitó|pidió|ha pedido|reclama|reclaman|piden|llamamientos|un llamado|llamado urgente"
    "|busca conseguir|buscan conseguir|busca obtener|buscan obtener|busca recaudar"
    "|buscan recaudar|estimación",
    need_after="necesarios|necesarias|requeridos|requeridas|requerirán|requieren|necesitan"
    "|necesitarán|solicitados|solicitadas|pedidos|pedidas|reclamados|reclamadas",
    spend="gasta|gastan|gastó|gasto|gastos",
    loss="ampliación de capital|aumento de capital|cost[oe]s?|cuesta|costó|costará|costarán"
    "|costaría|daños|pérdidas|perdió|pib|déficit|adeuda|adeudan|adeudaba|producto interno bruto"
    "|ingresos|activos"
    "|intereses|beneficios|exportaciones|importaciones|destruid\\w*"
    "|gasto en defensa|gasto militar",
    people="personas|huida|habitantes|refugiados|desplazados|civiles|niños|hogares|soldados"
    "|vidas"
    "|dosis|proyectiles|toneladas|veces|mujeres|hombres",
    aid="ayuda|ayudas|apoyo|asistencia|contribución|aportación|paquete|préstamo"
    "|donación|financiación|compromiso|cooperación",
    government="gobierno|ministerio|ministro|ministra|parlamento|congreso|presidente"
    "|presidenta|autoridades|ejecutivo|agencia|estado|reino|directorio|junta directiva",
    war="guerra|invasión|agresión|ataque|ofensiva",
    until="hasta|para|antes de",
    this_year="este año|el año en curso",
    next_year="el próximo año|el año que viene|el año próximo",
    next_years="(?:en|durante|para)\\s+los\\s+próximos\\s+(?P<n>{n})\\s+años",
    months="enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre",
    military="militar|militares|armas|armamento|munición|municiones|defensa aérea|drones"
    "|defensa antiaérea|antiaérea",
    humanitarian="humanitari[ao]s?|ayuda de emergencia|ayuda alimentaria",
    civilian="civil|civiles",
    financial="apoyo presupuestario|macrofinanciera|ayuda financiera|asistencia financiera"
    "|apoyo financiero",
    loan="préstamos?|créditos?",
    grant="subvenciones|subvención|donaciones|no reembolsable|a fondo perdido",
    guarantee="garantías?",
    in_kind="en especie",
    delivery="tramo|desembolso|pago",
    authorization="autorización",
    future="va a|van a|\\w+(?:ará|erá|irá|arán|erán|irán)",
    demonyms="belga=BEL británico=GBR estadounidense=USA austriaco=AUT suizo=CHE "
    "canadiense=CAN australiano=AUS moldavo=MDA",
    aliases="EE. UU.=United States;EE.UU.=United States;EEUU=United States;"
    "Estados Unidos=United States;Gran Bretaña=United Kingdom;Rusia=Russian Federation;"
    "UE=EU;Unión Europea=EU;Comisión Europea=EU;Bruselas=EU;Banco Mundial=World Bank;"
    "FMI=IMF;Fondo Monetario Internacional=IMF;BEI=EIB;ONU=UN;Naciones Unidas=UN;"
    "OTAN=NATO;Madrid=Spain;Kiev=Ukraine;Kyiv=Ukraine;Washington=United States;"
    "Gaza=Palestine;Franja de Gaza=Palestine;Cisjordania=Palestine;"
    "Londres=United Kingdom;Berlín=Germany;París=France",
    channel="fondo|mecanismo|programa|iniciativa|instrumento|plataforma",
)
IT = Language(
    code="it",
    locales=("it",),
    stop="il lo la i gli le di del della e in a che un una per con è ha al dei delle sono "
    "persone oltre milioni miliardi",
    numbers="un=1 uno=1 una=1 due=2 tre=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 "
    "dieci=10 undici=11 dodici=12 quindici=15 venti=20 trenta=30 quaranta=40 cinquanta=50 "
    "cento=100 mezzo=0.5",
    at_least="almeno|oltre|più di|non meno di|superiore a|superiore ai|superiore al|superiori a"
    "|supera|superano|superato",
    up_to="fino a|al massimo|(?:importo\\s+)?(?:complessivo\\s+)?massimo\\s+di|massimo",
    about="circa|quasi|intorno a|attorno a|approssimativamente|poco meno di|poco più di",
    announced="stanzierà|stanzieranno|sarà|saranno|invierà|invieranno|fornirà|forniranno|darà|daranno"
    "|destinerà|erogherà|prevede|prevedono|intende|annuncia|ha annunciato|annunciato"
    "|si sono impegnati|si è impegnata|si è impegnato|avrebbe|avrebbero"
    "|(?!ammont|cost)\\w+(?:erebbe|erebbero|irebbe|irebbero)"
    "|promette|ha promesso|propone|ha proposto|supporterà|supporteranno|sosterrà|sosterranno"
    "|contribuirà|contribuiranno|trasferirà|trasferiranno|finanzierà|finanzieranno|metterà"
    "|mettera'|arriverà|arriveranno|andrà|andranno|mobiliterà"
    "|continuerà|si impegnano|si impegna|promess[oaie]|offre|offrono|ha offerto|offert[oaie]"
    "|riceverà|riceveranno"
    "|offrirà|offriranno",
    committed="ha approvato|approvato|approvata|approvati|ha firmato|firmato|ha deciso"
    "|raggiunto un accordo|via libera"
    "|deciso|ha concordato|concordato|ha varato|varato|concede|concedono|ha concesso",
    allocated="ha stanziato|stanziato|stanziati|stanziata|stanzia|ha destinato|destinato"
    "|assegnazione|ha assegnato"
    "|destinati|assegnato|assegnati",
    disbursed="ha erogato|erogato|erogati|erogata|ha versato|ha consegnato|consegnato"
    "|ha inviato|hanno inviato|inviato|ha fornito|fornito|ha donato|donato"
    "|ha contribuito|hanno contribuito|ha trasferito|hanno trasferito|trasferito|ha aiutato"
    "|hanno aiutato|ha sbloccato|sbloccato",
    increase="aumenta|aumentano|incrementa|incrementano",
    infinitive="(?:di|a|per)\\s+\\w+(?:are|ere|ire)",
    recipient_before="a|al|alla|all['\u2019]|ai|alle|per|per la|per il|in favore di|a favore di"
    "|a sostegno di|sostegno a|aiutare|aiuterà|aiuteranno|aiuta|aiutano|sostenere|verso|allo"
    "|agli",
    donor_before="da|dalla|dal|dall['\u2019]|da parte di|da parte della|da parte del",
    place_before="in|nel|nella|nell['\u2019]",
    aside_before="tramite|attraverso|con|insieme a|mediante|con il sostegno (?:della|del"
    "|dell['\u2019]|di)",
    of_before="di|del|della|dell['\u2019]|dei|degli",
    receive="riceverà|riceveranno|riceve|ricevono|ha ricevuto|hanno ricevuto|otterrà|ottiene"
    "|beneficerà|beneficeranno|beneficia|beneficiano"
    "|contare su",
    articles="il|lo|la|l['\u2019]|i|gli|le",
    breakdown="di cui|tra cui|compresi|comprese|inclusi|incluse|composto da",
    of_this="di (?:questa|questo|tale) (?:somma|importo|cifra)|di questi",
    part_of="nell['\u2019]ambito di|nel quadro di|come parte di|all['\u2019]interno di"
    "|nell['\u2019]ambito del",
    total="in totale|complessivamente|in tutto|per un totale di",
    each_year="ogni anno|all['\u2019]anno|l['\u2019]anno|annui|annue|annuali|annualmente|per anno",
    respectively="rispettivamente",
    equivalent="pari a|equivalenti a|ovvero|cioè|o",
    need_before="bisogno|bisogni|fabbisogno|necessità|servono|serve|mancano|manca|richiede"
    "|obiettivo|punta a|punta ad|puntano a"
    "|richiesti|richiesta|chiesto|stima|stimat[oaie]|stime|valutat[oaie]|appell[oi]|chiede|chiedono"
    "|necessari[oa]?|necessarie|occorrono|occorre|dovrebbe mobilitare|deve mobilitare|divario"
    "|bisogna"
    "|devono mobilitare",
    need_after="necessari|necessarie|richiesti|richieste",
    spend="spende|spendono|speso|spesa|spese|spenderà|spenderanno|spendere",
    loss="aumento di capitale|cost[oi]|costa|costano|danni|perdite|perso|pil|deficit|entrate"
    "|beni (?:russi|congelati|sequestrati|confiscati|immobilizzati|della)|prodotto interno lordo"
    "|interessi|profitti|esportazioni|importazioni|distrutt\\w*",
    people="persone|fuga|abitanti|rifugiati|profughi|sfollati|civili|bambini|famiglie|soldati|dosi"
    "|vite"
    "|vittime|morti|feriti|dispersi|donne|uomini"
    "|proiettili|tonnellate|volte",
    aid="aiuto|aiuti|sostegno|assistenza|contributo|pacchetto|prestito|donazione"
    "|finanziamento|finanziamenti|impegno|cooperazione",
    government="governo|ministero|ministro|ministra|parlamento|presidente|autorità"
    "|esecutivo|consiglio dei ministri|agenzia|stato|consiglio di amministrazione",
    war="guerra|invasione|aggressione|attacco|offensiva",
    until="entro|entro il|fino al|fino a|prima del",
    this_year="quest['\u2019]anno|nell['\u2019]anno in corso",
    next_year="l['\u2019]anno prossimo|il prossimo anno|prossimo anno|nel prossimo anno",
    next_years="(?:nei|per i|durante i)\\s+prossimi\\s+(?P<n>{n})\\s+anni",
    months="gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
    "|novembre|dicembre",
    military="militar[ei]|armi|armamenti|munizioni|difesa aerea|droni",
    humanitarian="umanitari[oae]?|aiuti alimentari|aiuti d['\u2019]emergenza",
    civilian="civil[ei]",
    financial="sostegno (?:al|del) bilancio|macro\\s?finanziari\\w*|aiuti finanziari"
    "|assistenza finanziaria"
    "|sostegno finanziario",
    loan="prestit[oi]|credit[oi]",
    grant="sovvenzion[ei]|doni|a fondo perduto|a dono",
    guarantee="garanzi[ae]",
    in_kind="in natura",
    delivery="tranche|rata|erogazione|versamento|pagamento",
    authorization="autorizzazione",
    future="\\w+(?:erà|irà|eranno|iranno)",
    demonyms="belga=BEL britannico=GBR statunitense=USA americano=USA austriaco=AUT "
    "svizzero=CHE canadese=CAN australiano=AUS moldavo=MDA nederlandese=NLD saudita=SAU",
    aliases="USA=United States;Stati Uniti=United States;Gran Bretagna=United Kingdom;"
    "Russia=Russian Federation;UE=EU;Ue=EU;Unione europea=EU;Unione Europea=EU;"
    "Commissione europea=EU;Commissione Europea=EU;Bruxelles=EU;Banca Mondiale=World Bank;"
    "Banca mondiale=World Bank;FMI=IMF;Fmi=IMF;Fondo monetario internazionale=IMF;BEI=EIB;"
    "ONU=UN;Fondo Monetario Internazionale=IMF;Banca europea per gli investimenti=EIB;"
    "Banca Europea per gli Investimenti=EIB;Bei=EIB;"
    "Nazioni Unite=UN;NATO=NATO;Nato=NATO;Roma=Italy;Kiev=Ukraine;Kyiv=Ukraine;"
    "Gaza=Palestine;Striscia di Gaza=Palestine;Cisgiordania=Palestine;"
    "Washington=United States;Londra=United Kingdom;Berlino=Germany;Parigi=France",
    channel="fondo|meccanismo|programma|iniziativa|strumento|piattaforma",
)

FROZEN = (
    r"frozen|blocked|seized|immobili[sz]ed|bloqués?|bloquées?|gelés?|gelées?|immobilisés?"
    r"|confisqués?|eingefroren\w*|blockiert\w*|beschlagnahmt\w*|fryst\w*|frosset|frosne"
    r"|fastfrosne|indefrosne|bevroren|geblokkeerd\w*|zamrożon\w*|zablokowan\w*"
    r"|congelad\w*|bloquead\w*|inmovilizad\w*|congelat\w*|bloccat\w*|immobilizzat\w*"
)
"""Money held, not given (frozen Russian assets), in every language."""
FRACTION = (
    r"(?:(?:a|one|the|some)\s+(?:part|portion|share|fraction)|half|a\s+third|a\s+quarter)"
    r"\s+of|une\s+partie\s+(?:des?|du)|la\s+moitié\s+(?:des?|du)|en\s+del\s+av|en\s+del\s+af"
    r"|halvdelen\s+av|halvdelen\s+af|hälften\s+av|ein(?:en)?\s+Teil\s+(?:der|des|von)"
    r"|die\s+Hälfte\s+(?:der|des|von)|een\s+deel\s+van|de\s+helft\s+van|część|połow[aęy]"
    r"|una\s+parte\s+de|la\s+mitad\s+de|una\s+parte\s+(?:de[il]|della)|la\s+metà\s+(?:de[il]|della)"
    r"|(?:%|percent|per\s+cent|prosent|procent|Prozent|pour\s?cent|proc\.|por\s+ciento"
    r"|per\s+cento)\s+(?:of|av|af|der|des|du|de|van|z|di|del|dei)"
)
"""A share of an amount: the amount is what it is a share of, not what is given."""

LANGUAGES: dict[str, Language] = {
    lang.code: lang for lang in (EN, NO, DA, SV, DE, FR, NL, PL, ES, IT)
}
# Norwegian and Danish read each other: a sentence in one is read with the words of both.
_KIN = {"no": ("no", "da"), "da": ("da", "no")}

# Countries named for a language: the English name of that language in ISO 639-3 (the
# key of pycountry's catalogs), whose name in each language is the demonym's stem.
_LANGUAGE_OF = {
    "NOR": ("Norwegian", "Norwegian Bokmål"),
    "SWE": ("Swedish",),
    "DNK": ("Danish",),
    "DEU": ("German",),
    "FRA": ("French",),
    "NLD": ("Dutch",),
    "POL": ("Polish",),
    "ESP": ("Spanish",),
    "ITA": ("Italian",),
    "FIN": ("Finnish",),
    "CZE": ("Czech",),
    "EST": ("Estonian",),
    "LVA": ("Latvian",),
    "LTU": ("Lithuanian",),
    "JPN": ("Japanese",),
    "UKR": ("Ukrainian",),
    "PRT": ("Portuguese",),
    "ISL": ("Icelandic",),
    "SVK": ("Slovak",),
    "ROU": ("Romanian",),
    "HUN": ("Hungarian",),
    "HRV": ("Croatian",),
    "SVN": ("Slovenian",),
    "BGR": ("Bulgarian",),
    "GRC": ("Modern Greek (1453-)", "Greek, Modern (1453-)"),
    "RUS": ("Russian",),
    "TUR": ("Turkish",),
}


# Telling the language ------------------------------------------------------------------


@cache
def _stop_words() -> dict[str, dict[str, float]]:
    """Each language's function words, weighted by how many languages share each: "de"
    (Dutch, French, Spanish) says less than "und"."""
    lists = {code: set(lang.stop.split()) for code, lang in LANGUAGES.items()}
    shared: dict[str, int] = {}
    for words_ in lists.values():
        for word in words_:
            shared[word] = shared.get(word, 0) + 1
    return {code: {w: 1 / shared[w] for w in words_} for code, words_ in lists.items()}


# Letters some languages write and others do not, weighted like the function words.
_LETTERS = {
    "no": "æø",
    "da": "æø",
    "sv": "äöå",
    "de": "äöüß",
    "fr": "èêçœàùâîôûëï",
    "es": "ñáíóú¿¡",
    "it": "òìèàù",
    "pl": "ąęłśżźćńó",
    "nl": "ëï",
}


@cache
def _letter_weights() -> dict[str, dict[str, float]]:
    shared: dict[str, int] = {}
    for letters in _LETTERS.values():
        for letter in letters:
            shared[letter] = shared.get(letter, 0) + 1
    return {
        code: {letter: 0.5 / shared[letter] for letter in letters}
        for code, letters in _LETTERS.items()
    }


# Norwegian and Danish share most function words; these spellings tell them apart.
_NORWEGIAN_WORDS = (
    "av ble blir etter gjennom mye hva noen sier mer enn vært ut ukraina å "
    "regjeringen regjering mrd ikkje gjelder mellom opp stortinget avsatt avsetter avsettes "
    "hjelp nødhjelp innsats innsatsen innsatser ytterligere blitt dessuten donert gitt presist"
)
_DANISH_WORDS = (
    "af blev bliver efter gennem meget hvad nogle siger mere end været ud "
    "ukraine regeringen regering mia mio at mellem op findes folketinget afsat afsætter "
    "afsættes hjælp nødhjælp indsats indsatsen indsatser yderligere blevet desuden doneret "
    "givet præcist"
)
_NORWEGIAN = frozenset(_NORWEGIAN_WORDS.split())
_DANISH = frozenset(_DANISH_WORDS.split())


_NAME_PARTICLES = re.compile(r"(?<=[^\W\d_]) (?:von|van) (?:der|den) (?=[A-Z])")
"""The particles of a name ("Ursula von der Leyen", "Van der Bellen"): German or Dutch
words in a sentence of any language, which do not tell its language."""


def detect(text: str, default: str = ENGLISH) -> str:
    """The language of `text`: the one whose function words it uses most (English on a
    tie with English; `default` when it uses none)."""
    text = _NAME_PARTICLES.sub(" ", text)
    words = re.findall(r"[^\W\d_]+", text.lower())
    letters = _letter_weights()
    lowered = text.lower()
    scores = {
        code: sum(weights.get(word, 0.0) for word in words)
        + sum(lowered.count(letter) * weight for letter, weight in letters.get(code, {}).items())
        for code, weights in _stop_words().items()
    }
    best = max(scores.values())
    if best == 0:
        return default
    if scores[ENGLISH] >= best - 1e-9:
        return ENGLISH
    found = next(code for code, score in scores.items() if score >= best - 1e-9)
    if found in ("no", "da"):
        norwegian = sum(word in _NORWEGIAN for word in words)
        danish = sum(word in _DANISH for word in words)
        if norwegian != danish:
            found = "no" if norwegian > danish else "da"
    return found


def family(language: str) -> tuple[str, ...]:
    """The languages whose words read a sentence in `language`: it, its kin, and English
    (names, institutions and quotes in English appear in every language's news)."""
    own = _KIN.get(language, (language,))
    return (*own, ENGLISH) if language != ENGLISH else (ENGLISH,)


# Words as regex alternatives -----------------------------------------------------------


def _split(text: str) -> list[str]:
    """The top-level alternatives of a regex: `a|(?:b|c)d` -> `a`, `(?:b|c)d`."""
    parts, depth, current = [], 0, ""
    escaped = False
    for char in text:
        if escaped:
            current, escaped = current + char, False
            continue
        if char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return [part for part in parts if part]


def _alternative(word: str, compounds: bool) -> str:
    if word.startswith("*"):
        return (r"\w*" if compounds else "") + word[1:]
    return word


@cache
def words(languages: tuple[str, ...], name: str) -> str:
    """The alternatives of field `name` over `languages`, as one regex group body."""
    found: list[str] = []
    for code in languages:
        lang = LANGUAGES[code]
        text = getattr(lang, name)
        if name == "next_years":
            numbers = "|".join(
                re.escape(w)
                for w in number_words((code,))
                if 2 <= float(number_words((code,))[w]) <= 5
            )
            numbers += "|[2-5]"
            if code == ENGLISH:
                numbers += "|two|three|four|five"
            text = text.replace("{n}", numbers).replace("(?P<n>", f"(?P<n_{code}>") if text else ""
            if text and text not in found:
                found.append(text)
            continue
        for word in _split(text):
            alternative = _alternative(word, lang.compounds)
            if alternative not in found:
                found.append(alternative)
    return "|".join(sorted(found, key=len, reverse=True))


@cache
def number_words(languages: tuple[str, ...]) -> dict[str, str]:
    """Number words (lower case) of `languages` and their values as digits."""
    found: dict[str, str] = {}
    for code in languages:
        for pair in LANGUAGES[code].numbers.split():
            word, _, value = pair.partition("=")
            found.setdefault(word, value)
    if ENGLISH in languages:
        found |= {"two": "2", "three": "3", "four": "4", "five": "5"}
    return found


@cache
def qualifiers(languages: tuple[str, ...]) -> dict[str, str]:
    """Qualifier phrases (regex) of `languages` and the qualifier each says."""
    found: dict[str, str] = {}
    for code in languages:
        lang = LANGUAGES[code]
        for name in ("at_least", "up_to", "about"):
            for phrase in _split(getattr(lang, name)):
                found.setdefault(phrase, name)
    return found


def qualifier_of(languages: tuple[str, ...], phrase: str) -> str:
    """Which qualifier a matched phrase says: `mindestens` -> at_least."""
    for pattern, name in qualifiers(languages).items():
        if re.fullmatch(pattern, phrase, re.IGNORECASE):
            return name
    return "exact"


# Names of parties ----------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """A way a text names a party: the party, and what the form says of its role.

    `kind` is "name" (any case), "genitive" (Norges, Deutschlands: a possessor),
    "dative" (Polish Ukrainie, Niemcom: a recipient unless a place), "genitive_dative"
    (Polish Norwegii), or "adjective" (norske, deutschen: a party only before a
    government or aid noun)."""

    party: str
    kind: str


_CATALOGS: dict[tuple[str, str], gettext.NullTranslations] = {}


def _catalog(locale: str, domain: str) -> Callable[[str], str | None]:
    """pycountry's translation of `domain` (iso3166-1, iso639-3) into `locale`, read
    with gettext on first use and kept: a function from the English name to the
    translated one (None when the locale does not translate it)."""
    key = (locale, domain)
    if key not in _CATALOGS:
        import gettext
        import importlib.util

        spec = importlib.util.find_spec("pycountry")
        folders = spec.submodule_search_locations if spec else None
        translations = gettext.NullTranslations()
        if folders:
            path = Path(next(iter(folders))) / "locales" / locale / "LC_MESSAGES" / f"{domain}.mo"
            if path.exists():
                with path.open("rb") as handle:
                    translations = gettext.GNUTranslations(handle)
        _CATALOGS[key] = translations
    translations = _CATALOGS[key]

    def translate(english: str) -> str | None:
        found = translations.gettext(english)
        return found if found and found != english else None

    return translate


def catalogs_read() -> int:
    """How many locale catalogs this process has read (start-up tests hold it at 0)."""
    return len(_CATALOGS)


def _resolve(name: str) -> str | None:
    try:
        return places.resolve(name).name
    except InvalidInput:  # an alias places does not know is skipped
        return None


@cache
def _by_code() -> dict[str, str]:
    return {c["alpha_3"]: c.get("common_name") or c["name"] for c in places.countries()}


def _names_in(language: str) -> dict[str, str]:
    """Every country's name in `language` (pycountry's locale), mapped to aidtrack's."""
    found: dict[str, str] = {}
    for locale in LANGUAGES[language].locales:
        catalog = _catalog(locale, "iso3166-1")
        for country in places.countries():
            own = country.get("common_name") or country["name"]
            for key in ("name", "common_name", "official_name"):
                english = country.get(key)
                translated = catalog(english) if english else None
                for spelling in (translated or "").split(";"):
                    spelling = spelling.strip()
                    if ", " in spelling:  # "Moldau, Republik": the name before the comma
                        spelling = spelling.split(", ")[0]
                    if spelling and "(" not in spelling:
                        found.setdefault(spelling, own)
    return found


def _inflections(language: str, name: str) -> dict[str, str]:
    """The forms a language gives a country's name, by kind (see `Form`)."""
    forms = {name: "name"}
    if language in ("no", "da", "sv", "de", "nl") and not name.endswith(("s", "x", "z", "ß")):
        forms[name + "s"] = "genitive"  # Norges, Sveriges, Deutschlands, Nederlands
    if language == "de":
        words_ = name.split()
        if name.endswith("e") and len(words_) == 1:
            forms[name + "n"] = "dative"  # den Niederlanden
        if len(words_) > 1 and words_[0].endswith(("e", "es")):
            first = re.sub(r"(?:e|es)$", "en", words_[0])
            forms[" ".join([first, *words_[1:]])] = "name"  # die/den Vereinigten Staaten
    if language == "pl":
        forms |= _polish(name)
    return forms


def _polish(name: str) -> dict[str, str]:
    """Polish declension of a country's name: the genitive (dla Ukrainy), the dative
    (Ukrainie, Polsce), the accusative and instrumental; a feminine -a noun only, as
    most countries' names are (Niemcy, Włochy are listed among the aliases)."""
    words_ = name.split()
    last = words_[-1]
    head = " ".join([*words_[:-1], ""])
    forms: dict[str, str] = {}
    if not last.endswith("a"):
        return forms
    stem = last[:-1]
    if last.endswith(("ia", "ja")):  # Norwegia, Szwecja: Norwegii, Szwecji
        forms |= {stem + "i": "genitive_dative", stem + "ę": "name", stem + "ą": "name"}
    else:
        soft = {"k": "c", "g": "dz", "ch": "sz", "r": "rz", "ł": "l", "t": "ci", "d": "dzi"}
        ending = next((e for e in ("ch", "k", "g", "r", "ł", "t", "d") if stem.endswith(e)), "")
        dative = stem[: len(stem) - len(ending)] + soft[ending] + "e" if ending else stem + "ie"
        genitive = stem + ("i" if stem.endswith(("k", "g")) else "y")
        forms |= {genitive: "genitive", dative: "dative", stem + "ę": "name", stem + "ą": "name"}
    return {head + form: kind for form, kind in forms.items()}


def _adjective_forms(language: str, base: str) -> list[str]:
    """A demonym adjective and its inflections in `language` (norsk: norske, norska)."""
    word = base.split(" (")[0].split(",")[0].strip()
    low = word.lower()
    if language in ("no", "da"):
        forms = [low, low + "e"]
    elif language == "sv":
        stem = low[:-1] if low.endswith("a") else low
        forms = [stem, stem + "a", stem + "e", stem + "t"]
    elif language == "de":
        forms = [low] + [low + e for e in ("e", "en", "er", "es", "em")]
    elif language == "fr":
        if low.endswith("ien"):
            forms = [low, low + "ne", low + "s", low + "nes"]
        elif low.endswith(("s", "e")):
            forms = [low, low + "e", low + "es"] if low.endswith("s") else [low, low + "s"]
        else:
            forms = [low, low + "e", low + "s", low + "es"]
    elif language == "nl":
        forms = [low, low + "e"] if not low.endswith("e") else [low]
    elif language == "pl":
        stem = low[:-1] if low.endswith(("i", "y")) else low
        endings = ("i", "a", "ie", "iego", "iej", "im", "ich", "ą", "imi", "iemu")
        forms = [stem + e for e in endings] if low.endswith("i") else [low]
    elif language == "es":
        plain = unicodedata.normalize("NFC", low)
        unaccented = plain.translate(str.maketrans("áéíóú", "aeiou"))  # alemán: alemana
        if plain.endswith("o"):
            forms = [plain[:-1] + e for e in ("o", "a", "os", "as")]
        elif plain.endswith("e") or plain.endswith("a"):
            forms = [plain, plain + "s"]
        else:
            forms = [plain, unaccented + "a", unaccented + "es", unaccented + "as"]
    elif language == "it":
        if low.endswith("co"):
            forms = [low, low[:-1] + "a", low[:-1] + "hi", low[:-1] + "he"]
        elif low.endswith("o"):
            forms = [low[:-1] + e for e in ("o", "a", "i", "e")]
        elif low.endswith("e"):
            forms = [low, low[:-1] + "i"]
        else:
            forms = [low]
    else:
        forms = [word]
    return forms


def _demonyms(language: str) -> dict[str, str]:
    """Demonym adjectives of `language` and their countries: from pycountry's language
    names for countries named for a language, else the language's own short list."""
    found: dict[str, str] = {}
    by_code = _by_code()
    bases: list[tuple[str, str]] = []
    lang = LANGUAGES[language]
    if language != ENGLISH:
        for locale in lang.locales:
            catalog = _catalog(locale, "iso639-3")
            for code, keys in _LANGUAGE_OF.items():
                for key in keys:
                    translated = catalog(key)
                    if translated:
                        bases.append((translated, code))
                        break
    for pair in lang.demonyms.split():
        adjective, _, code = pair.rpartition("=")
        bases.append((adjective, code))
    for base, code in bases:
        country = by_code.get(code)
        if country is None:
            continue
        if language == ENGLISH:
            found.setdefault(base, country)
            continue
        for form in _adjective_forms(language, base):
            found.setdefault(form, country)
            found.setdefault(form[:1].upper() + form[1:], country)
    return found


@cache
def _english_forms() -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for country in places.countries():
        own = country.get("common_name") or country["name"]
        for key in ("name", "common_name", "official_name"):
            spelling = country.get(key)
            if spelling and "," not in spelling and "(" not in spelling:
                forms.setdefault(spelling, Form(own, "name"))
    for name in places.names():
        if "," not in name and "(" not in name:
            forms.setdefault(name, Form(name, "name"))
    return forms


@cache
def forms(language: str) -> dict[str, Form]:
    """Every way `language` names a party, mapped to aidtrack's name and the form's kind."""
    found: dict[str, Form] = {} if language != ENGLISH else dict(_english_forms())
    if language != ENGLISH:
        for spelling, country in _names_in(language).items():
            for form, kind in _inflections(language, spelling).items():
                found.setdefault(form, Form(country, kind))
    for pair in LANGUAGES[language].aliases.split(";"):
        alias, _, spelling = pair.partition("=")
        name = _resolve(spelling)
        if name:
            for form, kind in _inflections(language, alias).items():
                found.setdefault(form, Form(name, kind))
    for adjective, country in _demonyms(language).items():
        found.setdefault(adjective, Form(country, "adjective"))
    return found


@cache
def party_forms(languages: tuple[str, ...]) -> dict[str, Form]:
    """The forms of all `languages`, the first language's winning a clash."""
    found: dict[str, Form] = {}
    for code in languages:
        for form, value in forms(code).items():
            found.setdefault(form, value)
    return found


@cache
def folded_party_forms(languages: tuple[str, ...]) -> dict[str, Form]:
    """The forms of several words by their case-folded spelling: a title may capitalise
    every word of a name ("la Banque Mondiale", "il Fondo Monetario Internazionale")."""
    found: dict[str, Form] = {}
    for spelling, form in party_forms(languages).items():
        if " " in spelling:
            found.setdefault(spelling.casefold(), form)
    return found


def party(word: str) -> str | None:
    """The party a word names in any of the languages, or None."""
    for code in LANGUAGES:
        form = forms(code).get(word)
        if form is not None:
            return form.party
    return None
