"""Numbered schema migrations, applied with sqlite-utils' Migrations (each one and its record
in one transaction). Never edit a released migration: add the next number.

sqlite_utils is imported only when a migration is pending, to keep every command fast.
"""

from __future__ import annotations

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


SET_NAME = "smcoach"


def _run(db: Any, statements: list[str]) -> None:
    for sql in statements:
        db.execute(sql)


def m001_initial(db: Any) -> None:
    statements = [
        """CREATE TABLE agenda (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'removed')),
            focus INTEGER NOT NULL DEFAULT 0 CHECK (focus IN (0, 1)),
            created TEXT NOT NULL,
            closed TEXT
        )""",
        # At most one focus at a time.
        "CREATE UNIQUE INDEX agenda_one_focus ON agenda (focus) WHERE focus = 1",
        """CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            agenda_id INTEGER REFERENCES agenda (id),
            by_day TEXT,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
            created TEXT NOT NULL,
            closed TEXT
        )""",
        """CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            what TEXT NOT NULL,
            how_much TEXT NOT NULL,
            when_text TEXT NOT NULL,
            days TEXT,
            times INTEGER CHECK (times BETWEEN 1 AND 7),
            confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 10),
            first_confidence INTEGER NOT NULL CHECK (first_confidence BETWEEN 0 AND 10),
            kept_low_confidence INTEGER NOT NULL DEFAULT 0,
            barrier TEXT,
            goal_id INTEGER REFERENCES goals (id),
            start TEXT NOT NULL,
            week TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
            created_at TEXT NOT NULL,
            ended TEXT,
            CHECK ((days IS NULL) <> (times IS NULL))
        )""",
        "CREATE INDEX plans_status_start ON plans (status, start)",
        "CREATE INDEX plans_week ON plans (week)",
        # Check-ins are the one table that grows every day. Its status is checked by a foreign
        # key rather than a CHECK constraint: quick_check, which runs before every write,
        # evaluates CHECK constraints row by row (3x its time on ten years of data).
        "CREATE TABLE checkin_statuses (status TEXT PRIMARY KEY) WITHOUT ROWID",
        "INSERT INTO checkin_statuses VALUES ('done'), ('partly'), ('not'), ('rest')",
        """CREATE TABLE checkins (
            plan_id INTEGER NOT NULL REFERENCES plans (id),
            day TEXT NOT NULL,
            week TEXT NOT NULL,
            status TEXT NOT NULL REFERENCES checkin_statuses (status),
            note TEXT,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, day)
        ) WITHOUT ROWID""",
        "CREATE INDEX checkins_week ON checkins (week)",
    ]
    _run(db, statements)


def m002_problems(db: Any) -> None:
    # Problem-solving: a problem, its ideas, and each idea tried with its result. `kind` is
    # checked by the domain, not a CHECK constraint, so that a kind can be added without
    # rebuilding the table; statuses, sources and results are fixed by the method.
    statements = [
        """CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            kind TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'choosing', 'trying',
                'resources', 'accepting', 'solved', 'accepted')),
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX problems_status ON problems (status)",
        """CREATE TABLE problem_ideas (
            id INTEGER PRIMARY KEY,
            problem_id INTEGER NOT NULL REFERENCES problems (id),
            text TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('own', 'card', 'resource')),
            UNIQUE (problem_id, id)
        )""",
        """CREATE TABLE problem_attempts (
            id INTEGER PRIMARY KEY,
            problem_id INTEGER NOT NULL REFERENCES problems (id),
            idea_id INTEGER NOT NULL,
            started TEXT NOT NULL,
            result TEXT CHECK (result IN ('worked', 'partly', 'did_not_work')),
            assessed TEXT,
            note TEXT,
            plan_id INTEGER REFERENCES plans (id),
            -- the idea tried must be one of this problem's ideas
            FOREIGN KEY (problem_id, idea_id) REFERENCES problem_ideas (problem_id, id),
            CHECK ((result IS NULL) = (assessed IS NULL))
        )""",
        "CREATE INDEX problem_attempts_problem ON problem_attempts (problem_id)",
        # At most one idea waiting to be assessed per problem.
        """CREATE UNIQUE INDEX problem_attempts_one_pending ON problem_attempts (problem_id)
            WHERE result IS NULL""",
    ]
    _run(db, statements)


def m003_sessions(db: Any) -> None:
    statements = [
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            started_on TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'abandoned')),
            step TEXT NOT NULL,
            only_step INTEGER NOT NULL DEFAULT 0,
            -- the highest plan and problem IDs when it began: what is newer, it made
            plans_before INTEGER NOT NULL DEFAULT 0,
            problems_before INTEGER NOT NULL DEFAULT 0,
            finished_at TEXT
        )""",
        # Every answer of a session, in order, saved as it is given: a session resumes from it.
        """CREATE TABLE session_answers (
            session_id INTEGER NOT NULL REFERENCES sessions (id),
            seq INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        )""",
        "ALTER TABLE plans ADD COLUMN feedback TEXT",
        "ALTER TABLE plans ADD COLUMN feedback_on TEXT",
    ]
    _run(db, statements)


