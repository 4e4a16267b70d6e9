"""HSDS 3.0 tables <-> services (domain/hsds.py): what each table becomes, every problem named
by file and line, and the property that any valid service survives rows -> service -> rows."""

import csv
import io
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from smcoach.domain.hsds import (
    FLAT_COLUMNS,
    Table,
    derived_id,
    from_flat,
    from_package,
    to_flat,
    to_package,
)
from smcoach.domain.services import STATUSES, Service
from smcoach.store.directory import read_csv

TODAY = date(2026, 11, 23)


def table(file: str, text: str) -> Table:
    """A table from CSV text, lines numbered as a spreadsheet shows them."""
    rows = list(csv.reader(io.StringIO(text.strip() + "\n")))
    columns = rows[0]
    return Table(
        file, columns, [(n, dict(zip(columns, r, strict=True))) for n, r in enumerate(rows[1:], 2)]
    )


def package(**texts: str) -> dict[str, Table]:
    files = {"service": "services.csv", "organization": "organizations.csv",
             "location": "locations.csv", "address": "addresses.csv", "phone": "phones.csv",
             "service_at_location": "service_at_location.csv", "schedule": "schedules.csv",
             "service_area": "service_areas.csv", "language": "languages.csv",
             "attribute": "attributes.csv", "taxonomy_term": "taxonomy_terms.csv",
             "cost_option": "cost_options.csv"}  # fmt: skip
    return {name: table(files[name], text) for name, text in texts.items()}


SERVICES = (
    "id,organization_id,name,description,url,email,status,eligibility_description,"
    "fees_description,assured_date\n"
    's1,o1,Carers\' line,"Advice, breaks",https://carers.example.org,help@carers.example.org,'
    "active,Unpaid carers,Free,2026-01-15\n"
    "s2,o2,Health walks,Short led walks,,,,,,\n"
    "s3,o2,Nordic walking,,,,temporarily closed,,,2024-06-01T10:00:00Z\n"
)


def test_a_package_becomes_services_with_every_field():
    services, errors = from_package(
        package(
            service=SERVICES,
            organization="id,name,description\no1,Carers Leeds,x\no2,Walking Network,y",
            location="id,location_type,name\nl1,physical,Office\nl2,physical,Library",
            address="id,location_id,address_1,address_2,city,region,state_province,postal_code,"
            "country,address_type\n"
            "a1,l1,PO Box 1,,Leeds,,,LS1 1AA,GB,postal\n"
            "a2,l1,6 Mark Lane,,Leeds,,West Yorkshire,LS1 8TE,GB,physical",
            service_at_location="id,service_id,location_id\nsl1,s1,l1\nsl2,s2,l2",
            phone="id,service_id,location_id,organization_id,number,extension\n"
            "p1,s1,,,0113 496 0000,12\np2,,l2,,0113 496 1111,\np3,,,o2,0800 000 000,",
            schedule="id,service_id,location_id,byday,opens_at,closes_at,description\n"
            'h1,s1,,"MO,WE",09:00,17:00+00:00,\nh2,,l2,,,,Wednesdays at 10',
            service_area="id,service_id,name,description\nr1,s1,Leeds,\nr2,s2,,North Leeds",
            language="id,service_id,name,code\nn1,s1,English,en\nn2,s1,,ur",
            taxonomy_term="id,name,description\nt1,carers,\nt2,advice,",
            attribute="id,link_id,taxonomy_term_id,link_type,link_entity\n"
            "at1,s1,t1,,service\nat2,s1,t2,,\nat3,o1,t2,,organization",
            cost_option="id,service_id,option,amount,currency,amount_description\n"
            "c1,s3,per session,3,GBP,",
        ),
        TODAY,
    )
    assert errors == []
    carers, walks, nordic = services
    assert carers == Service(
        ref="", hsds_id="s1", name="Carers' line", organization="Carers Leeds",
        description="Advice, breaks", categories=("carers", "advice"), areas=("Leeds",),
        address="6 Mark Lane, Leeds, West Yorkshire, LS1 8TE", phone="0113 496 0000 ext. 12",
        email="help@carers.example.org", url="https://carers.example.org",
        hours="Mon, Wed 09:00–17:00", eligibility="Unpaid carers", languages=("English", "ur"),
        cost="Free", status="active", checked=date(2026, 1, 15), origin="imported",
        organization_id="o1",
    )  # fmt: skip
    # the phone and hours of its location; a blank status is active; an area by description
    assert (walks.phone, walks.hours, walks.status, walks.areas) == (
        "0113 496 1111",
        "Wednesdays at 10",
        "active",
        ("North Leeds",),
    )
    # the organization's phone when the service has none; its cost options when no fees
    assert (nordic.phone, nordic.cost, nordic.checked) == (
        "0800 000 000",
        "per session, 3 GBP",
        date(2024, 6, 1),
    )


