"""`python -m tests.reliability.cli ...`: the aba command, with backup/restore registered.

Lets the reliability tests drive `aba backup` and `aba restore` in subprocesses whether or not
aba's main command registers them yet.
"""

from aba.cli import ops
from aba.cli.main import app

_names = {command.name for command in app.registered_commands}
if "backup" not in _names:
    app.command("backup")(ops.backup)
if "restore" not in _names:
    app.command("restore")(ops.restore)

if __name__ == "__main__":
    app()
