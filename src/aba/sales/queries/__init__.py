"""Set-based queries over many rows: one query for a whole scope, never one per opportunity."""