def test_every_problem_is_named_by_file_and_line_and_nothing_is_given():
    services, errors = from_package(
        package(
            service=SERVICES.replace("2026-01-15", "15/01/2026").replace(",,,,,\n", ",,closed,,,\n")
            + "s1,o1,Again,,,,,,,\ns4,o9,No org,,,,,,,\n,o1,No id,,,,,,,",
            organization="id,name\no1,Carers Leeds\no2,Walking",
            phone="id,service_id,number\np1,s1,call us\np2,s7,0113 496 0000\np3,s2,",
            schedule="id,service_id,byday,opens_at\nh1,s1,MON,09:00\nh2,s2,MO,9am",
        ),
        TODAY,
    )
    assert services == []
    assert [(e.file, e.line) for e in errors] == [
        ("services.csv", 2),  # a date not written as 2026-01-15
        ("services.csv", 3),  # status 'closed'
        ("services.csv", 5),  # s1 again
        ("services.csv", 6),  # o9 is not an organization
        ("services.csv", 7),  # no id
        ("phones.csv", 2),
        ("phones.csv", 3),
        ("phones.csv", 4),
        ("schedules.csv", 2),
        ("schedules.csv", 3),
    ]
    messages = [e.message for e in errors]
    assert "'assured_date' is '15/01/2026'" in messages[0]
    assert "the id s1 is used already, on line 2" in messages[2]
    assert "'organization_id' is o9, which is not in organizations.csv" in messages[3]
    assert "'id' is empty" in messages[4]
    assert "'call us' does not look like a phone number" in messages[5]
    assert "'service_id' is s7, which is not in services.csv" in messages[6]
    assert "'number' is empty" in messages[7]


def test_a_missing_column_or_table_is_one_problem_at_line_1():
    _, errors = from_package(package(service="id,title\ns1,x"), TODAY)
    assert [(e.file, e.line) for e in errors] == [("services.csv", 1)]
    assert "no column 'name'" in errors[0].message
    _, errors = from_package(package(organization="id,name\no1,x"), TODAY)
    assert errors[0].file == "services.csv" and "there is no services.csv" in errors[0].message


def test_a_flat_list_needs_only_names_and_derives_stable_ids():
    flat = table(
        "list.csv",
        "name,organization,phone,categories,checked\n"
        "Walking group,Parish,0113 496 0000; 0800 1234,walking; outdoors,2026-02-01\n"
        "Lunch club,,,,",
    )
    services, errors = from_flat(flat, TODAY)
    assert errors == []
    walking, lunch = services
    assert walking.hsds_id == derived_id("flat", "Parish", "Walking group")  # the same each time
    assert walking.categories == ("walking", "outdoors") and walking.checked == date(2026, 2, 1)
    assert lunch.hsds_id != walking.hsds_id and lunch.organization is None
    _, errors = from_flat(table("list.csv", "name,phone number\nx,1"), TODAY)
    assert (errors[0].line, "column 'phone number'" in errors[0].message) == (1, True)
    _, errors = from_flat(table("l.csv", "name,organization\nA,B\nC,\nA,B"), TODAY)
    assert [(e.line, "on line 2" in e.message) for e in errors] == [(4, True)]


# --- the property: any valid service survives rows -> service -> rows -------------------------

_words = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=";"),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).map(str.strip).filter(bool)  # fmt: skip
_phone = st.lists(
    st.sampled_from(["0113 496 0000", "+44 20 7946 0000", "999", "116 123", "(01632) 960-001"]),
    min_size=1,
    max_size=3,
    unique=True,
).map("; ".join)


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for item in items:
        if item.casefold() not in (s.casefold() for s in seen):
            seen.append(item)
    return tuple(seen)


_lists = st.lists(_words, max_size=3).map(_unique)
services = st.lists(
    st.builds(
        Service,
        ref=st.just(""),
        hsds_id=_text,
        name=_text,
        organization=st.none() | st.sampled_from(["Carers Leeds", "Parish", "Ünïcode Trust"]),
        description=st.none() | _text,
        categories=_lists,
        areas=_lists,
        address=st.none() | _text,
        phone=st.none() | _phone,
        email=st.none() | st.sampled_from(["a@b.org", "help@carers.example.org"]),
        url=st.none() | st.sampled_from(["carers.org.uk", "https://x.example/help?a=1"]),
        hours=st.none() | _text,
        eligibility=st.none() | _text,
        languages=_lists,
        cost=st.none() | _text,
        status=st.sampled_from(STATUSES),
        checked=st.none() | st.dates(date(2000, 1, 1), TODAY),
        origin=st.just("imported"),
        organization_id=st.none(),
        removed=st.none(),
    ),
    max_size=5,
    unique_by=lambda s: s.hsds_id,
)


def _through_csv(folder: Path, name: str, columns: tuple[str, ...], rows: list[list[str]]) -> Table:
    from smcoach.store.directory import _csv_bytes

    path = folder / name
    path.write_bytes(_csv_bytes(columns, rows))
    read, errors = read_csv(path, name)
    assert errors == [] and read is not None
    return read


@settings(max_examples=60, deadline=None)
@given(services)
def test_any_valid_service_survives_package_rows_and_back(given_services):
    first = to_package(given_services)
    with tempfile.TemporaryDirectory() as folder:
        tables = {
            name: _through_csv(Path(folder), f"{name}.csv", columns, rows)
            for name, (columns, rows) in first.items()
        }
    read, errors = from_package(tables, TODAY)
    assert errors == []
    assert to_package(read) == first
    # and every field as given, but the organization's id, which the export makes up
    assert [s._replace(organization_id=None) for s in read] == sorted(
        given_services, key=lambda s: s.hsds_id
    )


@settings(max_examples=60, deadline=None)
@given(services)
def test_any_valid_service_survives_flat_rows_and_back(given_services):
    columns, rows = to_flat(given_services)
    assert columns == FLAT_COLUMNS
    with tempfile.TemporaryDirectory() as folder:
        read_table = _through_csv(Path(folder), "list.csv", columns, list(rows))
    read, errors = from_flat(read_table, TODAY)
    assert errors == []
    assert read == given_services
