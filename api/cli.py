"""The `crm` command: serve, load the demo, print the GraphQL schema, reset a store."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from api.settings import get_settings
from graph.catalogue import admin
from graph.open import open_store


def _store(settings):  # type: ignore[no-untyped-def]
    return open_store(settings.graph_url, graph_name=settings.graph_name,
                      neo4j_database=settings.neo4j_database, query_timeout_ms=settings.query_timeout_ms)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    overrides: dict[str, object] = {}
    if args.host:
        overrides["host"] = args.host
    if args.port:
        overrides["port"] = args.port
    if args.demo_if_empty:
        overrides["demo_if_empty"] = True
    settings = get_settings(**overrides)
    print(f"招商引资 CRM on {settings.graph_url}: http://{settings.host}:{settings.port}/graphql", flush=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


def demo(args: argparse.Namespace) -> int:
    settings = get_settings()
    store = _store(settings)
    nodes = store.read(admin.COUNT_NODES)[0]["nodes"]
    if nodes and not args.force:
        print(f"the store already holds {nodes} records; the demo loads only into an empty store "
              "(crm reset --yes empties it, --force loads anyway)", file=sys.stderr)
        return 1
    from crm.demo import load_demo

    print(json.dumps(load_demo(store=store), ensure_ascii=False))
    return 0


def schema(args: argparse.Namespace) -> int:
    from api.graphql.schema import build_schema

    print(build_schema().as_str())
    return 0


def reward_statement(args: argparse.Namespace) -> int:
    from crm.rewards.export import statement_xlsx

    name, body = statement_xlsx(store=_store(get_settings()), introducer_id=args.introducer_id, year=args.year)
    out = args.output or name
    with open(out, "wb") as f:
        f.write(body)
    print(f"wrote {out}")
    return 0


def report(args: argparse.Namespace) -> int:
    from crm.figures.report import build_report, parse_period
    from crm.figures.xlsx import monthly_xlsx, quarterly_xlsx

    spec = args.period if args.kind == "monthly" else args.period.upper()
    period = parse_period(spec)
    if (period.kind == "MONTH") != (args.kind == "monthly"):
        print(f"{args.kind} takes {'a month like 2026-10' if args.kind == 'monthly' else 'a quarter like 2026-Q3'}",
              file=sys.stderr)
        return 2
    built = build_report(store=_store(get_settings()), period=period, industry=args.industry)
    body = monthly_xlsx(built) if args.kind == "monthly" else quarterly_xlsx(built)
    out = args.output or f"{'月调度表' if args.kind == 'monthly' else '季度通报'}_{period.label}.xlsx"
    with open(out, "wb") as f:
        f.write(body)
    print(f"wrote {out}")
    return 0


def user(args: argparse.Namespace) -> int:
    from crm import accounts

    store = _store(get_settings())
    if args.action == "add":
        made = accounts.create_user(store=store, data={
            "username": args.username, "displayName": args.name or args.username, "role": args.role,
            "unitId": args.unit, "personId": args.person})
        token_id, token = accounts.issue_token(store=store, username=made.username, days=args.days)
        print(f"user {made.username} ({made.role.value}) created; token {token_id}, valid {args.days} days:")
        print(token)
    elif args.action == "token":
        token_id, token = accounts.issue_token(store=store, username=args.username, days=args.days)
        print(f"token {token_id} for {args.username}, valid {args.days} days:")
        print(token)
    elif args.action == "list":
        for u in accounts.list_users(store=store):
            print(f"{u.username}\t{u.role.value}\t{u.display_name}\tunit={u.unit_id or '-'}\tcadre={u.person_id or '-'}")
    else:
        n = accounts.revoke(store=store, username=args.username, token_id=args.token)
        print(f"revoked {n} token(s)")
    return 0


def reset(args: argparse.Namespace) -> int:
    if not args.yes:
        print("this deletes every record in the store; run again with --yes", file=sys.stderr)
        return 1
    store = _store(get_settings())
    print(f"deleted {store.write(admin.DELETE_ALL)[0]['deleted']} records")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="crm", description="招商引资 CRM. Settings come from CRM_* variables.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", help="serve the API (GraphQL at /graphql)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--demo-if-empty", action="store_true", help="load the demo data when the store is empty")
    p.set_defaults(run=serve)
    p = sub.add_parser("demo", help="load the demo data set into an empty store")
    p.add_argument("--force", action="store_true")
    p.set_defaults(run=demo)
    p = sub.add_parser("schema", help="print the GraphQL schema (SDL)")
    p.set_defaults(run=schema)
    p = sub.add_parser("statement", help="an introducer's reward statement for a year, as xlsx")
    p.add_argument("introducer_id")
    p.add_argument("year", type=int)
    p.add_argument("-o", "--output")
    p.set_defaults(run=reward_statement)
    p = sub.add_parser("report", help="月调度表 (monthly 2026-10) or 季通报 (quarterly 2026-Q3) as xlsx")
    p.add_argument("kind", choices=["monthly", "quarterly"])
    p.add_argument("period")
    p.add_argument("-o", "--output")
    p.add_argument("--industry", help="one industry chain only")
    p.set_defaults(run=report)
    p = sub.add_parser("user", help="accounts and API tokens: add, list, token, revoke")
    p.add_argument("action", choices=["add", "list", "token", "revoke"])
    p.add_argument("username", nargs="?")
    p.add_argument("--role", choices=["ADMIN", "LEADER", "UNIT_STAFF", "FINANCE", "AUDITOR"])
    p.add_argument("--name", help="display name")
    p.add_argument("--unit", help="the unit (org_…) of unit staff")
    p.add_argument("--person", help="the cadre (per_…) this user is")
    p.add_argument("--days", type=int, default=90, help="token lifetime")
    p.add_argument("--token", help="revoke one token by its id (tok_…)")
    p.set_defaults(run=user)
    p = sub.add_parser("reset", help="delete every record")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(run=reset)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
