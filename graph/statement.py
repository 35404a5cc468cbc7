"""A named, parameterised Cypher statement of the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class EngineName(str, Enum):
    FALKORDB = "falkordb"
    NEO4J = "neo4j"


@dataclass(frozen=True)
class Statement:
    """One statement the product runs.

    `cypher` is written in the subset both engines run. Where the dialects really
    differ, `variants` holds the text for one engine and `why` says what differs.
    """

    name: str
    cypher: str
    writes: bool = False
    variants: dict[EngineName, str] = field(default_factory=dict)
    why: str = ""
    only_on: EngineName | None = None  # for the few statements one engine's adapter runs alone

    def text_for(self, engine: EngineName) -> str:
        return self.variants.get(engine, self.cypher)

    def __post_init__(self) -> None:
        if self.variants and not self.why:
            raise ValueError(f"{self.name}: an engine variant must say why it differs")