def m004_selfchecks_and_symptoms(db: Any) -> None:
    statements = [
        # The self-efficacy scale: one row a time it is taken, one row an item answered.
        # `form` names the published form used, so scores of different forms never mix.
        """CREATE TABLE selfchecks (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            week TEXT NOT NULL,
            form TEXT NOT NULL,
            score REAL,
            answered INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX selfchecks_week ON selfchecks (week)",
        """CREATE TABLE selfcheck_items (
            selfcheck_id INTEGER NOT NULL REFERENCES selfchecks (id),
            item INTEGER NOT NULL CHECK (item BETWEEN 1 AND 6),
            answer INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 10),
            PRIMARY KEY (selfcheck_id, item)
        ) WITHOUT ROWID""",
        """CREATE TABLE symptoms (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            created TEXT NOT NULL,
            removed TEXT
        )""",
        "CREATE UNIQUE INDEX symptoms_active_name ON symptoms (name) WHERE status = 'active'",
        # Ratings grow every day: like check-ins, the 0-10 range is a foreign key, not a CHECK
        # constraint, to keep the quick_check before every write fast.
        "CREATE TABLE rating_values (value INTEGER PRIMARY KEY)",
        "INSERT INTO rating_values VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)",
        """CREATE TABLE symptom_ratings (
            symptom_id INTEGER NOT NULL REFERENCES symptoms (id),
            day TEXT NOT NULL,
            week TEXT NOT NULL,
            rating INTEGER NOT NULL REFERENCES rating_values (value),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (symptom_id, day)
        ) WITHOUT ROWID""",
        # Covers the weekly averages: trends read ratings from the index alone.
        "CREATE INDEX symptom_ratings_week ON symptom_ratings (week, symptom_id, rating)",
    ]
    _run(db, statements)


def m005_settings_and_safety(db: Any) -> None:
    statements = [
        # The person's settings, such as the country whose help lines smcoach shows.
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        # Which way is better for a symptom: for most (pain, fatigue) a higher rating is worse;
        # for some (mood, energy) it is better.
        """ALTER TABLE symptoms ADD COLUMN higher_is_better INTEGER NOT NULL DEFAULT 0
            CHECK (higher_is_better IN (0, 1))""",
        # A plan touching medicines, food or a big step up in exercise is saved only once the
        # person says they have agreed it with a health professional.
        "ALTER TABLE plans ADD COLUMN agreed_with_professional INTEGER NOT NULL DEFAULT 0",
    ]
    _run(db, statements)


def m006_questions(db: Any) -> None:
    statements = [
        # Questions the person wants to ask at their next appointment, until asked.
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            done TEXT
        )""",
    ]
    _run(db, statements)


def m007_plan_history(db: Any) -> None:
    statements = [
        # What got in the way, said at feedback: shown with the plan, and the draft problem
        # when the person goes on to problem-solving.
        "ALTER TABLE plans ADD COLUMN feedback_barrier TEXT",
        # A plan adjusted part-way through its week is ended and replaced by a new one, which
        # names it: the history of both is kept.
        "ALTER TABLE plans ADD COLUMN replaces INTEGER REFERENCES plans (id)",
    ]
    _run(db, statements)


