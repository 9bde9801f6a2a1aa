"""`aba demo`: placeholder until the demo generator lands."""


def demo() -> None:
    """Generate the demo company."""
