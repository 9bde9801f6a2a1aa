"""Cue lexicons for the outcome: orders, lost deals, and the rep asking.

Lowercase patterns, compiled case-sensitive and matched on the lowercased note (see lexicon).
"""

from __future__ import annotations

import re

from aba.core.reading.fastrx import fast


def _rx(pattern: str) -> re.Pattern[str]:
    return fast(re.compile(pattern))


# A signed document asked for again is this call's service, not its order: "a copy of the
# signed contract for their auditors", "the signed POD for a dispute".
_SIGNED_PAPER = (
    r"signed(?<!copy\sof\sthe\ssigned)(?<!copies\sof\sthe\ssigned)(?<!copy\sof\ssigned)"
    r"(?!\s(?:pod|proof\sof\sdelivery|delivery\s(?:note|docket|ticket|receipt|slip)|docket"
    r"|timesheets?|packing\sslip|job\ssheets?|service\sreport|receipts?)\b)"
)
ORDER = _rx(
    rf"\b(?:{_SIGNED_PAPER}|countersigned|counter-signed|inked|closed\s?/\s?won|p\.o\.|po\s?#|po\s\d+"
    r"|po(?:'s|\sis)\s(?:in|here|through|on\sits\sway)|po\s(?:will|to)\sfollow|po\s(?:landed|came"
    r"\sthrough)|the\sverbal|award\sletter|contract\saward(?:ed)?|(?:deposit|payment)\s(?:paid"
    r"|received|in\b|came\sin)|paid\sthe\s(?:deposit|invoice)|it's\sofficial|done\sdeal|upsold"
    r"|confirmed\s(?:the\s)?(?:purchase|deal|renewal|contract)|sent\s(?:\S+\s){0,3}order\b"
    r"|(?:contract|renewal|deal|agreement|paperwork|sow|msa|order\sform)(?:'s|\shas\sbeen|\sgot)"
    r"\s(?:signed|countersigned|done)|verbal(?:ly)?\s(?:\w+\s){0,2}(?:from|on)\b"
    r"|(?:repeat|rush|top-up|follow-on|new|first|second|monthly|weekly|annual|bulk)\sorder\b"
    r"|(?:took|taken|logged|entered|processed|booked|keyed)\s(?:\S+\s){0,2}order|order\s?#"
    r"|order\s(?:number|no\.?)\s?\d|wants?\s\d+\smore|(?:another|extra)\s\d+\s(?:cases|units|pallets"
    r"|drums|rolls|boxes|seats|licen[cs]es)|po\s(?:received|recieved|rec'd|recd|issued"
    r"|came|arrived|sent|number|#|to\sfollow|is\scoming|is\sbeing\sraised|raised|cut|in\b)"
    r"|(?:received|recieved|got|have|issued|raised|raising|cut|sent(?:\s(?:us|me|over))?|placed"
    r"|confirmed)\s(?:\S+\s){0,3}(?:po|pos|purchase\sorder)\b|purchase\sorder"
    r"|placed\s(?:\S+\s){0,3}(?:orders?|po)|order\s(?:for\s[^.;]{0,40}\s)?(?:placed|confirmed"
    r"|signed|in\b|received|processed)|closed[- ]won|closed\sthe\sdeal|deal\sclosed|we\swon"
    r"|won\sthe\s(?:deal|business|contract|bid|tender)|verbal(?:ly)?\s(?:award|yes|commit"
    r"|commitment|agreement|ok|go|approval|confirmation|for)|verbal(?:ly)?\s(?:awarded|agreed"
    r"|committed|accepted|confirmed)|awarded\sus|gave\sus\sthe\s(?:business|contract|deal"
    r"|order)|(?:board|committee|council|trustees|governors)\s(?:has\s|have\s)?(?:approved|signed"
    r"\soff)(?=\s*[!.]|\s(?:it|the\s(?:purchase|contract|deal|spend|proposal|quote|order"
    r"|subscription|agreement|renewal|membership)))"
    r"|sold\s(?:them|him|her|the\s(?:client|customer))\s|(?:got|received|have)\s(?:the\s"
    r"|their\s|her\s|his\s)?signatures?\b|signatures?\s(?:received|back|done|in)|signed\scopy"
    r"\s(?:back|received|in)|order(?:'s|\sis|\shas)\s(?:in|through|placed|confirmed|booked|gone"
    r"\sin)|closed\s[$£€]?\d[\d.,]*k?|expanded\s(?:to|by)\s\d+|(?:invoice|deposit)\s(?:paid|settled)"
    r"|paid\sin\sfull|(?:took|taken|processed)\s(?:the\s)?(?:card\s)?payment|payment\s(?:taken"
    r"|processed|went\sthrough|cleared)|awarded\s(?:us\s)?the\s(?:contract|tender|bid|business"
    r"|deal|work)(?!\sto\s(?!us\b))|order\s(?:submitted|sent\sin|went\sthrough|booked|logged"
    r"|keyed|done)|submitted\s(?:the\s|their\s|an?\s)?order|(?:usual|monthly|weekly|regular"
    r"|standing)\s(?:\w+\s)?top-?up|topped\sup|top-?up\sof\s\d|committed\sto\s(?:\d+|all|the"
    r"\sfull)\s(?:\w+\s)?(?:seats|licen[cs]es|units|users|cases|pallets|rollout|order)"
    r"|(?:renewal|contract|subscription|licen[cs]e|agreement)\s(?:extended|renewed)"
    r"|extended\s(?:the\s|their\s)?(?:contract|renewal|subscription|licen[cs]e|agreement)"
    r"|(?:agreed|decided|committed)\sto\s(?:buy|purchase|go\sahead|proceed\swith\sthe"
    r"\spurchase|sign\sthe\s(?:order|contract))|bought(?!\sin|\sout)|purchased|(?:renewal|contract|deal"
    r"|agreement|order|licence|license)\s(?:is\s|was\s)?(?:signed|done|executed|booked|closed"
    r"|countersigned)|renewed|signed\sthe\srenewal"
    r"|going\sahead\swith\s(?:the\s)?(?:purchase|order|deal|contract)|green[- ]?lit|greenlit"
    r"|approved\s(?:the|our|my)\s(?:purchase|order|deal|contract|spend|po|quote|proposal)"
    r"(?!\sfor\s(?:a|the)\s(?:pilot|trial|poc))|sign(?:ed)?\son\sthe\sdotted\sline"
    # "I asked him to sign and he did", "Pushed her to sign b4 month end and she did"
    # (the cue ends at "sign": "and he did" opens a clause of its own)
    r"|(?:asked|pushed)\s(?:him|her|them)\sto\s(?:sign|order)\b(?=[^.;\n]{0,40}?\s(?:and|&)\s"
    r"(?:he|she|they)\s(?:did|signed)\b)"
    r"|(?:rang|phoned|called|emailed|sent|put)\s(?:in|through)\s(?:their|the|his|her)\s(?:usual"
    r"|weekly|monthly|quarterly|regular|standing|normal)\b|(?:usual|weekly|monthly|quarterly)"
    r"(?=\s*[-–—:]\s*\d)|confirmed\sthe\susual|po\s(?:coming|by\semail|incoming|due)"
    r"|(?:emailed|e-mailed|mailed|faxed)(?:\s(?:us|me|over))?\s(?:\S+\s){0,3}(?:po|purchase\sorder)"
    r"|we\sgot\sthe\s(?:deal|order|business)|ordered|reorder(?:ed)?|re-order(?:ed)?"
    r"|usual\s(?:\w+\s){0,2}order|standing\sorder|called\sin\s(?:their|an?|the)\s(?:[\w-]+\s){0,2}"
    r"order|accepted\s(?:the|our)\s(?:quote|proposal|offer)|closed\s(?:it|them|the\saccount)"
    r"|^closed!|contract\sback|(?:going|went|go|gone)\swith\sus|(?:chose|picked|selected)\sus"
    r"|we(?:'ve|\shave)?\s(?:been|were)\s(?:selected|chosen|awarded)(?!\s(?:for\s(?:the\s)?(?:final"
    r"|next|second|last|short)|as\s(?:a\s)?finalist|to\s(?:present|pitch)))"  # (a round, no award)
    r"|we\sgot\sthe\s(?:contract|tender"
    r"|bid|business|order|deal)|(?:confirmed|put\sin|booked)\s(?:the\s|their\s|an?\s)?order"
    r"|order\swent\sin|gave\sus\sthe\s(?:green\slight|go-ahead|nod)|green\slight|go-ahead"
    r"|said\syes\sto\s(?:the\s|our\s)?(?:\w+\s)?(?:quote|proposal|order|purchase|contract|deal)|signed"
    r"\soff\son\s(?:the\s)?(?:purchase|quote|proposal|order|spend)|paid\s(?:the\s)?(?:deposit"
    r"|invoice|upfront)|e-?signed|docusign(?:ed|\scomplete\w*|\sback|\sdone)|deal\sdone|closed\sit|added\s\d+\s(?:more\s)?"
    r"(?:seats|licen[cs]es|users|units)|bought\s\d+|upgraded\sto|it's\sa\sgo|we're\sa\sgo"
    r"|they're\sa\sgo|won\s(?:it|the\saccount|the\srenewal)|deal\swon|^won\b"
    r"|took\s(?:another\s)?(?:\d[\d,]*|a|an|one|two|three|four|five|six|ten|twelve|twenty)\s"
    r"(?:more\s)?(?:cs|cases?|units|pallets|bags|drums|rolls|boxes|bundles|cartons|pcs|pieces"
    r"|gal|gallons|totes|kits|skids|sets|dozen|tons|lbs|ea|each|litres|liters|kg|tonnes)\b"
    r"|said\syes\son\sthe\s(?:\d|order|quote|deal)|po\s(?:comes|follows)"
    r"|po\s(?:\S+\s){0,6}?(?:showed\sup|arrived|came\sin|landed)|finali[sz]ed\s(?:our|the)\s"
    r"(?:offer|order|quote|proposal|contract|deal)|we\s(?:were|have\sbeen|'ve\sbeen)\ssuccessful"
    r"|letter\sof\s(?:acceptance|award)|(?:regular|usual|normal)\sorder\b|confirm\s(?:the\s)?order"
    r"|order\s(?:\S+\s){0,2}(?:recvd|rec'd|recd|recieved|received)"
    r"|(?:purchase|spend|order|capital\srequest|capex|units|po)\s(?:was\s|were\s|got\s|has\sbeen\s"
    r"|have\sbeen\s)?approved|re-?upped|^order\s*[-:–]|order\s(?:number|no\.?|#)\s(?:came|received"
    r"|issued|through)|(?:confirmed|said)\s(?:they're|they\sare|she's|he's|they'll\sbe)\sbuying"
    r"|award\snotice|notice\sof\saward|notice\sto\sproceed"
    # train13: "Received order from Tsukimori", "award us the PD controller", "released Q2
    # schedule PO", "March call-off placed", "buyer place June order as forecast"
    r"|received\s(?:an?\s|the\s|their\s)?(?:\S+\s)?order\s(?:from|for)|award\sus|released\s(?:[\w-]+\s){0,4}po"
    r"|call-?off\s(?:\S+\s){0,2}placed|placed\s(?:\S+\s){0,3}call-?off|place\s(?:\S+\s){0,2}order\sas"
    # train16: "put thru their 2nd OCS order", "executed the engagement letter", "STATUS: WON"
    r"|put\s(?:thru|through|in)\s(?:their|the|his|her|an?)\s(?:\S+\s){0,3}order"
    r"|executed\s(?:the\s|our\s|their\s)?(?:[\w-]+\s){0,2}(?:agreement|contract|sow|msa|lease"
    r"|engagement\sletter|order\sform|subscription)|status\s?[:=-]\s?(?:closed[\s-])?won"
    # train16/17: "placed 4 cs amaro", "texted their order", "gave verbal order", "confirmed by
    # phone the order", "opened another title order", "rang in their renewal", "PO emailed at
    # 10:15", "is in for $250k", "Order form from X landed", and in Portuguese and Spanish
    r"|placed\s\d+\s(?:cs|cases|units|pallets|bags|boxes|cartons|kegs|btl|bottles)"
    r"|(?:texted|phoned|rang|called|emailed)\s(?:in\s|through\s)?(?:their|the|his|her)\s(?:\S+\s)?"
    r"(?:order|renewal)|verbal\sorder|confirmed\sby\s(?:phone|email)\s(?:the\s|their\s|an?\s)?order"
    r"|opened\s(?:another|a|an|\d+)\s(?:new\s)?(?:\S+\s)?order|po\s(?:emailed|landed)"
    r"|(?:is|are|'s)\sin\sfor\s[$£€]\d[\d.,]*[km]?|order\sform\s(?:\S+\s){0,4}(?:landed|came|arrived|received)"
    r"|pedido\s(?:de\scompra|assinado)|assinou\s(?:o\s)?(?:pedido|contrato)|fechou\s(?:mais\s)?\d"
    r"|^fechado|cerramos|mand[óo]\s(?:la\s)?oc|firm[óo]\s(?:la\s|el\s)?(?:propuesta|contrato|pedido)"
    r"|renovou|dio\sel\ss[íi]"
    # train19: French and Italian order words ("bon de commande reçu", "sent the bon de
    # commande", "ordine by mail oggi", "Riordino X"), a dealer "lifted 600 bags", a garage
    # "rang through 2 clutch kits", a rep's "stock order ~$3,200"
    r"|bon\sde\scommande\s(?:re[çc]u|sign[ée]|envoy[ée]|arriv[ée])|(?:sent|envoy[ée]|re[çc]u"
    r"|received|got)\s(?:\S+\s){0,2}bon\sde\scommande|commande\s(?:re[çc]ue|pass[ée]e|confirm[ée]e"
    r"|sign[ée]e)|ordine\s(?:ricevuto|firmato|confermato|arrivato|by\smail|via\smail|per\smail"
    r"|by\se-?mail)|ordine\sformale\s(?:ricevuto|arrivato)|^riordino"
    r"|lifted\s\d[\d,]*\s(?:bags|mt|tons|tonnes|cartons|boxes|drums|pcs|units)"
    r"|rang\s(?:through|thru|in)\s\d+|stock\sorder(?=\s~?[$£€]?\d)"
    # train20: "Agreed 6 pallets at £14.20/kg", "he confirmed 1200 bags", "called in Feb allocation"
    r"|(?:agreed|confirmed|committed\sto)\s\d[\d,]*\s(?:x\s)?(?:cs|cases?|units|pallets|bags|drums"
    r"|boxes|cartons|kegs|tons|tonnes|mt|fcl|containers|loads)\b"
    r"|called\sin\s(?:their\s|an?\s|the\s)?(?:[\w-]+\s){0,2}allocation"
    # construction and Gulf trade: "subcontract executed", "LOI in hand", "PCSA signed",
    # "CCDC 17 signed", "received the LPO", "alt 3 accepted", "change order signed"
    r"|(?:subcontract(?:\sagreement)?|loi|letter\sof\sintent|pcsa|ccdc\s?\d*|lpo)\s(?:is\s|was\s)?"
    r"(?:in\shand|received|rec'd|signed|executed|issued|countersigned)"
    r"|(?:received|got|have)\s(?:the\s|their\s|an?\s)?(?:lpo|loi|letter\sof\sintent)\b"
    r"|(?:alt|alternate)\s#?\d+\s(?:accepted|approved)|change\sorder\s(?:signed|approved|executed)"
    # train24: "confirmed the Christmas order", "call-off no. 7 ... received", "wired the $480k
    # into his managed account", "booked their monthly EUR forward"
    r"|confirmed\s(?:the|her|his|their)\s(?:[\w-]+\s){0,2}order\b(?!\s(?:of|in)\b)"
    r"|call-?off\s(?:no\.?\s?\d+\s)?(?:\S+\s){0,5}(?:received|released|issued)"
    r"|wired\s(?:the\s)?[$£€]?\d[\d,.]*[km]?\s(?:\S+\s){0,2}into"
    r"|booked\s(?:their|the|a|another)\s(?:monthly\s|usual\s|quarterly\s)?(?:\S+\s)?forward\b"
    # German, Dutch and Nordic: "Bestellung erhalten", "Auftrag erteilt", "opdracht gegund",
    # "Vertrag unterschrieben", "order ontvangen", "beställning mottagen", "ordre bekræftet"
    r"|(?:bestellung|auftrag|po|bestelling|opdracht|order|best[äa]llning|ordre)"
    r"\s(?:ist\s)?(?:erhalten|eingegangen|bekommen|erteilt|ist\sda|da|ontvangen|binnen"
    r"|geplaatst|gegund|verstrekt|mottagen|inkommen|lagd|modtaget|bekr[æa]ftet|placeret)"
    r"|auftragsbest[äa]e?tigung|(?:vertrag|contract|avtal|avtalet|kontrakt|aftale)"
    r"\s(?:ist\s)?(?:unterschrieben|unterzeichnet|getekend|ondertekend|signerat|underskrivet"
    r"|underskrevet)"
    # train38, the customer's own words: "please go ahead with option B" (not a trial or a
    # demo), "PO BS-1186 attached", "consider this our confirmation", "the committee approved
    # your bid", "the LPO will be issued Monday", "raise the invoice for the 50%", "same as last
    # month pls, 12 sacks", "we'll sign the three-year", "I'll sign it Friday"
    r"|go\sahead\swith\s(?![^.;,\n]{0,40}?\b(?:trials?|pilots?|poc|demo|survey|visit|meeting|call"
    r"|review|assessment|test|feasibility|workshop|evaluation|us)\b)"
    r"|po\s(?:\S+\s){0,2}attached|attached\s(?:is\s)?(?:our|the|my)\s(?:signed\s)?(?:po|purchase"
    r"\sorder|order)\b|consider\sthis\s(?:as\s)?(?:our|my)\s(?:formal\s|written\s)?(?:confirmation"
    r"|order|acceptance|po)|approved\s(?:your|our|the)\s(?:bid|tender|quotation|offer)"
    r"|l?po\swill\sbe\s(?:issued|raised|sent)|raise\s(?:the|an|your)\s(?:\S+\s)?invoice"
    r"|same\sas\slast\s(?:time|month|week|order)(?=[,.:;!]?\s(?:pls|please|thanks|thx|\d|can\su"
    r"|can\syou|deliver)|\s*$)|same\sorder\sas\slast|(?:we'll|we\swill|i'll|i\swill)\ssign"
    r"\s(?:the|it))\b"
)
# "the project is cancelled", but not "the meeting was cancelled": each auxiliary leads its own
# alternative, so the pattern still starts with a letter (see fastrx).
_CANCELLED_NOT_A_MEETING = "".join(
    rf"|{aux}"
    + "".join(
        rf"(?<!{noun}\s{aux})"
        for noun in (
            "meeting",
            "call",
            "demo",
            "visit",
            "mtg",
            "appointment",
            "session",
            "flight",
            "trip",
            "train",
        )
    )
    + r"\s(?:now\s|just\s)?(?:cancel(?:l)?ed|scrapped|axed|canned|shelved|binned)\b"
    for aux in ("is", "was", "got", "been", "are", "were")
)
# "Thanksgiving so the office is dead", "my phone is dead": quiet or flat, not a lost deal
_QUIET_PLACES = ("office", "market", "town", "week", "place", "floor", "store", "shop", "phone")
_QUIET = "".join(rf"(?<!{p}\s)" for p in _QUIET_PLACES)
_QUIET_IS = "".join(rf"(?<!{p}\sis\s)" for p in _QUIET_PLACES)
NO_SALE = _rx(
    r"\b(?:(?:went|gone|going|decided\sto\sgo)\sw/\s?(?!us\b|our\b)|(?:asked|asks|wants)\sto\sbe"
    r"\s(?:removed|taken\soff|unsubscribed)|remove\sme\sfrom|take\sme\soff|taken\soff\s(?:the|our"
    r"|your|all)\s(?:\w+\s)?(?:list|lists)|cease\s(?:all\s)?(?:\w+\s)?contact|dnc\slist"
    r"|(?:it|this|that)(?:'s|\shas|\swas)?\sbeen\s(?:shelved|cancel(?:l)?ed|scrapped|killed|axed"
    r"|dropped|pulled|parked)|(?:event|expo|show|conference|fair)\s(?:was\s|has\sbeen\s|got\s)?"
    r"cancel(?:l)?ed"
    r"|(?:went|gone|go|going|decided\sto\sgo|chose\sto\sgo)\swith\s(?!us\b|our\b|the\s"
    r"(?:premium|standard|basic|pro|enterprise|annual|monthly|bigger|smaller|larger|full|first"
    r"|second|higher|lower|recommended|\d)|a\s(?:trial|pilot|demo|poc)|it\b|that\b|this\b|option"
    r"|plan|package|tier|\d)|removed?\sfrom\s(?:our|the|your)\s(?:list|mailing|crm|database)"
    r"|take\s(?:her|him|them|us)\soff|declined|decline|not\sinterested|no\slonger\sinterested"
    r"|lost\s(?:the\s)?(?:deal|bid|tender|opportunity|it\sto|to|on|the\s\w+\scontract)|lost(?=\s*(?:[.!;\n]|$))"
    r"|(?:we|account|opp|deal)\slost|lost\s[a-z]+(?:\s[a-z]+)?\sto\b|chose\s(?!us\b)"
    r"|chosen\s(?!us\b)|(?:picked|selected)(?<!were\spicked)(?<!were\sselected)(?<!been\sselected)\s"
    r"(?!us\b|our\b|\d|a\s(?:date|day|time|slot)|the\s\d|up\b|out\b|for\b)"
    # "they signed with Veltrax", but "PCSA signed with Opiela" and "signed copy back with our
    # bonds" are ours
    r"|(?<!contract\s)(?<!agreement\s)(?<!pcsa\s)(?<!loi\s)(?<!order\s)(?<!\d\s)signed"
    r"\s(?:(?!after\b|before\b|during\b|following\b|on\b)\S+\s){0,5}with\s(?!us\b|me\b|our\b|my\b)"
    r"|(?:project|initiative|budget|deal|opportunity|rfp|programme|program|purchase|evaluation"
    r"|search|tender|funding|spend|pilot|lot|launch)(?:'s|\s(?:was|is|got|has|had|have|were))?"
    r"(?:\sbeen)?\s(?:cancel(?:l)?ed|killed|scrapped|shelved|cut|pulled|dead|axed"
    r"|frozen(?!\s(?:till|until|til))"
    r"|canned|binned|dropped|stopped|halted|off)|(?:cancel(?:l)?ed|killed|scrapped|shelved"
    r"|froze|frozen|freezing|pulled)\s(?:the\s|all\s|its\s|their\s)?(?:whole\s)?(?:[\w-]+\s){0,3}"
    r"(?:project|initiative|rfp|search|evaluation|order|spend|purchases|budget|programme"
    r"|program)|do\snot\s(?:contact|call|email)|don't\s(?:contact|call|email)|do-not-(?:contact|call)"
    # "please do not visit or call him", not "don't ring him the Friday before Easter"
    r"|(?:do\snot|don't)\s(?:visit|ring|phone)\s(?:or\s(?:call|email|contact)|(?:\w+\s)?(?:again|any\s?more))"
    r"|not\sto\s(?:call"
    r"|contact|email|follow\sup)|stop\s(?:contacting|calling|emailing|sending|ringing|phoning|texting|visiting)|remove\s(?:them"
    r"|us|her|him)\sfrom|unsubscribe|not\s(?:moving|going)\s(?:forward|ahead)|(?:won't|wont|will\snot)\sbe\s(?:moving"
    r"|going)\s(?:forward|ahead)|closed[- ]lost|no\sdeal|dead\sdeal|deal\sis\sdead"
    rf"|{_QUIET}is\sdead|{_QUIET_IS}dead(?=\s*(?:[.!;\n]|$))|passed\son|pass\son"
    r"|turned\s(?:us\s)?down|rejected|no\slonger\sneed"
    r"|not\sa\sfit|no\sfit|not\sfit\s(?:for\s|their\s|with\s)|keep(?:s|ing)?\susing\s(?!us\b|our\b|me\b)|staying\swith\s(?!us\b)|stay\swith\s(?!us\b)|stick(?:ing)?\swith\s(?:their|the"
    r"\scurrent|the\sincumbent)|renewed\swith|not\sbuying|won't\sbe\sbuying|not\sproceeding"
    r"|won't\sproceed|decided\sagainst|decided\snot\sto|opted\sfor|opted\sout|walked\saway"
    r"|pulling\sout|out\sof\s(?:the\s)?running|lost\sout|no\sbudget|budget\s(?:is\s|was\s)?"
    r"(?:gone|cut|frozen(?!\s(?:till|until|til))|pulled)|budget\s(?:for\s[\w\s]{1,30}\s)?(?:was\s)?cut|not\spursuing"
    r"|do[\s-]not[\s-]call|(?:does|do)(?:n't|\snot)\swant\sto\sbe\s(?:called|contacted|phoned|rung)"
    r"|not\sa\spriority|not\sthe\sright\stime|don't\scall|leave\sthem\salone|no\slonger"
    r"\spursuing|(?:going|moving|bring\w*\sit|keep\w*\sit|do\sit|build\w*(?:\sit)?)\sin[\s-]house"
    r"|in[\s-]house\s(?:build|tool|solution|instead)|unsuccessful|awarded\sto\s(?!us\b)|isn't\sthere|not\sspending"
    r"|not\slooking\sto\schange|happy\swith\s(?:their|the)\scurrent"
    r"|moved(?<!he's\smoved)(?<!she's\smoved)(?<!he\shas\smoved)(?<!she\shas\smoved)"
    r"(?<!\bhe\smoved)(?<!\bshe\smoved)(?<!\bi\smoved)\s(?:\S+\s){0,4}to\s(?!us\b)|(?:all|business|contract|work|supply|packaging|volume)\s"
    r"(?:\S+\s){0,3}goes\sto\s(?!us\b)|consolidating\son|(?<!not\s)(?<!n't\s)closing\s(?:it"
    r"|out|down|the\sopp)|opp\sclosed|closing(?=\s*(?:[.!;\n]|$))|(?<!deal\s)(?<!sale\s)(?<!order\s)(?<!we\s)closed(?=\s*(?:[.!;\n]|$))|hands\sare"
    r"\stied|nothing\swe\scan\sdo|(?:been|was|got|has|have)\ssold\sto|acquired\sby|been\sacquired"
    r"|shutting\sdown"
    # train29: "the office expansion has been called off", "won't go ahead this financial year"
    # (led by the rarer word: a cue led by "is" or "will" is tried at every one of them)
    r"|called\soff(?:(?<=been\scalled\soff)|(?<=was\scalled\soff)|(?<=got\scalled\soff)"
    r"|(?<=is\scalled\soff))|go\sahead(?:(?<=won't\sgo\sahead)|(?<=wont\sgo\sahead)"
    r"|(?<=will\snot\sgo\sahead))"
    # train30: "cancel the trial order", "dont call till spring", "owners decided no solar this
    # yr", "merging into a group that runs Dentiq so no to us"
    r"|dont\s(?:contact|call|email)\b|decided\sno\b|\bno\sto\sus\b"
    # train14: "no point in me coming back", "stop all frame spend", "asked me to not call her",
    # "said no thx to vending ... NI.", "cancel the project of the packaging line",
    # "Cancellation confirmed from 31 December", "cancelling first aid + washroom from April"
    r"|no\spoint\sin\s(?:me|us)\s(?:coming|calling|ringing|following)|stop\sall\s(?:\w+\s)?spend"
    r"|to\snot\s(?:call|ring|contact|email|phone|visit)|said\sno\s(?:thanks?|thx)\sto\b"
    r"|ni(?=\s*[.!]?\s*$)|cancel(?:s|led|ed|ling)?\s(?:the|their|our)\s(?:[\w-]+\s){0,2}(?:contract|subscription"
    r"|order|project|evaluation|service)|cancellation\s(?:is\s)?confirmed"
    r"|cancel(?:l)?ing\s(?:(?:the|their|our|all)\s)?(?:\S+\s){0,5}(?:from|as\sof|effective)\s"
    r"|pulled\sfrom\s(?:the\s|this\s|next\s|their\s)?(?:\S+\s){0,2}(?:budget|programme|program|plan|capex|capital)"
    r"|not\srenewing|won't\sbe\srenewing|won't\srenew|not\sgoing\sto\srenew|went\sanother\sway"
    r"|another\sdirection|(?:is|was)\scancel\b|clos(?:e|ed|ing)\s(?:the|this)\s(?:opp\w*|deal|lead)"
    r"(?!\s(?:won|as\swon))|pass(?:ing|ed)?\sfor\snow|budget(?:'s|\shas)\s(?:been\s)?(?:gone|cut"
    r"|frozen|pulled)|(?:contract|business|deal|tender|work|order)\swent\sto\s(?!us\b)|(?:a\s)?different\sdirection|(?:this|it|that|deal|project|opp\w*|purchase|idea|plan)(?:'s|\sis"
    r"|\swas|\sare)?\s(?:now\s)?off\sthe\stable|dead\s(?:for\snow|in\sthe\swater"
    r"|for\sthis\syear)|(?:board|committee|leadership|management|mgmt|exec\w*|cfo|ceo|owner)"
    r"\s(?:said|says|voted)\sno(?=\s*(?:[.!;,\n]|$))|budget\s(?:got\s|was\s|has\sbeen\s)?"
    r"(?:reallocated|redirected|diverted|repurposed|slashed|clawed\sback)"
    r"|(?:decided|agreed|going|voted|chose)\sto\s(?:shelve|cancel|scrap|kill|drop|abandon|park"
    r"|pull\sthe\splug)|(?:shelved|scrapped|axed|canned|binned|abandoned|parked)\s(?:it|this"
    r"|the\s(?:idea|plan|rollout|upgrade|switch|migration|replacement|refresh|expansion"
    r"|implementation|tender|whole\sthing))|no\slonger\s(?:looking|evaluating|considering)|terminat\w+|churn\w*"
    r"|can't\sjustify|cannot\sjustify|not\sfor\sus|thanks\sbut\sno|no-go|no\sgo\b|not\sa\sgo"
    r"|on\shold\sindefinitely|indefinitely|cancel(?:l)?ing\s(?:the|their|our)\s(?:contract"
    r"|subscription|order|project|evaluation)|pulled\sthe\splug|not\sgoing\sahead"
    r"|closing\sdown|off\sebay|(?:bought|buying|went|going|sourced|sourcing|ordered|gone)\s(?:\S+\s)"
    r"{0,2}elsewhere|no\sdecision\sfor"
    r"|not\sfor\s(?:them|us|him|her|the\sbusiness)\b|(?:isn't|isnt|aren't|arent|not)\slooking"
    r"(?=\s*(?:[.!;,\n]|$|period|right\snow|at\sthe\smoment|to\s(?:change|switch|move)))"
    + _CANCELLED_NOT_A_MEETING
    + r"|cancel(?:l)?ed\s(?:the|their|its|all)\s(?!(?:\w+\s)?(?:meeting|call|demo"
    r"|appointment|appt|visit|session|mtg|webinar|workshop|trip|lunch)\b)|(?:council|district"
    r"|board|trust|owner|head\soffice|hq|corporate|parent\scompany|group)\s(?:has\s|have\s)?"
    r"(?:pulled|cancel(?:l)?ed|scrapped|shelved|killed|axed)\b|happy\swith\s(?:his|her|their"
    r"|the)\s(?:current|existing|present)|we\slost\s(?:\S+\s){1,6}?to\s|^lost\s(?:\S+\s){1,6}?to\s"
    r"|stop\sall\s(?:calls|contact|emails)|not\sdoing\s(?:it|this|the\s\w+)\s(?:this|next|at\sall)"
    r"|(?:took\sout|wiped\sout|killed|ate)\s(?:the|their|all\sthe)\sbudget|are\sdead"
    r"|dnc|happy\sw/\s(?:their|the)\scurrent|(?:zero|no)\sappetite\sto\s(?:change|switch|move)"
    r"|(?:software|upgrade|spend|everything|budget|system|platform)\s(?:is|'s|are|was)\s(?:now\s)?"
    r"off\sthe\stable|(?:solicitation|rfq|rfp|requirement|tender|bid|order|cargo|shipment|project|initiative"
    r"|programme|program|purchase)\s(?:\w+\s)?(?:cancel(?:l)?ed|withdrawn|scrapped|pulled)"
    r"|(?:doesn't|don't|does\snot|do\snot|didn't)\ssee\sthe\s(?:need|value|point)"
    r"|no\smoney\b|no\sinterest\b|no\s(?:chance|possibility)\b|budget\scuts?\b"
    r"|(?:is|are|'s)\s(?:now\s)?off(?=\s*(?:[.!;,\n]|$))|lost\sthe\s(?:\S+\s){0,5}(?:tender|bid"
    r"|deal|contract|business|account|opportunity|opp)\b|not\sto\s(?:ring|phone|call|contact"
    r"|email|send)\s(?:\w+\s)?(?:again|any\s?more)|decided\sfor\s(?:the\s)?(?:offer|proposal"
    r"|quote|solution|machine|system)\s(?:of|from)|removed?\sfrom\s(?:(?:our|the|your|all)\s)?"
    r"(?:\w+\s)?(?:list|lists|mailing|crm|database|campaigns)|cancel\s(?:his|her|their)\s"
    r"(?:number|details|contact)|(?:don't|dont|do\snot|doesn't|no\slonger)\sneed\s(?:\S+\s){0,3}"
    r"any\s?more|clos(?:e|ed|ing)\s(?:the|this)\scase"
    # train16/17: "gave the slot to Wildcraft", "We are out", "cancels all sustainability
    # projects", "taken off all campaigns", "pulled them off my route", "LOST - Haskdale",
    # "lost the streaming video renewal", "being wound down", "conflicted out", "not doing our
    # round", "please don't keep sending these", "perdimos", "no nos interesa"
    r"|gave\s(?:the|their|our)\s(?:\S+\s){0,2}(?:business|contract|work|job|tender|bid|slot"
    r"|project|account|deal|file|renewal|mandate)\sto\s(?!us\b|me\b)|we(?:'re|\sare)\sout(?=\s*[.,;!\n]|$)"
    r"|cancel(?:s|ling)\sall\s(?:\S+\s){0,2}(?:projects?|programmes?|programs?|spend|purchases)"
    r"|not\sinteresting\s(?:anymore|any\smore|for\s(?:them|us))"
    r"|(?:taken|took|pulled|removed|take)\s(?:\S+\s){0,3}off\s(?:all\s|the\s|my\s|our\s)?(?:\S+\s)?"
    r"(?:campaigns?|mailings?|route|newsletter|cadence|sequence)|come\soff\s(?:the\s|our\s)?(?:\S+\s)?"
    r"(?:update|list|newsletter|mailing)|stop\sreaching\sout|^lost(?=\s?[-–:])"
    r"|lost\sthe\s(?:\S+\s){0,3}(?:renewal|file|listing|slot)|(?:being|been|is|was)\swound\sdown"
    r"|conflicted\sout|not\sdoing\sour\s(?:round|deal|pilot|project)|(?:don't|do\snot)\skeep\s(?:sending"
    r"|emailing|calling)|not\s(?:to\s)?call\sagain|perdimos|no\s(?:nos|les|me)\sinteresa|sem\sinteresse"
    r"|como\sperdid[oa]"
    # train19: "Perdu Transport X to the Ontario vendor", "Lost Ferndale Garage.", "Loss review -"
    r"|^(?:perdu|perso|perdido|perdemos)\b|^lost\s[a-z][\w&'-]*(?:\s[a-z][\w&'-]*){0,3}(?=[.!\n])"
    r"|^loss\s(?:review|report|debrief)"
    # train24: "does not wish to be contacted", "will not be availing the loan", "won't be using
    # outdoor in 2026 at all", "transfers everything to Banque Rocheval", "closure instructions"
    r"|(?:does|do)\snot\swish\sto\sbe\scontacted|will\snot\sbe\savailing|won't\sbe\susing\s"
    r"(?:\S+\s){0,4}at\sall|rather\si\sdidn't\schase|transfers?\severything\sto\s"
    r"|closure\sinstructions"
    # German, Dutch and Nordic: "Verloren an X", "Absage erhalten", "kein Interesse", "tabt"
    r"|^(?:verloren|absage|förlorad|forlorad|tabt|tapt)\b|absage\s(?:erhalten|bekommen|per)"
    r"|(?:kein|geen|inget|ingen)\s(?:interesse|intresse)|haben\sabgesagt|hebben\safgezegd"
    r"|projekt\s(?:ist\s)?(?:gestoppt|abgesagt|gestrichen)|project\s(?:is\s)?(?:gestopt|geannuleerd)"
    r"|lost(?<=\]\slost)(?=\s?[-–:])"  # after a tag: "[W45] LOST - Haskdale"
    # train20: "Closing him out.", "he cancel the plan for 2 FCL" (second-language present)
    r"|clos(?:e|ed|ing)\s(?:him|her|them|it|the\saccount)\sout"
    r"|(?:he|she|they)\scancel\s(?:the|their|his|her|all)\s(?:plan|order|project|purchase|deal"
    r"|contract|programme|program)"
    # train31: "No to the studio flooring.", "she's not taking the chiller cabinets", "they're
    # not going to buy the ice machine"
    r"|no\sto\s(?:the|our|your)\s(?:[\w-]+\s){0,2}[\w-]+(?=\.|\n|$)|not\staking\s(?:the|our|your)\s(?!calls?\b)"
    r"|not\sgoing\sto\sbuy|(?:won't|wont|will\snot)\sbuy\b"
    # train32: "bringing the training in-house", "the tender for the school went to Bygg-Styr",
    # "they will not take the platform", "never call again", "renewed the maintenance with
    # Securalink", "take the church off all our lists", "our order will not be placed", "struck
    # the cart line from next year's budget", "the extension's been pulled", "no need for our
    # courses"
    r"|(?:bringing|brought)\s(?:\S+\s){0,4}in[\s-]house|(?:tender|contract|bid|business|work|order)\s(?:\S+\s)"
    r"{1,5}went\sto\s(?!us\b|our\b)|(?:won't|wont|will\snot)\stake\s(?:the|our|it|us)\b"
    r"|never\s(?:to\s)?(?:call|ring|contact|phone)\s(?:\w+\s)?again|renewed\s(?:\S+\s){0,5}with\s"
    r"(?!us\b|our\b|me\b)|take\s(?:\S+\s){1,3}off\s(?:all\s)?(?:our|the|your)\s(?:\S+\s)?lists?"
    r"|(?:will\snot|won't|wont)\sbe\splaced|struck\s(?:\S+\s){1,6}from\s|been\spulled"
    r"|no\sneed\sfor\s(?:our|us|it|them|the\s(?:\w+\s)?(?:upgrade|system|service|product))\b"
    # train36: "the commissioners awarded it to Sentrix", "decided to standardise on Siemens"
    r"|awarded\s(?:it|the\s(?:\S+\s){0,3}?(?:contract|tender|bid|job|work|business|deal|project))"
    r"\sto\s(?!us\b|our\b|me\b)|standardi[sz](?:e|ed|ing)\s(?:\S+\s){0,4}?on\s"
    r"(?!(?:us|our|your|one|a|an|the|this|that|their|its|single|whatever|something)\b)[a-z]+"
    r")\b"
)
# Order cues that only say a purchase is expected, not made.
ORDER_FUTURE = _rx(
    r"\b(?:will|'ll|would|could|might|may|plan(?:s|ning)?\sto|expect(?:s|ing)?\sto|hope|hoping"
    r"|likely\sto|want(?:s)?\sto|ready\sto|about\sto|going\sto|intend(?:s)?\sto|aim(?:s|ing)?\sto"
    r"|before|until|need(?:s)?\sto|yet|to\ssign|waiting\s(?:on|for)"
    r"|chasing)\b"
)

