"""Rule: the concept data covers exactly the catalog's clauses, in order, with their tiers and a citation."""

from __future__ import annotations


def test_concepts_match_catalog_clauses(catalog, concepts):
    assert [c.id for c in concepts.clauses] == [c.id for c in catalog.contract_clauses]
    for entry in catalog.contract_clauses:
        concept = concepts.clause(entry.id)
        assert concept.tier == entry.tier
        assert concept.source == entry.source
        assert concept.citation
        assert all(any(e.anchor for e in p.elements) for p in concept.parts)


def test_tier_counts_as_printed_in_the_guide(concepts):
    tiers = [c.tier for c in concepts.clauses]
    assert (tiers.count("basic"), tiers.count("additional"), tiers.count("entrustment")) == (12, 6, 4)
