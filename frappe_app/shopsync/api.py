"""Whitelisted methods the runner calls (STYLE F8): explicit arguments, per-entry results.

POST /api/method/shopsync.api.record_sync_logs  {"entries": [{"event_id": ..., "status": ...}, ...]}
POST /api/method/shopsync.api.record_sync_failures  {"entries": [{"failure_key": ..., "state": ...}, ...]}
POST /api/method/shopsync.api.record_runner_health  {"entry": {"runner_name": ..., "heartbeat_seconds": ...}}
GET  /api/method/shopsync.api.silent_runner_count  (the Silent Runners number card)
"""

from __future__ import annotations

from collections.abc import Callable

import frappe
from frappe import _
from frappe.utils import get_system_timezone, now_datetime

import shopsync
from shopsync import rules
from shopsync.failure_entries import (
	INSERT_STATES,
	FailureEntry,
	changed_failure_fields,
	failure_result,
	parse_failure_entry,
	reconcile_actions,
)
from shopsync.log_entries import Entry, changed_fields, parse_log_entry
from shopsync.runner_health import RunnerHealth, parse_runner_health, runner_result, silent_runners

SAVEPOINT = "shopsync_record_sync_log"


@frappe.whitelist(methods=["POST"])
def record_sync_logs(entries: str | list) -> list[dict]:
	"""Create or update one Sync Log per entry, keyed by event_id.

	Sending the same entry twice changes nothing ("unchanged"), so the runner can resend a
	batch after a timeout. A bad entry gets its own result; the others are still recorded.
	"""
	frappe.has_permission("Sync Log", "create", throw=True)
	rows = _entry_list(entries)
	site_timezone = get_system_timezone()
	return [_record_one(raw, site_timezone) for raw in rows]


@frappe.whitelist(methods=["POST"])
def record_sync_failures(entries: str | list) -> list[dict]:
	"""Create or update one Sync Failure per entry, keyed by failure_key, and walk its status to the
	runner's state through the status machine's own steps (failure_entries.reconcile_actions).

	Each result carries the row's status and requested_action, so the runner learns what an
	operator asked for in the Desk. Resending an entry changes nothing ("unchanged"); a bad entry
	gets its own result and the others are still recorded.
	"""
	frappe.has_permission("Sync Failure", "create", throw=True)
	rows = _entry_list(entries)
	site_timezone = get_system_timezone()
	return [_record_failure(raw, site_timezone) for raw in rows]


@frappe.whitelist(methods=["POST"])
def record_runner_health(entry: str | dict) -> dict:
	"""Create or update the runner's Sync Runner row (named by runner_name) and replace its flows.

	last_heartbeat is the site's clock at receipt, never the runner's. Sending the same entry again
	changes only last_heartbeat. A bad entry is answered "invalid" with the reason; nothing is written.
	"""
	frappe.has_permission("Sync Runner", "create", throw=True)
	frappe.has_permission("Sync Runner", "write", throw=True)
	raw = frappe.parse_json(entry)
	runner_name = raw.get("runner_name") if isinstance(raw, dict) else None
	parsed = parse_runner_health(raw, get_system_timezone())
	if not isinstance(parsed, RunnerHealth):
		return runner_result(runner_name, "invalid", message=parsed.reason)
	return _in_two_passes(lambda: _upsert_runner(parsed), lambda message: runner_result(runner_name, "error", message=message))


@frappe.whitelist()
def silent_runner_count(filters=None) -> dict:
	"""The Silent Runners number card (type Custom): runners past SILENT_AFTER_BEATS missed heartbeats,
	by the site's clock and each runner's own interval, as the list's Silent indicator counts them."""
	frappe.has_permission("Sync Runner", "read", throw=True)
	rows = frappe.get_all("Sync Runner", fields=["name", "last_heartbeat", "heartbeat_seconds"], limit_page_length=0, order_by=None)
	silent = silent_runners(((r.name, r.last_heartbeat, r.heartbeat_seconds) for r in rows), now_datetime())
	return {"value": len(silent), "fieldtype": "Int", "route": ["List", "Sync Runner"]}


