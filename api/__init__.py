"""Entry points: the FastAPI app with its GraphQL endpoint, and the `crm` CLI."""
