"""One request, one transaction, for one event's keyed ensure operations (issue 15).

POST /api/method/shopsync.documents.apply_documents
	{"operations": [<ensure_document | ensure_mapped_document | update_document>, ...], "names": {"<key>": "<name>"}}
→ {"message": {"applied": [{key, doctype, name, docstatus, step, submitted}
                           | {key, doctype, name, step: "updated" | "unchanged", changed}], "stopped_at": key | null}}

Over REST an operation costs a key look-up, a mapper call, an insert and a submit PUT (a Sales Order
inserted with docstatus 1 keeps status "Draft" in ERPNext 15), and an update a GET and a PUT; here
the whole run is one request. The checking, reference resolving, deciding and comparing live in
document_batch.py (no frappe import).

Transactions: frappe/app.py `application` runs the request in one database transaction; its
`sync_database` commits after an unsafe method (POST) returns, and `handle_exception` rolls back on
any exception. So an operation that fails undoes every write of this request, and the runner's
error mapping by exc_type (packages/erpnext-client) sees the same exception REST would have raised.
"""

from __future__ import annotations

import json

import frappe
from frappe import _

from shopsync import document_batch
from shopsync.document_batch import ADOPT, STOP, SUBMIT, UPDATE_DOCUMENT, BatchError, Operation, RowNotOffered


class RowNotOfferedError(frappe.ValidationError):
	"""A row the plan names is not in ERPNext's mapped draft (the runner: conflict.row_not_offered)."""


@frappe.whitelist(methods=["POST"])
def apply_documents(operations=None, names=None) -> dict:
	"""Applies the operations in order: each key is looked up first; a document found is adopted
	(a draft the plan submits is submitted), one not found is inserted (and submitted). A cancelled
	document, or one an operation with a revision finds, stops the request there: `stopped_at` names
	that operation and the runner applies it and the rest its own way. Arguments are not annotated:
	a JSON body brings a list and a dict, a form body brings strings (frappe.parse_json takes both).
	"""
	if not all(frappe.has_permission(doctype, "create") for doctype in _doctypes(operations, names)):
		missing = [doctype for doctype in _doctypes(operations, names) if not frappe.has_permission(doctype, "create")]
		frappe.throw(_("No permission to create {0}").format(", ".join(missing)), frappe.PermissionError)
	ops, known = _parse(operations, names)
	if not all(frappe.has_permission(doctype, "write") for doctype in document_batch.updated_doctypes(ops)):
		missing = [doctype for doctype in document_batch.updated_doctypes(ops) if not frappe.has_permission(doctype, "write")]
		frappe.throw(_("No permission to write {0}").format(", ".join(missing)), frappe.PermissionError)
	done: list[dict] = []
	for op in ops:
		if op.kind == UPDATE_DOCUMENT:
			# Not looked up by key: an update is not remembered, comparing first makes it idempotent.
			result = _apply_one(op, None, None, known)
			known[op.key] = result["name"]
			done.append(result)
			continue
		found = frappe.db.get_value(op.doctype, {"shopsync_key": op.key}, ["name", "docstatus"], as_dict=True)
		decision = document_batch.decide(op, found)
		if decision == STOP:
			return {"applied": done, "stopped_at": op.key}
		result = _apply_one(op, decision, found, known)
		known[op.key] = result["name"]
		done.append(result)
	return {"applied": done, "stopped_at": None}


def _doctypes(operations, names) -> list[str]:
	"""Every doctype the request may create, checked before anything is read or written."""
	return document_batch.doctypes(_parse(operations, names)[0])


def _parse(operations, names) -> tuple[list[Operation], dict[str, str]]:
	try:
		known = document_batch.parse_names(frappe.parse_json(names) if names else None)
		return document_batch.parse_operations(frappe.parse_json(operations), known), known
	except BatchError as error:
		frappe.throw(str(error), frappe.ValidationError, title=_("shopsync"))