def m008_courses(db: Any) -> None:
    # A facilitator's course register. It lives in a database file of its own (a course's
    # --db), apart from anyone's personal data; a service may pool many courses in one file.
    # Participants are first names or initials only. Weeks are the course's session numbers
    # (1 = the first session), not calendar weeks.
    statements = [
        """CREATE TABLE courses (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE,
            start TEXT NOT NULL,
            weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            course_id INTEGER NOT NULL REFERENCES courses (id),
            name TEXT NOT NULL COLLATE NOCASE,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
            added TEXT NOT NULL,
            removed TEXT
        )""",
        """CREATE UNIQUE INDEX participants_active_name
            ON participants (course_id, name) WHERE status = 'active'""",
        # Each session's register: present or not, as said in the round of the room.
        """CREATE TABLE attendance (
            participant_id INTEGER NOT NULL REFERENCES participants (id),
            week INTEGER NOT NULL CHECK (week >= 1),
            present INTEGER NOT NULL CHECK (present IN (0, 1)),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (participant_id, week)
        ) WITHOUT ROWID""",
        # The plan a participant makes at the session of `week`, and at the next session the
        # feedback on it. Low confidence is kept for the group to discuss, never refused.
        """CREATE TABLE course_plans (
            participant_id INTEGER NOT NULL REFERENCES participants (id),
            week INTEGER NOT NULL CHECK (week >= 1),
            what TEXT NOT NULL,
            how_much TEXT NOT NULL,
            when_text TEXT NOT NULL,
            days TEXT,
            times INTEGER CHECK (times BETWEEN 1 AND 7),
            confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 10),
            first_confidence INTEGER NOT NULL CHECK (first_confidence BETWEEN 0 AND 10),
            feedback TEXT CHECK (feedback IN ('done', 'partly', 'not')),
            wants_problem_solving INTEGER CHECK (wants_problem_solving IN (0, 1)),
            recorded_at TEXT NOT NULL,
            feedback_at TEXT,
            -- as for a person's own plan: one touching medicines, food or a big step up in
            -- exercise is saved once the participant has agreed it with a professional
            agreed_with_professional INTEGER NOT NULL DEFAULT 0
                CHECK (agreed_with_professional IN (0, 1)),
            PRIMARY KEY (participant_id, week),
            CHECK ((days IS NULL) <> (times IS NULL))
        ) WITHOUT ROWID""",
        # The self-efficacy scale taken in the group (usually at the first and last session).
        """CREATE TABLE course_selfchecks (
            participant_id INTEGER NOT NULL REFERENCES participants (id),
            week INTEGER NOT NULL CHECK (week >= 1),
            form TEXT NOT NULL,
            score REAL,
            answered INTEGER NOT NULL,
            answers TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (participant_id, week)
        ) WITHOUT ROWID""",
        # Answers given in a round of the room not yet saved as a whole plan: a round stopped
        # part-way resumes from them, losing nothing.
        """CREATE TABLE round_answers (
            participant_id INTEGER NOT NULL REFERENCES participants (id),
            week INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (participant_id, week, key)
        ) WITHOUT ROWID""",
        "CREATE INDEX course_plans_week ON course_plans (week, participant_id)",
        "CREATE INDEX participants_course ON participants (course_id, status)",
    ]
    _run(db, statements)


