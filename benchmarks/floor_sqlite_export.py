"""Floor: the least `export --format sqlite` can cost (issue 27).

Parse the store with orjson, then `executemany` its records and their sources into a
new SQLite database, one row each with every stored value as it is: no checks, no
counting, no year totals.

    python floor_sqlite_export.py STORE DATABASE
"""

import sqlite3
import sys
from pathlib import Path

import orjson

store, target = Path(sys.argv[1]), Path(sys.argv[2])
docs = list(orjson.loads(store.read_bytes())["pledges"].values())
columns = [name for name in docs[0] if name not in ("year", "years", "sources")] if docs else []
target.unlink(missing_ok=True)
with sqlite3.connect(target) as db:
    db.execute(f"CREATE TABLE pledges ({', '.join(columns) or 'id'})")
    db.execute("CREATE TABLE sources (pledge_id, position, url, date, quote)")
    db.executemany(
        f"INSERT INTO pledges VALUES ({', '.join('?' * len(columns))})",
        (tuple(doc.get(name) for name in columns) for doc in docs),
    )
    db.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
        (
            (doc["id"], position, s.get("url"), s.get("date"), s.get("quote"))
            for doc in docs
            for position, s in enumerate(doc["sources"], start=1)
        ),
    )
db.close()