def _apply_one(op: Operation, decision: str | None, found: dict | None, known: dict[str, str]) -> dict:
	try:
		if op.kind == UPDATE_DOCUMENT:
			return _update(op, known)
		if decision == ADOPT:
			return document_batch.applied(op, found["name"], found["docstatus"], "adopted", False)
		if decision == SUBMIT:
			doc = frappe.get_doc(op.doctype, found["name"])
			doc.submit()
			return document_batch.applied(op, doc.name, doc.docstatus, "adopted", True)
		# INSERT: no document holds the key. As POST /api/resource/{doctype} does (frappe/api/v1.py
		# create_doc: `data.pop("doctype")`, then `frappe.new_doc(doctype, **data).insert()`).
		data = _new_document(op, known)
		data.pop("doctype", None)
		doc = frappe.new_doc(op.doctype, **data)
		# Document.insert() then submit() on the same object: insert() drops `__islocal` at its end
		# (frappe/model/document.py), so submit's save runs ERPNext's set_status for a saved document
		# and the Sales Order gets "To Deliver and Bill", as REST's second request does. Neither call
		# ignores permissions: each checks its own ("create", then "submit").
		doc.insert()
		if op.submit:
			doc.submit()
		return document_batch.applied(op, doc.name, doc.docstatus, "inserted", op.submit)
	except RowNotOffered as error:
		_name_the_operation(op)
		frappe.throw(str(error), RowNotOfferedError, title=_("Row not offered"))
	except BatchError as error:
		_name_the_operation(op)
		frappe.throw(str(error), frappe.ValidationError, title=_("shopsync"))
	except Exception:
		# The exception goes on unchanged, so its exc_type and status are what REST would answer;
		# the note only says which operation it was (an informational message, not the headline).
		_name_the_operation(op)
		raise


def _update(op: Operation, known: dict[str, str]) -> dict:
	"""What PUT /api/resource/{doctype}/{name} does after the runner's GET and comparison
	(apply-update-document.ts): frappe/api/v1.py update_doc is `frappe.get_doc(doctype, name,
	for_update=True)`, `doc.update(data)`, `doc.save()`. BaseDocument.update replaces a table field
	given as a list whole (its rows become new child documents: `__dict[key] = []`, then
	`self.extend(key, value)`), and save() deletes the rows no longer listed, as the PUT does; save()
	checks "write" on the document itself. The document is compared as the GET would have carried it
	(frappe.as_json: dates as text, Decimal as float), so a field compares as it does in the runner.
	No `modified` is sent: the read and the write are in this one transaction."""
	name = document_batch.target_name(op, known)
	doc = frappe.get_doc(op.doctype, name, for_update=True)
	current = json.loads(frappe.as_json(doc.as_dict()))
	changes = document_batch.field_changes(document_batch.resolve_refs(op.changes, known), current)
	if changes:
		doc.update(changes)
		doc.save()
	return document_batch.updated(op, doc.name, list(changes))


def _new_document(op: Operation, known: dict[str, str]) -> dict:
	if op.kind == document_batch.ENSURE_DOCUMENT:
		return document_batch.resolve_refs(op.doc, known)
	return document_batch.mapped_document(_mapper_draft(op, known), op, known)


def _mapper_draft(op: Operation, known: dict[str, str]) -> dict:
	"""Runs one of document_batch.MAPPERS in this process, as /api/method would: frappe/handler.py
	execute_cmd is `get_attr(cmd)`, `is_whitelisted(method)`, then `frappe.call(method, **form_dict)`,
	which passes only the keyword arguments the function takes (frappe/__init__.py get_newargs). The
	mapper's own checks stay (get_mapped_doc: read permission on the source, create on the target)."""
	if op.method not in document_batch.MAPPERS:  # parse_operation refused it already; never call another
		raise BatchError(f"{op.method} is not one of the mappers shopsync may call")
	method = frappe.get_attr(op.method)
	frappe.is_whitelisted(method)
	draft = frappe.call(method, **document_batch.resolve_refs(op.args, known))
	# A mapper returns an unsaved Document; over REST it would travel as as_dict(no_nulls=True)
	# (frappe/utils/response.py json_handler), which is what the runner merged `set` into.
	return draft.as_dict(no_nulls=True) if hasattr(draft, "as_dict") else dict(draft)


def _name_the_operation(op: Operation) -> None:
	frappe.msgprint(
		_("shopsync: operation {0} ({1}) failed; nothing of this request was kept").format(op.key, op.doctype),
		title=_("shopsync"),
		indicator="blue",
	)
