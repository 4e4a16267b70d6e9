"""smcoach services through the real CLI: the person's own directory (add, list, show, search,
edit, remove), HSDS data packages and flat lists in and out, the directory a content folder
provides (shown apart, never written), and services tied to plans and offered at
problem-solving's step 6."""

import csv
import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

MONDAY = "2026-11-23"  # the tests' today (tests/conftest.py)
PLAN = ["plan", "new", "--how-much", "one call", "--when", "Tuesday morning", "--days", "tue",
        "--confidence", "8"]  # fmt: skip
CARERS = ["services", "add", "--name", "Carers' centre", "--organization", "Carers Leeds",
          "--phone", "0113 496 0000", "--hours", "Mon-Fri 9-5", "--category", "carers",
          "--area", "Leeds", "--description", "Advice and breaks for unpaid carers"]  # fmt: skip


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def one_line_error(result, *words: str) -> str:
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("Error: "), result.stderr
    for word in words:
        assert word in line, line
    return line


# --- the person's own directory ---------------------------------------------------------------


def test_add_list_show_search_edit_remove(run, run_json):
    r = ok(run(*CARERS))
    assert "Added service 1: Carers' centre." in r.stderr
    ok(run("services", "add", "--name", "Walking group", "--category", "walking group",
           "--category", "outdoors; exercise", "--area", "Leeds", "--checked", "2025-01-01",
           "--url", "walks.example.org"))  # fmt: skip
    listed = run_json("services", "list")
    assert [(s["id"], s["name"], s["source"]) for s in listed] == [
        ("1", "Carers' centre", "own"),
        ("2", "Walking group", "own"),
    ]
    assert listed[0]["checked"] == MONDAY  # added today: checked today
    assert listed[1]["categories"] == ["walking group", "outdoors", "exercise"]
    table = ok(run("services", "list")).stdout
    assert table.splitlines()[1].split() == ["ID", "Name", "Organization", "Categories", "Area",
                                             "Checked", "From"]  # fmt: skip
    assert "2025-01-01 (may be out of date)" in table  # in words, not colour alone

    shown = ok(run("services", "show", "1")).stdout
    for text in ("Carers Leeds", "0113 496 0000", "Mon-Fri 9-5", "Advice and breaks", "Leeds"):
        assert text in shown
    assert [s["name"] for s in run_json("services", "search", "carer")] == ["Carers' centre"]
    assert [s["name"] for s in run_json("services", "search", "--category", "outdoors")] == [
        "Walking group"
    ]
    assert run_json("services", "search", "carers", "--area", "Otley") == []

    r = ok(run("services", "edit", "2", "--hours", "Wednesdays 10am", "--checked", "today",
               "--url", "", "--category", "walking"))  # fmt: skip
    assert "Updated service 2." in r.stderr
    walking = run_json("services", "show", "2")
    assert (walking["hours"], walking["checked"], walking["url"], walking["categories"]) == (
        "Wednesdays 10am",
        MONDAY,
        None,
        ["walking"],
    )
    assert walking["out_of_date"] is False
    r = ok(run("services", "remove", "2"))
    assert "Removed service 2" in r.stderr
    assert [s["id"] for s in run_json("services", "list")] == ["1"]
    assert run_json("services", "search", "walking") == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["services", "show", "9"], ["no service with ID 9"]),
        (["services", "show", "p1"], ["no service p1 in the directory provided"]),
        (["services", "show", "x2"], ["'x2' is not a service ID"]),
        (
            ["services", "add", "--name", "A", "--email", "nope"],
            ["'nope' does not look like an email"],
        ),
        (["services", "add", "--name", "A", "--phone", "ring us"], ["does not look like a phone"]),
        (["services", "add", "--name", "A", "--url", "not a site"], ["web address"]),
        (["services", "add", "--name", "A", "--status", "closed"], ["temporarily closed"]),
        (["services", "add", "--name", "A", "--checked", "01/02/2026"], ["not a date"]),
        (["services", "add", "--name", "A", "--checked", "+3d"], ["still to come"]),
        (
            ["services", "add", "--phone", "0113 496 0000"],
            ["the service's name is missing", "--name"],
        ),
        (["services", "search"], ["give words to look for"]),
        (["services", "search", "x", "--limit", "0"], ["--limit must be"]),
        (["services", "edit", "1"], ["nothing to change"]),
        (["services", "edit", "1", "--name", ""], ["needs a name"]),
        (["services", "export", "--format", "xml"], ["--format must be flat or hsds"]),
        (["services", "export", "--format", "hsds"], ["give --out FOLDER"]),
        (["services", "import", "nowhere.csv"], ["no file or folder nowhere.csv"]),
        (["plan", "new", "--what", "call", "--service", "7", *PLAN[2:]], ["no service with ID 7"]),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(run, run_json, args, words):
    ok(run(*CARERS))
    one_line_error(run(*args), *words)
    assert [s["name"] for s in run_json("services", "list")] == ["Carers' centre"]
    assert run_json("plan", "list") == []


