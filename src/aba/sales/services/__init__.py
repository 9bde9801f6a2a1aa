"""Use cases over the database: the only place that combines the domain core with the models."""
