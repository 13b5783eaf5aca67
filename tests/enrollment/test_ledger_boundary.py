"""Money moves only through the ledger's services: enrollment reads no ledger table and takes no
account lock itself (``rights.services.reserve_available``, ``rights.selectors.open_reservations``)."""

from __future__ import annotations

import ast
from pathlib import Path

ENROLLMENT = Path(__file__).resolve().parents[2] / "dife" / "enrollment"
ALLOWED: set[str] = set()


def _ledger_model_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module == "dife.rights.models":
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.Import) and any(a.name == "dife.rights.models" for a in node.names):
            names.add("*")
    return names


def test_enrollment_uses_no_ledger_model():
    found = {
        str(path.relative_to(ENROLLMENT)): names - ALLOWED
        for path in ENROLLMENT.rglob("*.py")
        if "migrations" not in path.parts and path.name != "demo.py"  # demo data: development only
        for names in [_ledger_model_imports(path)]
        if names - ALLOWED
    }
    assert found == {}, f"dife/enrollment imports ledger models: {found}"
