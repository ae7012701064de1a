"""Alert the Shopsync Manager role when failures need a person, without a mail per failure.

An hourly check (hooks.py scheduler_events) compares the open Sync Failures with what the last
check saw and alerts when
- a failure code opens that was not open at the last check (a new kind of problem), or
- the number of open failures reaches the threshold (a pile-up of known problems).
A code that stays open does not alert again; once all its failures are closed it is forgotten, so
it alerts again if it comes back. The threshold alert re-arms only after the count falls below half
the threshold, so a count hovering around it does not alert every hour.

A second hourly check alerts when a runner goes silent (runner_health.runner_state): once per
silence, not every hour. A runner that beats again is forgotten, so it alerts again if it falls
silent again.

decide_alert and decide_runner_alert are pure (no frappe import at module level, STYLE F6);
send_failure_alerts and send_runner_alerts are the thin parts that read the rows, keep the state in
a global default and write Notification Logs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from shopsync import rules
from shopsync.runner_health import silent_runners

ALERT_ROLE = "Shopsync Manager"
# Until a site gives the role to someone, the alert goes to the System Managers rather than nobody.
FALLBACK_ROLE = "System Manager"
OPEN_FAILURE_THRESHOLD = 25
STATE_KEY = "shopsync_failure_alert_state"
RUNNER_STATE_KEY = "shopsync_runner_alert_state"
NO_CODE = "(no code)"
MAX_LISTED_CODES = 10


@dataclass(frozen=True)
class AlertState:
	"""What the last check saw: the open codes and whether the threshold alert has fired."""

	codes: frozenset[str] = frozenset()
	over_threshold: bool = False

	def to_json(self) -> str:
		return json.dumps({"codes": sorted(self.codes), "over_threshold": self.over_threshold}, sort_keys=True)

	@classmethod
	def from_json(cls, text: str | None) -> AlertState | None:
		"""None for no state or an unreadable one: the next check then treats every open code as new."""
		if not text:
			return None
		try:
			raw = json.loads(text)
			codes = raw["codes"]
			over = raw["over_threshold"]
		except (ValueError, TypeError, KeyError):
			return None
		if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes) or not isinstance(over, bool):
			return None
		return cls(frozenset(codes), over)


@dataclass(frozen=True)
class AlertDecision:
	alert: bool
	open_count: int
	new_codes: tuple[str, ...]  # sorted
	crossed_threshold: bool
	state: AlertState  # store this for the next check, alert or not
	subject: str = ""
	lines: tuple[str, ...] = field(default=())


def decide_alert(
	open_failures: Iterable[tuple[str | None, object]],
	previous: AlertState | None,
	threshold: int = OPEN_FAILURE_THRESHOLD,
) -> AlertDecision:
	"""Whether to alert, given the open failures as (code, created) pairs and the last check's state."""
	if threshold < 1:
		raise ValueError("threshold must be at least 1")
	previous = previous or AlertState()
	first_seen: dict[str, str] = {}
	counts: dict[str, int] = {}
	for code, created in open_failures:
		code = code or NO_CODE
		counts[code] = counts.get(code, 0) + 1
		stamp = "" if created is None else str(created)
		if code not in first_seen or (stamp and (not first_seen[code] or stamp < first_seen[code])):
			first_seen[code] = stamp
	open_count = sum(counts.values())

	new_codes = tuple(sorted(set(counts) - previous.codes))
	rearm_below = threshold / 2
	over = open_count >= threshold or (previous.over_threshold and open_count >= rearm_below)
	crossed = over and not previous.over_threshold
	state = AlertState(frozenset(counts), over)
	if not (new_codes or crossed):
		return AlertDecision(False, open_count, new_codes, crossed, state)
	return AlertDecision(
		True,
		open_count,
		new_codes,
		crossed,
		state,
		alert_subject(open_count, new_codes, crossed, threshold),
		alert_lines(new_codes, counts, first_seen),
	)


def alert_subject(open_count: int, new_codes: tuple[str, ...], crossed: bool, threshold: int) -> str:
	parts = []
	if new_codes:
		kind = "failure code" if len(new_codes) == 1 else "failure codes"
		listed = ", ".join(new_codes[:3]) + (", …" if len(new_codes) > 3 else "")
		parts.append(f"{len(new_codes)} new {kind} ({listed})")
	if crossed:
		parts.append(f"open failures reached {threshold}")
	noun = "failure" if open_count == 1 else "failures"
	return f"Shopsync: {'; '.join(parts)}. {open_count} open {noun}."


