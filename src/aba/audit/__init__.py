"""Audit trail: who changed an outcome, a commitment or an owner, and when."""
