"""smcoach services: a directory of community services around the person (peer groups,
carers' centres, walking groups, charities, faith and cultural groups, advice services), as
social prescribing links people to them. Kept in the fields of Open Referral's HSDS 3.0; read
from and written to HSDS data packages and flat CSV lists (see domain/hsds.py)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.signpost import screen_all, screened
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.domain.services import Service

app = typer.Typer(
    help="Community services near you: peer groups, carers' centres, walking groups, "
    "charities, faith and cultural groups, advice services.\n\n"
    "Problem-solving offers the ones that match a problem; 'smcoach plan new --service ID' "
    "ties a plan to one. Import a directory in HSDS format (Open Referral) or a simple CSV "
    "list.\n\n"
    "On its own, 'smcoach services' lists them, as 'smcoach services list' does.\n\n"
    "Example: smcoach services search carers --area Leeds",
)

Opt = typer.Option
JsonOpt = Annotated[bool, Opt("--json", help="Print JSON.")]
IdArg = Annotated[
    str | None,
    typer.Argument(
        help="The service's ID: a number for your own, p and a number (such as p2) for the "
        "directory provided (see 'smcoach services list').",
        show_default=False,
    ),
]


@app.callback(invoke_without_command=True)
def _alone(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # 'smcoach services' lists them, as 'git remote' does
        list_(ctx)


# --- the fields, as options of add and edit ----------------------------------------------------

NameOpt = Annotated[
    str | None, Opt("--name", help="The service's name.", show_default=False, callback=screened)
]
OrganizationOpt = Annotated[
    str | None,
    Opt("--organization", help="Who runs it.", show_default=False, callback=screened),
]
DescriptionOpt = Annotated[
    str | None,
    Opt("--description", help="What it offers.", show_default=False, callback=screened),
]
CategoryOpt = Annotated[
    list[str] | None,
    Opt(
        "--category",
        help="What kind of service it is, such as 'carers' or 'walking group' (repeat for more).",
        show_default=False,
    ),
]
AreaOpt = Annotated[
    list[str] | None,
    Opt("--area", help="An area it serves, such as a town (repeat for more).", show_default=False),
]
AddressOpt = Annotated[
    str | None, Opt("--address", help="Where it is.", show_default=False, callback=screened)
]
PhoneOpt = Annotated[
    str | None,
    Opt(
        "--phone",
        help="Its phone number (two numbers separated by ';').",
        show_default=False,
        callback=screened,
    ),
]
EmailOpt = Annotated[
    str | None, Opt("--email", help="Its email address.", show_default=False, callback=screened)
]
UrlOpt = Annotated[
    str | None, Opt("--url", help="Its web address.", show_default=False, callback=screened)
]
HoursOpt = Annotated[
    str | None,
    Opt(
        "--hours",
        help="When it is open, such as 'Mon-Fri 9-5'.",
        show_default=False,
        callback=screened,
    ),
]
EligibilityOpt = Annotated[
    str | None,
    Opt("--eligibility", help="Who it is for.", show_default=False, callback=screened),
]
LanguageOpt = Annotated[
    list[str] | None,
    Opt("--language", help="A language spoken there (repeat for more).", show_default=False),
]
CostOpt = Annotated[
    str | None,
    Opt("--cost", help="What it costs, such as 'free'.", show_default=False, callback=screened),
]
StatusOpt = Annotated[
    str | None,
    Opt(
        "--status",
        help="active, inactive, defunct or 'temporarily closed'.",
        show_default=False,
    ),
]
CheckedOpt = Annotated[
    str | None,
    Opt(
        "--checked",
        help="The day its details were last checked, such as 2026-03-02 or today.",
        show_default=False,
    ),
]


def _fields(
    name: str | None,
    organization: str | None,
    description: str | None,
    category: list[str] | None,
    area: list[str] | None,
    address: str | None,
    phone: str | None,
    email: str | None,
    url: str | None,
    hours: str | None,
    eligibility: str | None,
    language: list[str] | None,
    cost: str | None,
    status: str | None,
    checked: str | None,
) -> dict[str, object]:
    """The fields given as options (an empty text clears one), checked and screened."""
    from smcoach.domain.dates import parse_day
    from smcoach.domain.services import join_list, split_list

    screen_all([category or [], area or [], language or []])
    given: dict[str, object] = {}
    texts = {"name": name, "organization": organization, "description": description,
             "address": address, "phone": phone, "email": email, "url": url, "hours": hours,
             "eligibility": eligibility, "cost": cost}  # fmt: skip
    for field, value in texts.items():
        if value is not None:
            given[field] = value.strip() or None
    if phone is not None:
        given["phone"] = join_list(split_list(phone)) or None
    for field, values in (("categories", category), ("areas", area), ("languages", language)):
        if values is not None:
            given[field] = split_list(";".join(values))
    if status is not None:
        from smcoach.domain.services import status_typed

        given["status"] = status_typed(status)
    if checked is not None:
        given["checked"] = parse_day(checked, today()) if checked.strip() else None
    return given


def _checked(service: "Service") -> "Service":
    """The service, or its first problem as the error."""
    from smcoach.domain.services import problems

    found = problems(service, today())
    if found:
        raise SmcoachError(found[0][1])
    return service


@app.command("add")
def add(
    ctx: typer.Context,
    name: NameOpt = None,
    organization: OrganizationOpt = None,
    description: DescriptionOpt = None,
    category: CategoryOpt = None,
    area: AreaOpt = None,
    address: AddressOpt = None,
    phone: PhoneOpt = None,
    email: EmailOpt = None,
    url: UrlOpt = None,
    hours: HoursOpt = None,
    eligibility: EligibilityOpt = None,
    language: LanguageOpt = None,
    cost: CostOpt = None,
    status: StatusOpt = None,
    checked: CheckedOpt = None,
) -> None:
    """Add a service to your own directory.

    In a terminal, asks for its name, what it offers and how to get in touch when not given.
    Its details count as checked today unless --checked says otherwise.

    Example: smcoach services add --name "Carers' centre" --phone "0113 496 0000"
    --hours "Mon-Fri 9-5" --category carers
    """
    import uuid

    from smcoach.domain.services import Service

    given = _fields(name, organization, description, category, area, address, phone, email,
                    url, hours, eligibility, language, cost, status, checked)  # fmt: skip
    if interactive():
        given.update(_ask_essentials(given))
    if not given.get("name"):
        raise SmcoachError(t("missing", what=t("services.what_name"), how="--name"))
    given.setdefault("checked", today())
    service = _checked(Service(ref="", hsds_id=str(uuid.uuid4()), **given))  # type: ignore[arg-type]
    service_id = ctx.obj.store.add_service(service, now())
    notice(t("services.added", id=service_id, name=service.name))


def _ask_essentials(given: dict[str, object]) -> dict[str, object]:
    """At a terminal: the name, what it offers and a way to get in touch, if not given."""
    from smcoach.cli.prompts import ask, ask_optional
    from smcoach.domain.rules import require_text
    from smcoach.domain.services import contact_field

    found: dict[str, object] = {}
    what = t("services.what_name")
    if not given.get("name"):
        found["name"] = ask(t("services.q.name"), lambda s: require_text(s, what), what=what)
    if "description" not in given:
        found["description"] = ask_optional(
            t("services.q.description"), what=t("what.service_offer")
        )
    if not any(given.get(f) for f in ("phone", "email", "url")):

        def contact(text: str) -> tuple[str, str] | None:
            if not text.strip():
                return None
            field = contact_field(text)
            if field is None:
                raise SmcoachError(t("services.contact_unclear", got=text))
            return field, text.strip()

        answer = ask(t("services.q.contact"), contact, what=t("what.service_contact"), default="")
        if answer is not None:
            found[answer[0]] = answer[1]
    return found


@app.command("edit")
def edit(
    ctx: typer.Context,
    service_id: IdArg = None,
    name: NameOpt = None,
    organization: OrganizationOpt = None,
    description: DescriptionOpt = None,
    category: CategoryOpt = None,
    area: AreaOpt = None,
    address: AddressOpt = None,
    phone: PhoneOpt = None,
    email: EmailOpt = None,
    url: UrlOpt = None,
    hours: HoursOpt = None,
    eligibility: EligibilityOpt = None,
    language: LanguageOpt = None,
    cost: CostOpt = None,
    status: StatusOpt = None,
    checked: CheckedOpt = None,
) -> None:
    """Change the details of one of your own services (an empty text clears one).

    A list option (--category, --area, --language) replaces the whole list.

    Example: smcoach services edit 3 --hours "Tue and Thu 10-2" --checked today
    """
    store = ctx.obj.store
    number = _own_id(service_id, store)
    given = _fields(name, organization, description, category, area, address, phone, email,
                    url, hours, eligibility, language, cost, status, checked)  # fmt: skip
    if not given:
        raise SmcoachError(t("services.no_changes"))
    if "name" in given and not given["name"]:
        raise SmcoachError(t("services.bad.name"))
    service = _checked(store.service(number)._replace(**given))
    store.update_service(number, service, now())
    notice(t("services.updated", id=number))


def _own_id(value: str | None, store: object) -> int:
    """The ID of one of the person's own entries: those of the directory provided are not
    theirs to change."""
    from smcoach.cli.prompts import require
    from smcoach.cli.work.services import find_service, provided
    from smcoach.domain.services import DIRECTORY

    text = require(
        value,
        what=t("what.service_id"),
        how=t("how.argument"),
        question=t("services.q.which"),
        parse=lambda s: s.strip(),
    )
    service = find_service(store, text, today())  # type: ignore[arg-type]
    if service.origin == DIRECTORY:
        directory = provided(today())
        folder = directory.folder if directory else "?"
        raise SmcoachError(t("services.provided_read_only", id=service.ref, folder=folder))
    return int(service.ref)


@app.command("remove")
def remove(ctx: typer.Context, service_id: IdArg = None) -> None:
    """Take a service off your list (a plan that uses it still shows it).

    Example: smcoach services remove 3
    """
    store = ctx.obj.store
    number = _own_id(service_id, store)
    store.remove_service(number, today(), now())
    notice(t("services.removed", id=number))


@app.command("list")
def list_(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List your services and those of the directory provided, marked by where each is from.

    Details not checked for more than a year are marked as possibly out of date.

    Example: smcoach services list --json
    """
    from smcoach.cli.work.services import list_services

    list_services(ctx.obj, json_out)


