"""The pure part of shopsync.documents.apply_documents: no frappe import, tested with plain unittest (F6).

The runner sends one event's run of keyed ensure and update operations (packages/core/src/plan/types.ts)
and the ERPNext names of the operations it already holds. This module checks that list, resolves
`{"$ref": key}` values, cuts a mapper's draft down to what the plan names, decides per ensure what
the request does with the document its key finds (adopt it, insert one, or stop), and per update
which fields differ from what ERPNext holds (same_field_value, a port of the core's sameFieldValue).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

ENSURE_DOCUMENT = "ensure_document"
ENSURE_MAPPED_DOCUMENT = "ensure_mapped_document"
UPDATE_DOCUMENT = "update_document"
ENSURE_KINDS = (ENSURE_DOCUMENT, ENSURE_MAPPED_DOCUMENT)
KINDS = (*ENSURE_KINDS, UPDATE_DOCUMENT)

# The mappers the core's plans name (packages/core/src/orders: `method:`), and nothing else: the
# method runs them in-process, so an open list would make it an endpoint that calls any function.
MAPPERS = frozenset(
	{
		"erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice",
		"erpnext.selling.doctype.sales_order.sales_order.make_delivery_note",
		"erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry",
		"erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return",
		"erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return",
	}
)

# Keys ERPNext's mapper puts on a draft that must not be sent back on insert (the runner's
# apply-ensure-mapped-document.ts drops the same ones before its REST insert).
DRAFT_ONLY_FIELDS = ("name", "__islocal", "__unsaved", "creation", "modified", "owner", "modified_by")

# One event's plan has a handful of operations; a longer list is not something the runner sends.
MAX_OPERATIONS = 100

# What the method does with an operation, given the document its key found (decide()).
INSERT = "insert"
ADOPT = "adopt"
SUBMIT = "submit"
STOP = "stop"


class BatchError(ValueError):
	"""The request is not one the runner sends: a wrong shape, an unknown mapper, a missing name."""


class RowNotOffered(Exception):
	"""A row the plan names is not in the mapper's draft: ERPNext no longer offers it (already
	returned, say). The write must stop rather than post a smaller document; the runner reads it
	as conflict.row_not_offered, as it does when its own apply-table-edits.ts finds it."""

	def __init__(self, doctype: str, table: str, match_field: str, match: str):
		super().__init__(f"ERPNext's draft {doctype} has no {table} row with {match_field} {match}")
		self.doctype = doctype
		self.table = table
		self.match = match


@dataclass(frozen=True)
class TableEdit:
	table: str
	match_field: str
	rows: tuple[tuple[str, dict], ...]
	drop_unmatched: bool


@dataclass(frozen=True)
class Operation:
	key: str
	kind: str
	doctype: str
	submit: bool
	revised: bool = False
	doc: dict = field(default_factory=dict)
	method: str = ""
	args: dict = field(default_factory=dict)
	set: dict = field(default_factory=dict)
	table_edits: tuple[TableEdit, ...] = ()
	target: str = ""
	changes: dict = field(default_factory=dict)


def _text(raw: dict, name: str, where: str) -> str:
	value = raw.get(name)
	if not isinstance(value, str) or value == "":
		raise BatchError(f"{where}: {name} must be a non-empty string")
	return value


def _mapping(raw: dict, name: str, where: str) -> dict:
	value = raw.get(name)
	if not isinstance(value, dict):
		raise BatchError(f"{where}: {name} must be an object")
	return value


def _flag(raw: dict, name: str, where: str) -> bool:
	value = raw.get(name)
	if not isinstance(value, bool):
		raise BatchError(f"{where}: {name} must be true or false")
	return value


def _table_edit(raw: object, where: str) -> TableEdit:
	if not isinstance(raw, dict):
		raise BatchError(f"{where}: each table edit must be an object")
	rows = raw.get("rows")
	if not isinstance(rows, list):
		raise BatchError(f"{where}: rows must be a list")
	parsed = []
	for row in rows:
		if not isinstance(row, dict):
			raise BatchError(f"{where}: each row must be an object")
		parsed.append((_text(row, "match", where), _mapping(row, "set", where)))
	return TableEdit(
		table=_text(raw, "table", where),
		match_field=_text(raw, "matchField", where),
		rows=tuple(parsed),
		drop_unmatched=_flag(raw, "dropUnmatched", where),
	)


def parse_operation(raw: object, index: int) -> Operation:
	where = f"operation {index + 1}"
	if not isinstance(raw, dict):
		raise BatchError(f"{where} must be an object")
	key = _text(raw, "key", where)
	where = f"operation {key}"
	kind = raw.get("kind")
	if kind not in KINDS:
		raise BatchError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
	if kind == UPDATE_DOCUMENT:
		target = raw.get("target")
		if not is_ref(target):
			raise BatchError(f"{where}: target must be a reference to an operation")
		return Operation(key=key, kind=kind, doctype=_text(raw, "doctype", where), submit=False, target=target["$ref"], changes=_mapping(raw, "changes", where))
	revision = raw.get("revision")
	if revision is not None and not isinstance(revision, dict):
		raise BatchError(f"{where}: revision must be an object")
	common = {"key": key, "kind": kind, "doctype": _text(raw, "doctype", where), "submit": _flag(raw, "submit", where)}
	if kind == ENSURE_DOCUMENT:
		return Operation(**common, revised=revision is not None, doc=_mapping(raw, "doc", where))
	if revision is not None:
		raise BatchError(f"{where}: a mapped document carries no revision")
	method = _text(raw, "method", where)
	if method not in MAPPERS:
		raise BatchError(f"{where}: {method} is not one of the mappers shopsync may call")
	edits = raw.get("tableEdits", [])
	if not isinstance(edits, list):
		raise BatchError(f"{where}: tableEdits must be a list")
	return Operation(
		**common,
		method=method,
		args=_mapping(raw, "args", where),
		set=_mapping(raw, "set", where),
		table_edits=tuple(_table_edit(edit, where) for edit in edits),
	)


def parse_names(raw: object) -> dict[str, str]:
	"""The ERPNext names of the operations the runner already holds, by key."""
	if raw is None:
		return {}
	if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in raw.items()):
		raise BatchError("names must be an object of operation keys to document names")
	return dict(raw)


def parse_operations(raw: object, names: dict[str, str]) -> list[Operation]:
	if not isinstance(raw, list):
		raise BatchError("operations must be a list")
	if len(raw) > MAX_OPERATIONS:
		raise BatchError(f"at most {MAX_OPERATIONS} operations in one request, got {len(raw)}")
	operations = [parse_operation(item, index) for index, item in enumerate(raw)]
	seen: set[str] = set(names)
	for op in operations:
		if op.key in seen:
			raise BatchError(f"operation {op.key} is listed twice (or its name is already given)")
		seen.add(op.key)
	return operations


def doctypes(operations: list[Operation]) -> list[str]:
	"""Every doctype the request may create, once each, for the permission check up front."""
	return sorted({op.doctype for op in operations if op.kind in ENSURE_KINDS})


def updated_doctypes(operations: list[Operation]) -> list[str]:
	"""Every doctype the request may change, once each, for the write permission check up front."""
	return sorted({op.doctype for op in operations if op.kind == UPDATE_DOCUMENT})


def is_ref(value: object) -> bool:
	return isinstance(value, dict) and isinstance(value.get("$ref"), str)


def resolve_refs(value, names: dict[str, str]):
	"""Replaces each {"$ref": key} with the name the operation with that key produced (a port of
	the runner's resolve-doc-refs.ts)."""
	if is_ref(value):
		key = value["$ref"]
		if key not in names:
			raise BatchError(f"operation {key} has not produced a document yet")
		return names[key]
	if isinstance(value, list):
		return [resolve_refs(item, names) for item in value]
	if isinstance(value, dict):
		return {name: resolve_refs(inner, names) for name, inner in value.items()}
	return value


def apply_table_edits(doc: dict, edits: tuple[TableEdit, ...], names: dict[str, str], doctype: str) -> None:
	"""Cuts a mapped draft down to the rows the plan names (matched on the Shopify line id the
	mappers copied) and changes them; a port of the runner's apply-table-edits.ts."""
	for edit in edits:
		rows = doc.get(edit.table) if isinstance(doc.get(edit.table), list) else []
		kept = []
		for match, changes in edit.rows:
			row = next((candidate for candidate in rows if _as_text(candidate.get(edit.match_field)) == match), None)
			if row is None:
				raise RowNotOffered(doctype, edit.table, edit.match_field, match)
			kept.append({**row, **resolve_refs(changes, names)})
		wanted = {match for match, _ in edit.rows}
		unmatched = [row for row in rows if _as_text(row.get(edit.match_field)) not in wanted]
		doc[edit.table] = kept if edit.drop_unmatched else kept + unmatched


def _as_text(value: object) -> str:
	"""JavaScript's String(value), which the runner's matching uses: None is "null", 1.0 is "1"."""
	if value is None:
		return "null"
	if isinstance(value, bool):
		return "true" if value else "false"
	if isinstance(value, float) and value.is_integer():
		return str(int(value))
	return str(value)


def mapped_document(draft: dict, op: Operation, names: dict[str, str]) -> dict:
	"""The document to insert from a mapper's draft: `set` merged over it, the draft-only keys
	dropped, the table edits applied — in the order apply-ensure-mapped-document.ts does it."""
	doc = {**draft, **resolve_refs(op.set, names)}
	for name in DRAFT_ONLY_FIELDS:
		doc.pop(name, None)
	apply_table_edits(doc, op.table_edits, names, op.doctype)
	return doc


def decide(op: Operation, found: dict | None) -> str:
	"""What to do with an operation, given {name, docstatus} of the document its key holds.

	Cancelled, or an operation whose document follows later changes (a revision): the runner's
	own path knows what to do (the cancelled conflict, an amendment), so the request stops there.
	"""
	if found is None:
		return INSERT
	docstatus = int(found.get("docstatus") or 0)
	if docstatus == 2 or op.revised:
		return STOP
	if docstatus == 0 and op.submit:
		return SUBMIT
	return ADOPT


def applied(op: Operation, name: str, docstatus: int, step: str, submitted: bool) -> dict:
	return {"key": op.key, "doctype": op.doctype, "name": name, "docstatus": int(docstatus), "step": step, "submitted": submitted}


def target_name(op: Operation, names: dict[str, str]) -> str:
	"""The document an update changes: the name its target's operation produced (the runner's
	apply-update-document.ts reads `names.get(op.target.$ref)` the same way)."""
	if op.target not in names:
		raise BatchError(f"operation {op.target} has not produced a document yet")
	return names[op.target]


def _js_string(value: object) -> str:
	"""JavaScript's String(value) for the JSON values a plan and a document hold."""
	if value is None:
		return "null"
	if isinstance(value, bool):
		return "true" if value else "false"
	if isinstance(value, float):
		if math.isnan(value):
			return "NaN"
		if math.isinf(value):
			return "Infinity" if value > 0 else "-Infinity"
		return str(int(value)) if value.is_integer() else repr(value)
	if isinstance(value, list):
		return ",".join("" if item is None else _js_string(item) for item in value)
	if isinstance(value, dict):
		return "[object Object]"
	return str(value)


_JS_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def _js_number(value: object) -> float:
	"""JavaScript's Number(value): None and "" are 0, a non-numeric string is NaN, a list goes through its String()."""
	if value is None:
		return 0.0
	if isinstance(value, bool):
		return 1.0 if value else 0.0
	if isinstance(value, int | float):
		return float(value)
	if isinstance(value, dict):
		return math.nan
	text = _js_string(value).strip()
	if text == "":
		return 0.0
	if text in ("Infinity", "+Infinity", "-Infinity"):
		return -math.inf if text.startswith("-") else math.inf
	if re.fullmatch(r"0[xX][0-9a-fA-F]+", text):
		return float(int(text, 16))
	if re.fullmatch(r"0[bB][01]+", text):
		return float(int(text, 2))
	if re.fullmatch(r"0[oO][0-7]+", text):
		return float(int(text, 8))
	return float(text) if _JS_DECIMAL.match(text) else math.nan


def _is_number(value: object) -> bool:
	return isinstance(value, int | float) and not isinstance(value, bool)


def _entries(row: object) -> list[tuple[str, object]]:
	"""Object.entries(row) for a JSON value."""
	if isinstance(row, dict):
		return list(row.items())
	if isinstance(row, list):
		return [(str(index), item) for index, item in enumerate(row)]
	if isinstance(row, str):
		return [(str(index), char) for index, char in enumerate(row)]
	if row is None:
		raise TypeError("Cannot convert undefined or null to object")
	return []


def same_field_value(wanted: object, stored: object) -> bool:
	"""Whether the stored value already is the wanted one; a port of the core's sameFieldValue
	(packages/core/src/reconcile/field-values.ts), proven equal on tests/same_field_value_cases.json
	by test_document_batch.py and by test/same-field-value-cases.unit.test.ts. Table rows are
	compared on the fields the plan sends only; a number on either side compares as numbers; absent,
	null and "" are the same (Frappe drops nulls and empty strings from single documents)."""
	if isinstance(wanted, list):
		if not isinstance(stored, list) or len(stored) != len(wanted):
			return False
		for row, stored_row in zip(wanted, stored, strict=True):
			fields = dict(_entries(stored_row)) if isinstance(stored_row, dict | list) else {}
			if not all(same_field_value(value, fields.get(name)) for name, value in _entries(row)):
				return False
		return True
	if _is_number(wanted) or _is_number(stored):
		return _js_number(wanted) == _js_number(stored)
	left = "" if wanted is None else wanted
	right = "" if stored is None else stored
	# JavaScript's ===: a string, a boolean, equal only to its own type; two objects never (not the same object).
	if isinstance(left, dict | list) or isinstance(right, dict | list):
		return False
	return type(left) is type(right) and left == right


def field_changes(wanted: dict, current: dict) -> dict:
	"""The wanted fields whose value differs from the document's, in the plan's order."""
	return {name: value for name, value in wanted.items() if not same_field_value(value, current.get(name))}


def updated(op: Operation, name: str, changed: list[str]) -> dict:
	"""The answer row of an update: what apply-update-document.ts records as evidence."""
	return {"key": op.key, "doctype": op.doctype, "name": name, "step": "updated" if changed else "unchanged", "changed": list(changed)}
