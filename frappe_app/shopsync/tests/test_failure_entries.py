"""Checking the runner's Sync Failure entries, and walking a row to the runner's state, before
api.record_sync_failures writes them."""

import json
import unittest
from datetime import datetime

from shopsync import rules
from shopsync.failure_entries import (
	DATA_FIELDS,
	ENTRY_FIELDS,
	FAILURE_FIELDS,
	TEXT_FIELDS,
	FailureEntry,
	changed_failure_fields,
	failure_result,
	parse_failure_entry,
	reconcile_actions,
	short_message,
)
from shopsync.log_entries import Invalid
from shopsync.tests.app_files import DOCTYPE_DIR, fields_by_name, load_json

TZ = "Europe/Berlin"
STATES = ("open", "retrying", "resolved", "ignored")

# Written out independently of failure_entries.RECONCILE: (row status, runner state) -> (actions, status after).
EXPECTED = {
	("Open", "open"): ([], "Open"),
	("Retry Requested", "open"): ([], "Retry Requested"),
	("Retrying", "open"): (["fail"], "Open"),
	("Resolved", "open"): (["reopen"], "Open"),
	("Ignored", "open"): ([], "Ignored"),
	("Open", "retrying"): (["requeue", "start"], "Retrying"),
	("Retry Requested", "retrying"): (["start"], "Retrying"),
	("Retrying", "retrying"): ([], "Retrying"),
	("Resolved", "retrying"): (["requeue", "start"], "Retrying"),
	("Ignored", "retrying"): (["requeue", "start"], "Retrying"),
	("Open", "resolved"): (["resolve"], "Resolved"),
	("Retry Requested", "resolved"): (["start", "resolve"], "Resolved"),
	("Retrying", "resolved"): (["resolve"], "Resolved"),
	("Resolved", "resolved"): ([], "Resolved"),
	("Ignored", "resolved"): ([], "Ignored"),
	("Open", "ignored"): (["ignore"], "Ignored"),
	("Retry Requested", "ignored"): (["ignore"], "Ignored"),
	("Retrying", "ignored"): (["fail", "ignore"], "Ignored"),
	("Resolved", "ignored"): ([], "Resolved"),
	("Ignored", "ignored"): ([], "Ignored"),
}


def entry(**overrides):
	base = {
		"failure_key": "evt_01:mapping.sku_unmapped",
		"state": "open",
		"code": "mapping.sku_unmapped",
		"category": "mapping",
		"message": "Order #1001 has SKU SHIRT-XL, which no Item maps to; add the mapping, then retry.",
		"suggested_action": "Add an Item with Shopify SKU SHIRT-XL, then press Retry.",
		"retry_safe": True,
		"attempts": 2,
		"event_id": "evt_01",
		"topic": "orders/create",
		"shop": "acme.myshopify.com",
		"resource_key": "order:1001",
		"reference_doctype": "Sales Order",
		"reference_name": "SAL-ORD-2026-00001",
		"subject": "Order #1001",
		"shopify_id": "5900004294646",
		"shopify_admin_url": "https://acme.myshopify.com/admin/orders/5900004294646",
		"first_seen": "2026-11-26T10:00:00Z",
		"last_seen": "2026-11-26T10:05:00.250+00:00",
		"details": {"sku": "SHIRT-XL", "orderName": "#1001"},
	}
	base.update(overrides)
	return {k: v for k, v in base.items() if v is not None}


