"""Print every catalogue statement as JSON lines: {"name", "cypher", "writes", "engines"}.

`engines` lists the engines that run that text. A statement with an engine
variant prints once more for it, named `name@engine`, so every text the product
can run is listed once.
"""

import json
import sys

from graph.catalogue import all_statements
from graph.statement import EngineName


def main() -> None:
    for s in all_statements():
        default_engines = [e.value for e in EngineName if e not in s.variants and s.only_on in (None, e)]
        print(json.dumps({"name": s.name, "cypher": s.cypher, "writes": s.writes, "engines": default_engines},
                         ensure_ascii=False))
        for engine, text in s.variants.items():
            print(json.dumps({"name": f"{s.name}@{engine.value}", "cypher": text, "writes": s.writes,
                              "engines": [engine.value], "why": s.why}, ensure_ascii=False))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
