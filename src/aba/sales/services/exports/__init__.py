"""Exports: aba's own CSV files and the files each CRM can import."""
