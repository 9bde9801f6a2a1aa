"""`aba run` and `aba migrate`: serve aba and manage its schema."""

from __future__ import annotations

import typer

from aba.cli import bootstrap
from aba.cli.console import console


def migrate() -> None:
    """Create or update the database schema."""
    bootstrap.django(migrate=False)
    applied = bootstrap.migrate_if_needed(verbosity=1)
    console.print("Database is up to date." if not applied else "Migrations applied.")


def run(
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    workers: int = typer.Option(2, "--workers", help="gunicorn worker processes."),
    threads: int = typer.Option(4, "--threads", help="Threads per worker."),
) -> None:
    """Serve aba's web app and API with gunicorn."""
    bootstrap.django()
    from gunicorn.app.base import BaseApplication

    from aba.wsgi import application

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 60)
            # Longer than a load balancer's idle timeout, so a kept-alive connection is never
            # closed as a request arrives on it (seen as resets under load with the 2 s default).
            self.cfg.set("keepalive", 75)

        def load(self) -> object:
            return application

    console.print(f"aba is serving on [bold]http://{host}:{port}/[/]  (Ctrl+C to stop)")
    _Server().run()
