"""aba: Always Be Advancing. Turns Rackham's advance discipline into software."""

__version__ = "0.1.0"
