"""The web pages reps and managers use every day (server-rendered Django + htmx)."""
