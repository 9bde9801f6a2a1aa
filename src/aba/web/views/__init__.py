"""Page views, one module per page: thin adapters over forms, visibility and services."""
