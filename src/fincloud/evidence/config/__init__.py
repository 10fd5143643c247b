"""Cloud-configuration evidence for the technical safeguards of 가이드 제5장.

``scan(path, kind)`` reads a Terraform plan, Prowler JSON-OCSF output or a fincloud inventory
and returns an :class:`EvidenceScan`: each check with the 제5장 requirement and 감독규정
article it supports, its verdict (pass / fail / not_applicable / cannot_tell) and the
resources concerned.
"""

from fincloud.evidence.config.scan import EvidenceScan, safeguard_evidence, scan

__all__ = ["EvidenceScan", "safeguard_evidence", "scan"]
