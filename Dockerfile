FROM python:3.11-slim
WORKDIR /srv/attest
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN pip install --no-cache-dir .
EXPOSE 8000
# `attest serve` applies migrations before it starts listening.
CMD ["attest", "serve", "--host", "0.0.0.0", "--port", "8000"]
