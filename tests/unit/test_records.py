"""smcoach.records.NamedTuple makes the same record classes as typing.NamedTuple (without
importing typing when a command starts): the same fields, defaults, docstring, methods,
equality, repr and copies, and the same refusals."""

import pickle
import typing

import pytest

from smcoach import records
from smcoach.domain.models import Plan
from smcoach.render import Cell


def define(base: type) -> type:
    class Reading(base):  # type: ignore[valid-type, misc]
        """A reading of a symptom."""

        name: str
        value: int
        note: str | None = None
        tags: tuple[str, ...] = ()

        @property
        def loud(self) -> str:
            return self.name.upper()

        def described(self) -> str:
            return f"{self.name}={self.value}"

    return Reading


# A module-level record, so that pickle can find it by name.
class Stored(records.NamedTuple):
    what: str
    times: int = 1


def test_the_records_classes_behave_as_typings():
    ours, theirs = define(records.NamedTuple), define(typing.NamedTuple)
    for cls in (ours, theirs):
        r = cls("pain", 4)
        assert r == ("pain", 4, None, ()) and isinstance(r, tuple)
        assert (r.name, r.value, r.note, r.tags) == ("pain", 4, None, ())
        assert r.loud == "PAIN" and r.described() == "pain=4"
        assert r._replace(note="after the walk").note == "after the walk"
        assert r._asdict() == {"name": "pain", "value": 4, "note": None, "tags": ()}
        assert cls._make(["fatigue", 2, "x", ("a",)]).tags == ("a",)
        assert repr(r) == "Reading(name='pain', value=4, note=None, tags=())"
        name, value, *_ = r
        assert (name, value) == ("pain", 4)
    for attribute in ("_fields", "_field_defaults", "__doc__", "__name__", "__qualname__"):
        assert getattr(ours, attribute) == getattr(theirs, attribute), attribute
    assert list(ours.__annotations__) == list(theirs.__annotations__)
    assert ours.__module__ == theirs.__module__ == __name__
    with pytest.raises(TypeError):
        ours()  # a field without a default is needed


def test_a_record_survives_pickling_and_copies():
    r = Stored("walk", 3)
    assert pickle.loads(pickle.dumps(r)) == r
    assert Stored("walk") == ("walk", 1)


def test_a_default_before_a_field_without_one_is_refused():
    for cls_base in (records.NamedTuple, typing.NamedTuple):
        with pytest.raises(TypeError):

            class Wrong(cls_base):  # type: ignore[valid-type, misc]
                first: int = 1
                second: int


def test_a_record_may_not_redefine_what_namedtuple_makes():
    for cls_base in (records.NamedTuple, typing.NamedTuple):
        with pytest.raises(AttributeError):

            class Wrong(cls_base):  # type: ignore[valid-type, misc]
                field: int

                def _replace(self) -> None:  # type: ignore[override]
                    pass


def test_smcoachs_own_records_are_made_so():
    assert Cell._fields == ("text", "style", "plain")
    assert Cell("x") == ("x", None, None)
    assert "status" in Plan._fields and Plan.__doc__