class TestParseFailureEntry(unittest.TestCase):
	def test_a_complete_entry_becomes_the_state_and_field_values(self):
		parsed = parse_failure_entry(entry(), TZ)
		self.assertIsInstance(parsed, FailureEntry)
		self.assertEqual(parsed.state, "open")
		self.assertNotIn("state", parsed.fields)
		self.assertEqual(parsed.fields["failure_key"], "evt_01:mapping.sku_unmapped")
		self.assertEqual(parsed.fields["category"], "mapping")
		self.assertEqual(parsed.fields["retry_safe"], 1)
		self.assertEqual(parsed.fields["attempts"], 2)
		self.assertEqual(parsed.fields["reference_name"], "SAL-ORD-2026-00001")
		self.assertEqual(json.loads(parsed.fields["details"]), {"sku": "SHIRT-XL", "orderName": "#1001"})
		self.assertEqual(parsed.fields["subject"], "Order #1001")
		self.assertEqual(parsed.fields["shopify_id"], "5900004294646")
		self.assertEqual(parsed.fields["shopify_admin_url"], "https://acme.myshopify.com/admin/orders/5900004294646")
		self.assertEqual(parsed.fields["summary"], "has SKU SHIRT-XL, which no Item maps to")
		# summary is the app's own, derived from the message: the runner does not send it.
		self.assertEqual(set(parsed.fields), {*FAILURE_FIELDS, "summary"})
		self.assertNotIn("summary", ENTRY_FIELDS)

	def test_datetimes_are_converted_to_the_site_time_zone(self):
		# 10:00 UTC is 11:00 in Berlin in November; a naive value is taken as site time.
		parsed = parse_failure_entry(entry(last_seen="2026-11-26 11:05:00"), TZ)
		self.assertEqual(parsed.fields["first_seen"], "2026-11-26 11:00:00.000000")
		self.assertEqual(parsed.fields["last_seen"], "2026-11-26 11:05:00.000000")
		summer = parse_failure_entry(entry(first_seen="2026-07-01T10:00:00+02:00"), TZ)
		self.assertEqual(summer.fields["first_seen"], "2026-07-01 10:00:00.000000")
		self.assertEqual(parse_failure_entry(entry(), "UTC").fields["last_seen"], "2026-11-26 10:05:00.250000")

	def test_only_key_state_code_category_and_message_are_required(self):
		raw = {"failure_key": "k", "state": "retrying", "code": "shopify.throttled", "category": "rate_limited", "message": "m"}
		self.assertEqual(
			parse_failure_entry(raw, TZ),
			FailureEntry("retrying", {"failure_key": "k", "code": "shopify.throttled", "category": "rate_limited", "message": "m", "summary": "m"}),
		)

	def test_null_optional_fields_are_left_as_the_row_has_them(self):
		parsed = parse_failure_entry(dict(entry(), event_id=None, reference_doctype=None, reference_name=None, details=None, retry_safe=None), TZ)
		self.assertIsInstance(parsed, FailureEntry)
		self.assertEqual({"event_id", "reference_doctype", "reference_name", "details", "retry_safe"} & set(parsed.fields), set())

	def test_each_missing_required_field_is_named(self):
		for field in ("failure_key", "state", "code", "category", "message"):
			with self.subTest(field=field):
				self.assertEqual(parse_failure_entry(entry(**{field: None}), TZ), Invalid(f"missing {field}"))
		self.assertEqual(parse_failure_entry(entry(code=""), TZ), Invalid("missing code"))

	def test_each_bad_entry_says_why(self):
		cases = {
			"state 'parked' is not one of open, retrying, resolved, ignored": entry(state="parked"),
			"state 'Open' is not one of": entry(state="Open"),
			"category 'network' is not one of transient, rate_limited": entry(category="network"),
			"unknown field(s): colour": dict(entry(), colour="red"),
			"go together": entry(reference_doctype=None),
			"failure_key is longer than 140": entry(failure_key="k" * 141),
			"resource_key is longer than 140": entry(resource_key="x" * 141),
			"code must be a string": entry(code=7),
			"message must be a string": entry(message=["m"]),
			"retry_safe must be true or false": entry(retry_safe=1),
			"attempts must be a whole number of at least 1": entry(attempts=0),
			"attempts must be a whole number": entry(attempts="2"),
			"at least 1, not True": entry(attempts=True),
			"first_seen is not an ISO 8601 datetime": entry(first_seen="yesterday"),
			"last_seen is not an ISO 8601 datetime": entry(last_seen=1764151200),
			"details must be a JSON object": entry(details=["sku"]),
			"subject is longer than 140": entry(subject="Order " + "#" * 140),
			"shopify_id must be a string": entry(shopify_id=5900004294646),
			"shopify_admin_url is not a page of a shop's admin": entry(shopify_admin_url="javascript:alert(1)"),
		}
		for expected, raw in cases.items():
			with self.subTest(expected=expected):
				parsed = parse_failure_entry(raw, TZ)
				self.assertIsInstance(parsed, Invalid)
				self.assertIn(expected, parsed.reason)

	def test_the_subject_and_its_links_are_stored_as_sent(self):
		for kind, subject, url in (
			("order", "Order #1042", "https://acme.myshopify.com/admin/orders/5900004294646"),
			("customer", "Customer Ada Lovelace", "https://acme.myshopify.com/admin/customers/7301234567"),
			("stock", "Stock of SKU-1003 at location 98087769208", None),
			("delivery note", "Delivery Note MAT-DN-2026-00012", None),
		):
			with self.subTest(kind=kind):
				parsed = parse_failure_entry(entry(subject=subject, shopify_admin_url=url), TZ)
				self.assertEqual(parsed.fields["subject"], subject)
				self.assertEqual(parsed.fields.get("shopify_admin_url"), url)

	def test_an_admin_url_must_be_an_https_page_of_a_shop_admin(self):
		for url in ("http://acme.myshopify.com/admin/orders/1", "https://acme.myshopify.com/orders/1", "https://acme.myshopify.com/admin/orders/1 x", "https://a/admin/orders/"):
			with self.subTest(url=url):
				self.assertIsInstance(parse_failure_entry(entry(shopify_admin_url=url), TZ), Invalid)

	def test_short_message_leaves_out_the_subject_and_the_action(self):
		self.assertEqual(
			short_message("Event order_transactions/create was not synced: ERPNext answered 500; report it with the event evidence attached.", "Event order_transactions/create"),
			"was not synced: ERPNext answered 500",
		)
		# Without the subject (an older runner), the sentence is kept whole up to its action.
		self.assertEqual(short_message("Order #1042 is in USD, but the company books in EUR; add the missing mapping, then retry."), "Order #1042 is in USD, but the company books in EUR")
		self.assertEqual(short_message("one\nline  only"), "one line only")
		long = short_message("x" * 500)
		self.assertEqual(len(long), 140)
		self.assertTrue(long.endswith("…"))

	def test_details_must_be_an_object_not_text_or_a_list(self):
		for details in ('{"sku": "SHIRT-XL"}', [1], 3, "x"):
			with self.subTest(details=details):
				self.assertEqual(parse_failure_entry(entry(details=details), TZ), Invalid("details must be a JSON object"))

	def test_data_fields_at_the_limit_are_kept(self):
		parsed = parse_failure_entry(entry(failure_key="k" * 140, message="m" * 2000), TZ)
		self.assertEqual(len(parsed.fields["failure_key"]), 140)
		self.assertEqual(len(parsed.fields["message"]), 2000)

	def test_not_an_object(self):
		self.assertEqual(parse_failure_entry(["evt_01"], TZ), Invalid("entry must be an object"))

	def test_entry_fields_are_sync_failure_fields(self):
		doctype = fields_by_name(load_json(DOCTYPE_DIR / "sync_failure" / "sync_failure.json"))
		self.assertLessEqual(set(FAILURE_FIELDS), set(doctype))
		self.assertEqual(set(ENTRY_FIELDS) - set(FAILURE_FIELDS), {"state"})
		self.assertEqual(doctype["category"]["options"].split("\n"), list(rules.CATEGORIES))
		# The 140-character check is for varchar(140) columns; the text fields have no such limit.
		for name in DATA_FIELDS:
			self.assertIn(doctype[name]["fieldtype"], ("Data", "Link", "Dynamic Link"), name)
		for name in TEXT_FIELDS:
			self.assertEqual(doctype[name]["fieldtype"], "Small Text", name)


