"""Checks one Sync Failure entry sent by the runner (api.record_sync_failures), and decides how the
row's status follows the runner's own state of that failure.

No frappe import (STYLE F6): a bad entry becomes a per-entry result with a reason, and the status
walk is a table of rules.py actions, both tested without a site; api.py only does the database work.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopsync.log_entries import DATA_MAX, SUBJECT_FIELDS, Invalid, entry_problem, json_text, plain_fields, stored_text
from shopsync.rules import (
	CATEGORIES,
	FAIL,
	IGNORE,
	IGNORED,
	OPEN,
	REOPEN,
	REQUEUE,
	RESOLVE,
	RESOLVED,
	RETRY_REQUESTED,
	RETRYING,
	START,
)

# The runner's own status of a failure; not stored, it only decides the status walk.
RUNNER_OPEN = "open"
RUNNER_RETRYING = "retrying"
RUNNER_RESOLVED = "resolved"
RUNNER_IGNORED = "ignored"
RUNNER_STATES = (RUNNER_OPEN, RUNNER_RETRYING, RUNNER_RESOLVED, RUNNER_IGNORED)
# A failure the runner settled before the app saw it needs no operator, so it gets no row.
INSERT_STATES = frozenset({RUNNER_OPEN, RUNNER_RETRYING})

# Data columns are varchar(140), as in log_entries; message and suggested_action are Small Text.
DATA_FIELDS = ("failure_key", "code", "event_id", "topic", "shop", "resource_key", "reference_doctype", "reference_name", *SUBJECT_FIELDS)
TEXT_FIELDS = ("message", "suggested_action")
DATETIME_FIELDS = ("first_seen", "last_seen")
FAILURE_FIELDS = (*DATA_FIELDS, "category", *TEXT_FIELDS, "retry_safe", "attempts", *DATETIME_FIELDS, "details")
ENTRY_FIELDS = ("state", *FAILURE_FIELDS)
REQUIRED_FIELDS = ("failure_key", "state", "code", "category", "message")

# (row status, runner state) -> rules actions, applied in order, each a step rules.TRANSITIONS allows.
# The row ends in the status the runner's state implies, except where it holds an operator's word the
# runner has not read yet: Retry Requested or Ignored while the runner still reports the failure open.
# That word stands, and the result carries it back to the runner. Resolved and Ignored are both settled,
# so the runner settling it the other way changes nothing.
RECONCILE = {
	(OPEN, RUNNER_OPEN): (),
	(RETRY_REQUESTED, RUNNER_OPEN): (),
	(RETRYING, RUNNER_OPEN): (FAIL,),
	(RESOLVED, RUNNER_OPEN): (REOPEN,),
	(IGNORED, RUNNER_OPEN): (),
	(OPEN, RUNNER_RETRYING): (REQUEUE, START),
	(RETRY_REQUESTED, RUNNER_RETRYING): (START,),
	(RETRYING, RUNNER_RETRYING): (),
	(RESOLVED, RUNNER_RETRYING): (REQUEUE, START),
	(IGNORED, RUNNER_RETRYING): (REQUEUE, START),
	(OPEN, RUNNER_RESOLVED): (RESOLVE,),
	(RETRY_REQUESTED, RUNNER_RESOLVED): (START, RESOLVE),
	(RETRYING, RUNNER_RESOLVED): (RESOLVE,),
	(RESOLVED, RUNNER_RESOLVED): (),
	(IGNORED, RUNNER_RESOLVED): (),
	(OPEN, RUNNER_IGNORED): (IGNORE,),
	(RETRY_REQUESTED, RUNNER_IGNORED): (IGNORE,),
	(RETRYING, RUNNER_IGNORED): (FAIL, IGNORE),
	(RESOLVED, RUNNER_IGNORED): (),
	(IGNORED, RUNNER_IGNORED): (),
}

OK_RESULTS = frozenset({"created", "updated", "unchanged", "skipped"})


@dataclass(frozen=True)
class FailureEntry:
	state: str
	fields: dict


def parse_failure_entry(raw: object, site_timezone: str) -> FailureEntry | Invalid:
	"""Turn the runner's dict into the runner's state and Sync Failure field values, or say why not.

	A field that is absent or null is left as the row has it. Datetimes with an offset are converted
	to the site's time zone, as log_entries does.
	"""
	problem = entry_problem(raw, ENTRY_FIELDS, REQUIRED_FIELDS)
	if problem is not None:
		return problem
	if raw["state"] not in RUNNER_STATES:
		return Invalid(f"state {raw['state']!r} is not one of {', '.join(RUNNER_STATES)}")
	if raw["category"] not in CATEGORIES:
		return Invalid(f"category {raw['category']!r} is not one of {', '.join(CATEGORIES)}")
	values = plain_fields(raw, DATA_FIELDS, TEXT_FIELDS, DATETIME_FIELDS, site_timezone)
	if isinstance(values, Invalid):
		return values
	fields: dict = {"category": raw["category"], **values}
	if "message" in fields:
		fields["summary"] = short_message(fields["message"], fields.get("subject"))
	if raw.get("retry_safe") is not None:
		if not isinstance(raw["retry_safe"], bool):
			return Invalid("retry_safe must be true or false")
		fields["retry_safe"] = int(raw["retry_safe"])
	if raw.get("attempts") is not None:
		attempts = raw["attempts"]
		if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1:
			return Invalid(f"attempts must be a whole number of at least 1, not {attempts!r}")
		fields["attempts"] = attempts
	if raw.get("details") is not None:
		if not isinstance(raw["details"], dict):
			return Invalid("details must be a JSON object")
		fields["details"] = json_text(raw["details"])
	return FailureEntry(raw["state"], fields)


def short_message(message: str, subject: str | None = None) -> str:
	"""What happened, for the list's Short Message column (a Data field, so one line of at most DATA_MAX).

	The runner's sentence reads "<subject> <what happened>; <what to do>." (core's describeFailure):
	the subject has its own column and the action its own field, so both are left out here.
	"Order #1042 has line "Mug" without a SKU, ...; add the missing mapping, then retry." ->
	"has line "Mug" without a SKU, ..."
	"""
	text = " ".join(message.split())
	if subject and text.startswith(subject + " "):
		text = text[len(subject) + 1 :]
	what, _, _ = text.partition("; ")
	what = what.rstrip(".")
	if len(what) > DATA_MAX:
		what = what[: DATA_MAX - 1].rstrip() + "…"
	return what


def reconcile_actions(current_status: str, runner_state: str) -> list[str]:
	"""The rules actions that walk a row from `current_status` to the runner's state (RECONCILE)."""
	actions = RECONCILE.get((current_status, runner_state))
	if actions is None:
		raise ValueError(f"No reconcile step for a {current_status!r} failure in runner state {runner_state!r}.")
	return list(actions)


def changed_failure_fields(current: dict, incoming: dict) -> dict:
	"""Descriptive fields whose stored value differs; an empty result means nothing to write.

	first_seen only fills a blank: the first sighting does not move.
	"""
	return {
		k: v
		for k, v in incoming.items()
		if k != "failure_key"
		and not (k == "first_seen" and current.get("first_seen"))
		and stored_text(current.get(k)) != stored_text(v)
	}


def failure_result(failure_key: object, result: str, row=None, message: str = "") -> dict:
	"""The per-entry result (STYLE F8). `row` is the Sync Failure after the call (anything with .get), or None.

	requested_action tells the runner what an operator asked for in the Desk; blank is null.
	"""
	return {
		"failure_key": failure_key,
		"name": row.get("name") if row is not None else None,
		"ok": result in OK_RESULTS,
		"result": result,
		"status": row.get("status") if row is not None else None,
		"requested_action": (row.get("requested_action") or None) if row is not None else None,
		"message": message,
	}
