"""Serving stored files: only through a permission-filtered queryset, always as an attachment
with the sniffed content type and ``nosniff``, never from a public media URL."""

from __future__ import annotations

from django.http import FileResponse

from fincloud.web.accounts.permissions import files_for, get_or_404, require


@require("portal")
def file_download(request, pk: int):
    stored = get_or_404(files_for(request.user), pk=pk)
    response = FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.original_name,
                            content_type=stored.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
