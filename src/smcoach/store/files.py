"""Writing the files smcoach makes besides its database (exports, summaries): private (0600,
in folders 0700), and whole: written to a temporary file and moved into place."""

import contextlib
import os
import tempfile
from pathlib import Path

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.store.connection import make_folder, place_new


def write_private(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write `data` to `path`, readable only by the owner. An existing file is replaced only
    with `overwrite`; otherwise it is an error and nothing is written."""
    if path.exists() and not overwrite:
        raise SmcoachError(t("file.exists", path=path))
    make_folder(path.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    except OSError as e:
        raise SmcoachError(t("file.cannot_write", path=path, detail=e.strerror or e)) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(temp, path)
        else:
            place_new(temp, path)  # fails rather than replace a file made meanwhile
    except FileExistsError:
        raise SmcoachError(t("file.exists", path=path)) from None
    except OSError as e:
        raise SmcoachError(t("file.cannot_write", path=path, detail=e.strerror or e)) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
