"""Checking the runner's Sync Log entries before api.record_sync_logs writes them."""

import json
import unittest
from datetime import datetime

from shopsync.log_entries import (
	LOG_FIELDS,
	Entry,
	Invalid,
	changed_fields,
	json_text,
	merged_status,
	parse_log_entry,
	to_site_datetime,
)
from shopsync.tests.app_files import DOCTYPE_DIR, fields_by_name, load_json

TZ = "Europe/Berlin"


def entry(**overrides):
	base = {
		"event_id": "evt_01",
		"shop": "acme.myshopify.com",
		"topic": "orders/create",
		"resource_key": "order:1001",
		"webhook_id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
		"status": "Applied",
		"received_at": "2026-11-26T10:00:00Z",
		"finished_at": "2026-11-26 11:00:01.250000",
		"reference_doctype": "Sales Order",
		"reference_name": "SAL-ORD-2026-00001",
		"payload_hash": "ab" * 32,
		"subject": "Order #1001",
		"shopify_id": "5900004294646",
		"shopify_admin_url": "https://acme.myshopify.com/admin/customers/5900004294646",
		"evidence": {"plan": [{"key": "so:1001", "kind": "insert"}]},
	}
	base.update(overrides)
	return {k: v for k, v in base.items() if v is not None}


class TestParseLogEntry(unittest.TestCase):
	def test_a_complete_entry_becomes_field_values(self):
		parsed = parse_log_entry(entry(), TZ)
		self.assertIsInstance(parsed, Entry)
		self.assertEqual(parsed.fields["event_id"], "evt_01")
		self.assertEqual(parsed.fields["status"], "Applied")
		# 10:00 UTC is 11:00 in Berlin in November; a naive value is taken as site time.
		self.assertEqual(parsed.fields["received_at"], "2026-11-26 11:00:00.000000")
		self.assertEqual(parsed.fields["finished_at"], "2026-11-26 11:00:01.250000")
		self.assertEqual(json.loads(parsed.fields["evidence"]), {"plan": [{"key": "so:1001", "kind": "insert"}]})
		self.assertEqual(parsed.fields["subject"], "Order #1001")
		self.assertEqual(parsed.fields["shopify_id"], "5900004294646")
		self.assertEqual(parsed.fields["shopify_admin_url"], "https://acme.myshopify.com/admin/customers/5900004294646")
		self.assertEqual(set(parsed.fields), set(LOG_FIELDS) - {"reason"})

	def test_only_event_id_and_status_are_required(self):
		parsed = parse_log_entry({"event_id": "evt_02", "status": "Echo"}, TZ)
		self.assertEqual(parsed, Entry({"event_id": "evt_02", "status": "Echo"}))

	def test_each_bad_entry_says_why(self):
		cases = {
			"missing event_id": entry(event_id=None),
			"missing status": entry(status=None),
			"is not one of": entry(status="Done"),
			"unknown field(s): colour": dict(entry(), colour="red"),
			"go together": entry(reference_name=None),
			"longer than 140": entry(resource_key="x" * 141),
			"must be a string": entry(shop=42),
			"not an ISO 8601 datetime": entry(received_at="yesterday"),
			"evidence must be JSON": entry(evidence="{not json"),
			"subject is longer than 140": entry(subject="Customer " + "A" * 140),
			"not a page of a shop's admin": entry(shopify_admin_url="https://acme.myshopify.com/admin/orders/1?x=<script>"),
		}
		for expected, raw in cases.items():
			with self.subTest(expected=expected):
				parsed = parse_log_entry(raw, TZ)
				self.assertIsInstance(parsed, Invalid)
				self.assertIn(expected, parsed.reason)

	def test_log_fields_are_sync_log_fields(self):
		doctype = fields_by_name(load_json(DOCTYPE_DIR / "sync_log" / "sync_log.json"))
		self.assertLessEqual(set(LOG_FIELDS), set(doctype))
		self.assertEqual(doctype["shopify_admin_url"]["options"], "URL")

	def test_not_an_object(self):
		self.assertEqual(parse_log_entry(["evt"], TZ), Invalid("entry must be an object"))


class TestValues(unittest.TestCase):
	def test_datetimes(self):
		self.assertEqual(to_site_datetime("2026-07-01T10:00:00+00:00", TZ), "2026-07-01 12:00:00.000000")
		self.assertEqual(to_site_datetime("2026-07-01 10:00:00", "UTC"), "2026-07-01 10:00:00.000000")
		self.assertIsNone(to_site_datetime(1764151200, TZ))

	def test_json_text_is_indented_and_sorted(self):
		self.assertEqual(json_text('{"b": 1, "a": [2]}'), '{\n "a": [\n  2\n ],\n "b": 1\n}')
		self.assertIsNone(json_text('"just a string"'))
		self.assertIsNone(json_text(3))


class TestUpsertDecisions(unittest.TestCase):
	def test_a_late_received_does_not_undo_a_terminal_state(self):
		self.assertEqual(merged_status("Applied", "Received"), "Applied")
		self.assertEqual(merged_status("Received", "Applied"), "Applied")
		self.assertEqual(merged_status("Failed", "Applied"), "Applied")

	def test_the_same_entry_twice_changes_nothing(self):
		fields = parse_log_entry(entry(), TZ).fields
		stored = dict(fields, received_at=datetime(2026, 11, 26, 11, 0, 0), name="abc123", webhook_id=fields["webhook_id"])
		self.assertEqual(changed_fields(stored, fields), {})

	def test_only_differences_are_updated(self):
		stored = {"event_id": "evt_01", "status": "Received", "reason": None}
		incoming = {"event_id": "evt_01", "status": "Skipped", "reason": "orders flow is off"}
		self.assertEqual(changed_fields(stored, incoming), {"status": "Skipped", "reason": "orders flow is off"})

	def test_a_late_received_alone_is_no_change(self):
		self.assertEqual(changed_fields({"event_id": "e", "status": "Applied"}, {"event_id": "e", "status": "Received"}), {})


if __name__ == "__main__":
	unittest.main()