@frappe.whitelist(methods=["GET"])
def app_version() -> dict:
	"""The installed companion app's version, for the runner's `doctor` (it warns when it is not its own)."""
	frappe.has_permission("Sync Log", "read", throw=True)
	return {"app": "shopsync", "version": shopsync.__version__}


def _entry_list(entries: str | list) -> list:
	rows = frappe.parse_json(entries)
	if not isinstance(rows, list):
		frappe.throw(_("entries must be a list"), frappe.ValidationError)
	return rows


def _record_one(raw: object, site_timezone: str) -> dict:
	event_id = raw.get("event_id") if isinstance(raw, dict) else None
	parsed = parse_log_entry(raw, site_timezone)
	if not isinstance(parsed, Entry):
		return _result(event_id, None, "invalid", parsed.reason)
	return _in_two_passes(lambda: _upsert(parsed.fields), lambda message: _result(event_id, None, "error", message))


def _record_failure(raw: object, site_timezone: str) -> dict:
	failure_key = raw.get("failure_key") if isinstance(raw, dict) else None
	parsed = parse_failure_entry(raw, site_timezone)
	if not isinstance(parsed, FailureEntry):
		return failure_result(failure_key, "invalid", message=parsed.reason)
	return _in_two_passes(lambda: _upsert_failure(parsed), lambda message: failure_result(failure_key, "error", message=message))


def _in_two_passes(upsert: Callable[[], dict], error: Callable[[str], dict]) -> dict:
	# Two passes: if a concurrent call inserted the same key between our lookup and our insert,
	# the unique index refuses ours and the second pass updates that row instead.
	for _pass in (1, 2):
		messages_before = len(frappe.local.message_log)
		frappe.db.savepoint(SAVEPOINT)
		try:
			return upsert()
		except (frappe.UniqueValidationError, frappe.DuplicateEntryError) as exc:
			_forget(messages_before)
			failure = exc
		except (frappe.ValidationError, frappe.PermissionError) as exc:
			_forget(messages_before)
			return error(str(exc) or type(exc).__name__)
	return error(str(failure) or type(failure).__name__)


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


def _upsert_failure(entry: FailureEntry) -> dict:
	failure_key = entry.fields["failure_key"]
	name = frappe.db.get_value("Sync Failure", {"failure_key": failure_key}, "name")
	if not name:
		if entry.state not in INSERT_STATES:
			return failure_result(failure_key, "skipped", message="nothing open to record")
		doc = frappe.get_doc({"doctype": "Sync Failure", **entry.fields, "status": rules.OPEN}).insert()
		_reconcile(doc, entry.state)
		return failure_result(failure_key, "created", doc)
	doc = frappe.get_doc("Sync Failure", name)
	updates = changed_failure_fields(doc.as_dict(), entry.fields)
	doc.update(updates)
	moved = _reconcile(doc, entry.state)
	if updates and not moved:
		doc.save()
	return failure_result(failure_key, "updated" if updates or moved else "unchanged", doc)


def _upsert_runner(health: RunnerHealth) -> dict:
	fields = {**health.fields, "last_heartbeat": now_datetime()}
	rows = [dict(row) for row in health.flows]
	if not frappe.db.exists("Sync Runner", health.runner_name):
		doc = frappe.get_doc({"doctype": "Sync Runner", **fields, "flows": rows}).insert()
		return runner_result(health.runner_name, "created", doc)
	doc = frappe.get_doc("Sync Runner", health.runner_name)
	doc.update(fields)
	# Replaced, not merged: the runner's report is the whole truth about its flows.
	doc.set("flows", rows)
	doc.save()
	return runner_result(health.runner_name, "updated", doc)


def _reconcile(doc, state: str) -> bool:
	# One save per step, so the controller checks each step against the status machine; the
	# first step's save also writes the descriptive fields.
	actions = reconcile_actions(doc.status, state)
	for action in actions:
		doc.apply_action(action)
	return bool(actions)


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