def test_what_is_typed_is_screened_and_kept_exactly(run, run_json):
    description = "somewhere to go when I feel like ending it all"
    r = ok(run("services", "add", "--name", "Drop-in", "--description", description))
    assert "please talk to someone now" in r.stderr  # the help-now lines, on stderr
    assert run_json("services", "show", "1")["description"] == description
    r = ok(run("services", "search", "I want to kill myself"))
    assert "please talk to someone now" in r.stderr


def test_a_view_makes_no_file(run, isolated: Path):
    assert "No community services yet" in ok(run("services", "list")).stderr
    assert ok(run("services", "search", "carers")).stdout == ""
    assert ok(run("services", "export")).stdout.startswith("id,name,organization")
    assert not isolated.exists()


# --- importing and exporting ------------------------------------------------------------------

PACKAGE = {
    "organizations.csv": [["id", "name", "description"], ["o1", "Carers Leeds", "Carers"],
                          ["o2", "Walking Network", "Walks"]],
    "services.csv": [["id", "organization_id", "name", "description", "url", "email", "status",
                      "eligibility_description", "fees_description", "assured_date"]],
    "locations.csv": [["id", "location_type", "name"], ["l1", "physical", "Office"]],
    "addresses.csv": [["id", "location_id", "address_1", "city", "postal_code", "country",
                       "address_type"], ["a1", "l1", "6 Mark Lane", "Leeds", "LS1 8TE", "GB",
                                         "physical"]],
    "service_at_location.csv": [["id", "service_id", "location_id"], ["sl1", "s000", "l1"]],
    "phones.csv": [["id", "service_id", "number"]],
    "schedules.csv": [["id", "service_id", "byday", "opens_at", "closes_at", "description"]],
    "service_areas.csv": [["id", "service_id", "name"]],
    "taxonomy_terms.csv": [["id", "name", "description"], ["t1", "walking group", ""],
                           ["t2", "carers", ""]],
    "attributes.csv": [["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"]],
}  # fmt: skip
MANY = 40


