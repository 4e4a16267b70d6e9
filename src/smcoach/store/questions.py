"""Questions the person wants to ask at their next appointment."""

import sqlite3
from contextlib import AbstractContextManager
from datetime import date

from smcoach.domain.models import Question
from smcoach.errors import SmcoachError
from smcoach.messages import t


def _question(row: sqlite3.Row) -> Question:
    done = row["done"]
    return Question(
        row["id"],
        row["text"],
        date.fromisoformat(row["created"]),
        date.fromisoformat(done) if done else None,
    )


class QuestionQueries:
    conn: sqlite3.Connection

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def add_question(self, text: str, today: date) -> int:
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO questions (text, created) VALUES (?, ?)", [text, today.isoformat()]
            )
            return int(cur.lastrowid or 0)

    def questions(self, include_done: bool = False) -> list[Question]:
        where = "" if include_done else "WHERE done IS NULL"
        rows = self.conn.execute(f"SELECT * FROM questions {where} ORDER BY id")
        return [_question(r) for r in rows]

    def question_done(self, question_id: int, today: date) -> None:
        with self._write() as c:
            row = c.execute("SELECT done FROM questions WHERE id = ?", [question_id]).fetchone()
            if row is None:
                raise SmcoachError(t("question.not_found", id=question_id))
            if row["done"] is not None:
                raise SmcoachError(t("question.done_already", id=question_id))
            c.execute(
                "UPDATE questions SET done = ? WHERE id = ?", [today.isoformat(), question_id]
            )
