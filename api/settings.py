"""Every setting, read from CRM_* environment variables (or a .env file)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRM_", env_file=".env", extra="ignore")

    graph_url: str = Field(
        default="file:./data/crm.db",
        description="Which engine: file:PATH (embedded FalkorDB), redis://… (FalkorDB server), "
        "bolt://user:pass@host:7687 or neo4j://… (Neo4j 5)",
    )
    graph_name: str = Field(default="crm", description="FalkorDB graph name (one store can hold several)")
    neo4j_database: str | None = Field(default=None, description="Neo4j database; the server default if unset")
    query_timeout_ms: int = Field(default=30_000, ge=100, description="Time limit of every engine query")
    env: Literal["development", "production"] = Field(
        default="development", description="production turns GraphiQL off"
    )
    host: str = Field(default="127.0.0.1", description="Address the server binds to")
    port: int = Field(default=8000, ge=1, le=65535)
    demo_if_empty: bool = Field(default=False, description="Load the demo data set when the store is empty")
    max_body_bytes: int = Field(default=1_000_000, ge=1_000, description="Largest request body accepted")


def get_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
