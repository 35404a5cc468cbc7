"""The GraphQL schema, one module per area of the domain."""
