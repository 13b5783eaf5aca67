import struct
from datetime import date

import pytest

from dife.referentiel.importer.source import RowError, parse_date, parse_point


def test_parse_point_wkb_and_ewkb():
    wkb = "0101000000" + struct.pack("<dd", 1.908449, 47.903203).hex()
    assert parse_point(wkb) == (47.903203, 1.908449)
    ewkb = struct.pack("<BII", 1, 0x20000001, 4326).hex() + struct.pack("<dd", 55.45, -20.88).hex()
    assert parse_point(ewkb) == (-20.88, 55.45)
    big_endian = struct.pack(">BI", 0, 1).hex() + struct.pack(">dd", 7.75, 48.57).hex()
    assert parse_point(big_endian) == (48.57, 7.75)
    empty = "0101000000" + struct.pack("<dd", float("nan"), float("nan")).hex()
    assert parse_point(empty) is None and parse_point("\\N") is None


@pytest.mark.parametrize(
    "value",
    ["zz", "0101000000", "0102000000" + "00" * 16, "0101000000" + struct.pack("<dd", 200.0, 10.0).hex()],
)
def test_parse_point_rejects(value):
    with pytest.raises(RowError):
        parse_point(value)


def test_parse_date():
    assert parse_date("2026-03-15", "date") == date(2026, 3, 15)
    assert parse_date("\\N", "date", required=False) is None
    for bad in ("2026-02-30", "15/03/2026", "1072-05-03"):
        with pytest.raises(RowError, match="date invalide"):
            parse_date(bad, "date")
    with pytest.raises(RowError, match="date manquante"):
        parse_date("\\N", "date")
