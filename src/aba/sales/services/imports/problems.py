"""What went wrong in an import, said so a user can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


class ImportFailed(Exception):
    """The import was rejected as a whole; nothing was written."""

    MAX_SHOWN = 50

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[: self.MAX_SHOWN])
        more = len(problems) - self.MAX_SHOWN
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(
            f"import rejected, the database is unchanged ({len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''}):\n{shown}{tail}"
        )
