"""Checks one Sync Log entry sent by the runner (api.record_sync_logs) before anything is written.

No frappe import (STYLE F6): a bad entry becomes a per-entry result with a reason, decided
here and tested without a site; api.py only does the database work.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from shopsync.rules import SYNC_LOG_STATUSES

# Data columns are varchar(140); a longer value would fail the whole insert.
DATA_MAX = 140
# What the entry is about, in words and links: "Order #1042", its Shopify id, its page in Shopify's admin.
SUBJECT_FIELDS = ("subject", "shopify_id", "shopify_admin_url")
DATA_FIELDS = ("event_id", "shop", "topic", "resource_key", "webhook_id", "payload_hash", "reference_doctype", "reference_name", *SUBJECT_FIELDS)
TEXT_FIELDS = ("reason",)
DATETIME_FIELDS = ("received_at", "finished_at")
LOG_FIELDS = (*DATA_FIELDS, "status", *TEXT_FIELDS, *DATETIME_FIELDS, "evidence")
REQUIRED_FIELDS = ("event_id", "status")
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
# A page of a shop's admin, e.g. https://shop.myshopify.com/admin/orders/5900004294646: the Desk opens it as a link.
ADMIN_URL = re.compile(r"https://[A-Za-z0-9.-]+/admin/[A-Za-z_]+/[0-9]+")


@dataclass(frozen=True)
class Entry:
	fields: dict


@dataclass(frozen=True)
class Invalid:
	reason: str


def parse_log_entry(raw: object, site_timezone: str) -> Entry | Invalid:
	"""Turn the runner's dict into Sync Log field values, or say why it cannot be stored.

	Datetimes with an offset are converted to the site's time zone, because Frappe stores
	naive datetimes in the system time zone.
	"""
	problem = entry_problem(raw, LOG_FIELDS, REQUIRED_FIELDS)
	if problem is not None:
		return problem
	if raw["status"] not in SYNC_LOG_STATUSES:
		return Invalid(f"status {raw['status']!r} is not one of {', '.join(SYNC_LOG_STATUSES)}")
	values = plain_fields(raw, DATA_FIELDS, TEXT_FIELDS, DATETIME_FIELDS, site_timezone)
	if isinstance(values, Invalid):
		return values
	fields: dict = {"status": raw["status"], **values}
	if raw.get("evidence") is not None:
		evidence = json_text(raw["evidence"])
		if evidence is None:
			return Invalid("evidence must be JSON (an object, a list, or a string holding JSON)")
		fields["evidence"] = evidence
	return Entry(fields)


def entry_problem(raw: object, known: tuple, required: tuple) -> Invalid | None:
	"""The checks every runner entry passes first: an object, no unknown field, none missing."""
	if not isinstance(raw, dict):
		return Invalid("entry must be an object")
	unknown = sorted(set(raw) - set(known))
	if unknown:
		return Invalid(f"unknown field(s): {', '.join(unknown)}")
	missing = [f for f in required if not raw.get(f)]
	if missing:
		return Invalid(f"missing {', '.join(missing)}")
	if bool(raw.get("reference_name")) != bool(raw.get("reference_doctype")):
		return Invalid("reference_doctype and reference_name go together")
	return None


def plain_fields(raw: dict, data: tuple, text: tuple, datetimes: tuple, site_timezone: str) -> dict | Invalid:
	"""String fields (Data ones at most DATA_MAX long) and datetimes in the site's zone; absent ones are left out."""
	fields: dict = {}
	for name in data + text:
		value = raw.get(name)
		if value is None:
			continue
		if not isinstance(value, str):
			return Invalid(f"{name} must be a string")
		if name in data and len(value) > DATA_MAX:
			return Invalid(f"{name} is longer than {DATA_MAX} characters")
		if name == "shopify_admin_url" and not ADMIN_URL.fullmatch(value):
			return Invalid(f"shopify_admin_url is not a page of a shop's admin: {value!r}")
		fields[name] = value
	for name in datetimes:
		if raw.get(name) is None:
			continue
		parsed = to_site_datetime(raw[name], site_timezone)
		if parsed is None:
			return Invalid(f"{name} is not an ISO 8601 datetime: {raw[name]!r}")
		fields[name] = parsed
	return fields


def to_site_datetime(value: object, site_timezone: str) -> str | None:
	"""'2026-11-26T10:00:00Z' -> '2026-11-26 11:00:00.000000' for a site in Europe/Berlin."""
	if not isinstance(value, str):
		return None
	if value[-1:] in ("Z", "z"):
		# Python 3.10's fromisoformat (Frappe v15's minimum) refuses the "Z" that JavaScript's toISOString writes.
		value = value[:-1] + "+00:00"
	try:
		parsed = datetime.fromisoformat(value)
	except ValueError:
		return None
	if parsed.tzinfo is not None:
		parsed = parsed.astimezone(ZoneInfo(site_timezone)).replace(tzinfo=None)
	return parsed.strftime(DATETIME_FORMAT)


def json_text(value: object) -> str | None:
	"""Evidence and details are stored as indented JSON text, so the Code field shows them readably."""
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			return None
	if not isinstance(value, (dict, list)):
		return None
	return json.dumps(value, indent=1, sort_keys=True)


def merged_status(current: str, incoming: str) -> str:
	"""A late 'Received' must not undo a terminal state; otherwise the latest report wins."""
	if incoming == "Received" and current != "Received":
		return current
	return incoming


def changed_fields(current: dict, incoming: dict) -> dict:
	"""Fields whose stored value differs; an empty result means the entry is already recorded."""
	updates = {k: v for k, v in incoming.items() if k != "event_id" and stored_text(current.get(k)) != stored_text(v)}
	if "status" in updates:
		updates["status"] = merged_status(current.get("status") or "Received", updates["status"])
		if updates["status"] == current.get("status"):
			del updates["status"]
	return updates


def stored_text(value: object) -> str:
	"""A value as the database holds it, to compare what Frappe returns with what the runner sent.

	Frappe returns datetimes as datetime objects and blanks as None.
	"""
	if value is None:
		return ""
	if isinstance(value, datetime):
		return value.strftime(DATETIME_FORMAT)
	return str(value)
