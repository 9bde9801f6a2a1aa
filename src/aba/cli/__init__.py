"""The `aba` command line: thin Typer commands over the services."""
