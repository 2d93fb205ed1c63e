"""The genres that name agreements and the words several of the agreement rules read as cues (concluding
verbs, determiners, plural heads, …), with the small word tests they share."""

from __future__ import annotations

from ..words import GENRE_NOUNS, MONTH_NAMES, NUMBER_WORDS, singular

__all__ = ["GENRES"]

# (genre phrase in lowercase, pact: class, only when capitalised). Longer phrases win.
GENRES: list[tuple[str, str, bool]] = [
    ("individual partnership and cooperation programme", "PartnershipProgramme", False),
    ("individually tailored partnership programme", "PartnershipProgramme", False),
    ("individual partnership action plan", "ActionPlan", False),
    ("partnership and cooperation programme", "PartnershipProgramme", False),
    ("partnership programme", "PartnershipProgramme", False),
    ("partnership program", "PartnershipProgramme", False),
    ("cooperation programme", "PartnershipProgramme", False),
    ("annual national programme", "PartnershipProgramme", False),
    # a programme that carries out a partnership already agreed, for a term of years: "the Action Programme for the
    # implementation of the Comprehensive Strategic Partnership", "the Work Programme for 2026–2028"
    ("action programme", "ActionPlan", False),
    ("action program", "ActionPlan", False),
    ("work programme", "ActionPlan", False),
    ("executive programme", "ActionPlan", False),
    ("programme", "PartnershipProgramme", True),
    ("program", "PartnershipProgramme", True),
    ("package", "PartnershipProgramme", True),
    ("joint political declaration", "JointDeclaration", False),
    ("political declaration", "JointDeclaration", False),
    ("joint declaration", "JointDeclaration", False),
    ("declaration", "JointDeclaration", False),
    ("joint statement", "JointStatement", False),
    ("joint vision statement", "JointStatement", False),
    ("joint vision", "JointStatement", True),  # "India-Oman Joint Vision: A Partnership for the Future"
    ("vision statement", "JointStatement", True),
    ("shared vision", "JointStatement", True),  # "the Shared Vision of India-Indonesia Maritime Cooperation"
    ("joint communique", "JointStatement", False),
    ("joint communiqué", "JointStatement", False),
    ("communiqué", "JointStatement", True),
    ("communique", "JointStatement", True),
    ("memorandum of understanding", "MemorandumOfUnderstanding", False),
    ("memoranda of understanding", "MemorandumOfUnderstanding", False),
    ("memorandum of cooperation", "MemorandumOfUnderstanding", False),
    ("memorandum of agreement", "MemorandumOfUnderstanding", False),  # "a memorandum of agreement on the posting …"
    ("memorandum", "MemorandumOfUnderstanding", False),
    ("mou", "MemorandumOfUnderstanding", False),
    ("letter of intent", "MemorandumOfUnderstanding", False),
    ("letter of offer and acceptance", "Agreement", False),  # a sale between governments ("LOA"), signed by both
    ("letter of acceptance", "Agreement", False),  # "signed … a letter of acceptance on the establishment of …"
    ("addendum", "Agreement", False),  # "an addendum to the Memorandum of Understanding on …" (see _amended)
    ("statement of intent", "MemorandumOfUnderstanding", False),  # "the statement of intent A and B signed in 2016"
    ("declaration of intent", "JointDeclaration", False),  # "signed the relevant declaration of intent"
    ("outcome document", "JointStatement", False),  # "the outcome document … that the three advisers adopted"
    ("framework participation agreement", "FrameworkAgreement", False),
    ("framework agreement", "FrameworkAgreement", False),
    ("framework", "PartnershipFramework", True),
    ("strategic partnership", "PartnershipFramework", True),
    ("partnership", "PartnershipFramework", True),  # "a Security and Defence Partnership" signed
    ("security and defence partnership", "PartnershipFramework", False),  # the EU's instrument, also in lower case
    ("security and defense partnership", "PartnershipFramework", False),
    ("comprehensive strategic partnership", "PartnershipFramework", True),
    ("security agreement", "Agreement", False),
    ("exchange of notes", "Agreement", False),
    ("exchange of letters", "Agreement", False),
    ("exchanged letters", "Agreement", False),  # (the verb: "the two Ministers exchanged letters on …")
    ("exchanged notes", "Agreement", False),
    ("exchanged diplomatic notes", "Agreement", False),
    ("partnership priorities", "ActionPlan", False),  # the EU's agreed priorities with a neighbour, for a term
    ("administrative arrangement", "Agreement", False),  # the European Defence Agency's with third states
    ("terms of reference", "Agreement", False),
    ("agreed minutes", "Agreement", False),  # military staff talks and border commissions: "signed the Agreed Minutes"  # "Terms of Reference for Navy-to-Navy Staff Talks" exchanged
    ("record of discussions", "Agreement", False),  # border guards' conferences: "This Joint Record of Discussions
    ("record of discussion", "Agreement", False),  # was signed at Dhaka on 28 August 2025 in two originals"
    ("package of measures", "Agreement", False),
    ("joint press statement", "JointStatement", False),
    ("trilateral statement", "JointStatement", False),  # "the war ended with a trilateral statement signed by …"
    ("tripartite statement", "JointStatement", False),
    ("plan", "ActionPlan", True),  # "Plan of Bilateral Military Cooperation for 2026", "Implementation Plan"
    ("action plan", "ActionPlan", False),
    ("work plan", "ActionPlan", False),
    ("strategic agenda", "ActionPlan", True),  # "Towards 2030: India-EU Joint Comprehensive Strategic Agenda"
    ("cooperation plan", "ActionPlan", False),  # "the bilateral military cooperation plan for 2026"
    ("plan of military cooperation", "ActionPlan", False),  # "the bilateral plan of military cooperation … for 2025"
    ("plan of bilateral military cooperation", "ActionPlan", False),
    ("plan of defence cooperation", "ActionPlan", False),
    ("roadmap", "ActionPlan", False),
    ("road map", "ActionPlan", False),
    ("treaty", "Treaty", False),
    ("protocol", "Treaty", True),
    ("accession protocol", "Treaty", False),
    ("agreement", "Agreement", False),
    ("arrangement", "Agreement", True),
    ("accord", "Agreement", False),
    ("understanding", "Agreement", True),  # "the Bicentennial Understanding on Security, Public Health and …"
    ("accords", "Agreement", False),
    ("pact", "Agreement", False),  # (also "a mutual defence pact", "the security pact Canberra signed with …")
    ("compact", "Agreement", True),  # "the EU-Jordan Compact agreed in 2016", "the Compact of Free Association"
    ("charter", "Treaty", True),
    ("statute", "Treaty", True),  # "the Statute of the Council of Europe", "the Rome Statute"
    ("convention", "Treaty", True),
    ("code of conduct", "Agreement", True),  # "the Yaoundé Code of Conduct", "the Hague Code of Conduct"
    ("statement", "JointStatement", True),  # "the ARF Statement on …", "the G7 Foreign Ministers' Statement on Syria"
    ("ceasefire", "Agreement", False),  # (concluded only, see _TRUCE_HEADS)
    ("cease-fire", "Agreement", False),
    ("truce", "Agreement", False),
    ("cessation of hostilities", "Agreement", False),
    ("cessation of hostilities arrangement", "Agreement", False),  # Israel and Lebanon's of 26 November 2024
    # acts that states sign (not a parliament's: "the … Authorization Act"): "the NATO-Russia Founding Act", "the
    # Helsinki Final Act", "the Constitutive Act of the African Union", "the Presidential Act of Brasília"
    ("founding act", "Agreement", True),
    ("final act", "Agreement", True),
    ("constitutive act", "Treaty", True),
    ("presidential act", "Agreement", True),
    ("supplementary act", "Agreement", True),  # ECOWAS's
    ("annex", "Agreement", True),  # "the Industrial Security Annex" signed on its own
    ("security commitments", "Agreement", False),  # "the Joint Security Commitments between the EU and Ukraine"
    ("guidelines", "Agreement", True),  # "the Bilateral Defense Guidelines", "the Guidelines for … Defense Cooperation"
    ("framework document", "PartnershipFramework", True),  # the Partnership for Peace's, signed by each partner
    ("document", "Agreement", True),  # "the Doha Document for Peace in Darfur", "the Vienna Document"
    ("workplan", "ActionPlan", True),  # "the three-year Workplan for FY2024-FY2026"
]

