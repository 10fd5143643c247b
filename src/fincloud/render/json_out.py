"""The ``fincloud.assessment/1`` JSON of ``shared/spec/portfolio.md``.

Every name of the spec is kept with its meaning; reasons appear as rendered strings where the spec
has strings (``scope_reasons``, ``warnings``, ``blockers``) and, as extensions, with their codes and
citations under ``*_details`` keys so that scripts need not parse prose. Extensions are documented
in docs/assessment-output.md.

The text is exactly what ``json.dumps(tree, ensure_ascii=False, indent=2)`` writes, produced
faster: a 10,000-workload assessment is about 180 MB of JSON, which the standard library's
pure-Python indenting encoder needs seconds (and a gigabyte) to build. Here each workload is
encoded on its own by orjson and streamed, and the parts many workloads share are encoded once:

- Parts are remembered by the *identity* of the engine object they are rendered from (an
  ``ItemScore``, a ``ContinuityAndSafeguards``, a reason, a tuple of clause ids, …), only for the
  length of one render. A part's text depends on nothing but that object and the language, the
  engine shares such objects between workloads whose inputs for them are equal, and nothing changes
  the assessment while it is written: an object seen again renders to the same text. The
  remembered entry keeps the object itself and is checked with ``is``, so a recycled id can never
  return another object's text.
- orjson writes strings, integers, booleans and null exactly as ``json`` does, but some floats
  differently (``1e-05`` as ``0.00001``): every float goes through :func:`_num`, which hands orjson
  the text ``json`` would write. Values of unknown shape (evidence findings and machine evidence)
  are encoded by ``json`` itself.
- Dates are handed to orjson as they are: it writes them exactly as ``date.isoformat()`` does.
- A part encoded once is inserted as an ``orjson.Fragment``, indented for the depth where it sits.

tests/engine/test_json_output_identity.py compares the text with the standard library's, byte for byte.
"""

from __future__ import annotations

import errno
import gc
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import IO, Any

import orjson

from fincloud.engine.result import (
    Assessment,
    EvaluationSchedule,
    Obligation,
    Reason,
    ReportDecision,
    WorkloadAssessment,
)
from fincloud.messages import render_reason

_OPT = orjson.OPT_INDENT_2
_NL = [b"\n" + b"  " * depth for depth in range(8)]
_WORKLOAD_NL = _NL[2]  # workloads sit at depth 2 of the document (under "workloads": [ … ])
_SEPARATOR = b",\n    "  # between two workloads
_BANDING = "raw measures banded by each band's lower bound; with two measures the higher level wins"
_OUT_OF_SCOPE = {"importance": None, "provider_evaluation": None, "contract_clauses": None,
                 "continuity_and_safeguards": None, "report": None, "obligations": [], "blockers": []}


def _num(x: Any) -> Any:
    """A number as ``json`` writes it: ints and booleans as they are, floats by ``float.__repr__`` as json does."""
    cls = x.__class__
    if cls is float and x - x == 0.0:  # finite (json writes NaN and Infinity its own way)
        return orjson.Fragment(float.__repr__(x).encode())
    if cls is bool or (cls is int and -(2**63) <= x < 2**64) or x is None:
        return x
    return orjson.Fragment(json.dumps(x).encode())


def _plain(value: Any) -> Any:
    """JSON data (as ``json.loads`` returns it) with every number made safe for orjson by :func:`_num`."""
    cls = value.__class__
    if cls is str or value is None or cls is bool:
        return value
    if cls is list:
        return [_plain(v) for v in value]
    if cls is dict:
        return {k: _plain(v) for k, v in value.items()}
    return _num(value)


def _frag(value: Any, depth: int) -> orjson.Fragment:
    """``value`` encoded once, indented to sit ``depth`` levels below the object it is inserted in."""
    return orjson.Fragment(orjson.dumps(value, option=_OPT).replace(b"\n", _NL[depth]))