@app.command("search")
def search(
    ctx: typer.Context,
    words: Annotated[
        str | None,
        typer.Argument(
            help="The words to look for, in quotes if more than one: each must match.",
            show_default=False,
        ),
    ] = None,
    category: Annotated[
        str | None,
        Opt("--category", help="Only services in this category.", show_default=False),
    ] = None,
    area: Annotated[
        str | None, Opt("--area", help="Only services serving this area.", show_default=False)
    ] = None,
    limit: Annotated[
        str | None, Opt("--limit", help="Show at most this many (default 20).", show_default=False)
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Find services by words, the closest first.

    Looks in their name, organization, description, categories, area, who they are for and
    languages. A word finds the words it starts: 'carer' finds 'carers'.

    Example: smcoach services search "walking group" --area Leeds
    """
    from smcoach.cli.work.services import search_services

    search_services(ctx.obj, words, category, area, limit, json_out)


@app.command("show")
def show(ctx: typer.Context, service_id: IdArg = None, json_out: JsonOpt = False) -> None:
    """Show every detail of one service.

    Example: smcoach services show 3
    """
    from smcoach.cli.prompts import require
    from smcoach.cli.work.services import show_service

    text = require(
        service_id,
        what=t("what.service_id"),
        how=t("how.argument"),
        question=t("services.q.which"),
        parse=lambda s: s.strip(),
    )
    show_service(ctx.obj, text, json_out)


@app.command("import")
def import_(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(
            help="An HSDS data package (a folder with datapackage.json and CSV files, or that "
            "datapackage.json) or a flat CSV list.",
            show_default=False,
        ),
    ],
) -> None:
    """Bring a directory of services into your own, from HSDS CSV files or a flat CSV list.

    Every row is checked first: if any has a problem, each is listed with its file and line,
    and nothing is written. A service already there (the same HSDS id) is brought up to date,
    not added twice. A flat CSV has the columns id, name, organization, description,
    categories, areas, address, phone, email, url, hours, eligibility, languages, cost, status
    and checked (only name is needed; lists separated by ';').

    Example: smcoach services import ./leeds-directory
    """
    import sys

    from smcoach.render import write
    from smcoach.render.services import import_errors
    from smcoach.store.directory import read_any

    services, errors = read_any(source, today())
    if errors:
        write(import_errors(errors, SHOWN_ERRORS), sys.stderr)
        key = "services.import_failed_one" if len(errors) == 1 else "services.import_failed"
        raise SmcoachError(t(key, n=len(errors), path=source))
    added, updated, removed = ctx.obj.store.import_services(services, now())
    notice(t("services.imported", path=source, added=added, updated=updated))
    if removed:
        notice(t("services.imported_removed", n=removed))


SHOWN_ERRORS = 20  # the problems of an import listed, one a line


@app.command("export")
def export(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        Opt(
            "--out",
            help="The file (flat) or folder (hsds) to write; a flat list goes to the screen "
            "without it.",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        str,
        Opt(
            "--format",
            help="flat: one CSV file; hsds: an HSDS 3.0 data package (datapackage.json and "
            "CSV files) in a folder.",
        ),
    ] = "flat",
    force: Annotated[bool, Opt("--force", help="Replace files already there.")] = False,
) -> None:
    """Write your own services as CSV that 'smcoach services import' reads back unchanged.

    Example: smcoach services export --format hsds --out ./my-services
    """
    import sys

    from smcoach.store.directory import flat_bytes, write_package
    from smcoach.store.files import write_private

    kind = format_.strip().lower()
    if kind not in ("flat", "hsds"):
        raise SmcoachError(t("services.bad_format", got=format_))
    store = ctx.obj.view_store()
    services = store.services_to_export() if store else []
    if kind == "hsds":
        if out is None:
            raise SmcoachError(t("services.out_needed"))
        write_package(out, services, overwrite=force)
        notice(t("services.exported_package", n=len(services), path=out))
    elif out is None:
        sys.stdout.write(flat_bytes(services).decode("utf-8"))
    else:
        write_private(out, flat_bytes(services), overwrite=force)
        notice(t("services.exported_flat", n=len(services), path=out))
