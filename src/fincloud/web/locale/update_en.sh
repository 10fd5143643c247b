#!/usr/bin/env bash
# Refresh the English catalogue (msgids are Korean) and compile it.
#
#   bash src/fincloud/web/locale/update_en.sh        (from anywhere; needs gettext + the project venv)
#
# 1. makemessages -l en scans every app's templates and Python under src/fincloud/web.
# 2. Django's makemessages only knows the standard keywords (_, gettext, gettext_lazy, ...), so strings
#    marked with local aliases such as `gettext_lazy as _lazy` / `as _l` would be dropped. They are
#    extracted here with xgettext and merged back, keeping every existing translation.
# 3. New or changed strings come out untranslated (or '#, fuzzy'); translate them, remove the fuzzy flag,
#    then rerun this script, which compiles django.mo with `msgfmt --check` (the .mo is committed because
#    fresh machines may lack gettext). tests/web/test_i18n.py fails while any msgid lacks a translation.
set -euo pipefail
WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$WEB/../../.." && pwd)"
PO="$WEB/locale/en/LC_MESSAGES/django.po"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$WEB"
[ -f "$PO" ] && cp "$PO" "$TMP/old.po"
FINCLOUD_STATE_DIR="${FINCLOUD_STATE_DIR:-$TMP/state}" DJANGO_SETTINGS_MODULE=fincloud.web.settings \
  "$ROOT/.venv/bin/django-admin" makemessages -l en --ignore='static/*' --no-obsolete
# Python files that mark strings with an alias of gettext/gettext_lazy other than `_`.
mapfile -t ALIASED < <(grep -rlE --include='*.py' --exclude-dir=migrations \
  'import (gettext|gettext_lazy|gettext_noop) as _[A-Za-z]+' . | sort)
if [ "${#ALIASED[@]}" -gt 0 ] && [ -f "$TMP/old.po" ]; then
  KW=()
  for a in $(grep -hoE 'import (gettext|gettext_lazy|gettext_noop) as _[A-Za-z]+' "${ALIASED[@]}" | awk '{print $NF}' | sort -u); do
    KW+=("--keyword=$a")
  done
  xgettext --language=Python --from-code=UTF-8 --add-comments=Translators "${KW[@]}" \
    -o "$TMP/extra.pot" "${ALIASED[@]}"
  if [ -f "$TMP/extra.pot" ]; then
    msgcat --use-first "$PO" "$TMP/extra.pot" -o "$TMP/combined.po"
    msgmerge -q --previous "$TMP/old.po" "$TMP/combined.po" -o "$TMP/merged.po"
    msgattrib --no-obsolete "$TMP/merged.po" -o "$PO"
  fi
fi
msgfmt --check --statistics -o "${PO%.po}.mo" "$PO"
