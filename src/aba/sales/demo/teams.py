"""What each demo team sells, to whom, and the words its reps use about it.

Every phrase here is read by the note writer; none may contain a date expression (a test checks
that notes hold no date phrase other than their commitments' due dates).
"""

from __future__ import annotations

from dataclasses import dataclass

from aba.core.vocabulary import BuyingRole


def lines(text: str) -> tuple[str, ...]:
    """A pool of phrases written one per line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class TeamProfile:
    name: str
    industries: tuple[str, ...]
    reorder_share: float  # share of the team's accounts that re-order
    amount_median: float
    account_formats: tuple[str, ...]  # {company}, {last}, {city}
    products: tuple[str, ...]  # what a deal is for, as in an opportunity name
    titles: dict[BuyingRole, tuple[str, ...]]
    data: tuple[str, ...]  # what a customer can send us
    trials: tuple[str, ...]
    reviews: tuple[str, ...]
    review_docs: tuple[str, ...]
    stakeholders: tuple[str, ...]
    areas: tuple[str, ...]
    pains: tuple[str, ...]
    facts: tuple[str, ...]  # what a rep learns; {dm}, {competitor}, {money}
    insights: tuple[str, ...]  # value we bring: {product}
    criteria: tuple[str, ...]
    competitors: tuple[str, ...]
    batches: tuple[str, ...]  # what a re-order account re-orders
    rep_items: tuple[str, ...]  # "what I will do|the action stored"
    specialist: str


SOFTWARE = TeamProfile(
    name="Enterprise Software",
    industries=lines("""
        Banking
        Insurance
        Retail
        Logistics
        Telecoms
        Media
        Energy
        Higher education
    """),
    reorder_share=0.08,
    amount_median=60_000,
    account_formats=lines("""
        {company}
        {company}
        {company}
        {last} Financial
        {last} Insurance Group
        {city} Logistics
        {last} Retail Group
        {city} Energy
    """),
    products=lines("""
        Analytics platform
        Workflow suite
        Data integration
        Reporting modernisation
        Customer portal
        Finance close automation
    """),
    titles={
        BuyingRole.DECISION_MAKER: lines("CIO\nCFO\nCOO\nVP Engineering\nChief Data Officer"),
        BuyingRole.INFLUENCER: lines("IT Director\nHead of Data\nEnterprise Architect"),
        BuyingRole.CHAMPION: lines("BI Manager\nHead of Analytics\nFinance Systems Lead"),
        BuyingRole.USER: lines("Data Analyst\nFinance Analyst\nOperations Analyst"),
        BuyingRole.GATEKEEPER: lines("Procurement Manager\nExecutive Assistant\nVendor Manager"),
    },
    data=lines("""
        their report inventory
        a sample data extract
        user numbers by department
        the list of systems we'd integrate with
        their current licence costs
    """),
    trials=lines("POC\npilot\nsandbox trial"),
    reviews=lines("security review\narchitecture review\nvendor risk assessment"),
    review_docs=lines("security questionnaire\nDPA mark-up\nvendor risk form"),
    stakeholders=lines("""
        IT and finance
        the data team
        two of the regional leads
        the whole analytics team
    """),
    areas=lines("reporting process\ndata stack\napproval workflow\nmonth-end close"),
    pains=lines("""
        the finance team spends three days in spreadsheets at every month-end close
        their legacy BI tool is out of support
        every department keeps its own version of the numbers
        they lost two analysts and the report backlog keeps growing
        the auditors flagged the manual steps in their close
        their data warehouse project stalled and the board noticed
    """),
    facts=lines("""
        Budget is around {money} and sits with {dm}
        {dm} signs off anything over {money}
        They're also looking at {competitor}
        Their contract with {competitor} is up for renewal
        IT wants single sign-on before anything goes live
        Nobody owns data quality at the moment
        They run about forty reports by hand
        Finance is the real sponsor, not IT
    """),
    insights=lines("""
        showed how a similar bank cut its close by two days with {product}
        walked them through the benchmark on report turnaround times
        shared the data-governance checklist we use with other customers
        mapped their reporting flow on the whiteboard and found three manual hand-offs
    """),
    criteria=lines("""
        three dashboards live and signed off by finance
        SSO working with their directory
        data refresh under an hour
    """),
    competitors=lines("Datacore\nVantix\nNimbus BI\nan in-house build"),
    batches=lines("licence true-up\nadditional seats\nsupport renewal"),
    rep_items=lines("""
        send over the proposal|send the proposal
        get pricing across|send pricing
        send a case study from a similar firm|send a case study
        put together the ROI model|send the ROI model
        set up the sandbox|set up the sandbox
        send two reference contacts|send references
        draft the success criteria|draft the success criteria
        send the security pack|send the security pack
    """),
    specialist="our solutions architect",
)

INDUSTRIAL = TeamProfile(
    name="Industrial Supplies",
    industries=lines("""
        Automotive
        Food processing
        Aerospace
        Metal fabrication
        Packaging
        Chemicals
        Construction
    """),
    reorder_share=0.35,
    amount_median=22_000,
    account_formats=lines("""
        {company}
        {company}
        {last} Fabrication
        {city} Precision Engineering
        {last} & Sons Manufacturing
        {last} Packaging
        {city} Foods
        {last} Components
    """),
    products=lines("""
        Cutting tools
        Safety gloves
        Hydraulic fittings
        Vending cabinets
        Bearings programme
        Abrasives
        PPE range
    """),
    titles={
        BuyingRole.DECISION_MAKER: lines("Operations Director\nPlant Manager\nSite Director"),
        BuyingRole.INFLUENCER: lines(
            "Maintenance Manager\nEngineering Manager\nProduction Manager"
        ),
        BuyingRole.CHAMPION: lines(
            "Maintenance Supervisor\nStores Supervisor\nHealth & Safety Lead"
        ),
        BuyingRole.USER: lines("Maintenance Technician\nMachine Operator\nStoreman"),
        BuyingRole.GATEKEEPER: lines("Purchasing Manager\nBuyer\nSite Administrator"),
    },
    data=lines("""
        their consumption figures
        the current supplier's price list
        a list of part numbers
        the last six months of spend
        the downtime log for line 3
    """),
    trials=lines("line trial\nvending cabinet trial\nglove trial"),
    reviews=lines("site survey\nstock audit\nsafety assessment"),
    review_docs=lines("supplier approval form\nH&S questionnaire\ncredit application"),
    stakeholders=lines("""
        the maintenance team
        the shift leads
        purchasing and H&S
        the plant manager and two supervisors
    """),
    areas=lines("stores process\nmaintenance schedule\nPPE issue process\nline changeovers"),
    pains=lines("""
        tool breakages on line 3 are costing them hours of downtime
        they ran out of gloves twice and had to buy at retail prices
        their supplier keeps missing delivery windows
        nobody knows who takes what from stores
        H&S flagged cut injuries on the packing line
        they carry far too much slow-moving stock
    """),
    facts=lines("""
        Spend on consumables is about {money} a year
        {dm} has to approve any new supplier
        They buy most of it from {competitor}
        {competitor} put prices up and nobody is happy about it
        Stores is only staffed on day shift
        The site is going for a safety award
        Purchasing is measured on unit price, maintenance on uptime
    """),
    insights=lines("""
        showed the usage data from a similar plant that cut tool spend by 18%
        did a walk of the line and spotted two glove types doing the same job
        brought samples of the new cut-resistant glove for the team to try
        explained how a vending cabinet takes stores out of the loop on night shift
    """),
    criteria=lines("""
        20% fewer tool changes on the trial line
        no stock-outs over the trial
        spend per shift down 10%
    """),
    competitors=lines("Northline Supply\nApex Industrial\nthe local distributor\nMacro Fasteners"),
    batches=lines("""
        glove re-order
        consumables top-up
        cutting tools order
        bearing restock
        abrasives order
    """),
    rep_items=lines("""
        send over a quote|send a quote
        get samples out to the site|send samples
        send the usage report|send the usage report
        book our engineer for a site survey|book the site survey
        send the cabinet spec sheet|send the spec sheet
        put together a consolidation proposal|send the proposal
        check stock on the new range|check stock
    """),
    specialist="our applications engineer",
)

MEDICAL = TeamProfile(
    name="Medical Devices",
    industries=lines("""
        Hospitals
        Private clinics
        Ambulatory surgery centres
        Diagnostic labs
        Care homes
    """),
    reorder_share=0.18,
    amount_median=45_000,
    account_formats=lines("""
        {city} General Hospital
        {city} University Hospital
        St {first}'s Hospital
        {last} Surgical Centre
        {last} Medical Group
        {city} Diagnostics
        {company}
        {last} Care Homes
    """),
    products=lines("""
        Infusion pumps
        Patient monitors
        Surgical staplers
        Portable ultrasound
        Wound-care range
        Procedure packs
    """),
    titles={
        BuyingRole.DECISION_MAKER: lines(
            "Chief Nursing Officer\nFinance Director\nHead of Procurement\nMedical Director"
        ),
        BuyingRole.INFLUENCER: lines(
            "Theatre Manager\nBiomedical Engineering Lead\nConsultant Surgeon"
        ),
        BuyingRole.CHAMPION: lines("Clinical Nurse Specialist\nSenior Charge Nurse\nTheatre Lead"),
        BuyingRole.USER: lines("Staff Nurse\nTheatre Practitioner\nRadiographer"),
        BuyingRole.GATEKEEPER: lines(
            "Procurement Officer\nPractice Manager\nPA to the Medical Director"
        ),
    },
    data=lines("""
        their usage by ward
        the incident reports on the old pumps
        procedure volumes
        the tender spec
        the asset list from biomed
    """),
    trials=lines("clinical evaluation\nward trial\nevaluation in theatres"),
    reviews=lines("value analysis review\nclinical governance review\nbiomed acceptance testing"),
    review_docs=lines("PQQ\nclinical evaluation form\ntender response"),
    stakeholders=lines("""
        the ward managers
        biomed and the theatre team
        two consultants
        the infection control lead
    """),
    areas=lines("theatre scheduling\nward stock process\ndevice maintenance\ndischarge process"),
    pains=lines("""
        their pump fleet is ten years old and failing safety checks
        theatre turnaround is slow and lists overrun
        nurses waste time hunting for monitors
        pressure ulcer rates are above target
        a recall hit their current stapler supplier
        agency staff struggle with three different pump models
    """),
    facts=lines("""
        Capital budget is around {money} and {dm} holds it
        Anything over {money} goes to the value analysis committee
        They're on a framework with {competitor}
        {competitor} has had supply problems all winter
        Biomed wants one pump model across the trust
        They're building a new theatre block
        Infection control has a veto on anything near the patient
    """),
    insights=lines("""
        shared outcome data from a trust that cut pump errors by a third with {product}
        ran a short in-service session for the nurses on the new dressing
        brought our clinical specialist to answer the infection-control questions
        showed the total-cost model including servicing, not just the unit price
    """),
    criteria=lines("""
        nurse sign-off on usability
        no adverse incidents over the evaluation
        set-up time under five minutes
    """),
    competitors=lines("MedTrek\nHalden Medical\nthe framework supplier\nOrtholine"),
    batches=lines("""
        procedure pack re-order
        dressings top-up
        consumables order
        staple cartridge restock
    """),
    rep_items=lines("""
        send the clinical evidence pack|send the clinical evidence
        get a quote over|send a quote
        book our clinical specialist for a ward visit|book the clinical specialist
        send the total-cost model|send the total-cost model
        send two reference sites|send references
        draft the evaluation protocol|draft the evaluation protocol
        send the service contract terms|send the service terms
    """),
    specialist="our clinical specialist",
)

TEAMS: tuple[TeamProfile, ...] = (SOFTWARE, INDUSTRIAL, MEDICAL)
