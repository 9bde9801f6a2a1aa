"""The demo company: a believable sales organisation generated from a seed.

Pure Python (no Django): `teams` holds what each team sells, `story` plans each opportunity's
calls over time, `dates` names due dates the way reps write them, `notes` writes the call notes.
`aba.sales.services.demo` turns the plans into rows.
"""
