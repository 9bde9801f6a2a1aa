"""One router per API resource; each is a thin adapter over the sales services."""
