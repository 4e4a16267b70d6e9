"""The `smcoach` command (and `python -m smcoach`): runs the command line, and turns what can
go wrong around it, before and after a command proper, into one line instead of a traceback:
Ctrl-C while Python is still starting, and output that cannot be written (a full disk, a
closed pipe)."""

import os
import sys


def main() -> None:
    try:
        from smcoach.domain.language import FLAG, take_flag

        # --lang may follow any command: it is read as the root's option, as --db is
        rest, lang = take_flag(sys.argv[1:])
        if lang is not None:
            sys.argv[1:] = [FLAG, lang, *rest]
        from smcoach.cli import fast

        if not fast.run(sys.argv[1:]):  # the everyday commands, without importing typer
            from smcoach.cli.main import app

            app()
    except KeyboardInterrupt:
        _leave("\n" + _t("interrupted") + "\n", 130)
    except SystemExit as done:
        _flush_output()
        raise done
    except OSError as e:  # raised while writing, outside any command (such as --version)
        _leave("Error: " + _t("output.failed", detail=e.strerror or e) + "\n", 1)
    _flush_output()


def _t(key: str, **values: object) -> str:
    from smcoach.messages import t

    return t(key, **values)


def _flush_output() -> None:
    """Write out what is still buffered now, while an error can still be reported."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone (`smcoach … | head`): nothing to say
        _silence_stdout()
        sys.exit(1)
    except OSError as e:
        _silence_stdout()
        _leave("Error: " + _t("output.failed", detail=e.strerror or e) + "\n", 1)


def _silence_stdout() -> None:
    """Point stdout at nothing, so Python's own flush at exit does not fail a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _leave(message: str, code: int) -> None:
    try:
        sys.stderr.write(message)
        sys.stderr.flush()
    except OSError:
        pass
    _silence_stdout()
    sys.exit(code)


if __name__ == "__main__":
    main()
