"""Whitelisted methods the runner calls (STYLE F8): explicit arguments, per-entry results.

POST /api/method/shopsync.api.record_sync_logs  {"entries": [{"event_id": ..., "status": ...}, ...]}
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_system_timezone

from shopsync.log_entries import Entry, changed_fields, parse_log_entry

SAVEPOINT = "shopsync_record_sync_log"


@frappe.whitelist(methods=["POST"])
def record_sync_logs(entries: str | list) -> list[dict]:
	"""Create or update one Sync Log per entry, keyed by event_id.

	Sending the same entry twice changes nothing ("unchanged"), so the runner can resend a
	batch after a timeout. A bad entry gets its own result; the others are still recorded.
	"""
	frappe.has_permission("Sync Log", "create", throw=True)
	rows = frappe.parse_json(entries)
	if not isinstance(rows, list):
		frappe.throw(_("entries must be a list"), frappe.ValidationError)
	site_timezone = get_system_timezone()
	return [_record_one(raw, site_timezone) for raw in rows]


def _record_one(raw: object, site_timezone: str) -> dict:
	event_id = raw.get("event_id") if isinstance(raw, dict) else None
	parsed = parse_log_entry(raw, site_timezone)
	if not isinstance(parsed, Entry):
		return _result(event_id, None, "invalid", parsed.reason)

	# Two passes: if a concurrent call inserted the same event_id between our lookup and our
	# insert, the unique index refuses ours and the second pass updates that row instead.
	for _pass in (1, 2):
		messages_before = len(frappe.local.message_log)
		frappe.db.savepoint(SAVEPOINT)
		try:
			return _upsert(parsed.fields)
		except (frappe.UniqueValidationError, frappe.DuplicateEntryError) as exc:
			_forget(messages_before)
			error = exc
		except (frappe.ValidationError, frappe.PermissionError) as exc:
			_forget(messages_before)
			return _result(event_id, None, "error", str(exc) or type(exc).__name__)
	return _result(event_id, None, "error", str(error) or type(error).__name__)


def _upsert(fields: dict) -> dict:
	name = frappe.db.get_value("Sync Log", {"event_id": fields["event_id"]}, "name")
	if not name:
		doc = frappe.get_doc({"doctype": "Sync Log", **fields}).insert()
		return _result(fields["event_id"], doc.name, "created")
	doc = frappe.get_doc("Sync Log", name)
	updates = changed_fields(doc.as_dict(), fields)
	if not updates:
		return _result(fields["event_id"], name, "unchanged")
	doc.update(updates)
	doc.save()
	return _result(fields["event_id"], name, "updated")


def _forget(messages_before: int) -> None:
	# Undo the failed entry's writes, and drop the message frappe.throw queued for it:
	# the entry's result already carries the reason.
	frappe.db.rollback(save_point=SAVEPOINT)
	del frappe.local.message_log[messages_before:]


def _result(event_id: str | None, name: str | None, result: str, message: str = "") -> dict:
	return {
		"event_id": event_id,
		"name": name,
		"ok": result in ("created", "updated", "unchanged"),
		"result": result,
		"message": message,
	}
