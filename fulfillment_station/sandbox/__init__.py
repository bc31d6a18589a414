"""The training sandbox: one FastAPI app per dialect speaking its seed's API, backed by SQLite,
with fault knobs and a sandbox-only journal. Imports the domain only."""