def alert_lines(new_codes: tuple[str, ...], counts: dict[str, int], first_seen: dict[str, str]) -> tuple[str, ...]:
	lines = []
	for code in new_codes[:MAX_LISTED_CODES]:
		since = f" since {first_seen[code][:16]}" if first_seen.get(code) else ""
		lines.append(f"{code}: {counts[code]} open{since}")
	if len(new_codes) > MAX_LISTED_CODES:
		lines.append(f"… and {len(new_codes) - MAX_LISTED_CODES} more new codes")
	return tuple(lines)


@dataclass(frozen=True)
class RunnerAlertDecision:
	alert: bool
	newly_silent: tuple[str, ...]  # sorted
	silent: frozenset[str]  # store this for the next check, alert or not
	subject: str = ""
	lines: tuple[str, ...] = field(default=())


def decide_runner_alert(runners: Iterable[tuple[str, object, object]], previous_silent: frozenset[str] | None, now) -> RunnerAlertDecision:
	"""Whether to alert, given (name, last_heartbeat, heartbeat_seconds) rows in the site's time and the
	runners the last check already found silent (None: no state, every silent runner is new)."""
	rows = list(runners)
	silent = frozenset(silent_runners(rows, now))
	newly = tuple(sorted(silent - (previous_silent or frozenset())))
	if not newly:
		return RunnerAlertDecision(False, newly, silent)
	beats = {name: beat for name, beat, _seconds in rows}
	noun = "runner has" if len(newly) == 1 else "runners have"
	listed = ", ".join(newly[:3]) + (", …" if len(newly) > 3 else "")
	subject = f"Shopsync: {len(newly)} {noun} stopped sending heartbeats ({listed})."
	lines = tuple(f"{name}: last heartbeat {str(beats[name])[:19] if beats[name] else 'never'}" for name in newly[:MAX_LISTED_CODES])
	return RunnerAlertDecision(True, newly, silent, subject, lines)


def silent_state_to_json(silent: frozenset[str]) -> str:
	return json.dumps(sorted(silent))


def silent_state_from_json(text: str | None) -> frozenset[str] | None:
	"""None for no state or an unreadable one: the next check then treats every silent runner as new."""
	if not text:
		return None
	try:
		names = json.loads(text)
	except ValueError:
		return None
	if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
		return None
	return frozenset(names)


def send_failure_alerts() -> None:
	"""Scheduler hook (hourly): read the open failures, decide, notify the alert role's users."""
	import frappe

	rows = frappe.get_all(
		"Sync Failure",
		filters={"status": rules.OPEN},
		fields=["code", "creation"],
		limit_page_length=0,
		order_by=None,
	)
	previous = AlertState.from_json(frappe.db.get_global(STATE_KEY))
	decision = decide_alert(((row.code, row.creation) for row in rows), previous)
	frappe.db.set_global(STATE_KEY, decision.state.to_json())
	if decision.alert:
		notify("Sync Failure", decision.subject, decision.lines)


def send_runner_alerts() -> None:
	"""Scheduler hook (hourly): alert once when a runner stops sending heartbeats."""
	import frappe

	rows = frappe.get_all("Sync Runner", fields=["name", "last_heartbeat", "heartbeat_seconds"], limit_page_length=0, order_by=None)
	previous = silent_state_from_json(frappe.db.get_global(RUNNER_STATE_KEY))
	now = frappe.utils.now_datetime()
	decision = decide_runner_alert(((r.name, r.last_heartbeat, r.heartbeat_seconds) for r in rows), previous, now)
	frappe.db.set_global(RUNNER_STATE_KEY, silent_state_to_json(decision.silent))
	if decision.alert:
		notify("Sync Runner", decision.subject, decision.lines)


def notify(document_type: str, subject: str, lines: tuple[str, ...]) -> None:
	"""One Notification Log per recipient of the alert role."""
	import frappe

	content = "<br>".join(frappe.utils.escape_html(line) for line in lines)
	for user in alert_recipients():
		# Inserting the log rings the user's bell (realtime) and mails it if their settings say so.
		frappe.get_doc({
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": document_type,
			"subject": frappe.utils.escape_html(subject),
			"email_content": content,
		}).insert(ignore_permissions=True)


def alert_recipients() -> list[str]:
	"""Enabled users with the alert role, or with the fallback role when nobody has it."""
	import frappe

	for role in (ALERT_ROLE, FALLBACK_ROLE):
		holders = frappe.get_all("Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent")
		users = frappe.get_all(
			"User",
			filters={"name": ("in", holders or [""]), "enabled": 1, "user_type": "System User"},
			pluck="name",
			order_by="name asc",
		)
		users = [u for u in users if u != "Guest"]
		if users:
			return users
	return []
