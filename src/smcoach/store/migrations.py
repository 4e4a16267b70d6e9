"""Numbered schema migrations, applied with sqlite-utils' Migrations (each one and its record
in one transaction). Never edit a released migration: add the next number.

sqlite_utils is imported only when a migration is pending, to keep every command fast.
"""

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


MIGRATIONS = [
    m001_initial,
    m002_problems,
    m003_sessions,
    m004_selfchecks_and_symptoms,
    m005_settings_and_safety,
    m006_questions,
    m007_plan_history,
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
