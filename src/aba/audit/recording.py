"""Record changes of the judgements that matter: a call's outcome, a commitment's status, due
date and action, an opportunity's owner.

Signals, so every writer (pages, API, imports, admin, services still to come) is covered
without remembering to call anything: `pre_save` reads the stored values, `post_save` writes one
entry per changed field. Creations are not entries (the row itself says who and when); raw saves
(fixtures, restores) are not changes. QuerySet.update() bypasses signals: services that change
these fields must save instances (or call `record` themselves).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models.signals import post_save, pre_save

from aba.audit.context import current_actor
from aba.audit.models import AuditEntry
from aba.sales.models import Call, Commitment, Opportunity, User

# model -> (object type, audited fields as attnames, lookup that gives the opportunity id)
TRACKED: dict[type[models.Model], tuple[str, tuple[str, ...], str]] = {
    Call: ("call", ("outcome", "outcome_source"), "opportunity_id"),
    Commitment: ("commitment", ("status", "due", "action"), "call__opportunity_id"),
    Opportunity: ("opportunity", ("owner_id",), "id"),
}
_OLD = "_audit_old_values"


def _shown(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "owner_id":
        user = User.objects.filter(pk=value).only("username").first()
        return f"{user.username} (#{value})" if user else f"#{value}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _before(
    sender: type[models.Model],
    instance: models.Model,
    raw: bool = False,
    update_fields: frozenset[str] | None = None,
    **_: Any,
) -> None:
    _, fields, scope = TRACKED[sender]
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {f.removesuffix("_id") for f in fields} & {
        f.removesuffix("_id") for f in update_fields
    }:
        return
    stored = sender._base_manager.filter(pk=instance.pk).values(*fields, scope).first()
    setattr(instance, _OLD, stored)


def _after(
    sender: type[models.Model], instance: models.Model, created: bool, raw: bool = False, **_: Any
) -> None:
    stored = instance.__dict__.pop(_OLD, None)
    if raw or created or stored is None:
        return
    kind, fields, scope = TRACKED[sender]
    changed = [f for f in fields if _comparable(stored[f]) != _comparable(getattr(instance, f))]
    if not changed:
        return
    actor = current_actor()
    user = actor.resolve()
    AuditEntry.objects.bulk_create(
        AuditEntry(
            who=user if user is not None else None,
            who_name=(user.get_username() if user is not None else "")[:160],
            via=actor.via,
            object_type=kind,
            object_id=str(instance.pk),
            field=f.removesuffix("_id"),
            old_value=_shown(f, stored[f]),
            new_value=_shown(f, getattr(instance, f)),
            opportunity_id=stored[scope],
        )
        for f in changed
    )


def _comparable(value: Any) -> Any:
    """Stored and assigned values compare equal when they mean the same (e.g. a date string)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def connect() -> None:
    """Wire the signals (called once from the app's ready())."""
    for model in TRACKED:
        pre_save.connect(_before, sender=model, dispatch_uid=f"audit-before-{model.__name__}")
        post_save.connect(_after, sender=model, dispatch_uid=f"audit-after-{model.__name__}")
