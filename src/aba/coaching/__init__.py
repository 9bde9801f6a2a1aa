"""Coaching in the app: mutual action plans, shared plan links, follow-up downloads."""
