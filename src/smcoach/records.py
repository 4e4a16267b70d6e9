"""Typed records without importing `typing` when a command starts.

Importing `typing` costs every command about 9 ms, a quarter of Python's own start-up, and the
everyday commands need from it only two things at run time: the class syntax of NamedTuple for
their records, and TYPE_CHECKING. Modules on the fast route (cli/fast.py) take both from here:
type checkers see `typing.NamedTuple` itself, and at run time a record class is made by
`collections.namedtuple` from the class's annotations (names only: they are not evaluated),
its defaults, docstring and methods, as `typing.NamedTuple` makes it.
"""

from collections import namedtuple

TYPE_CHECKING = False  # type checkers take this name as true (as typing.TYPE_CHECKING)

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What a record class may not define, and what is taken from its body but not copied.
    _RESERVED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                           "_field_defaults", "_make", "_replace", "_asdict"})  # fmt: skip
    _NOT_COPIED = frozenset({"__module__", "__qualname__", "__annotations__"})

    class _RecordMeta(type):
        def __new__(cls, name, bases, namespace):
            if bases == ():  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            defaults = [namespace[f] for f in fields if f in namespace]
            if any(f in namespace for f in fields[: len(fields) - len(defaults)]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            record = namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
            record.__qualname__ = namespace.get("__qualname__", name)
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            for key, value in namespace.items():
                if key in _RESERVED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _NOT_COPIED and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordMeta):
        """Base of a record class: `class Cell(NamedTuple): text: str; style: str | None = None`."""
