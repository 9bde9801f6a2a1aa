"""The domain core: sales judgement on plain data. Imports no web framework and no database."""