class TestReconcileActions(unittest.TestCase):
	def test_every_status_and_state(self):
		self.assertEqual({(s, r) for s in rules.FAILURE_STATUSES for r in STATES}, set(EXPECTED))
		for (status, state), (actions, _after) in EXPECTED.items():
			with self.subTest(status=status, state=state):
				self.assertEqual(reconcile_actions(status, state), actions)

	def test_every_step_is_allowed_and_ends_where_the_runner_state_says(self):
		for (status, state), (_actions, after) in EXPECTED.items():
			with self.subTest(status=status, state=state):
				current = status
				for action in reconcile_actions(status, state):
					decision = rules.next_status(current, action, retry_safe=True, category="conflict")
					self.assertIsInstance(decision, rules.Allowed, f"{action} from {current}")
					# The controller checks each saved step the same way.
					self.assertEqual(rules.check_status_change(current, decision.status, True, "conflict", action), decision)
					current = decision.status
				self.assertEqual(current, after)

	def test_runner_steps_never_need_retry_safe(self):
		# The runner moves rows the operator could not retry: its steps must pass whatever retry_safe says.
		for status, state in EXPECTED:
			current = status
			for action in reconcile_actions(status, state):
				self.assertNotEqual(action, rules.RETRY)
				for category in rules.CATEGORIES:
					with self.subTest(status=status, state=state, action=action, category=category):
						self.assertIsInstance(rules.next_status(current, action, False, category), rules.Allowed)
				current = rules.TRANSITIONS[(current, action)]

	def test_the_runner_state_wins_except_over_an_operator_word_it_has_not_read(self):
		implied = {"open": "Open", "retrying": "Retrying", "resolved": "Resolved", "ignored": "Ignored"}
		standing = {("Retry Requested", "open"), ("Ignored", "open"), ("Ignored", "resolved"), ("Resolved", "ignored")}
		for (status, state), (_actions, after) in EXPECTED.items():
			with self.subTest(status=status, state=state):
				self.assertEqual(after, status if (status, state) in standing else implied[state])

	def test_unknown_status_or_state_is_a_bug(self):
		with self.assertRaises(ValueError):
			reconcile_actions("Closed", "open")
		with self.assertRaises(ValueError):
			reconcile_actions("Open", "Open")

	def test_a_fresh_row_starts_open_and_walks_from_there(self):
		self.assertTrue(rules.initial_status_ok("Open"))
		self.assertEqual(reconcile_actions("Open", "open"), [])
		self.assertEqual(reconcile_actions("Open", "retrying"), ["requeue", "start"])


