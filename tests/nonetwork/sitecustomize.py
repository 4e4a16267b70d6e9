"""No network for any Python process the tests start: tests/conftest.py puts this folder at
the front of PYTHONPATH, so every child Python (smcoach in a pseudo-terminal, the stress
scenarios, `python -c ...`) imports this module at startup, before any code of its own.

An audit hook, rather than patching the socket module: it costs nothing until a socket is
made (importing socket at every start would cost milliseconds), it also stops sockets made
through _socket directly, and nothing can remove it later."""

import sys


def _no_sockets(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.__new__":
        raise OSError("network disabled in tests")


sys.addaudithook(_no_sockets)
