"""Erasing in a real terminal: the person types the word, or anything else stops it; and
start-up faults in the real console script (Ctrl-C while Python starts, a full stdout,
arguments that are not UTF-8)."""

import os
import subprocess
from pathlib import Path

from ptyhelp import SMCOACH, Session, run, terminal_env

TYPE_IT = "Type the word erase to go ahead (anything else stops): "


def test_erase_goes_ahead_only_when_the_word_is_typed(tmp_path: Path) -> None:
    env = terminal_env(tmp_path)
    run(env, "agenda", "add", "keep me")
    db = Path(env["SMCOACH_DB"])
    s = Session(env, "erase")
    s.answer(TYPE_IT, "yes")  # not the word
    assert s.finish() == 1
    assert "Nothing was erased." in s.transcript and db.exists()
    s = Session(env, "erase", "--backups")
    s.see("and every backup in")
    s.answer(TYPE_IT, " Erase ")
    assert s.finish() == 0
    assert f"Removed {db}" in s.transcript and not db.exists()


def test_start_up_faults_give_one_line(tmp_path: Path) -> None:
    env = terminal_env(tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run([SMCOACH, "--version"], env=env, stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=30)  # fmt: skip
    assert (done.returncode, done.stderr) == (
        1, "Error: cannot write the output: No space left on device\n")  # fmt: skip
    done = subprocess.run([os.fsencode(SMCOACH), b"agenda", b"add", b"\xff\xfe"], env=env,
                          capture_output=True, timeout=30)  # fmt: skip
    assert (done.returncode, done.stderr) == (
        1, b"Error: argument 3 is not valid UTF-8 text; nothing was changed\n")  # fmt: skip
    assert not Path(env["SMCOACH_DB"]).exists()


def test_ctrl_c_while_starting_is_one_line(tmp_path: Path) -> None:
    """Ctrl-C while smcoach's modules load (here made certain: a stand-in for typer that is
    interrupted as it is imported) gives one line and status 130, not a traceback."""
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "typer.py").write_text("raise KeyboardInterrupt\n")
    env = terminal_env(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(fake), env.get("PYTHONPATH", "")])
    # 'goal list' takes typer's route ('agenda list', the fast one, never imports typer)
    done = subprocess.run([SMCOACH, "goal", "list"], env=env, capture_output=True, text=True,
                          timeout=30)  # fmt: skip
    assert (done.returncode, done.stderr) == (
        130, "\nInterrupted. Only what smcoach said it saved is kept.\n")  # fmt: skip
