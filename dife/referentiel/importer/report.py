"""What an import did: counts per table, rejected rows, register defects, durations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

MAX_EXAMPLES = 5
MAX_ERRORS_SHOWN = 50


@dataclass
class TableCount:
    label: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    removed_label: str = ""

    def render(self) -> str:
        line = (
            f"{self.label} : {self.inserted} ajouté(s), {self.updated} modifié(s), "
            f"{self.unchanged} inchangé(s)"
        )
        if self.removed_label:
            line += f", {self.removed} {self.removed_label}"
        return line


@dataclass(frozen=True)
class RejectedRow:
    filename: str
    line: int
    message: str

    def render(self) -> str:
        return f"{self.filename}, ligne {self.line} : {self.message}"


@dataclass
class Defect:
    code: str
    label: str
    action: str
    count: int = 0
    examples: list[str] = field(default_factory=list)
    breakdown: Counter = field(default_factory=Counter)

    def add(self, example: str, count: int = 1, *, part: str = "") -> None:
        self.count += count
        if part:
            self.breakdown[part] += count
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(example)

    def render(self) -> list[str]:
        detail = ""
        if self.breakdown:
            detail = " (" + ", ".join(f"{part} {n}" for part, n in sorted(self.breakdown.items())) + ")"
        lines = [f"  - {self.label} : {self.count}{detail} — {self.action} [{self.code}]"]
        return lines + [f"      ex. {example}" for example in self.examples]


@dataclass
class ImportReport:
    data_dir: str = ""
    tables: dict[str, TableCount] = field(default_factory=dict)
    rejected: list[RejectedRow] = field(default_factory=list)
    defects: dict[str, Defect] = field(default_factory=dict)
    register_date: date | None = None
    durations: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def table(self, key: str, label: str) -> TableCount:
        return self.tables.setdefault(key, TableCount(label))

    def reject(self, filename: str, line: int, message: str) -> None:
        self.rejected.append(RejectedRow(filename, line, message))

    def defect(self, code: str, label: str, action: str) -> Defect:
        return self.defects.setdefault(code, Defect(code, label, action))

    @property
    def changed(self) -> int:
        return sum(t.inserted + t.updated + t.removed for t in self.tables.values())

    def render(self) -> str:
        lines = [f"Import des données de référence (dossier {self.data_dir})"]
        lines += [f"  {note}" for note in self.skipped]
        lines += [f"  {table.render()}" for table in self.tables.values()]
        if self.register_date is not None:
            lines.append(
                f"  Date du registre des élus : {self.register_date:%d/%m/%Y} "
                "(date de début la plus récente sans ambiguïté jour/mois)"
            )
        lines.append(f"Lignes rejetées : {len(self.rejected)}")
        lines += [f"  {row.render()}" for row in self.rejected[:MAX_ERRORS_SHOWN]]
        if len(self.rejected) > MAX_ERRORS_SHOWN:
            lines.append(f"  … et {len(self.rejected) - MAX_ERRORS_SHOWN} autre(s)")
        found = [d for d in self.defects.values() if d.count]
        lines.append(f"Anomalies du registre : {len(found)} type(s)")
        for defect in found:
            lines += defect.render()
        if self.durations:
            parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.durations.items())
            lines.append(f"Durées : {parts}")
        return "\n".join(lines)
