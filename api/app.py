"""The FastAPI application: GraphQL at /graphql (GraphiQL in development), /health."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from strawberry.fastapi import GraphQLRouter

from api.graphql.context import Context
from api.graphql.schema import build_schema
from api.settings import Settings, get_settings
from api.limits import BodySizeLimit
from crm.accounts import authenticate, has_users
from crm.demo import demo_admin
from crm.errors import CrmError
from crm.models.accounts import User
from crm.ports import GraphStore
from graph.catalogue import admin
from graph.open import open_store

log = logging.getLogger("api")


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """Build the app. The store is opened by the lifespan (nothing starts at import),
    unless one is given (tests, the CLI)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = store is None
        app.state.store = store or open_store(settings.graph_url, graph_name=settings.graph_name,
                                              neo4j_database=settings.neo4j_database,
                                              query_timeout_ms=settings.query_timeout_ms)
        if settings.demo_if_empty and app.state.store.read(admin.COUNT_NODES)[0]["nodes"] == 0:
            from crm.demo import load_demo

            summary = load_demo(store=app.state.store)
            log.info("store was empty: loaded the demo data (%s)", summary)
            if not has_users(store=app.state.store):
                print(f"demo: local administrator 'admin', token (shown once): {demo_admin(app.state.store)}",
                      flush=True)
        if not has_users(store=app.state.store):
            log.warning("no users yet: create one with `crm user add NAME --role ADMIN`")
        yield
        if own:
            app.state.store.close()

    app = FastAPI(title="招商引资 CRM", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    def signed_in(request: Request) -> User:
        """The user behind the request's bearer token; nothing but the error otherwise."""
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else None
        user = authenticate(store=request.app.state.store, token=token)
        if user is None:
            raise HTTPException(status_code=401, detail="a valid API token is required (Authorization: Bearer …)",
                                headers={"WWW-Authenticate": "Bearer"})
        return user

    async def get_context(request: Request, user: User = Depends(signed_in)) -> Context:
        return Context(store=request.app.state.store, user=user)

    graphql = GraphQLRouter(build_schema(production=settings.env == "production"), context_getter=get_context,
                            graphql_ide="graphiql" if settings.env == "development" else None)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.include_router(graphql, prefix="/graphql")

    @app.exception_handler(CrmError)
    async def domain_error(_: Request, e: CrmError) -> JSONResponse:
        """The downloads' errors, as GraphQL's: code, field and message, nothing internal."""
        return JSONResponse({"error": e.message, "code": e.code, "field": e.field},
                            status_code=404 if e.code == "NOT_FOUND" else 400)

    @app.get("/exports/reward-statement/{introducer_id}/{year}.xlsx")
    def reward_statement_xlsx(introducer_id: str, year: int, request: Request,
                              user: User = Depends(signed_in)) -> Response:
        from crm.rewards.export import statement_xlsx

        name, body = statement_xlsx(store=request.app.state.store, introducer_id=introducer_id, year=year)
        return Response(body, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    @app.get("/exports/report/{period}.xlsx")
    def report_xlsx(period: str, request: Request, industry: str | None = None,
                    user: User = Depends(signed_in)) -> Response:
        from crm.figures.report import build_report, parse_period
        from crm.figures.xlsx import monthly_xlsx, quarterly_xlsx

        p = parse_period(period)
        report = build_report(store=request.app.state.store, period=p, industry=industry)
        body, name = ((monthly_xlsx(report), f"招商引资月调度表_{p.label}.xlsx") if p.kind == "MONTH"
                      else (quarterly_xlsx(report), f"招商引资季度通报_{p.label}.xlsx"))
        return Response(body, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    @app.get("/exports/report/{period}.png")
    def report_chart(period: str, request: Request, user: User = Depends(signed_in)) -> Response:
        from crm.figures.chart import overview_png
        from crm.figures.report import build_report, parse_period

        p = parse_period(period)
        return Response(overview_png(build_report(store=request.app.state.store, period=p)), media_type="image/png")

    @app.get("/health")
    def health(request: Request) -> dict[str, object]:
        """Public, and says nothing of where the data lives."""
        request.app.state.store.read(admin.COUNT_NODES)
        return {"status": "ok"}

    return app