class TestUpsertDecisions(unittest.TestCase):
	def test_the_same_entry_twice_changes_nothing(self):
		fields = parse_failure_entry(entry(), TZ).fields
		stored = dict(
			fields,
			name="SF-00001",
			status="Open",
			first_seen=datetime(2026, 11, 26, 11, 0, 0),
			last_seen=datetime(2026, 11, 26, 11, 5, 0, 250000),
		)
		self.assertEqual(changed_failure_fields(stored, fields), {})

	def test_only_differences_are_updated_and_first_seen_only_fills_a_blank(self):
		stored = {"failure_key": "k", "attempts": 1, "first_seen": datetime(2026, 11, 26, 11, 0), "message": "m", "suggested_action": None}
		incoming = {"failure_key": "k", "attempts": 2, "first_seen": "2026-11-26 12:00:00.000000", "message": "m", "suggested_action": "s"}
		self.assertEqual(changed_failure_fields(stored, incoming), {"attempts": 2, "suggested_action": "s"})
		self.assertEqual(changed_failure_fields(dict(stored, first_seen=None), incoming)["first_seen"], "2026-11-26 12:00:00.000000")

	def test_results(self):
		row = {"name": "SF-00001", "status": "Retry Requested", "requested_action": "Retry"}
		self.assertEqual(
			failure_result("k", "updated", row),
			{"failure_key": "k", "name": "SF-00001", "ok": True, "result": "updated", "status": "Retry Requested", "requested_action": "Retry", "message": ""},
		)
		self.assertIsNone(failure_result("k", "unchanged", dict(row, requested_action=""))["requested_action"])
		self.assertEqual(
			failure_result("k", "skipped", message="nothing open to record"),
			{"failure_key": "k", "name": None, "ok": True, "result": "skipped", "status": None, "requested_action": None, "message": "nothing open to record"},
		)
		for result, ok in {"created": True, "unchanged": True, "invalid": False, "error": False}.items():
			self.assertEqual(failure_result("k", result)["ok"], ok)


if __name__ == "__main__":
	unittest.main()
