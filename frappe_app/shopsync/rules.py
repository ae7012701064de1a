"""Sync Failure status machine, list indicator colours and operator messages.

No frappe import on purpose (STYLE F6): CI tests this module with plain unittest,
and the controllers, the Desk JS and the doctype JSON options are checked against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

# Sync Failure statuses, in the order the Select field lists them.
OPEN = "Open"
RETRY_REQUESTED = "Retry Requested"
RETRYING = "Retrying"
RESOLVED = "Resolved"
IGNORED = "Ignored"
FAILURE_STATUSES = (OPEN, RETRY_REQUESTED, RETRYING, RESOLVED, IGNORED)

# DESIGN §4, in the same order.
CATEGORIES = (
	"transient",
	"rate_limited",
	"auth",
	"mapping",
	"validation",
	"conflict",
	"drift",
	"internal",
)

# One Sync Log row per processed event; the terminal states are DESIGN G2's outcomes.
SYNC_LOG_STATUSES = (
	"Received",
	"Applied",
	"Duplicate",
	"Superseded",
	"Echo",
	"Skipped",
	"Failed",
	"Shadow",
)

# Operator actions (Desk buttons) and runner actions (the runner writes the status over REST).
RETRY = "retry"  # run the same event again, as it was planned
REQUEUE = "requeue"  # plan the event again from the latest state
IGNORE = "ignore"
START = "start"  # runner picked up a requested retry
RESOLVE = "resolve"  # the event went through, or the drift is gone
FAIL = "fail"  # the retry failed again
REOPEN = "reopen"  # the same event failed with the same code after it was resolved
OPERATOR_ACTIONS = (RETRY, REQUEUE, IGNORE)
RUNNER_ACTIONS = (START, RESOLVE, FAIL, REOPEN)
ACTIONS = OPERATOR_ACTIONS + RUNNER_ACTIONS

# Stored in Sync Failure.requested_action so the runner knows what the operator asked for
# when it finds a row in Retry Requested.
REQUESTED_ACTION_LABELS = {RETRY: "Retry", REQUEUE: "Requeue"}

# Categories whose cause is fixed outside shopsync and then retried (DESIGN §4: "fix credentials,
# then retry", "add the mapping, then retry", "fix in ERPNext, then retry"), plus the two that
# retry by themselves. Pressing Retry on one of these declares the cause fixed. For conflict,
# drift and internal a plain retry repeats the same decision, so it needs retry_safe.
FIX_THEN_RETRY_CATEGORIES = frozenset({"transient", "rate_limited", "auth", "mapping", "validation"})

# (current status, action) -> next status. Everything not listed is rejected.
TRANSITIONS = {
	(OPEN, RETRY): RETRY_REQUESTED,
	(OPEN, REQUEUE): RETRY_REQUESTED,
	(OPEN, IGNORE): IGNORED,
	(OPEN, RESOLVE): RESOLVED,
	(RETRY_REQUESTED, IGNORE): IGNORED,
	(RETRY_REQUESTED, START): RETRYING,
	(RETRYING, RESOLVE): RESOLVED,
	(RETRYING, FAIL): OPEN,
	(RESOLVED, REQUEUE): RETRY_REQUESTED,
	(RESOLVED, REOPEN): OPEN,
	(IGNORED, REQUEUE): RETRY_REQUESTED,
}

TERMINAL_STATUSES = frozenset({RESOLVED, IGNORED})


@dataclass(frozen=True)
class Allowed:
	status: str


@dataclass(frozen=True)
class Rejected:
	reason: str


def next_status(current: str, action: str, retry_safe: bool, category: str | None = None) -> Allowed | Rejected:
	"""Decide where a Sync Failure goes when `action` is applied to it.

	`category` lets a retry through without `retry_safe` when the category's cause is one
	an operator fixes before retrying (FIX_THEN_RETRY_CATEGORIES).
	"""
	if current not in FAILURE_STATUSES:
		return Rejected(f"Unknown Sync Failure status {current!r}.")
	if action not in ACTIONS:
		return Rejected(f"Unknown action {action!r}.")
	target = TRANSITIONS.get((current, action))
	if target is None:
		return Rejected(_rejection_reason(current, action))
	if action == RETRY and not retry_safe and category not in FIX_THEN_RETRY_CATEGORIES:
		return Rejected(
			f"Retrying {_with_article(category or 'uncategorised')} failure would repeat the same decision; "
			"requeue it to plan again from the latest state, or ignore it."
		)
	return Allowed(target)


def _with_article(word: str) -> str:
	"""'an internal', 'a mapping': the article English puts before the category's name."""
	return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _rejection_reason(current: str, action: str) -> str:
	if current == RETRYING and action in OPERATOR_ACTIONS:
		return "The runner is retrying this failure now; wait for the result."
	if current == RETRY_REQUESTED and action in (RETRY, REQUEUE):
		return "A retry is already requested; the runner will pick it up."
	if current in TERMINAL_STATUSES and action in OPERATOR_ACTIONS:
		return f"A {current} failure can only be requeued."
	return f"A failure that is {current} cannot be moved by '{action}'."


