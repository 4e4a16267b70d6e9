"""Community services for social prescribing: the record, the checks on its fields, when its
details may be out of date, and which services match a problem. Pure: no I/O; `today` is an
argument.

A service is kept as the fields of the Open Referral Human Services Data Specification
(HSDS 3.0) core that a person needs to get in touch (domain/hsds.py maps them to and from
HSDS tables). Lists (categories, areas, languages) are kept as tuples of texts.
"""

import re
from datetime import date

from smcoach.messages import t
from smcoach.records import NamedTuple

# HSDS 3.0 service.status.
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
# Worth offering: a service that is closed for now may open again, so it is shown, marked.
OFFERED = ("active", "temporarily closed")
# Where an entry of the person's own directory came from: typed in ('own'), read from a file
# they imported ('imported'), or copied from the directory a service or course provides when
# they chose it as an idea or for a plan ('provided'). 'directory': an entry of that provided
# directory itself, never stored in the person's file.
ORIGINS = ("own", "imported", "provided")
DIRECTORY = "directory"
STALE_AFTER_DAYS = 365  # details not checked for longer than this may be out of date

# Separates the items of a list in a single field (a flat CSV cell, an option).
LIST_SEPARATOR = ";"
LIST_FIELDS = ("categories", "areas", "languages")


class Service(NamedTuple):
    ref: str  # how the person names it: '12' (their own entry), 'p3' (the provided directory)
    hsds_id: str  # the HSDS service id: re-importing the same data matches on it
    name: str
    organization: str | None = None
    description: str | None = None  # what it offers
    categories: tuple[str, ...] = ()  # taxonomy terms, such as 'carers' or 'walking group'
    areas: tuple[str, ...] = ()  # the areas it serves
    address: str | None = None
    phone: str | None = None  # one number, or several separated by '; '
    email: str | None = None
    url: str | None = None
    hours: str | None = None  # when it is open (its schedule), as words
    eligibility: str | None = None  # who it is for
    languages: tuple[str, ...] = ()
    cost: str | None = None
    status: str = "active"  # one of STATUSES
    checked: date | None = None  # the day its details were last checked
    origin: str = "own"  # one of ORIGINS, or DIRECTORY
    organization_id: str | None = None  # the HSDS organization id, kept for export
    removed: date | None = None  # removed from the person's list; kept for plans that use it


def split_list(text: str | None) -> tuple[str, ...]:
    """'carers; advice' -> ('carers', 'advice'): each item once, blanks dropped."""
    items: list[str] = []
    for part in (text or "").split(LIST_SEPARATOR):
        item = " ".join(part.split())
        if item and item.casefold() not in (i.casefold() for i in items):
            items.append(item)
    return tuple(items)


