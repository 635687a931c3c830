"""Database access: engine, sessions, the embedded server and migrations."""
