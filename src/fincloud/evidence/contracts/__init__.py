"""Contract review: find each clause 별표 2의5 and 위탁규정 §4③ require in a contract document.

Entry point: :func:`review_contract` (see docs/contract-review.md and docs/spec/contract-review.md).
"""

from fincloud.evidence.contracts.review import ContractReview, review_contract

__all__ = ["ContractReview", "review_contract"]