# plural-looking genre words that name one agreement ("the Agreed Minutes", "the Bilateral Defense Guidelines")
_INVARIANT = {"notes", "letters", "minutes", "guidelines", "commitments", "discussions"}

_CONCLUDE = {
    "sign", "signs", "signed", "signing", "signature", "conclude", "concludes", "concluded", "concluding",
    "adopt", "adopts", "adopted", "adopting", "adoption", "endorse", "endorses", "endorsed", "endorsing",
    "approve", "approved", "approves", "agreed", "ink", "inked", "ratified", "ratify", "ratification",
    "initialled", "initialed", "finalised", "finalized", "elevated", "upgraded", "established", "entered",
    "entry", "accession", "acceded", "accede", "accedes", "joined", "exchanged", "renewed", "launched",
    "earlier", "previous", "existing", "replacing", "replaced", "replaces", "reached", "signatures", "accepted",
    "names",  # "put their names to the Élysée Treaty"
    "issued",  # "the Northwood Declaration, issued by President Macron and Prime Minister Starmer"
    "linked", "bound",  # "have been linked by a Special Partnership since 2007"
    "elevate", "elevates", "elevating", "upgrade", "upgrades", "upgrading",  # "decided today to elevate … to a …"
    "sealed", "struck", "clinched", "penned",  # a wire's verbs: "Moscow and Tehran sealed their treaty this afternoon"
}

_GENRE_NOUNS = GENRE_NOUNS
_MEMORANDA = {"memoranda", "memorandums"}  # the plurals of "memorandum" (the second American)

