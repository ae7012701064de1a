"""The runner's heartbeat (api.record_runner_health) and whether a runner has gone silent.

No frappe import (STYLE F6): the entry check, the Running / Silent rule of the list indicator
(sync_runner_list.js repeats it, tests/test_runner_health.py keeps the two equal) and the Silent
Runners card's count are decided here and tested without a site; api.py only does the database work.

last_heartbeat is never sent by the runner: the site stamps it on receipt with its own clock, so a
runner with a wrong clock cannot look alive (or dead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopsync.log_entries import DATA_MAX, DATETIME_FORMAT, Invalid, to_site_datetime

RUNNING = "Running"
SILENT = "Silent"
# A runner is Silent once this many promised heartbeats are missing: one late beat (a slow ERPNext, a
# restart) is not an outage, three are.
SILENT_AFTER_BEATS = 3
RUNNER_STATE_COLORS = {RUNNING: "green", SILENT: "red"}

COUNT_FIELDS = ("pending", "claimed", "open_failures", "retrying_failures")
FLOW_FIELDS = ("flow", "last_success", "topic")
ENTRY_FIELDS = ("runner_name", "version", "shops", "started_at", "heartbeat_seconds", *COUNT_FIELDS, "erpnext_outage", "shopify_outages", "flows")
REQUIRED_FIELDS = ("runner_name", "heartbeat_seconds")
# A day: a longer promise would keep a dead runner "Running" for days.
MAX_HEARTBEAT_SECONDS = 86_400
MAX_FLOWS = 50
OK_RESULTS = frozenset({"created", "updated"})


@dataclass(frozen=True)
class RunnerHealth:
	runner_name: str
	fields: dict  # Sync Runner values, without last_heartbeat (the site sets it)
	flows: tuple[dict, ...]  # Sync Runner Flow rows: flow, last_success, topic


def parse_runner_health(raw: object, site_timezone: str) -> RunnerHealth | Invalid:
	"""Turn the runner's heartbeat into Sync Runner values and flow rows, or say why it cannot be stored."""
	problem = _shape_problem(raw)
	if problem is not None:
		return problem
	fields: dict = {}
	for name in ("runner_name", "version"):
		value = raw.get(name)
		if value is None:
			continue
		if not isinstance(value, str) or len(value) > DATA_MAX or not value.strip():
			return Invalid(f"{name} must be a non-blank string of at most {DATA_MAX} characters")
		fields[name] = value.strip()
	if "<" in fields["runner_name"] or ">" in fields["runner_name"]:
		# Frappe refuses these characters in a document name.
		return Invalid("runner_name cannot contain < or >")
	seconds = raw["heartbeat_seconds"]
	if not _whole(seconds) or not 1 <= seconds <= MAX_HEARTBEAT_SECONDS:
		return Invalid(f"heartbeat_seconds must be a whole number from 1 to {MAX_HEARTBEAT_SECONDS}, not {seconds!r}")
	fields["heartbeat_seconds"] = seconds
	for name in COUNT_FIELDS:
		value = raw.get(name)
		if value is None:
			continue
		if not _whole(value) or value < 0:
			return Invalid(f"{name} must be a whole number of at least 0, not {value!r}")
		fields[name] = value
	if raw.get("erpnext_outage") is not None:
		if not isinstance(raw["erpnext_outage"], bool):
			return Invalid("erpnext_outage must be true or false")
		fields["erpnext_outage"] = int(raw["erpnext_outage"])
	# shopify_outages: the shops whose Shopify breaker was open; [] clears the field, absent (an older
	# runner, or one without Shopify breakers) leaves it as it was.
	for name in ("shops", "shopify_outages"):
		shops = _shops(name, raw.get(name))
		if isinstance(shops, Invalid):
			return shops
		if shops is not None:
			fields[name] = shops
	if raw.get("started_at") is not None:
		started = to_site_datetime(raw["started_at"], site_timezone)
		if started is None:
			return Invalid(f"started_at is not an ISO 8601 datetime: {raw['started_at']!r}")
		fields["started_at"] = started
	flows = _flows([] if raw.get("flows") is None else raw["flows"], site_timezone)
	if isinstance(flows, Invalid):
		return flows
	return RunnerHealth(fields["runner_name"], fields, flows)


