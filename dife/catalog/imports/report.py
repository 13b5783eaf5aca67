"""The report of an import: one line per row of the file (one session), in the file's order."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LineStatus(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"imported": "Importée", "updated": "Mise à jour", "rejected": "Rejetée"}[self.value]

    @property
    def public(self) -> str:
        """The spelling of the report's « statut » column (unchanged for the OFs who read it)."""
        return {"imported": "importee", "updated": "mise_a_jour", "rejected": "rejetee"}[self.value]


@dataclass
class Line:
    """One row of the file. ``where`` says where it is ("ligne 12", or the XML element and its line)."""

    number: int
    where: str
    formation_ref: str = ""
    action_ref: str = ""
    session_ref: str = ""
    status: LineStatus | None = None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def reject(self, *reasons: str) -> None:
        self.status = LineStatus.REJECTED
        self.reasons.extend(r for r in reasons if r not in self.reasons)

    @property
    def rejected(self) -> bool:
        return self.status == LineStatus.REJECTED

    def as_dict(self) -> dict:
        return {
            "ligne": self.number,
            "emplacement": self.where,
            "statut": self.status.public if self.status else "",
            "formation": self.formation_ref,
            "action": self.action_ref,
            "session": self.session_ref,
            "motifs": self.reasons,
            "avertissements": self.warnings,
        }


@dataclass
class ImportReport:
    format: str  # "csv" or "lheo"
    lines: list[Line] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    file_warnings: list[str] = field(default_factory=list)
    published_actions: int = 0
    seconds: float = 0.0

    def count(self, status: LineStatus) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def imported(self) -> int:
        return self.count(LineStatus.IMPORTED)

    @property
    def updated(self) -> int:
        return self.count(LineStatus.UPDATED)

    @property
    def rejected(self) -> int:
        return self.count(LineStatus.REJECTED)

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.rejected

    @property
    def rejected_lines(self) -> list[Line]:
        return [line for line in self.lines if line.rejected]

    @property
    def lines_with_warnings(self) -> list[Line]:
        return [line for line in self.lines if line.warnings and not line.rejected]

    def summary(self) -> str:
        if self.file_errors:
            return "Fichier refusé : " + " ".join(self.file_errors)

        def s(n: int) -> str:
            return "s" if n > 1 else ""

        read = len(self.lines)
        return (
            f"{read} ligne{s(read)} lue{s(read)} : {self.imported} importée{s(self.imported)}, "
            f"{self.updated} mise{s(self.updated)} à jour, {self.rejected} rejetée{s(self.rejected)}."
        )
