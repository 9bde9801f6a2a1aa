from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "aba.coaching"
    label = "coaching"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from aba.coaching.plans import use_plan
        from aba.sales.models import Call

        def _on_call_saved(sender: object, instance: Call, created: bool, **kw: object) -> None:
            # A plan is for the next call, however it gets logged (pages, API, CLI, import).
            if created and not kw.get("raw"):
                use_plan(instance)

        post_save.connect(_on_call_saved, sender=Call, dispatch_uid="coaching-use-plan", weak=False)
