# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, now_datetime

from shopsync import rules
from shopsync.log_entries import json_text

SAVEPOINT = "shopsync_sync_failure_action"


class RetryNotAllowedError(frappe.ValidationError):
	"""A status change the Sync Failure status machine (shopsync.rules) rejects."""


class OpenFailureDeleteError(frappe.ValidationError):
	"""Deleting a failure nobody settled would lose it: Sync Failure is not a log."""


class SyncFailure(Document):
	"""A parked event the operator must act on. The status machine is in shopsync.rules (see README.md)."""

	def onload(self):
		# The form shows only the buttons the status machine allows; the rules stay in Python.
		self.set_onload("allowed_actions", rules.allowed_actions(self.status, cint(self.retry_safe), self.category))

	def before_insert(self):
		self.set_seen_times()

	def validate(self):
		self.validate_status_change()
		self.validate_details()
		self.set_requested_action()

	def on_trash(self):
		if not rules.is_deletable(self.status):
			frappe.throw(
				_("A Sync Failure that is {0} cannot be deleted; ignore it first.").format(self.status),
				exc=OpenFailureDeleteError,
			)

	def set_seen_times(self):
		self.first_seen = self.first_seen or now_datetime()
		self.last_seen = self.last_seen or self.first_seen

	def validate_status_change(self):
		if self.is_new():
			if not rules.initial_status_ok(self.status):
				frappe.throw(_("A new Sync Failure starts Open, not {0}.").format(self.status), exc=RetryNotAllowedError)
			return
		before = self.get_doc_before_save()
		if not before:
			return
		# The flag is set by apply_action; a REST update by the runner has none and is
		# accepted when some runner or operator action leads to the new status.
		decision = rules.check_status_change(
			before.status, self.status, cint(self.retry_safe), self.category, self.flags.shopsync_action
		)
		if isinstance(decision, rules.Rejected):
			frappe.throw(decision.reason, title=_("Not Allowed"), exc=RetryNotAllowedError)

	def validate_details(self):
		if self.details and json_text(self.details) is None:
			frappe.throw(_("Details must be a JSON object or list."))

	def set_requested_action(self):
		label = rules.REQUESTED_ACTION_LABELS.get(self.flags.shopsync_action)
		if label:
			self.requested_action = label

	def apply_action(self, action: str):
		"""Apply an operator action and save; validate() checks the same rule again."""
		decision = rules.next_status(self.status, action, cint(self.retry_safe), self.category)
		if isinstance(decision, rules.Rejected):
			frappe.throw(decision.reason, title=_("Not Allowed"), exc=RetryNotAllowedError)
		self.flags.shopsync_action = action
		self.status = decision.status
		self.save()


@frappe.whitelist(methods=["POST"])
def request_retry(names: str | list) -> list[dict]:
	"""Retry: the runner runs the same event again, as it was planned."""
	# The role first; each row's own permission is still checked in _apply_one.
	frappe.has_permission("Sync Failure", "write", throw=True)
	return _apply_to_each(names, rules.RETRY)


@frappe.whitelist(methods=["POST"])
def request_requeue(names: str | list) -> list[dict]:
	"""Requeue: the runner plans the event again from the latest state."""
	frappe.has_permission("Sync Failure", "write", throw=True)
	return _apply_to_each(names, rules.REQUEUE)


@frappe.whitelist(methods=["POST"])
def ignore(names: str | list) -> list[dict]:
	frappe.has_permission("Sync Failure", "write", throw=True)
	return _apply_to_each(names, rules.IGNORE)


@frappe.whitelist()
def failure_groups() -> dict:
	"""Open failures grouped by code (rules.failure_groups), for the list's "Group by code" dialog.

	Answers {"groups": [{code, category, count, retry_safe, shops, oldest, latest, sample}], "note"}.
	"""
	frappe.has_permission("Sync Failure", "read", throw=True)
	rows = frappe.get_list(
		"Sync Failure",
		filters={"status": rules.OPEN},
		fields=["code", "category", "retry_safe", "shop", "last_seen", "message", "summary"],
		order_by="last_seen desc",
		limit_page_length=rules.GROUP_SCAN_LIMIT,
	)
	return {"groups": rules.failure_groups(rows), "note": rules.groups_note(len(rows))}


@frappe.whitelist(methods=["POST"])
def act_on_code(code: str, action: str, shop: str | None = None) -> dict:
	"""Apply one operator action to every Open failure of `code` (and `shop`, if given), oldest first.

	Each row goes through _apply_one: its own permission check and the status machine, so a row the
	machine refuses is reported, not forced. At most rules.CODE_ACTION_LIMIT rows per call; the
	answer says how many were left. Answers {"total", "results" (one per row, STYLE F8), "message"}.
	"""
	frappe.has_permission("Sync Failure", "write", throw=True)
	problem = rules.code_action_problem(code, action)
	if problem:
		frappe.throw(problem)
	code = code.strip()
	shop = (shop or "").strip() or None
	filters = {"status": rules.OPEN, "code": code, **({"shop": shop} if shop else {})}
	total = frappe.db.count("Sync Failure", filters)
	names = frappe.get_all(
		"Sync Failure", filters=filters, pluck="name", order_by="last_seen asc", limit_page_length=rules.CODE_ACTION_LIMIT
	)
	results = [_apply_one(name, action) for name in names]
	return {"total": total, "results": results, "message": rules.code_action_summary(action, code, results, total, shop)}


def _apply_to_each(names, action: str) -> list[dict]:
	"""One result per name (STYLE F8); a rejected row does not stop the others."""
	try:
		parsed = rules.parse_names(names)
	except ValueError as exc:
		frappe.throw(str(exc))
	results = [_apply_one(name, action) for name in parsed]
	if not all(r["ok"] for r in results):
		frappe.msgprint(rules.bulk_summary(action, results), title=_("Not every failure changed"), indicator="orange")
	return results


def _apply_one(name: str, action: str) -> dict:
	if not frappe.db.exists("Sync Failure", name):
		return rules.action_result(name, False, None, "not found")
	doc = frappe.get_doc("Sync Failure", name)
	if not doc.has_permission("write"):
		return rules.action_result(name, False, doc.status, "not permitted")
	decision = rules.next_status(doc.status, action, cint(doc.retry_safe), doc.category)
	if isinstance(decision, rules.Rejected):
		return rules.action_result(name, False, doc.status, decision.reason)

	status_before = doc.status
	messages_before = len(frappe.local.message_log)
	frappe.db.savepoint(SAVEPOINT)
	try:
		doc.apply_action(action)
	except (frappe.ValidationError, frappe.PermissionError) as exc:
		# Only this row is undone; its reason goes into the result and the summary.
		frappe.db.rollback(save_point=SAVEPOINT)
		del frappe.local.message_log[messages_before:]
		return rules.action_result(name, False, status_before, str(exc) or type(exc).__name__)
	return rules.action_result(name, True, doc.status)