# --- the rep asking ----------------------------------------------------------------------------

# The rep asking: "asked"/"proposed" by the rep (a customer's "she asked for X" is checked
# by the word before it), or a question put to the customer.
ASKED = _rx(
    r"\b(?:asked|requested|proposed|suggested|pushed|pressed|pitched|offered|recommended"
    r"|went\sfor|tried\sto\s(?:close|book|get|set|lock)|invited|floated|put\sforward|tabled"
    r"|closed\sfor|made\sthe\sask|made\sthe\scase\sfor|raised\sthe\s(?:idea|question)\sof"
    r"|trial\sclose|my\sask|the\sask|close\sattempt|tried\sclosing|would\syou\sbe\s(?:open"
    r"|willing|able)|can\swe\s(?:book|schedule|set|get|lock)|shall\swe|why\sdon't\swe)\b"
)
NOT_ASKED = _rx(
    r"\b(?:(?:didn't|didnt|did\snot|forgot\sto|never|failed\sto|neglected\sto)\s(?:ask|push"
    r"|request|propose|suggest|raise|get\sto\s(?:ask|the\sask))\b|no\sasks?\b"
    r"|wasn't\sthe\sright\stime)"
)
# The customer acting on their own: an advance without an ask.
INITIATIVE = _rx(
    r"\b(?:(?:she|he|they)\soffered|brought\s(?:it\s)?up\son\s(?:his|her|their)\sown|on\s(?:his"
    r"|her|their)\sown|rang\sme|called\sme|called\sin|phoned\sin|out\sof\sthe\sblue|unprompted"
    r"|volunteered|without\s(?:me\s)?asking)\b"
)
