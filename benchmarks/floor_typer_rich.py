"""Floor: the least a Typer command that prints a 10-row Rich table can cost.

The table has the columns and box of `aidtrack list`, so `list` on 10 pledges is
measured against Python + Typer + Rich start-up and drawing, not against less work.
"""

import typer
from rich import box
from rich.console import Console
from rich.table import Table

COLUMNS = ("ID", "Donor", "To", "Year", "Amount", "Status", "Category", "Label", "Links")

app = typer.Typer(add_completion=False)


@app.command()
def main(limit: int = 10) -> None:
    """Print the table."""
    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", pad_edge=False)
    for column in COLUMNS:
        table.add_column(column)
    for n in range(1, limit + 1):
        year = str(2015 + n)
        table.add_row(
            f"p{n}", "Norway", "Ukraine", year, f"NOK {n * 5}bn", "committed", "mixed", "", ""
        )
    Console().print(table)


if __name__ == "__main__":
    app()
