"""Mapping files: which CRM column holds each aba field, and which CRM owner is which aba user.

A mapping file is TOML (or JSON with the same shape). Every section is optional; a label given
here is tried before the built-in labels, and header matching ignores case and extra spaces:

    [opportunities]            # aba field = "the column label in your export"
    amount = "Deal value (EUR)"
    stage = "Phase"
    [calls]
    notes = "Call summary"
    [owners]                   # CRM owner id or name = aba username
    "005Ec000004oBPNIA2" = "dana"
    "Dana Scully" = "dana"

Sections are the file kinds each CRM importer reads: `opportunities`, `calls`, and also
`accounts` (Salesforce Account export) and `notes` (Pipedrive notes export).

Owners without a mapping become usernames by a fixed rule (see `owner_username`).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from aba.sales.services.imports.problems import ImportFailed, Problem

KINDS = ("opportunities", "calls", "accounts", "notes")


@dataclass(frozen=True, slots=True)
class Mapping:
    """Column overrides per file kind, and CRM owner -> aba username."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)

    def labels(self, kind: str, aba_field: str, defaults: tuple[str, ...]) -> tuple[str, ...]:
        """The labels to try for a field: the mapping file's first, then the defaults."""
        override = self.columns.get(kind, {}).get(aba_field)
        return ((override,) if override else ()) + defaults

    def username(self, owner: str) -> str:
        return self.owners.get(owner.strip()) or owner_username(owner)

    def crm_owner(self, username: str) -> str:
        """The CRM owner to write back for a username: the mapped id, else the username."""
        for crm, user in self.owners.items():
            if user == username:
                return crm
        return username


def owner_username(owner: str) -> str:
    """A CRM owner (id or name) as an aba username.

    A value with a space is a person's name: lowercased, spaces become dots ("Dana Scully" ->
    "dana.scully"). Anything else is an id and keeps its case, since Salesforce ids are
    case-sensitive ("005Ec000004oBPNIA2"). Characters a username cannot hold are dropped.
    """
    text = " ".join(owner.split())
    if " " in text:
        text = text.lower().replace(" ", ".")
    return re.sub(r"[^\w.@+-]", "", text)[:150]


def load_mapping(path: Path | None) -> Mapping:
    """Read a mapping file, or raise ImportFailed saying what in it is wrong."""
    if path is None:
        return Mapping()
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ImportFailed(
            [Problem(path.name, None, None, None, f"cannot read the mapping file ({exc})")]
        ) from None
    problems: list[Problem] = []
    columns: dict[str, dict[str, str]] = {}
    for section, values in data.items():
        if section not in (*KINDS, "owners") or not isinstance(values, dict):
            problems.append(
                Problem(
                    path.name,
                    None,
                    section,
                    None,
                    f"unknown section: expected {', '.join(KINDS)} or owners",
                )
            )
            continue
        bad = [k for k, v in values.items() if not isinstance(v, str) or not v.strip()]
        for key in bad:
            problems.append(
                Problem(
                    path.name,
                    None,
                    f"{section}.{key}",
                    str(values[key]),
                    "expected a non-empty text value",
                )
            )
        if section != "owners":
            columns[section] = {k: v for k, v in values.items() if k not in bad}
    if problems:
        raise ImportFailed(problems)
    owners = {str(k).strip(): v.strip() for k, v in data.get("owners", {}).items()}
    return Mapping(columns=columns, owners=owners)
