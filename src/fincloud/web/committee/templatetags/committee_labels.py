"""Korean labels for the engine's codes in an agenda summary (the documents' own label tables)."""

from django import template

from fincloud.documents.labels import BASIS, CLASS, STATUS, pick

register = template.Library()


@register.filter
def status_label(code):
    return pick(STATUS, code, "ko")


@register.filter
def basis_label(code):
    return pick(BASIS, code, "ko")


@register.filter
def class_label(code):
    return pick(CLASS, code, "ko")
