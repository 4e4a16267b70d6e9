"""What `smcoach doctor` concludes from the facts about the database file: each finding a
message key (see messages.py, "doctor.*") with its values, and how serious it is."""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from smcoach.store.health import Health

BACKUP_AGE = timedelta(days=30)  # older than this, a fresh backup is suggested


class Advice(NamedTuple):
    key: str  # doctor.<key> in the catalogue
    serious: bool  # something is wrong (doctor exits 1), not just worth knowing
    values: dict[str, object]


def advise(health: "Health", now: datetime) -> list[Advice]:
    path = str(health.path)
    found: list[Advice] = []
    verdict = health.verdict
    if verdict is None:
        return [Advice("no_file", False, {"path": path})]
    if verdict.problem is not None:
        if verdict.newer:
            found.append(Advice("newer", True, {"problem": verdict.problem}))
        elif not verdict.ours:
            found.append(Advice("not_ours", True, {"problem": verdict.problem}))
        elif health.good_backup is not None:
            backup = str(health.good_backup)
            found.append(
                Advice("damaged_restore", True, {"problem": verdict.problem, "backup": backup})
            )
        else:
            found.append(
                Advice("damaged_no_backup", True, {"problem": verdict.problem, "path": path})
            )
    elif verdict.applied < health.head:
        found.append(Advice("older", False, {"version": verdict.applied, "head": health.head}))
    if health.link_to is not None:
        found.append(Advice("link", False, {"target": str(health.link_to)}))
    if health.file_mode is not None and health.file_mode & 0o077:
        mode = f"{health.file_mode:04o}"
        found.append(Advice("file_open", True, {"path": path, "mode": mode}))
    if health.folder_mode is not None and health.folder_mode & 0o077:
        folder, mode = str(health.path.parent), f"{health.folder_mode:04o}"
        found.append(Advice("folder_open", True, {"folder": folder, "mode": mode}))
    if verdict.ours and not verdict.newer:
        if health.last_backup is None:
            found.append(Advice("no_backup", False, {}))
        elif now - health.last_backup > BACKUP_AGE:
            days = (now - health.last_backup).days
            found.append(Advice("old_backup", False, {"days": days}))
    return found
