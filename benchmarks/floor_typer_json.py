"""Floor: the least a Typer command that prints 10 records as JSON can cost.

It reads nothing and imports only Typer and json, so `aidtrack --version` and
`aidtrack list --json` on 10 pledges are measured against Python + Typer start-up.
"""

import json

import typer

RECORDS = [
    {
        "id": f"p{n}",
        "donor": "Norway",
        "recipient": "Ukraine",
        "year": 2015 + n,
        "amount": f"{n * 5}000000000",
        "currency": "NOK",
        "status": "committed",
        "category": "mixed",
    }
    for n in range(1, 11)
]

app = typer.Typer(add_completion=False)


@app.command()
def main(indent: int = 2) -> None:
    """Print the records."""
    print(json.dumps(RECORDS, indent=indent))


if __name__ == "__main__":
    app()
