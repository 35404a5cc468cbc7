"""The catalogue: every Cypher statement the product runs, by name.

Each area has its module (places, people, organizations, projects,
relationships, admin, schema); a use case imports the module and passes a
statement to the store, e.g. `store.read(people.GET, {"id": ...})`.
Values always travel as $parameters; labels and relationship types come from
allow-lists (crm.models.relationships.RULES), never from input.

`python -m graph.catalogue` prints every statement as JSON lines.
"""

from __future__ import annotations

from types import ModuleType

from graph.catalogue import (accounts, admin, contacts, funds, organizations, paths, people, pipeline, places,
                             privacy, projects, referrals, relationships, rewards, schema)
from graph.statement import Statement

_MODULES: tuple[ModuleType, ...] = (places, people, organizations, projects, relationships, referrals, funds,
                                    rewards, paths, pipeline, contacts, accounts, privacy, admin, schema)


def all_statements() -> list[Statement]:
    found: dict[str, Statement] = {}
    for module in _MODULES:
        candidates: list[Statement] = [v for v in vars(module).values() if isinstance(v, Statement)]
        for v in vars(module).values():
            if isinstance(v, dict):
                candidates += [s for s in v.values() if isinstance(s, Statement)]
        for s in candidates:
            if s.name in found and found[s.name] is not s:
                raise ValueError(f"two statements are named {s.name!r}")
            found[s.name] = s
    return sorted(found.values(), key=lambda s: s.name)