def m009_plan_figures(db: Any) -> None:
    # What trends add up by week, worked out once per plan instead of on every reading: the
    # last day a plan asks for (the end of its week, or the day it was ended if earlier), the
    # days it counts (its target less rest days, at least 0) and those done (a partly-done day
    # counting half, no more than those counted). A check-in counts only on a day the plan
    # names, up to that last day. Whether a plan is over depends on the day trends are read,
    # so that is decided then (its last day is before today).
    # The figures are derived, not records (exports leave them out). The view works them out
    # from the records; triggers put a plan's row in plan_figures again whenever the plan or
    # one of its check-ins is written, however it is written (a command, an import, another
    # program), so that the table always holds what the view says. (The triggers read the
    # view rather than each holding its query: every command reads the schema when it opens
    # the file, and five copies of the query took 0.7 ms to read. A write compiles the
    # triggers it fires, and so the view: kept small, a check-in's write spends 0.7 ms more.)
    # A later migration that rebuilds plans or checkins (a new table copied in, the old one
    # dropped) drops these triggers with the old table: it must make them again.
    statements = [
        """CREATE VIEW plan_figures_now (plan_id, week, confidence, last_day, counted, achieved)
        AS SELECT id, week, confidence, last_day, MAX(target - rest, 0),
                  MIN(achieved, MAX(target - rest, 0))
        FROM (
            SELECT p.id, p.week, p.confidence, p.last_day,
                   CASE WHEN p.days IS NULL THEN p.times
                        WHEN p.last_day = date(p.start, '+6 days')  -- whole week: all named
                            THEN length(p.days) - length(replace(p.days, ',', '')) + 1
                        ELSE (  -- ended early: the named weekdays up to its last day
                            SELECT COUNT(*) FROM (SELECT 0 AS k UNION ALL SELECT 1
                                UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
                                UNION ALL SELECT 5 UNION ALL SELECT 6)
                            WHERE date(p.start, '+' || k || ' days') <= p.last_day
                              AND instr(p.days, substr('sunmontuewedthufrisat',
                                  3 * (CAST(julianday(p.start) + k + 1.5 AS INTEGER) % 7) + 1,
                                  3)) > 0
                        ) END AS target,
                   COALESCE(SUM(CASE c.status WHEN 'done' THEN 1.0
                                              WHEN 'partly' THEN 0.5 ELSE 0 END), 0) AS achieved,
                   COALESCE(SUM(c.status = 'rest'), 0) AS rest
            FROM (SELECT id, week, confidence, days, times, start,
                         MIN(date(start, '+6 days'), COALESCE(ended, '9999-12-31')) AS last_day
                  FROM plans) AS p
            -- the check-ins that count: on a day the plan names (the day's weekday, 0 =
            -- Sunday, from its Julian day number), up to its last day
            LEFT JOIN checkins c ON c.plan_id = p.id AND c.day <= p.last_day
                AND (p.days IS NULL OR instr(p.days, substr('sunmontuewedthufrisat',
                                 3 * (CAST(julianday(c.day) + 1.5 AS INTEGER) % 7) + 1, 3)) > 0)
            GROUP BY p.id
        )""",
        # counted and achieved have no type: kept as worked out (a whole number or a half)
        """CREATE TABLE plan_figures (
            plan_id INTEGER PRIMARY KEY,
            week TEXT,
            confidence INTEGER,
            last_day TEXT,
            counted,
            achieved
        )""",
        # Covers trends: the weeks' figures are read from the index alone, in week order.
        """CREATE INDEX plan_figures_week
            ON plan_figures (week, confidence, last_day, counted, achieved)""",
        "INSERT INTO plan_figures SELECT * FROM plan_figures_now",  # every plan made so far
    ]
    # A plan's row goes before it is worked out again, so that no write can clash with a row
    # left behind.
    redo = """DELETE FROM plan_figures WHERE plan_id IN ({ids});
        INSERT INTO plan_figures SELECT * FROM plan_figures_now WHERE plan_id IN ({ids});"""
    for name, event, ids in [
        ("plan_added", "INSERT ON plans", "NEW.id"),
        ("plan_changed", "UPDATE OF id, week, confidence, days, times, start, ended ON plans",
         "OLD.id, NEW.id"),
        ("checkin_added", "INSERT ON checkins", "NEW.plan_id"),
        ("checkin_changed", "UPDATE OF plan_id, day, status ON checkins",
         "OLD.plan_id, NEW.plan_id"),
        ("checkin_removed", "DELETE ON checkins", "OLD.plan_id"),
    ]:  # fmt: skip
        statements.append(
            f"CREATE TRIGGER plan_figures_{name} AFTER {event} BEGIN {redo.format(ids=ids)} END"
        )
    statements.append(
        """CREATE TRIGGER plan_figures_plan_removed AFTER DELETE ON plans BEGIN
            DELETE FROM plan_figures WHERE plan_id = OLD.id;
        END"""
    )
    _run(db, statements)