def _py_frag(value: Any, depth: int) -> orjson.Fragment:
    """Like :func:`_frag` but encoded by ``json`` itself, for values of unknown shape."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return orjson.Fragment(text.replace("\n", "\n" + "  " * depth).encode())


def _texts(reasons: tuple[Reason, ...] | list[Reason], lang: str) -> list[str]:
    return [render_reason(r, lang) for r in reasons]


def _details(reasons: tuple[Reason, ...] | list[Reason], lang: str) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": render_reason(r, lang), "citation": r.citation,
             "params": json.loads(json.dumps(r.params, default=str))} for r in reasons]


def _list2(values: Any) -> orjson.Fragment:
    return _frag(list(values), 2)


def _dict2(values: Any) -> orjson.Fragment:
    return _frag(dict(values), 2)


class _Renderer:
    """Renders one assessment; its memo lives as long as the render (see the module docstring)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # tag -> id(object) -> (object, rendered); the object is kept and compared with ``is``.
        self._memo: dict[str, dict[int, tuple[Any, Any]]] = {}
        self._items: dict[int, tuple[Any, Any]] = {}
        self._obligations: dict[int, tuple[Any, Any]] = {}
        self._reasons: dict[int, tuple[Any, str]] = {}

    def _once(self, obj: Any, tag: str, build: Callable[[Any], Any]) -> Any:
        memo = self._memo.get(tag)
        if memo is None:
            memo = self._memo[tag] = {}
        hit = memo.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        value = build(obj)
        memo[id(obj)] = (obj, value)
        return value

    # --- reasons (texts are memoised by value in fincloud.messages) ------------------------------

    def text(self, r: Reason) -> str:
        """A reason's text; the engine shares many reason objects, so they are remembered by identity too."""
        hit = self._reasons.get(id(r))
        if hit is not None and hit[0] is r:
            return hit[1]
        text = render_reason(r, self.lang)
        self._reasons[id(r)] = (r, text)
        return text

    def texts(self, reasons: tuple[Reason, ...]) -> list[str]:
        text = self.text
        return [text(r) for r in reasons] if reasons else []

    def cited(self, reasons: tuple[Reason, ...]) -> list[str]:
        if not reasons:
            return []
        return [self._once(r, "cited", self._cited) for r in reasons]

    def _cited(self, r: Reason) -> str:
        return render_reason(r, self.lang, with_citation=True)

    def details(self, reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
        if not reasons:
            return []
        return [self._once(r, "detail", self._detail) for r in reasons]

    def _detail(self, r: Reason) -> dict[str, Any]:
        detail = _details((r,), self.lang)[0]
        detail["params"] = _plain(detail["params"])
        return detail

    # --- parts ---------------------------------------------------------------------------------

    def _item(self, s: Any) -> Any:
        basis = s.basis
        return _frag({"level": s.level, "points": _num(s.points), "max_points": _num(s.max_points),
                      "basis": render_reason(basis, self.lang) if basis else None}, 3)

    def _schedule(self, s: EvaluationSchedule, with_required: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"required": s.required} if with_required else {}
        out.update({"method": s.method, "due": s.due, "status": s.status,
                    "last_completed": s.last_completed, "basis": s.basis, "reasons": self.texts(s.reasons)})
        return out

    def _safeguards(self, cs: Any) -> Any:
        return _frag({
            "required": list(cs.required), "recommended": list(cs.recommended), "reasons": _texts(cs.reasons, self.lang),
            "machine_evidence": _py_frag({r.id: list(r.machine_evidence) for r in cs.requirements if r.machine_evidence}, 1),
        }, 1)

    def _report(self, r: ReportDecision) -> Any:
        text = self.text
        return {
            "required": r.required, "trigger": r.trigger, "due": r.due, "status": r.status,
            "items": [{"trigger": i.trigger, "event_date": i.event_date, "due": i.due, "status": i.status,
                       "immediate": i.immediate, "reported_on": i.reported_on,
                       "reason": text(i.reason) if i.reason else None,
                       "citation": i.reason.citation if i.reason else None} for i in r.items],
            "attachments": self._once(r.attachments, "list2", _list2),
            "reasons": self.texts(r.reasons),
        }

    def obligations(self, obligations: tuple[Obligation, ...]) -> list[dict[str, Any]]:
        memo, text = self._obligations, self.text
        out = []
        for o in obligations:
            hit = memo.get(id(o))
            if hit is None or hit[0] is not o:
                hit = memo[id(o)] = (o, {
                    "id": o.id, "workload": o.workload, "provider": o.provider, "due": o.due, "status": o.status,
                    "last_done": o.last_done, "citation": o.citation,
                    "reason": text(o.reason) if o.reason else None})
            out.append(hit[1])
        return out

    def _scope(self, reasons: tuple[Reason, ...]) -> tuple[Any, Any]:
        return _frag(_texts(reasons, self.lang), 1), _py_frag(_details(reasons, self.lang), 1)

    def workload(self, w: WorkloadAssessment) -> dict[str, Any]:
        once = self._once
        out: dict[str, Any] = {"id": w.id, "name": w.name, "provider": w.provider, "service_model": w.service_model,
                               "in_scope": w.in_scope}
        out["scope_reasons"], out["scope_details"] = once(w.scope_reasons, "scope", self._scope)
        if not w.in_scope:
            out.update(_OUT_OF_SCOPE)
            return out
        i, pe = w.importance, w.provider_evaluation
        assert i is not None and pe is not None and w.contract_clauses and w.continuity_and_safeguards and w.report
        item_memo = self._items
        items: dict[str, Any] = {}
        for k, s in i.items.items():
            hit = item_memo.get(id(s))
            if hit is None or hit[0] is not s:
                hit = item_memo[id(s)] = (s, self._item(s))
            items[k] = hit[1]
        out["importance"] = {
            "information_class": i.information_class, "score": _num(i.score), "threshold": _num(i.threshold),
            "critical": i.critical,
            "items": items,
            "warnings": self.texts(i.warnings),
            "warning_details": self.details(i.warnings),
            "complete": i.complete, "missing_items": list(i.missing_items),
            "reasons": self.texts(i.reasons), "rubric": i.rubric,
            "banding": _BANDING,
        }
        out["provider_evaluation"] = {
            "required_items": once(pe.required_items, "list2", _list2),
            "skipped_items": once(pe.skipped_items, "dict2", _dict2),
            "comprehensive": once(pe.comprehensive, "comprehensive", self._comprehensive),
            "regular": once(pe.regular, "regular", self._regular),
            "blockers": self.cited(pe.blockers),  # each names its rule
            "blocker_details": self.details(pe.blockers),
            "reevaluations": self.texts(pe.reevaluations),
            "certificates": self.texts(pe.certificates),
            "notes": self.texts(pe.notes),
        }
        cc = w.contract_clauses
        out["contract_clauses"] = {"required": once(cc.required, "list2", _list2),
                                   "indirect": cc.indirect, "reasons": self.texts(cc.reasons),
                                   "findings": _py_frag(cc.findings, 2) if cc.findings else {}}
        out["continuity_and_safeguards"] = once(w.continuity_and_safeguards, "safeguards", self._safeguards)
        out["report"] = self._report(w.report)
        out["obligations"] = self.obligations(w.obligations)
        out["blockers"] = self.cited(w.blockers)
        if w.exit is not None:
            x = w.exit
            out["exit"] = {"stage": x.stage, "started_on": x.started_on, "completed_on": x.completed_on,
                           "data_destroyed_on": x.data_destroyed_on, "reasons": self.texts(x.reasons)}
        return out

    def _comprehensive(self, s: EvaluationSchedule) -> Any:
        return _frag(self._schedule(s, False), 2)  # shared by the workloads of equal inputs (PlanCache)

    def _regular(self, s: EvaluationSchedule) -> Any:
        return _frag(self._schedule(s, True), 2)  # shared by the workloads of one provider and importance

    def head(self, a: Assessment) -> bytes:
        """The document up to its first workload."""
        head = orjson.dumps({"schema": a.schema_id, "as_of": a.as_of.isoformat(), "catalog": a.catalog,
                             "institution": a.institution}, option=_OPT)
        return head[:-2] + (b',\n  "workloads": [\n    ' if a.workloads else b',\n  "workloads": []')

    def workload_bytes(self, w: WorkloadAssessment) -> bytes:
        return orjson.dumps(self.workload(w), option=_OPT).replace(b"\n", _WORKLOAD_NL)

    def tail(self, a: Assessment) -> bytes:
        """The document after its last workload (without a final newline)."""
        lang = self.lang
        tail = orjson.dumps({
            "providers": [{"id": p.id, "name": p.name, "workloads": p.workloads,
                           "critical_workloads": p.critical_workloads, "share": _num(p.share),
                           "critical_share": _num(p.critical_share), "foreign": p.foreign,
                           "flags": _texts(p.flags, lang)} for p in a.providers],
            "concentration": {"hhi": _num(a.concentration.hhi), "critical_hhi": _num(a.concentration.critical_hhi),
                              "flags": _texts(a.concentration.flags, lang)},
            "obligations": self.obligations(a.obligations),
        }, option=_OPT)
        return (b"\n  ]," if a.workloads else b",") + tail[1:]

    def write(self, a: Assessment, emit: Callable[[bytes], Any]) -> None:
        """Emit the document in pieces; their concatenation is the whole text (without a final newline)."""
        emit(self.head(a))
        for i, w in enumerate(a.workloads):
            if i:
                emit(_SEPARATOR)
            emit(self.workload_bytes(w))
        emit(self.tail(a))


def workload_json(w: WorkloadAssessment, lang: str = "ko") -> dict[str, Any]:
    text = orjson.dumps(_Renderer(lang).workload(w), option=_OPT)
    return json.loads(text)


def assessment_json(a: Assessment, lang: str = "ko") -> dict[str, Any]:
    return json.loads(dumps(a, lang))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Rendering allocates millions of short-lived, acyclic objects (freed by reference counting) next to
    the million records of a large assessment; the cyclic collector's full passes over those records
    would cost as much as the rendering itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Below this many workloads a second process costs more than it saves.
PARALLEL_MIN_WORKLOADS = 2000


def write_json(a: Assessment, out: IO[bytes], lang: str = "ko", *, processes: int = 1) -> None:
    """Write the document and a final newline to a binary stream, UTF-8, a workload at a time.

    With ``processes=2`` (the command line, on two CPUs), a large assessment's workloads are encoded
    in blocks that alternate between this process and a forked copy of it, each writing its blocks
    to the same file descriptor in turn (:func:`_write_forked`): the text is the same, byte for byte.
    Used only where ``fork`` exists and ``out`` has a file descriptor; otherwise one process writes.
    """
    with _collector_paused():
        renderer = _Renderer(lang)
        fd = _descriptor(out) if processes > 1 and len(a.workloads) >= PARALLEL_MIN_WORKLOADS else None
        if fd is None:
            renderer.write(a, out.write)
        else:
            _write_forked(renderer, a, out, fd)
    out.write(b"\n")


def _descriptor(out: IO[bytes]) -> int | None:
    if not hasattr(os, "fork"):
        return None
    try:
        return out.fileno()
    except (AttributeError, OSError, ValueError):
        return None


# Exit codes of the forked copy: it failed encoding a block (nothing of that block written), failed
# writing one, was told to stop, or found the reader gone.
_RENDER_FAILED, _WRITE_FAILED, _STOPPED, _BROKEN_PIPE = 3, 4, 5, 6
_BLOCK = 500  # workloads per block: what each process holds encoded at most (about 9 MB)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _write_forked(renderer: _Renderer, a: Assessment, out: IO[bytes], fd: int) -> None:
    """Blocks of workloads alternate between this process (even blocks) and a forked copy (odd blocks).

    Each encodes its next block while the other writes; a block is written only after the one before
    it (a token through a pipe each way), so the text is the same as one process writes.
    """
    workloads = a.workloads
    blocks = [range(i, min(i + _BLOCK, len(workloads))) for i in range(0, len(workloads), _BLOCK)]

    def encode(block: range) -> bytes:  # each workload after the very first is preceded by its separator
        return b"".join((_SEPARATOR if i else b"") + renderer.workload_bytes(workloads[i]) for i in block)

    out.write(renderer.head(a))
    out.flush()  # nothing buffered may be written twice or late
    go_read, go_write = os.pipe()
    done_read, done_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: odd blocks; it leaves without any cleanup of the parent's state
        code = _RENDER_FAILED
        try:
            os.close(go_write)
            os.close(done_read)
            for k in range(1, len(blocks), 2):
                code = _RENDER_FAILED
                data = encode(blocks[k])
                code = _STOPPED
                if os.read(go_read, 1) != b"1":
                    break
                code = _WRITE_FAILED
                _write_all(fd, data)
                os.write(done_write, b"1")
            else:
                code = 0
        except BrokenPipeError:
            code = _BROKEN_PIPE
        finally:
            os._exit(code)
    os.close(go_read)
    os.close(done_write)
    resume: int | None = None  # the first block the copy did not write, if it stopped early
    try:
        for k in range(0, len(blocks), 2):
            data = encode(blocks[k])
            if k and os.read(done_read, 1) != b"1":
                resume = k - 1
                break
            out.write(data)
            out.flush()
            if k + 1 < len(blocks):
                with suppress(BrokenPipeError):  # the copy is gone: the next token read tells
                    os.write(go_write, b"1")
        else:
            if len(blocks) % 2 == 0 and os.read(done_read, 1) != b"1":
                resume = len(blocks) - 1
    finally:
        os.close(go_write)  # on an error here the copy reads end-of-file and stops without writing
        _, status = os.waitpid(pid, 0)
        os.close(done_read)
    code = os.waitstatus_to_exitcode(status)
    if code == _BROKEN_PIPE:
        raise BrokenPipeError(errno.EPIPE, "the reader of the output went away")
    if resume is not None:
        if code != _RENDER_FAILED:
            raise OSError(f"writing the JSON output failed in the second process (status {code})")
        for k in range(resume, len(blocks)):  # it wrote nothing of this block: encode the rest here
            out.write(encode(blocks[k]))
    elif code:
        raise OSError(f"writing the JSON output failed in the second process (status {code})")
    out.write(renderer.tail(a))


def dumps(a: Assessment, lang: str = "ko") -> str:
    """The document as ``json.dumps(…, ensure_ascii=False, indent=2)`` writes it."""
    chunks: list[bytes] = []
    with _collector_paused():
        _Renderer(lang).write(a, chunks.append)
    return b"".join(chunks).decode("utf-8")