def allowed_actions(current: str, retry_safe: bool, category: str | None) -> list[str]:
	"""Operator actions the form shows as buttons."""
	return [a for a in OPERATOR_ACTIONS if isinstance(next_status(current, a, retry_safe, category), Allowed)]


def check_status_change(
	current: str, new: str, retry_safe: bool, category: str | None, action: str | None = None
) -> Allowed | Rejected:
	"""Validate a saved status change.

	With `action` (set by the whitelisted methods) the change must be exactly that action's
	result. Without it (the runner's REST update), some action must lead from `current` to `new`.
	"""
	if current == new and action is None:
		return Allowed(new)
	candidates = [action] if action else [a for (s, a), t in TRANSITIONS.items() if s == current and t == new]
	decision: Allowed | Rejected = Rejected(f"A Sync Failure cannot go from {current} to {new}.")
	for candidate in candidates:
		decision = next_status(current, candidate, retry_safe, category)
		if isinstance(decision, Allowed):
			if decision.status == new:
				return decision
			decision = Rejected(f"'{candidate}' moves a {current} failure to {decision.status}, not {new}.")
	return decision


def initial_status_ok(status: str) -> bool:
	"""A failure is born Open; anything else would skip the operator."""
	return status == OPEN


def is_deletable(status: str) -> bool:
	"""Sync Failure is not a log: only a settled failure may be deleted (STYLE F4)."""
	return status in TERMINAL_STATUSES


def status_on_recurrence(current: str) -> str:
	"""Status when the runner reports the same failure (same failure_key) again.

	A failed retry or a recurring resolved failure is Open again; an operator's pending
	request or Ignore stands.
	"""
	for action in (FAIL, REOPEN):
		target = TRANSITIONS.get((current, action))
		if target:
			return target
	return current


# Frappe indicator colours. The list views copy these tables; tests/test_desk.py keeps them equal.
FAILURE_STATUS_COLORS = {
	OPEN: "red",
	RETRY_REQUESTED: "orange",
	RETRYING: "blue",
	RESOLVED: "green",
	IGNORED: "gray",
}
CATEGORY_COLORS = {
	"transient": "yellow",
	"rate_limited": "yellow",
	"auth": "red",
	"mapping": "orange",
	"validation": "orange",
	"conflict": "purple",
	"drift": "cyan",
	"internal": "red",
}
SYNC_LOG_STATUS_COLORS = {
	"Received": "blue",
	"Applied": "green",
	"Duplicate": "gray",
	"Superseded": "gray",
	"Echo": "gray",
	"Skipped": "yellow",
	"Failed": "red",
	"Shadow": "purple",
}


def failure_indicator(status: str, category: str) -> tuple[str, str, str]:
	"""(label, colour, list filter) for a Sync Failure row.

	The label is the status only (the category has its own column and filter). An Open failure is
	coloured by its category, since that says what the operator must do, and filters by it too.
	"""
	if status == OPEN and category in CATEGORY_COLORS:
		return (OPEN, CATEGORY_COLORS[category], f"status,=,{OPEN}|category,=,{category}")
	return (status, FAILURE_STATUS_COLORS.get(status, "gray"), f"status,=,{status}")


def sync_log_indicator(status: str) -> tuple[str, str, str]:
	return (status, SYNC_LOG_STATUS_COLORS.get(status, "gray"), f"status,=,{status}")


# Messages.

ACTION_DONE = {
	RETRY: "Retry requested",
	REQUEUE: "Requeue requested",
	IGNORE: "Ignored",
}


def parse_names(value: object) -> list[str]:
	"""Names from a whitelisted call: a list, a JSON list string or one name; de-duplicated in order."""
	if isinstance(value, str):
		stripped = value.strip()
		# Desk's frappe.call sends a list as a JSON string; a bare string is one name.
		value = json.loads(stripped) if stripped[:1] in ("[", "{") else [stripped]
	if not isinstance(value, (list, tuple)):
		raise ValueError("names must be a list of Sync Failure names")
	names: list[str] = []
	for item in value:
		if not isinstance(item, str) or not item.strip():
			raise ValueError(f"not a Sync Failure name: {item!r}")
		if item.strip() not in names:
			names.append(item.strip())
	return names


def bulk_summary(action: str, results: list[dict]) -> str:
	"""One line for the operator after a bulk action, naming every row that did not change."""
	done = sum(1 for r in results if r.get("ok"))
	rejected = [r for r in results if not r.get("ok")]
	noun = "failure" if done == 1 else "failures"
	text = f"{ACTION_DONE.get(action, action)}: {done} {noun}."
	if rejected:
		details = "; ".join(f"{r['name']}: {r.get('message') or 'not changed'}" for r in rejected)
		text += f" Not changed ({len(rejected)}): {details}"
	return text