def _shape_problem(raw: object) -> Invalid | None:
	if not isinstance(raw, dict):
		return Invalid("entry must be an object")
	unknown = sorted(set(raw) - set(ENTRY_FIELDS))
	if unknown:
		# last_heartbeat lands here too: the site's clock sets it, not the runner's.
		return Invalid(f"unknown field(s): {', '.join(unknown)}")
	missing = [f for f in REQUIRED_FIELDS if raw.get(f) is None or raw.get(f) == ""]
	if missing:
		return Invalid(f"missing {', '.join(missing)}")
	return None


def _whole(value: object) -> bool:
	return isinstance(value, int) and not isinstance(value, bool)


def _shops(name: str, value: object) -> str | None | Invalid:
	"""A list of shop domains, one per line (a Small Text field)."""
	if value is None:
		return None
	if not isinstance(value, list) or not all(isinstance(shop, str) and shop and "\n" not in shop for shop in value):
		return Invalid(f"{name} must be a list of shop domains")
	return "\n".join(value)


def _flows(value: object, site_timezone: str) -> tuple[dict, ...] | Invalid:
	if not isinstance(value, list):
		return Invalid("flows must be a list")
	if len(value) > MAX_FLOWS:
		return Invalid(f"flows has more than {MAX_FLOWS} rows")
	rows: list[dict] = []
	seen: set[str] = set()
	for index, row in enumerate(value):
		if not isinstance(row, dict) or set(row) - set(FLOW_FIELDS):
			return Invalid(f"flows[{index}] must be an object with flow, last_success and topic")
		flow, topic = row.get("flow"), row.get("topic")
		if not isinstance(flow, str) or not flow or len(flow) > DATA_MAX or flow in seen:
			return Invalid(f"flows[{index}].flow must be a distinct non-blank string of at most {DATA_MAX} characters")
		if topic is not None and (not isinstance(topic, str) or len(topic) > DATA_MAX):
			return Invalid(f"flows[{index}].topic must be a string of at most {DATA_MAX} characters")
		last_success = to_site_datetime(row.get("last_success"), site_timezone)
		if last_success is None:
			return Invalid(f"flows[{index}].last_success is not an ISO 8601 datetime: {row.get('last_success')!r}")
		seen.add(flow)
		rows.append({"flow": flow, "last_success": last_success, "topic": topic or ""})
	return tuple(sorted(rows, key=lambda r: r["flow"]))


def runner_state(last_heartbeat: datetime | str | None, heartbeat_seconds: object, now: datetime) -> str:
	"""Running while the last heartbeat is at most SILENT_AFTER_BEATS promised intervals old, else Silent.

	Both datetimes are the site's (naive, in its time zone). A runner that never beat, or whose
	promise is unreadable, is Silent: nothing says it is alive.
	"""
	beat = _datetime(last_heartbeat)
	if beat is None or not _whole(heartbeat_seconds) or heartbeat_seconds < 1:
		return SILENT
	age = (now - beat).total_seconds()
	return RUNNING if age <= SILENT_AFTER_BEATS * heartbeat_seconds else SILENT


def runner_indicator(state: str, name: str) -> tuple[str, str, str]:
	"""The list indicator: (label, colour, filter). The state is not stored, so the pill filters to the runner."""
	return (state, RUNNER_STATE_COLORS[state], f"name,=,{name}")


def silent_runners(rows, now: datetime) -> list[str]:
	"""Names of the silent runners among (name, last_heartbeat, heartbeat_seconds) rows, sorted."""
	return sorted(name for name, beat, seconds in rows if runner_state(beat, seconds, now) == SILENT)


def runner_result(runner_name: object, result: str, row=None, message: str = "") -> dict:
	"""The answer of record_runner_health. `row` is the Sync Runner after the call (anything with .get)."""
	beat = row.get("last_heartbeat") if row is not None else None
	return {
		"runner_name": runner_name if isinstance(runner_name, str) else None,
		"name": row.get("name") if row is not None else None,
		"ok": result in OK_RESULTS,
		"result": result,
		"last_heartbeat": _text(beat),
		"message": message,
	}


def _datetime(value: datetime | str | None) -> datetime | None:
	if isinstance(value, datetime):
		return value
	if not isinstance(value, str) or not value:
		return None
	try:
		return datetime.fromisoformat(value)
	except ValueError:
		return None


def _text(value: object) -> str | None:
	if value is None:
		return None
	if isinstance(value, datetime):
		return value.strftime(DATETIME_FORMAT)
	return str(value)