def write_package(folder: Path, bad: tuple[str, int, int, str] | None = None) -> Path:
    """An HSDS 3.0 data package of MANY services; `bad`: (file, row, column, value) to spoil."""
    tables = {name: [list(r) for r in rows] for name, rows in PACKAGE.items()}
    for n in range(MANY):
        sid = f"s{n:03}"
        walking = n % 2 == 0
        tables["services.csv"].append(
            [sid, "o2" if walking else "o1", f"{'Walk' if walking else 'Carers group'} {n}",
             "Led walks for all" if walking else "Support for carers", "", "", "active", "",
             "Free", "2026-06-01" if n % 3 else "2024-06-01"]
        )  # fmt: skip
        tables["phones.csv"].append([f"p{n}", sid, f"0113 496 {n:04}"])
        tables["schedules.csv"].append([f"h{n}", sid, "MO,TH", "10:00", "12:00", ""])
        tables["service_areas.csv"].append([f"r{n}", sid, "Otley" if n % 5 == 0 else "Leeds"])
        tables["attributes.csv"].append([f"a{n}", sid, "t1" if walking else "t2", "", "service"])
    if bad is not None:
        file, row, column, value = bad
        tables[file][row - 1][column] = value  # row as a spreadsheet counts, the header is 1
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for name, rows in tables.items():
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        (folder / name).write_text(out.getvalue(), "utf-8")
        resources.append({"name": name.removesuffix(".csv").removesuffix("s"), "path": name})
    fixed = {"addresse": "address", "service_at_location": "service_at_location",
             "service_area": "service_area", "taxonomy_term": "taxonomy_term"}  # fmt: skip
    for resource in resources:
        resource["name"] = fixed.get(resource["name"], resource["name"])
    descriptor = {"name": "test", "profile": "tabular-data-package", "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    return folder


def test_a_package_with_one_bad_row_among_many_writes_nothing(run, run_json, tmp_path, isolated):
    ok(run(*CARERS))  # the file exists, with one entry of the person's own
    before = sqlite3.connect(isolated).execute("SELECT * FROM services").fetchall()
    folder = write_package(tmp_path / "pkg", bad=("phones.csv", 27, 2, "ring the office"))
    r = run("services", "import", str(folder))
    line = one_line_error(r, "found a problem in", "nothing was written")
    assert "phones.csv, line 27: 'ring the office' does not look like a phone number" in r.stderr
    assert r.stderr.count("line ") == 1 and line
    assert sqlite3.connect(isolated).execute("SELECT * FROM services").fetchall() == before
    assert [s["name"] for s in run_json("services", "list")] == ["Carers' centre"]


def test_every_problem_is_listed_up_to_twenty(run, tmp_path):
    folder = write_package(tmp_path / "pkg")
    rows = (folder / "service_areas.csv").read_text().splitlines()
    spoilt = [rows[0]] + [r.replace(",s0", ",x0") for r in rows[1:]]  # 40 dangling references
    (folder / "service_areas.csv").write_text("\n".join(spoilt) + "\n")
    r = run("services", "import", str(folder))
    one_line_error(r, "found 40 problems")
    listed = [ln for ln in r.stderr.splitlines() if ln.startswith("service_areas.csv, line ")]
    assert len(listed) == 20 and listed[0].startswith("service_areas.csv, line 2: 'service_id'")
    assert "... and 20 more" in r.stderr


def test_import_export_import_is_stable_byte_for_byte(run, run_json, tmp_path):
    ok(run("services", "import", str(write_package(tmp_path / "pkg"))))
    first = run_json("services", "list")
    assert len(first) == MANY and first[0]["address"] == "6 Mark Lane, Leeds, LS1 8TE"
    assert first[0]["hours"] == "Mon, Thu 10:00–12:00" and first[1]["categories"] == ["carers"]
    ok(run("services", "export", "--format", "hsds", "--out", str(tmp_path / "one")))
    ok(run("services", "export", "--out", str(tmp_path / "one.csv")))
    other = {"SMCOACH_DB": str(tmp_path / "other.db")}
    ok(run("services", "import", str(tmp_path / "one"), env=other))
    ok(run("services", "export", "--format", "hsds", "--out", str(tmp_path / "two"), env=other))
    third = {"SMCOACH_DB": str(tmp_path / "third.db")}
    ok(run("services", "import", str(tmp_path / "one.csv"), env=third))
    ok(run("services", "export", "--out", str(tmp_path / "two.csv"), env=third))
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert "datapackage.json" in names and "services.csv" in names
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    again = run("services", "list", "--json", env=other)
    assert [{k: v for k, v in s.items()} for s in json.loads(again.stdout)] == first
    # written private: files 0600 in a folder 0700
    assert stat.S_IMODE(os.stat(tmp_path / "one").st_mode) == 0o700
    for path in [*(tmp_path / "one").iterdir(), tmp_path / "one.csv"]:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    descriptor = json.loads((tmp_path / "one" / "datapackage.json").read_text())
    assert descriptor["version"] == "3.0.0"
    # an export does not replace files without --force
    one_line_error(run("services", "export", "--out", str(tmp_path / "one.csv")), "exists")
    ok(run("services", "export", "--out", str(tmp_path / "one.csv"), "--force"))


def test_reimporting_updates_rather_than_duplicates(run, run_json, tmp_path):
    folder = write_package(tmp_path / "pkg")
    ok(run("services", "import", str(folder)))
    write_package(folder, bad=("phones.csv", 2, 2, "0800 111 222"))  # a new number for s000
    ok(run("services", "remove", "3"))
    r = ok(run("services", "import", str(folder)))
    assert f"0 new services, {MANY} brought up to date" in r.stderr
    assert "1 of those brought up to date stay off your list" in r.stderr
    listed = run_json("services", "list")
    assert len(listed) == MANY - 1 and listed[0]["phone"] == "0800 111 222"
    assert len({s["hsds_id"] for s in listed}) == MANY - 1


def test_a_flat_list_in_and_out(run, run_json, tmp_path):
    flat = tmp_path / "local.csv"
    flat.write_text(
        "name,organization,categories,phone,hours,checked\n"
        'Chair yoga,St Mark\'s,exercise; gentle,0113 496 0001,"Thu 10-11",2026-02-01\n'
        "Lunch club,,food,,,\n",
        "utf-8",
    )
    r = ok(run("services", "import", str(flat)))
    assert "2 new services" in r.stderr
    assert ok(run("services", "import", str(flat))).stderr.count("2 brought up to date") == 1
    listed = run_json("services", "list")
    assert [s["name"] for s in listed] == ["Chair yoga", "Lunch club"]
    assert listed[1]["out_of_date"] is True  # never checked
    assert "never (may be out of date)" in ok(run("services", "list")).stdout
    flat.write_text("name,phone number\nx,1\n")
    r = run("services", "import", str(flat))
    one_line_error(r, "nothing was written")
    assert "local.csv, line 1: the first line has a column 'phone number'" in r.stderr


def test_the_whole_data_export_keeps_services_and_the_plans_tied_to_them(run, run_json, tmp_path):
    ok(run(*CARERS))
    ok(run(*PLAN, "--what", "call the carers' centre", "--service", "1"))
    ok(run("export", "--format", "json", "--out", str(tmp_path / "all.json")))
    other = {"SMCOACH_DB": str(tmp_path / "other.db")}
    ok(run("import", str(tmp_path / "all.json"), env=other))
    shown = json.loads(run("plan", "show", "1", "--json", env=other).stdout)
    assert shown["service"]["name"] == "Carers' centre"
    assert json.loads(run("services", "search", "carers", "--json", env=other).stdout)


def test_a_narrow_screen_leaves_out_categories_then_organization_before_stacking(run):
    ok(run("services", "add", "--name", "Breathe Easy walking group", "--organization",
           "Asthma + Lung UK", "--category", "walking group", "--category", "peer support",
           "--area", "Leeds", "--area", "Otley", "--phone", "0300 222 5800"))  # fmt: skip

    def heading(columns: int) -> str:
        return ok(run("services", "list", env={"COLUMNS": str(columns)})).stdout.splitlines()[1]

    assert heading(120).split() == ["ID", "Name", "Organization", "Categories", "Area",
                                    "Checked", "From"]  # fmt: skip
    assert heading(80).split() == ["ID", "Name", "Organization", "Area", "Checked", "From"]
    assert heading(70).split() == ["ID", "Name", "Area", "Checked", "From"]
    stacked = ok(run("services", "list", env={"COLUMNS": "60"})).stdout
    assert "Categories:   walking group; peer support" in stacked  # every detail, one a line
    assert all(len(line) <= 60 for line in stacked.splitlines())


# --- the directory a content folder provides ----------------------------------------------------


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    """A service's content folder with a flat directory of services."""
    folder = tmp_path / "content"
    (folder / "cards").mkdir(parents=True)
    (folder / "cards" / "en.toml").write_text("")
    (folder / "services").mkdir()
    (folder / "services" / "local.csv").write_text(
        "id,name,organization,categories,areas,phone,hours,description,checked\n"
        "bel,Breathe Easy Leeds,Lung charity,breathing; peer support,Leeds,0300 222 5800,"
        '"2nd Tue, 2-4pm",A support group for people with a lung condition,2026-05-01\n'
        "yoga,Chair yoga,St Mark's,exercise,Leeds,0113 496 0001,Thu 10-11,Seated yoga,2024-01-01\n",
        "utf-8",
    )
    monkeypatch.setenv("SMCOACH_CONTENT", str(folder))
    return folder


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_provided_directory_is_shown_apart_and_never_written(run, run_json, content, isolated):
    before = _folder_bytes(content)
    ok(run(*CARERS))
    listed = run_json("services", "list")
    assert [(s["id"], s["source"]) for s in listed] == [
        ("1", "own"),
        ("p1", "directory"),
        ("p2", "directory"),
    ]
    assert "directory provided" in ok(run("services", "list")).stdout
    assert [s["id"] for s in run_json("services", "search", "breath")] == ["p1"]
    assert run_json("services", "show", "p2")["out_of_date"] is True
    one_line_error(run("services", "edit", "p1", "--phone", "0800 1"), "does not change")
    one_line_error(run("services", "remove", "p1"), "does not change")
    # the person's file holds only their own entry; their export too; the folder is untouched
    rows = sqlite3.connect(isolated).execute("SELECT name FROM services").fetchall()
    assert rows == [("Carers' centre",)]
    assert ok(run("services", "export")).stdout.count("\n") == 2  # the header and their one
    assert _folder_bytes(content) == before
    # chosen for a plan: a copy goes into the person's file, shown once, as theirs
    ok(run(*PLAN, "--service", "p1"))
    shown = run_json("plan", "show", "1")
    assert (shown["what"], shown["service"]["id"]) == (
        "Contact Breathe Easy Leeds (phone 0300 222 5800)",
        "2",
    )
    listed = run_json("services", "list")
    assert [(s["id"], s["source"]) for s in listed] == [
        ("1", "own"),
        ("2", "provided"),
        ("p2", "directory"),
    ]
    assert _folder_bytes(content) == before


def test_a_provided_directory_that_cannot_be_read_leaves_the_persons_own(run, content):
    ok(run(*CARERS))
    (content / "services" / "local.csv").write_text("name,phone\nA,call me\n")
    r = ok(run("services", "list"))
    assert "local.csv, line 2" in r.stderr and "only your own entries are shown" in r.stderr
    assert "Carers' centre" in r.stdout


def test_a_provided_directory_is_read_once_and_kept_in_the_cache(run_json, content):
    """Its index goes into the cache folder (private) and is read by the next commands, until
    a file of the directory changes."""
    from smcoach.cli.work import services as work

    def search(words: str) -> list[str]:
        work._provided.cache_clear()  # as a new command would
        return [s["name"] for s in run_json("services", "search", words)]

    csv_file = content / "services" / "local.csv"
    assert search("breath") == ["Breathe Easy Leeds"]
    cache = Path(os.environ["SMCOACH_CACHE"])
    (index,) = cache.glob("provided-*.sqlite3")
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    # the same size and time of change: the index is read, not the file
    facts = csv_file.stat()
    text = csv_file.read_text("utf-8")
    csv_file.write_text(text.replace("Breathe Easy", "Breathe Fine"), "utf-8")
    os.utime(csv_file, ns=(facts.st_atime_ns, facts.st_mtime_ns))
    assert search("breath") == ["Breathe Easy Leeds"]
    # changed: read again
    os.utime(csv_file, ns=(facts.st_atime_ns, facts.st_mtime_ns + 10**9))
    assert search("breath") == ["Breathe Fine Leeds"]
    # a file added: read again
    (content / "services" / "more.csv").write_text("id,name\nw,Walking group\n", "utf-8")
    assert search("walking") == ["Walking group"]


# --- plans and problem-solving ------------------------------------------------------------------


def test_a_service_tied_to_a_plan_is_shown_with_its_phone_and_hours(run, run_json):
    ok(run(*CARERS))
    r = ok(run(*PLAN, "--what", "call the carers' centre", "--service", "1"))
    assert "Plan 1 is tied to service 1: Carers' centre." in r.stderr
    shown = ok(run("plan", "show", "1")).stdout
    assert "Service          1: Carers' centre" in shown
    assert "Phone            0113 496 0000" in shown and "Hours            Mon-Fri 9-5" in shown
    assert run_json("plan", "show", "1")["service"]["phone"] == "0113 496 0000"
    ok(run("services", "edit", "1", "--checked", "2025-01-01"))
    assert "2025-01-01 (may be out of date)" in ok(run("plan", "show", "1")).stdout
    ok(run("services", "remove", "1"))  # off the list; the plan still shows it
    assert "Carers' centre" in ok(run("plan", "show", "1")).stdout
    ok(run(*PLAN, "--what", "a plan of its own", "--start", "2026-11-30"))
    assert run_json("plan", "show", "2")["service"] is None


PLAN_ANSWERS = (
    '[plan]\nhow_much = "one call"\nwhen = "Tuesday morning"\nhow_often = "tue"\nconfidence = 8\n'
)


def step_six(problem: str, kind: str, **more: str) -> str:
    answers = {"problem": problem, "kind": kind, "ideas": [], "suggestions": "", **more}
    lines = ["[solve]"] + [f"{k} = {json.dumps(v)}" for k, v in answers.items()]
    return "\n".join(lines) + "\n"


def test_step_six_offers_matching_services_and_a_plan_is_tied_to_the_one_chosen(
    run, run_json, answers
):
    ok(run(*CARERS))
    ok(run("services", "add", "--name", "Lunch club", "--category", "food"))
    text = step_six(
        "Since my wife's stroke I have no time for myself as her carer", "time",
        service="1", make_plan="y",
    ) + PLAN_ANSWERS  # fmt: skip
    r = ok(run("solve", "--answers", answers(text)))
    assert "Community services that may help with this:" in r.stderr
    assert "1. Carers' centre (Carers Leeds)" in r.stderr
    assert "phone 0113 496 0000; open Mon-Fri 9-5" in r.stderr
    assert "Lunch club" not in r.stderr  # nothing to do with the problem
    problem = run_json("solve", "show", "1")
    assert problem["ideas"][0] == {
        "id": 1,
        "text": "Contact Carers' centre (phone 0113 496 0000)",
        "source": "resource",
        "tried": True,
    }
    plan = run_json("plan", "show", "1")
    assert plan["what"] == "Contact Carers' centre (phone 0113 496 0000)"
    assert plan["service"]["id"] == "1"


def test_step_six_without_a_choice_asks_who_else(run, run_json, answers):
    ok(run(*CARERS))
    text = step_six("Looking after my mother takes all my time", "time", resource="my sister")
    r = ok(run("solve", "--answers", answers(text)))
    assert "1. Carers' centre" in r.stderr
    assert [i["text"] for i in run_json("solve", "show", "1")["ideas"]] == ["my sister"]


def test_no_offer_beside_words_that_call_for_help_now(run, run_json, answers):
    ok(run("services", "add", "--name", "Carers' centre", "--category", "carers"))
    text = step_six("I am a carer and I want to end my life", "mood", service="1", resource="")
    r = run("solve", "--answers", answers(text))
    assert "please talk to someone now" in r.stderr
    assert "Community services that may help" not in r.stderr
    assert run_json("plan", "list") == []