def m010_services(db: Any) -> None:
    # The person's directory of community services (social prescribing), in the fields of the
    # Open Referral HSDS 3.0 core (see domain/services.py): entries they typed, imported or
    # copied from a directory a service provides. `hsds_id` is the HSDS service id, which
    # re-importing the same data matches on. Lists (categories, areas, languages) are held as
    # texts separated by '; '. A removed entry stays (`removed`) for the plans that use it.
    statements = [
        """CREATE TABLE services (
            id INTEGER PRIMARY KEY,
            hsds_id TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL DEFAULT 'own' CHECK (origin IN ('own', 'imported', 'provided')),
            organization_id TEXT,
            organization TEXT,
            name TEXT NOT NULL,
            description TEXT,
            categories TEXT,
            areas TEXT,
            address TEXT,
            phone TEXT,
            email TEXT,
            url TEXT,
            hours TEXT,
            eligibility TEXT,
            languages TEXT,
            cost TEXT,
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
            checked TEXT,
            removed TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # Full-text search over the words a person looks for, kept in step by triggers rather
        # than rebuilt by each command: whatever writes a service (a command, an import, a
        # restore of an export, another program) updates the index in its own transaction,
        # and a write costs the rows it touches, not the whole directory.
        """CREATE VIRTUAL TABLE services_fts USING fts5(
            name, organization, description, categories, areas, eligibility, languages,
            content = 'services', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER services_fts_added AFTER INSERT ON services BEGIN
            INSERT INTO services_fts (rowid, name, organization, description, categories,
                areas, eligibility, languages)
            VALUES (NEW.id, NEW.name, NEW.organization, NEW.description, NEW.categories,
                NEW.areas, NEW.eligibility, NEW.languages);
        END""",
        """CREATE TRIGGER services_fts_removed AFTER DELETE ON services BEGIN
            INSERT INTO services_fts (services_fts, rowid, name, organization, description,
                categories, areas, eligibility, languages)
            VALUES ('delete', OLD.id, OLD.name, OLD.organization, OLD.description,
                OLD.categories, OLD.areas, OLD.eligibility, OLD.languages);
        END""",
        """CREATE TRIGGER services_fts_changed AFTER UPDATE OF id, name, organization,
            description, categories, areas, eligibility, languages ON services BEGIN
            INSERT INTO services_fts (services_fts, rowid, name, organization, description,
                categories, areas, eligibility, languages)
            VALUES ('delete', OLD.id, OLD.name, OLD.organization, OLD.description,
                OLD.categories, OLD.areas, OLD.eligibility, OLD.languages);
            INSERT INTO services_fts (rowid, name, organization, description, categories,
                areas, eligibility, languages)
            VALUES (NEW.id, NEW.name, NEW.organization, NEW.description, NEW.categories,
                NEW.areas, NEW.eligibility, NEW.languages);
        END""",
        # A plan tied to a service ('call the carers' centre on Tuesday'), and an idea of
        # problem-solving's step 6 that is a service to try.
        "ALTER TABLE plans ADD COLUMN service_id INTEGER REFERENCES services (id)",
        "ALTER TABLE problem_ideas ADD COLUMN service_id INTEGER REFERENCES services (id)",
        # A plan made from such an idea is tied to its service, however the plan comes to be
        # linked to the idea (at once in 'smcoach solve', or at a session's plan step).
        """CREATE TRIGGER plans_service_from_idea AFTER UPDATE OF plan_id ON problem_attempts
            WHEN NEW.plan_id IS NOT NULL AND (SELECT service_id FROM problem_ideas
                WHERE problem_id = NEW.problem_id AND id = NEW.idea_id) IS NOT NULL
            BEGIN
            UPDATE plans SET service_id = (
                SELECT service_id FROM problem_ideas
                WHERE problem_id = NEW.problem_id AND id = NEW.idea_id)
            WHERE id = NEW.plan_id AND service_id IS NULL;
        END""",
    ]
    _run(db, statements)


def m011_symptom_weeks(db: Any) -> None:
    # Each symptom's ratings added up by ISO week, for trends: reading ten years of weeks
    # from here takes a seventh of the time of grouping every day's rating. Derived, not a
    # record (exports leave it out): triggers add a symptom's week up again from its ratings
    # whenever one of them is written, however it is written (a command, an import, another
    # program; an INSERT OR REPLACE, which fires no delete trigger, rewrites the same week).
    statements = [
        """CREATE TABLE symptom_weeks (
            week TEXT NOT NULL,
            symptom_id INTEGER NOT NULL,
            total INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (week, symptom_id)
        ) WITHOUT ROWID""",
        """INSERT INTO symptom_weeks SELECT week, symptom_id, SUM(rating), COUNT(*)
            FROM symptom_ratings GROUP BY week, symptom_id""",
    ]
    redo = """DELETE FROM symptom_weeks WHERE week = {row}.week AND symptom_id = {row}.symptom_id;
        INSERT INTO symptom_weeks SELECT week, symptom_id, SUM(rating), COUNT(*)
            FROM symptom_ratings WHERE week = {row}.week AND symptom_id = {row}.symptom_id
            GROUP BY week, symptom_id;"""
    for name, event, rows in [
        ("added", "INSERT", ["NEW"]),
        ("changed", "UPDATE OF symptom_id, week, rating", ["OLD", "NEW"]),
        ("removed", "DELETE", ["OLD"]),
    ]:
        body = " ".join(redo.format(row=row) for row in rows)
        statements.append(
            f"CREATE TRIGGER symptom_weeks_{name} AFTER {event} ON symptom_ratings BEGIN {body} END"
        )
    _run(db, statements)


MIGRATIONS = [
    m001_initial,
    m002_problems,
    m003_sessions,
    m004_selfchecks_and_symptoms,
    m005_settings_and_safety,
    m006_questions,
    m007_plan_history,
    m008_courses,
    m009_plan_figures,
    m010_services,
    m011_symptom_weeks,
]
NAMES = [m.__name__ for m in MIGRATIONS]


def apply(conn: Any) -> None:
    """Apply pending migrations on an open sqlite3 connection, inside the caller's transaction
    (sqlite-utils then wraps each migration in a savepoint)."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(SET_NAME)
    for fn in MIGRATIONS:
        migrations()(fn)
    migrations.apply(Database(conn, execute_plugins=False))
    # The schema's number, where other tools look for it; a higher one is a newer smcoach's.
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