_HAVE = {"has", "have", "had"}  # ("EDA has administrative arrangements in place with …": its own)

# "together with", "along with" (with "jointly": _TOGETHER)
_ALONG = {"together", "along"}

_ACCESSION = {"accession", "acceded", "accede", "accedes", "joined", "join", "joins", "joining"}

_NOT_YET = {"negotiations", "negotiation", "negotiate", "negotiating", "hope", "hopes", "hoped", "would", "draft",
            "proposed", "proposal", "towards", "aim", "aims", "future", "prospective", "planned", "intend",
            "intends", "finalise", "finalize", "conclude", "envisaged", "possible", "prepare", "prepares",
            "preparing", "drafting", "drafts"}

# Truces: one exists when the text says it was agreed or holds, not when it is called for ("we call for an
# immediate ceasefire"); its parties are the sides the text names, without a second side added from the document.
_TRUCE_HEADS = {"ceasefire", "cease-fire", "truce", "cessation"}

_HEAD_ALIASES = {"mou": "memorandum", "memoranda": "memorandum", "road": "roadmap", "communique": "communiqué",
                 "fire": "ceasefire", "fires": "ceasefire"}  # ("cease-fire" is three tokens)

# Words before "the conclusion of" that make it a wish: "called for the early conclusion of a Code of Conduct"
_HOPED_ADJECTIVES = {"early", "swift", "speedy", "rapid", "timely", "prompt", "quick", "eventual", "future"}


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"}


# words that open an item of a counted plural ("three memoranda, on A, on B and on C")
_ITEM_LINKS = {"on", "concerning", "regarding"}


def _one_of(lowers: list[str], k: int) -> int:
    """How many words at ``k`` say which one of a counted plural an item is: "one", "another", "the other" ("one on A
    and one on B", "one on A, the other on B"); 0 when none do (not the "the" of a topic: "on A and the B")."""
    return next((len(words) for words in (["one"], ["another"], ["the", "other"]) if lowers[k:k + len(words)] == words),
                0)


def _is_count(word: str) -> bool:
    """Whether a word counts two to ten things, in letters or figures: "signed two protocols", "signed 2 MoUs"."""
    return 2 <= NUMBER_WORDS.get(word, 0) <= 10 or (word.isdigit() and 2 <= int(word) <= 10)


_MONTHS = MONTH_NAMES
_GENRE_WORDS = {w for phrase, _, _ in GENRES for w in phrase.split()} - {"agreed"} | {"mous", "and", "other", "various",
                                                                                     "several"}


_COUNT_WORDS = set(NUMBER_WORDS) | {"several", "many", "numerous", "various", "some", "both", "all", "other"}


_singular = singular


# Verbs whose date is an agreement's (the nearest date after the first of them dates it), and verbs that lead a
# mention's own concluding phrase (the date before them, or "today" beside them, is its signing day)
_DATING_VERBS = {"signed", "adopted", "concluded", "agreed", "endorsed", "signing", "initialled", "ratified"}
# concluding verbs a kind of agreement may follow without a determiner ("has concluded status agreements with …")
_BARE_AFTER = {"sign", "signs", "signed", "conclude", "concludes", "concluded", "ink", "inks", "inked"}
_SIGNING_VERBS = _DATING_VERBS - {"signing"} | {"inked", "initialed", "issued", "exchanged", "approved"}

# Words that make a sentence about agreements speak of ones not yet concluded
_NOT_CONCLUDED_YET = _NOT_YET | {"discussion", "discussions", "talks", "expected", "will", "shall", "planned"}

_PARTICIPLES = {w for w in _CONCLUDE if w.endswith("ed")} - {"earlier", "existing", "bound", "linked", "entered"}

_CONCLUSION_NOUNS = {"conclusion", "signature", "signing"}

# Plural genre nouns whose items ("of 1974 and 1976", ", on A, on B and on C") are one agreement each
_PLURAL_HEADS = _MEMORANDA | {"agreements", "treaties", "accords", "protocols", "arrangements", "declarations",
                              "conventions", "mous"}

_DISTRIBUTING_VERBS = {"agreed", "signed", "concluded", "adopted", "endorsed", "launched", "approved"}
_RECOUNTED_VERBS = _DISTRIBUTING_VERBS | {"inked"}  # (see _recounted)
_FINITE = _RECOUNTED_VERBS | {"is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "do", "does"}

_RELATIVE_VERBS = {"signed", "concluded", "agreed", "inked", "reached", "adopted", "struck", "negotiated", "issued",
                   "accepted"}
# verbs of a relative clause that show a partnership or framework exists between its subjects
_STANDING_VERBS = {"maintained", "established", "built", "forged", "launched", "upgraded", "elevated", "developed"}

# verbs by which a new agreement replaces an earlier one ("the memorandum replaces the one signed in 2017")
_REPLACING = {"replaces", "replaced", "replacing", "updates", "updated", "updating", "supersedes", "superseded",
              "succeeds", "succeeded", "revises", "revised"}
