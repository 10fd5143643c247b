"""Readers: each turns one kind of outside artefact into the neutral model (or, for Prowler,
into verdicts). Every problem with the input is an :class:`~fincloud.errors.InputError`
naming the file and what is wrong; nothing is silently skipped.
"""
