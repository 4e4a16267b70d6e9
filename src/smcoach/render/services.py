"""Community services as output: the list and search table, one service in full, JSON, the
offer at problem-solving's step 6 and a plan's service. Details that may be out of date are
said in words (and styled as a warning on a colour terminal), never by colour alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from smcoach.domain.services import Service, join_list, out_of_date
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import Block, Cell, Para, Table

if TYPE_CHECKING:
    from typing import Any


def source_label(service: Service) -> str:
    return t(f"services.from.{service.origin}")


def checked_text(service: Service, today: date) -> str:
    """'2026-03-02', or with the words that say it may be out of date."""
    if service.checked is None:
        return t("services.never_checked")
    day = service.checked.isoformat()
    return t("services.checked_stale", day=day) if out_of_date(service, today) else day


def checked_cell(service: Service, today: date) -> Cell:
    return Cell(checked_text(service, today), "warning" if out_of_date(service, today) else None)


def status_text(status: str) -> str:
    """A service's status (HSDS: active, inactive, defunct, temporarily closed) in words."""
    return t("services.status." + status.replace(" ", "_"))


def name_text(service: Service) -> str:
    """The name, with the status when it is not active: 'Chair yoga (temporarily closed)'."""
    if service.status == "active":
        return service.name
    return t("services.name_status", name=service.name, status=status_text(service.status))


COLUMNS = ("services.col.id", "services.col.name", "services.col.organization",
           "services.col.categories", "services.col.areas", "services.col.checked",
           "services.col.from")  # fmt: skip


def table_blocks(
    listed: Callable[[], Iterable[Service]], today: date, title: str | None = None
) -> list[Block]:
    """The services as a table, read afresh from `listed` each time it is laid out."""

    def rows() -> Iterator[list[Cell]]:
        for s in listed():
            yield [
                Cell(s.ref, "id"),
                Cell(name_text(s)),
                Cell(s.organization or ""),
                Cell(join_list(s.categories)),
                Cell(join_list(s.areas)),
                checked_cell(s, today),
                Cell(source_label(s)),
            ]

    # Narrower than the table: without categories, then organization (`services show` has them).
    return [Table([t(c) for c in COLUMNS], title=title, source=rows, optional=(3, 2))]


def service_json(service: Service, today: date) -> dict[str, Any]:
    return {
        "id": service.ref,
        "hsds_id": service.hsds_id,
        "source": service.origin,
        "name": service.name,
        "organization": service.organization,
        "description": service.description,
        "categories": list(service.categories),
        "areas": list(service.areas),
        "address": service.address,
        "phone": service.phone,
        "email": service.email,
        "url": service.url,
        "hours": service.hours,
        "eligibility": service.eligibility,
        "languages": list(service.languages),
        "cost": service.cost,
        "status": service.status,
        "checked": service.checked.isoformat() if service.checked else None,
        "out_of_date": out_of_date(service, today),
        "removed": service.removed.isoformat() if service.removed else None,
    }


def services_json(services: Iterable[Service], today: date) -> Iterator[dict[str, Any]]:
    return (service_json(s, today) for s in services)


def service_blocks(service: Service, today: date) -> list[Block]:
    """Every field of one service."""
    rows: list[tuple[str, str | Cell]] = [
        ("name", service.name),
        ("organization", service.organization or ""),
        ("description", service.description or ""),
        ("categories", join_list(service.categories)),
        ("areas", join_list(service.areas)),
        ("address", service.address or ""),
        ("phone", service.phone or ""),
        ("email", service.email or ""),
        ("url", service.url or ""),
        ("hours", service.hours or ""),
        ("eligibility", service.eligibility or ""),
        ("languages", join_list(service.languages)),
        ("cost", service.cost or ""),
        ("status", status_text(service.status)),
        ("checked", checked_cell(service, today)),
        ("source", source_label(service)),
        ("hsds_id", service.hsds_id),
    ]
    if service.removed:
        rows.append(("removed", service.removed.isoformat()))
    table = Table(["", ""], title=t("services.show_title", id=service.ref), header=False)
    for key, value in rows:
        cell = value if isinstance(value, Cell) else Cell(value or t("services.not_given"))
        table.rows.append([Cell(t(f"services.label.{key}"), "heading"), cell])
    blocks: list[Block] = [table]
    if out_of_date(service, today):
        blocks.append(Para(t("services.stale_advice"), "warning"))
    return blocks


def offer_blocks(offered: list[Service], today: date) -> list[Para]:
    """Step 6's offer: each service numbered, with how to reach it and when."""
    blocks = [Para(t("services.offer_intro"))]
    for n, s in enumerate(offered, 1):
        if s.organization and s.organization.casefold() not in s.name.casefold():
            item = t("services.offer_item_of", n=n, name=name_text(s), organization=s.organization)
        else:
            item = t("services.offer_item", n=n, name=name_text(s))
        blocks.append(Para("  " + item))
        details = [t("services.offer_phone", phone=s.phone)] if s.phone else []
        details += [t("services.offer_hours", hours=s.hours)] if s.hours else []
        if not s.phone and s.email:
            details.append(t("services.offer_email", email=s.email))
        if not s.phone and not s.email and s.url:
            details.append(t("services.offer_url", url=s.url))
        if out_of_date(s, today):
            details.append(t("services.offer_stale"))
        if details:
            blocks.append(Para("     " + "; ".join(details)))
    return blocks


def plan_rows(service: Service, today: date) -> list[tuple[str, str | Cell]]:
    """A plan's service in `plan show`: its name, phone and hours (and when last checked)."""
    name = t("services.plan_service", id=service.ref, name=name_text(service))
    rows: list[tuple[str, str | Cell]] = [(t("services.label.service"), name)]
    if service.phone:
        rows.append((t("services.label.phone"), service.phone))
    if service.hours:
        rows.append((t("services.label.hours"), service.hours))
    if not service.phone and service.email:
        rows.append((t("services.label.email"), service.email))
    rows.append((t("services.label.checked"), checked_cell(service, today)))
    return rows


def import_errors(errors: list[Any], shown: int) -> list[Block]:
    """The first `shown` problems of an import, one line each: file, line, what is wrong."""
    blocks: list[Block] = [
        Para(t("services.row.where", file=e.file, line=e.line, message=e.message))
        if e.line
        else Para(t("services.row.where_file", file=e.file, message=e.message))
        for e in errors[:shown]
    ]
    if len(errors) > shown:
        blocks.append(Para(t("services.import_more", n=len(errors) - shown)))
    return blocks
