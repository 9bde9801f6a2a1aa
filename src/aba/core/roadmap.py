"""The buyer's roadmap: a B2B sale's stages and the customer advances that move a buyer on.

Teams start from this default and edit their own stages; coaching and the review read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RoadmapStage:
    name: str
    typical_advances: tuple[str, ...]


DEFAULT_ROADMAP: tuple[RoadmapStage, ...] = (
    RoadmapStage(
        "Prospecting",
        ("Customer agrees to a discovery meeting on a date",),
    ),
    RoadmapStage(
        "Discovery",
        (
            "Customer introduces the decision maker or budget holder",
            "Customer shares requirements or data by a date",
        ),
    ),
    RoadmapStage(
        "Demo",
        ("Customer attends a demo with the stakeholders on a date",),
    ),
    RoadmapStage(
        "Evaluation",
        (
            "Customer starts a trial or pilot with agreed success criteria",
            "Customer starts the technical and security review",
        ),
    ),
    RoadmapStage(
        "Proposal",
        ("Customer books a proposal review meeting with the decision maker",),
    ),
    RoadmapStage(
        "Negotiation",
        (
            "Customer brings procurement to negotiate commercial terms",
            "Customer signs the contract or issues the PO",
        ),
    ),
)
