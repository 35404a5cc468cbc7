"""Print every catalogue statement as JSON lines: {"name", "cypher"[, "engine"]}.

A statement with an engine variant prints once per engine text, the variant's
name suffixed with @engine, so every text the product can run is listed.
"""

import json
import sys

from graph.catalogue import all_statements


def main() -> None:
    for s in all_statements():
        print(json.dumps({"name": s.name, "cypher": s.cypher, "writes": s.writes}, ensure_ascii=False))
        for engine, text in s.variants.items():
            print(json.dumps({"name": f"{s.name}@{engine.value}", "cypher": text, "writes": s.writes,
                              "engine": engine.value}, ensure_ascii=False))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