def action_result(name: str, ok: bool, status: str | None, message: str = "") -> dict:
	"""The per-name result the whitelisted methods return (STYLE F8)."""
	return {"name": name, "ok": ok, "status": status, "message": message}


# Grouping by code (the Desk's "Group by code" dialog and its Requeue all / Ignore all).

# Rows one act_on_code call changes: each row is saved on its own (its own validate and version),
# so the request stays well inside a web worker's timeout; the answer says when more are left.
CODE_ACTION_LIMIT = 500
# Open rows failure_groups reads to build the groups; the answer says when there were more.
GROUP_SCAN_LIMIT = 10000
SAMPLE_LENGTH = 200
# Rows the sentence names when some did not change; every row is still in the per-row results.
NAMED_REJECTIONS = 10

# Verb of the one-sentence answer to act_on_code.
CODE_ACTION_DONE = {
	RETRY: "Requested a retry of",
	REQUEUE: "Requeued",
	IGNORE: "Ignored",
}


def code_action_problem(code: object, action: object) -> str | None:
	"""Why act_on_code cannot run with these arguments, or None."""
	if not isinstance(code, str) or not code.strip():
		return "code must be a failure code, e.g. erpnext.server_error."
	if action not in OPERATOR_ACTIONS:
		return f"action must be one of {', '.join(OPERATOR_ACTIONS)}, not {action!r}."
	return None


def failure_groups(rows: list[dict]) -> list[dict]:
	"""Open failures grouped by code, the largest group first.

	Each row needs code, category, retry_safe, shop, last_seen and message (or summary); the rows
	are expected newest first, so the sample is the latest sentence of its code. last_seen values
	are compared as they come (datetimes, or ISO strings), never mixed.
	"""
	groups: dict[str, dict] = {}
	categories: dict[str, dict[str, int]] = {}
	for row in rows:
		code = row.get("code") or ""
		group = groups.get(code)
		if group is None:
			group = groups[code] = {
				"code": code,
				"category": "",
				"count": 0,
				"retry_safe": 0,
				"shops": [],
				"oldest": None,
				"latest": None,
				"sample": _clip(row.get("message") or row.get("summary") or "", SAMPLE_LENGTH),
			}
			categories[code] = {}
		group["count"] += 1
		group["retry_safe"] += 1 if row.get("retry_safe") else 0
		shop = row.get("shop")
		if shop and shop not in group["shops"]:
			group["shops"].append(shop)
		seen = row.get("last_seen")
		if seen is not None:
			group["oldest"] = seen if group["oldest"] is None else min(group["oldest"], seen)
			group["latest"] = seen if group["latest"] is None else max(group["latest"], seen)
		category = row.get("category") or ""
		categories[code][category] = categories[code].get(category, 0) + 1
	for code, group in groups.items():
		group["category"] = _most_common_category(categories[code])
		group["shops"].sort()
	return sorted(groups.values(), key=lambda g: (-g["count"], g["code"]))


def _most_common_category(counts: dict[str, int]) -> str:
	# A code has one category (C5's FAILURE_CODES table); if old rows disagree, the majority wins,
	# ties going to the category listed first in DESIGN §4.
	order = {c: i for i, c in enumerate(CATEGORIES)}
	return min(counts, key=lambda c: (-counts[c], order.get(c, len(order)), c)) if counts else ""


def _clip(text: str, limit: int) -> str:
	text = " ".join(str(text).split())
	return text if len(text) <= limit else text[: limit - 1] + "…"


def groups_note(scanned: int, limit: int = GROUP_SCAN_LIMIT) -> str:
	"""Said under the groups when failure_groups stopped reading at its limit."""
	if scanned < limit:
		return ""
	return f"Counted the {limit} most recent open failures only; act on the largest groups and open the list again."


def code_action_summary(
	action: str, code: str, results: list[dict], total: int, shop: str | None = None, limit: int = CODE_ACTION_LIMIT
) -> str:
	"""The one sentence act_on_code answers: what changed, what did not and why, what is left."""
	done = sum(1 for r in results if r.get("ok"))
	where = f" for {shop}" if shop else ""
	if total == 0:
		return f"No open failures of {code}{where}."
	noun = "failure" if done == 1 else "failures"
	text = f"{CODE_ACTION_DONE.get(action, action)} {done} {noun} of {code}{where}."
	rejected = [r for r in results if not r.get("ok")]
	if rejected:
		shown = rejected[:NAMED_REJECTIONS]
		details = "; ".join(f"{r['name']}: {(r.get('message') or 'not changed').rstrip('.')}" for r in shown)
		more = f"; and {len(rejected) - len(shown)} more" if len(rejected) > len(shown) else ""
		text += f" Not changed ({len(rejected)}): {details}{more}."
	if total > len(results):
		left = total - len(results)
		text += (
			f" Stopped at {limit} per call; {left} more open {'failure' if left == 1 else 'failures'} "
			f"of {code}{where} {'was' if left == 1 else 'were'} not reached: run it again."
		)
	return text
