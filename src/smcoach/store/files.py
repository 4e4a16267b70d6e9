"""Writing the files smcoach makes besides its database (exports, summaries): private (0600,
in folders 0700), and whole: written to a temporary file and moved into place."""

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.store.connection import make_folder, place_new


def write_private(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write `data` to `path`, readable only by the owner. An existing file is replaced only
    with `overwrite`; otherwise it is an error and nothing is written."""
    write_private_with(path, lambda f: f.write(data), overwrite)


def write_private_with(
    path: Path, fill: Callable[[BinaryIO], object], overwrite: bool = False
) -> None:
    """`write_private` for data made as it is written (an export of any size): `fill` writes
    it into the private temporary file, which is put in place only once it is whole and
    synced. If `fill` fails, nothing is written."""
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
            fill(f)
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
