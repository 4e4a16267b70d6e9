"""The work of the everyday commands (today, the agenda and plan lists, the daily check-in,
trends), with no typer in sight: their typer declarations (cli/*.py) call these functions, and
so does the fast route (cli/fast.py), which starts them without importing typer at all, since
importing it costs more than the rest of such a command together.

Each function takes the command's Env, then its parameters by the names the declaration gives
them; cli/fastspec.py (generated from the declarations) says how to read them from argv.
"""
