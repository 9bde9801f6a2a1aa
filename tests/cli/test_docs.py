"""Documentation that cannot drift: every command has help text and appears in the README."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from aba.cli.main import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def commands(group: click.Group, prefix: str = "aba") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(commands(command, path))
    return found


ALL = commands(typer.main.get_command(app))  # type: ignore[arg-type]


def test_every_command_has_help_text():
    missing = [path for path, command in ALL if not (command.help or "").strip()]
    assert not missing, f"commands without help text: {missing}"


def test_every_command_is_in_the_readme():
    missing = [path for path, _ in ALL if f"`{path}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_option_has_help_text():
    missing = [
        f"{path} {param.opts[0]}"
        for path, command in ALL
        for param in command.params
        if isinstance(param, click.Option)
        and not (param.help or "").strip()
        and param.opts[0] != "--help"
    ]
    assert not missing, f"options without help text: {missing}"
