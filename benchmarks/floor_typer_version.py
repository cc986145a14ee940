"""Floor: the least a Typer command's `--version` can cost (issue 27).

One command with a `--version` option that prints a line and stops, as aidtrack's
does, so `aidtrack --version` is measured against Python + Typer start-up and the
option, not against printing 10 records.
"""

from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


def show_version(value: bool) -> None:
    if value:
        print("floor 1.0")
        raise typer.Exit()


@app.command()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Do nothing but print the version."""


if __name__ == "__main__":
    app()