def join_list(items: tuple[str, ...] | list[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(items)


def blank_to_none(text: str | None) -> str | None:
    return text if text is not None and text.strip() else None


# --- checks on the fields -------------------------------------------------------------------

_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s.]+"
# A web address: with or without http(s)://, a host with a dot, no spaces.
_URL = r"(?i)(https?://)?[^\s/@.]+(\.[^\s/@.]+)+(:[0-9]+)?([/?#]\S*)?"
# A phone number in any country's format: digits with spaces, dots, dashes, brackets, a
# leading +, and perhaps an extension; from 3 digits (999, 111) to 17.
_PHONE = r"(?i)\+?[0-9 ()./-]+?(\s*(ext\.?|x)\s*[0-9]{1,6})?"
_ISO_DAY = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"


def plausible_email(text: str) -> bool:
    return re.fullmatch(_EMAIL, text.strip()) is not None


def plausible_url(text: str) -> bool:
    return re.fullmatch(_URL, text.strip()) is not None


def plausible_phone(text: str) -> bool:
    """Each number (several are separated by ';') looks like a phone number somewhere."""
    numbers = [n.strip() for n in text.split(LIST_SEPARATOR) if n.strip()]
    if not numbers:
        return False
    for number in numbers:
        if re.fullmatch(_PHONE, number) is None:
            return False
        main = re.split(r"(?i)ext|x", number)[0]
        if not 3 <= sum(c.isdigit() for c in main) <= 17:
            return False
    return True


def parse_iso_day(text: str) -> date | None:
    """'2025-06-30' (or a date-time starting so) -> the day; None if it is not one."""
    m = re.match(_ISO_DAY + r"(T.*)?$", text.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def status_typed(text: str) -> str:
    """A status as typed: HSDS's own word (as kept), or its word in this command's language
    ('cerrado temporalmente'), accents or not; anything else as typed, for `problems` to
    refuse."""
    from smcoach.domain.rules import unaccented

    typed = unaccented(" ".join(text.lower().split()))
    for status in STATUSES:
        if typed in (status, unaccented(t("services.status." + status.replace(" ", "_")))):
            return status
    return typed


def problems(service: Service, today: date) -> list[tuple[str, str]]:
    """What is wrong with a service's fields, as (field, one-line message); empty if nothing.
    Plausible, not strict: phone numbers, web and email addresses of any country's form."""
    found: list[tuple[str, str]] = []
    if not service.name.strip():
        found.append(("name", t("services.bad.name")))
    if service.status not in STATUSES:
        found.append(
            ("status", t("services.bad.status", got=service.status, ok=", ".join(STATUSES)))
        )
    if service.email and not plausible_email(service.email):
        found.append(("email", t("services.bad.email", got=service.email)))
    if service.url and not plausible_url(service.url):
        found.append(("url", t("services.bad.url", got=service.url)))
    if service.phone and not plausible_phone(service.phone):
        found.append(("phone", t("services.bad.phone", got=service.phone)))
    if service.checked and service.checked > today:
        found.append(("checked", t("services.bad.checked_future", day=service.checked)))
    return found


def contact_field(text: str) -> str | None:
    """Which field a way to get in touch belongs in: 'email', 'url' or 'phone' (None if it is
    none of them), for the one question 'how can you contact them?'."""
    s = text.strip()
    if plausible_email(s):
        return "email"
    if plausible_phone(s):
        return "phone"
    if plausible_url(s):
        return "url"
    return None


# --- out of date ------------------------------------------------------------------------------


def out_of_date(service: Service, today: date) -> bool:
    """Details never checked, or last checked more than a year ago, may be out of date."""
    return service.checked is None or (today - service.checked).days > STALE_AFTER_DAYS


# --- matching a problem to services ---------------------------------------------------------

# Words for each kind of problem (domain/problems.py KINDS) that services' categories and
# descriptions commonly use.
KIND_TERMS: dict[str, tuple[str, ...]] = {
    "pain": ("pain", "physio", "exercise", "movement", "arthritis"),
    "fatigue": ("fatigue", "energy", "tiredness", "pacing"),
    "breathlessness": ("breathing", "breathe", "breathless", "lung", "respiratory", "asthma"),
    "mood": ("mood", "wellbeing", "mental", "loneliness", "lonely", "befriending", "talking"),
    "sleep": ("sleep", "insomnia", "wellbeing"),
    "time": ("carers", "practical", "advice", "volunteer"),
    "motivation": ("walking", "activity", "peer", "group"),
    "other": (),
}
# Words that say nothing about which service would help.
_STOPWORDS = frozenset(
    [
        "about", "after", "again", "all", "also", "and", "any", "are", "because", "been",
        "before", "being", "but", "can", "cannot", "could", "did", "does", "doing", "don",
        "done", "down", "each", "even", "ever", "every", "for", "from", "get", "gets",
        "getting", "got", "had", "has", "have", "having", "her", "here", "him", "his", "how",
        "into", "its", "just", "like", "make", "makes", "many", "more", "most", "much",
        "myself", "need", "needs", "not", "now", "off", "once", "only", "other", "our", "out",
        "over", "own", "really", "same", "she", "should", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this",
        "those", "through", "too", "under", "until", "very", "want", "was", "way", "well",
        "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
        "without", "would", "you", "your",
    ]
)  # fmt: skip


def problem_terms(text: str, kind: str | None) -> tuple[str, ...]:
    """The words of a problem worth looking for in services (lower case, each once), then
    the words for its kind."""
    terms: list[str] = []
    for word in re.findall(r"\w+", text.casefold()):
        if len(word) >= 3 and word not in _STOPWORDS and not word.isdigit() and word not in terms:
            terms.append(word)
    for word in KIND_TERMS.get(kind or "", ()):
        if word not in terms:
            terms.append(word)
    return tuple(terms)


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, lower case, each once (punctuation is not searched)."""
    found: list[str] = []
    for word in re.findall(r"\w+", text.casefold()):
        if word not in found:
            found.append(word)
    return tuple(found)


def first_phone(service: Service) -> str | None:
    numbers = split_list(service.phone)
    return numbers[0] if numbers else None


def idea_text(service: Service) -> str:
    """The idea to try when a service is chosen at problem-solving's step 6."""
    name = service.name
    if phone := first_phone(service):
        return t("services.idea_phone", name=name, phone=phone)
    if service.email:
        return t("services.idea_email", name=name, email=service.email)
    if service.url:
        return t("services.idea_url", name=name, url=service.url)
    return t("services.idea", name=name)
