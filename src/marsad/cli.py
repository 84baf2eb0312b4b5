"""The `marsad` command line: a thin layer over the library (see `marsad --help`).

Each command imports its stage lazily so that `marsad --help` is instant and a missing optional
dependency (PySpark, say) only affects the command that needs it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="marsad (مرصد): Arabic news to a verifiable record of events.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
train_app = typer.Typer(help="Train the project's models from ../shared/data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

DEFAULT_DB = Path("marsad.db")
DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


@app.callback()
def _main(
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Debug logging.")] = False,
) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    app.pretty_exceptions_enable = verbose


def main() -> None:
    app()
