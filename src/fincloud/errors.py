"""Errors a user can act on.

Every problem with input (a portfolio file, a contract, a configuration export, a catalog
edition) is raised as :class:`InputError` carrying where it is (file, line, field) and what
is allowed. The CLI prints these without a traceback and exits with status 2; the web app
shows them next to the field. Anything else escaping is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    allowed: str | None = None

    def render(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
        parts = [p for p in (where, self.field and f"'{self.field}'") if p]
        text = (": ".join(parts) + ": " if parts else "") + self.message
        if self.allowed:
            text += f" (allowed: {self.allowed})"
        return text


@dataclass
class InputError(Exception):
    """Input that cannot be used as given; holds one or more located problems."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def single(cls, message: str, **where: object) -> InputError:
        return cls([Problem(message, **where)])  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)
