"""Which tables a backup holds, in which order, and how their values travel as JSON.

Every concrete model Django knows (aba's, auth's, sessions, admin log, login throttling, the
auto-created many-to-many tables) is a table of the backup; only `django_migrations` is not: its
content is the schema version, kept in the backup's header instead.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.duration import duration_string


def backed_up_models() -> list[type[models.Model]]:
    """Concrete models in foreign-key order (parents first), so a restore inserts cleanly."""
    candidates = {
        m._meta.label_lower: m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and not m._meta.swapped
    }
    deps = {
        label: {
            f.related_model._meta.label_lower
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is not None and f.related_model is not model
        }
        & candidates.keys()
        for label, model in candidates.items()
    }
    ordered: list[str] = []
    remaining = dict(sorted(deps.items()))
    while remaining:
        ready = [label for label, needs in remaining.items() if not needs - set(ordered)]
        # A cycle of foreign keys cannot be ordered; constraints are deferred to the commit.
        ready = ready or [next(iter(remaining))]
        for label in ready:
            ordered.append(label)
            del remaining[label]
    return [candidates[label] for label in ordered]


def columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.concrete_fields)


def encode(value: object) -> object:
    """JSON for the values the json module does not know (its `default=` hook)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.timedelta):
        return duration_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot back up a value of type {type(value).__name__}")


def decoder(field: models.Field[Any, Any]) -> Any:
    """A function turning a backed-up JSON value back into the field's Python value."""
    if isinstance(field, models.JSONField):
        return lambda value: value
    to_python = field.to_python

    def decode(value: object) -> object:
        return None if value is None else to_python(value)

    return decode
