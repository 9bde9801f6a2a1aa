"""The sales data: teams, people, accounts, opportunities, calls and commitments."""
