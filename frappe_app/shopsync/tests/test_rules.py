"""The Sync Failure status machine, indicators and messages in shopsync.rules."""

import json
import unittest

from shopsync import rules
from shopsync.rules import Allowed, Rejected

# Written out independently of rules.TRANSITIONS: the README's table, row by row.
EXPECTED = {
	("Open", "retry"): "Retry Requested",
	("Open", "requeue"): "Retry Requested",
	("Open", "ignore"): "Ignored",
	("Open", "resolve"): "Resolved",
	("Retry Requested", "ignore"): "Ignored",
	("Retry Requested", "start"): "Retrying",
	("Retrying", "resolve"): "Resolved",
	("Retrying", "fail"): "Open",
	("Resolved", "requeue"): "Retry Requested",
	("Resolved", "reopen"): "Open",
	("Ignored", "requeue"): "Retry Requested",
}
FIXABLE = {"transient", "rate_limited", "auth", "mapping", "validation"}
FRAPPE_INDICATOR_COLORS = {"red", "green", "orange", "yellow", "blue", "cyan", "gray", "darkgrey", "purple", "pink"}


class TestTransitions(unittest.TestCase):
	def test_every_allowed_transition(self):
		for (status, action), target in EXPECTED.items():
			with self.subTest(status=status, action=action):
				self.assertEqual(rules.next_status(status, action, retry_safe=True, category="conflict"), Allowed(target))

	def test_every_other_pair_is_rejected_with_a_reason(self):
		for status in rules.FAILURE_STATUSES:
			for action in rules.ACTIONS:
				if (status, action) in EXPECTED:
					continue
				with self.subTest(status=status, action=action):
					decision = rules.next_status(status, action, retry_safe=True, category="transient")
					self.assertIsInstance(decision, Rejected)
					self.assertTrue(decision.reason.strip())

	def test_the_table_has_exactly_the_documented_rows(self):
		self.assertEqual(rules.TRANSITIONS, EXPECTED)

	def test_rejections_say_what_to_do(self):
		self.assertIn("wait", rules.next_status("Retrying", "retry", True, "auth").reason)
		self.assertIn("already requested", rules.next_status("Retry Requested", "requeue", True, "auth").reason)
		for terminal in ("Resolved", "Ignored"):
			self.assertIn("only be requeued", rules.next_status(terminal, "retry", True, "auth").reason)
			self.assertIn("only be requeued", rules.next_status(terminal, "ignore", True, "auth").reason)

	def test_unknown_status_or_action_is_rejected(self):
		self.assertIn("Unknown Sync Failure status", rules.next_status("Closed", "retry", True).reason)
		self.assertIn("Unknown action", rules.next_status("Open", "delete", True).reason)


class TestRetryGuard(unittest.TestCase):
	def test_retry_without_retry_safe_depends_on_category(self):
		for category in rules.CATEGORIES:
			with self.subTest(category=category):
				decision = rules.next_status("Open", "retry", retry_safe=False, category=category)
				if category in FIXABLE:
					self.assertEqual(decision, Allowed("Retry Requested"))
				else:
					self.assertIsInstance(decision, Rejected)
					self.assertIn("requeue", decision.reason)

	def test_retry_safe_allows_retry_for_every_category(self):
		for category in rules.CATEGORIES:
			with self.subTest(category=category):
				self.assertEqual(rules.next_status("Open", "retry", True, category), Allowed("Retry Requested"))

	def test_the_refusal_reads_as_english(self):
		self.assertTrue(rules.next_status("Open", "retry", retry_safe=False, category="internal").reason.startswith("Retrying an internal failure "))
		self.assertTrue(rules.next_status("Open", "retry", retry_safe=False).reason.startswith("Retrying an uncategorised failure "))
		self.assertTrue(rules.next_status("Open", "retry", retry_safe=False, category="drift").reason.startswith("Retrying a drift failure "))

	def test_retry_without_category_needs_retry_safe(self):
		self.assertIsInstance(rules.next_status("Open", "retry", retry_safe=False), Rejected)
		self.assertEqual(rules.next_status("Open", "retry", retry_safe=True), Allowed("Retry Requested"))

	def test_requeue_and_ignore_need_no_retry_safe(self):
		for category in rules.CATEGORIES:
			with self.subTest(category=category):
				self.assertEqual(rules.next_status("Open", "requeue", False, category), Allowed("Retry Requested"))
				self.assertEqual(rules.next_status("Open", "ignore", False, category), Allowed("Ignored"))


class TestAllowedActions(unittest.TestCase):
	def test_buttons_per_status(self):
		cases = {
			("Open", True, "conflict"): ["retry", "requeue", "ignore"],
			("Open", False, "conflict"): ["requeue", "ignore"],
			("Open", False, "mapping"): ["retry", "requeue", "ignore"],
			("Retry Requested", True, "auth"): ["ignore"],
			("Retrying", True, "auth"): [],
			("Resolved", True, "auth"): ["requeue"],
			("Ignored", False, "drift"): ["requeue"],
		}
		for (status, safe, category), expected in cases.items():
			with self.subTest(status=status, safe=safe, category=category):
				self.assertEqual(rules.allowed_actions(status, safe, category), expected)


class TestCheckStatusChange(unittest.TestCase):
	def test_runner_updates_are_accepted_when_an_action_leads_there(self):
		for current, new in [("Retry Requested", "Retrying"), ("Retrying", "Resolved"), ("Retrying", "Open"), ("Open", "Resolved"), ("Resolved", "Open")]:
			with self.subTest(current=current, new=new):
				self.assertEqual(rules.check_status_change(current, new, False, "conflict"), Allowed(new))

	def test_jumps_no_action_makes_are_rejected(self):
		for current, new in [("Open", "Retrying"), ("Ignored", "Open"), ("Resolved", "Ignored"), ("Retrying", "Ignored")]:
			with self.subTest(current=current, new=new):
				decision = rules.check_status_change(current, new, True, "auth")
				self.assertIsInstance(decision, Rejected)
				self.assertIn(f"from {current} to {new}", decision.reason)

	def test_unchanged_status_is_fine(self):
		for status in rules.FAILURE_STATUSES:
			self.assertEqual(rules.check_status_change(status, status, False, "internal"), Allowed(status))

	def test_inferred_request_uses_requeue_when_retry_is_not_safe(self):
		self.assertEqual(rules.check_status_change("Open", "Retry Requested", False, "conflict"), Allowed("Retry Requested"))

	def test_named_action_must_be_allowed_and_land_on_the_new_status(self):
		self.assertIsInstance(rules.check_status_change("Open", "Retry Requested", False, "conflict", action="retry"), Rejected)
		mismatch = rules.check_status_change("Open", "Resolved", True, "auth", action="ignore")
		self.assertIsInstance(mismatch, Rejected)
		self.assertIn("not Resolved", mismatch.reason)
		self.assertEqual(rules.check_status_change("Open", "Ignored", False, "drift", action="ignore"), Allowed("Ignored"))


class TestLifecycleRules(unittest.TestCase):
	def test_a_failure_is_born_open(self):
		self.assertEqual([s for s in rules.FAILURE_STATUSES if rules.initial_status_ok(s)], ["Open"])

	def test_only_settled_failures_can_be_deleted(self):
		self.assertEqual({s for s in rules.FAILURE_STATUSES if rules.is_deletable(s)}, {"Resolved", "Ignored"})

	def test_status_when_the_same_failure_is_reported_again(self):
		expected = {"Open": "Open", "Retry Requested": "Retry Requested", "Retrying": "Open", "Resolved": "Open", "Ignored": "Ignored"}
		for status, after in expected.items():
			with self.subTest(status=status):
				self.assertEqual(rules.status_on_recurrence(status), after)


class TestIndicators(unittest.TestCase):
	def test_colour_tables_cover_exactly_the_known_values(self):
		self.assertEqual(set(rules.FAILURE_STATUS_COLORS), set(rules.FAILURE_STATUSES))
		self.assertEqual(set(rules.CATEGORY_COLORS), set(rules.CATEGORIES))
		self.assertEqual(set(rules.SYNC_LOG_STATUS_COLORS), set(rules.SYNC_LOG_STATUSES))
		for table in (rules.FAILURE_STATUS_COLORS, rules.CATEGORY_COLORS, rules.SYNC_LOG_STATUS_COLORS):
			self.assertLessEqual(set(table.values()), FRAPPE_INDICATOR_COLORS)

	def test_an_open_failure_says_open_in_its_category_colour(self):
		for category in rules.CATEGORIES:
			with self.subTest(category=category):
				self.assertEqual(
					rules.failure_indicator("Open", category),
					("Open", rules.CATEGORY_COLORS[category], f"status,=,Open|category,=,{category}"),
				)

	def test_other_statuses_show_the_status(self):
		expected = {"Retry Requested": "orange", "Retrying": "blue", "Resolved": "green", "Ignored": "gray"}
		for status, colour in expected.items():
			for category in rules.CATEGORIES:
				with self.subTest(status=status, category=category):
					self.assertEqual(rules.failure_indicator(status, category), (status, colour, f"status,=,{status}"))

	def test_open_without_a_known_category_is_red(self):
		self.assertEqual(rules.failure_indicator("Open", ""), ("Open", "red", "status,=,Open"))

	def test_sync_log_indicator_for_every_status(self):
		expected = {"Received": "blue", "Applied": "green", "Duplicate": "gray", "Superseded": "gray", "Echo": "gray", "Skipped": "yellow", "Failed": "red", "Shadow": "purple"}
		for status, colour in expected.items():
			with self.subTest(status=status):
				self.assertEqual(rules.sync_log_indicator(status), (status, colour, f"status,=,{status}"))


class TestMessages(unittest.TestCase):
	def test_parse_names_accepts_the_shapes_desk_and_rest_send(self):
		self.assertEqual(rules.parse_names(["SF-00001", "SF-00002"]), ["SF-00001", "SF-00002"])
		self.assertEqual(rules.parse_names(json.dumps(["SF-00001", "SF-00001", " SF-00003 "])), ["SF-00001", "SF-00003"])
		self.assertEqual(rules.parse_names("SF-00004"), ["SF-00004"])

	def test_parse_names_rejects_what_is_not_a_list_of_names(self):
		for bad in ('{"name": "SF-1"}', 7, ["SF-1", 2], [""], '["SF-1", null]'):
			with self.subTest(bad=bad), self.assertRaises(ValueError):
				rules.parse_names(bad)

	def test_bulk_summary_counts_and_names_each_rejection(self):
		results = [
			rules.action_result("SF-00001", True, "Retry Requested"),
			rules.action_result("SF-00002", False, "Resolved", "A Resolved failure can only be requeued."),
			rules.action_result("SF-00003", False, None, "not found"),
		]
		self.assertEqual(
			rules.bulk_summary("retry", results),
			"Retry requested: 1 failure. Not changed (2): SF-00002: A Resolved failure can only be requeued.; SF-00003: not found",
		)

	def test_bulk_summary_when_everything_changed(self):
		results = [rules.action_result(n, True, "Ignored") for n in ("SF-1", "SF-2")]
		self.assertEqual(rules.bulk_summary("ignore", results), "Ignored: 2 failures.")

	def test_action_result_shape(self):
		self.assertEqual(
			rules.action_result("SF-1", False, "Open", "why"),
			{"name": "SF-1", "ok": False, "status": "Open", "message": "why"},
		)


class TestFailureGroups(unittest.TestCase):
	ROWS = [
		# Newest first, as failure_groups reads them.
		{"code": "erpnext.server_error", "category": "internal", "retry_safe": 1, "shop": "b.myshopify.com", "last_seen": "2026-12-05 02:00:00", "message": "Order #1042 could not be saved: ERPNext answered 500. Retry once ERPNext is back.", "summary": "ERPNext answered 500"},
		{"code": "mapping.sku_unmapped", "category": "mapping", "retry_safe": 0, "shop": "a.myshopify.com", "last_seen": "2026-12-05 01:30:00", "message": "", "summary": "SKU-1003 has no Item"},
		{"code": "erpnext.server_error", "category": "internal", "retry_safe": 0, "shop": "a.myshopify.com", "last_seen": "2026-12-05 01:00:00", "message": "Order #1041 could not be saved.", "summary": ""},
		{"code": "erpnext.server_error", "category": "internal", "retry_safe": 1, "shop": "a.myshopify.com", "last_seen": "2026-12-04 23:00:00", "message": "Order #1040 could not be saved.", "summary": ""},
	]

	def test_groups_by_code_with_counts_shops_times_and_the_latest_sentence(self):
		groups = rules.failure_groups(self.ROWS)
		self.assertEqual([g["code"] for g in groups], ["erpnext.server_error", "mapping.sku_unmapped"])
		self.assertEqual(
			groups[0],
			{
				"code": "erpnext.server_error",
				"category": "internal",
				"count": 3,
				"retry_safe": 2,
				"shops": ["a.myshopify.com", "b.myshopify.com"],
				"oldest": "2026-12-04 23:00:00",
				"latest": "2026-12-05 02:00:00",
				"sample": "Order #1042 could not be saved: ERPNext answered 500. Retry once ERPNext is back.",
			},
		)
		# No message: the short message stands in.
		self.assertEqual((groups[1]["count"], groups[1]["retry_safe"], groups[1]["sample"]), (1, 0, "SKU-1003 has no Item"))

	def test_largest_group_first_then_by_code(self):
		rows = [{"code": c, "category": "transient"} for c in ("b.x", "a.x", "c.y", "c.y")]
		self.assertEqual([(g["code"], g["count"]) for g in rules.failure_groups(rows)], [("c.y", 2), ("a.x", 1), ("b.x", 1)])

	def test_missing_values_do_not_break_a_group(self):
		(group,) = rules.failure_groups([{"code": "shopify.throttled", "category": "rate_limited", "last_seen": None, "shop": None}])
		self.assertEqual((group["oldest"], group["latest"], group["shops"], group["sample"], group["retry_safe"]), (None, None, [], "", 0))
		self.assertEqual(rules.failure_groups([]), [])

	def test_a_code_whose_rows_disagree_takes_the_majority_category(self):
		rows = [{"code": "x.y", "category": c} for c in ("drift", "conflict", "drift")]
		self.assertEqual(rules.failure_groups(rows)[0]["category"], "drift")
		tie = [{"code": "x.y", "category": c} for c in ("internal", "conflict")]
		self.assertEqual(rules.failure_groups(tie)[0]["category"], "conflict")  # DESIGN §4 order

	def test_the_sample_is_one_clipped_line(self):
		(group,) = rules.failure_groups([{"code": "x.y", "category": "drift", "message": "line one\n  line two " + "x" * 400}])
		self.assertEqual(len(group["sample"]), rules.SAMPLE_LENGTH)
		self.assertTrue(group["sample"].startswith("line one line two x"))
		self.assertTrue(group["sample"].endswith("…"))

	def test_groups_note_only_when_the_scan_hit_its_limit(self):
		self.assertEqual(rules.groups_note(9, limit=10), "")
		self.assertIn("10 most recent", rules.groups_note(10, limit=10))


class TestCodeActions(unittest.TestCase):
	def test_arguments_are_checked(self):
		for action in rules.OPERATOR_ACTIONS:
			self.assertIsNone(rules.code_action_problem("erpnext.server_error", action))
		self.assertIn("failure code", rules.code_action_problem("  ", "requeue"))
		self.assertIn("failure code", rules.code_action_problem(None, "requeue"))
		for bad in ("resolve", "start", "delete", None):
			with self.subTest(action=bad):
				self.assertIn("retry, requeue, ignore", rules.code_action_problem("x.y", bad))

	def test_everything_changed(self):
		results = [rules.action_result(f"SF-{i}", True, "Retry Requested") for i in range(27)]
		self.assertEqual(rules.code_action_summary("requeue", "erpnext.server_error", results, 27), "Requeued 27 failures of erpnext.server_error.")
		self.assertEqual(
			rules.code_action_summary("ignore", "x.y", results[:1], 1, shop="a.myshopify.com"),
			"Ignored 1 failure of x.y for a.myshopify.com.",
		)
		self.assertEqual(rules.code_action_summary("retry", "x.y", results[:2], 2), "Requested a retry of 2 failures of x.y.")

	def test_rows_not_changed_are_named_with_their_reasons(self):
		results = [
			rules.action_result("SF-1", True, "Retry Requested"),
			rules.action_result("SF-2", False, "Open", "not permitted"),
			rules.action_result("SF-3", False, "Open", rules.next_status("Open", "retry", False, "internal").reason),
		]
		self.assertEqual(
			rules.code_action_summary("retry", "erpnext.server_error", results, 3),
			"Requested a retry of 1 failure of erpnext.server_error. Not changed (2): SF-2: not permitted; "
			"SF-3: Retrying an internal failure would repeat the same decision; requeue it to plan again "
			"from the latest state, or ignore it.",
		)

	def test_a_long_list_of_rows_not_changed_is_cut_short(self):
		results = [rules.action_result(f"SF-{i}", False, "Open", "not permitted") for i in range(rules.NAMED_REJECTIONS + 3)]
		text = rules.code_action_summary("ignore", "x.y", results, len(results))
		self.assertTrue(text.startswith(f"Ignored 0 failures of x.y. Not changed ({rules.NAMED_REJECTIONS + 3}): SF-0: not permitted;"))
		self.assertTrue(text.endswith("; and 3 more."))
		self.assertEqual(text.count("not permitted"), rules.NAMED_REJECTIONS)

	def test_the_cap_is_said(self):
		results = [rules.action_result(f"SF-{i}", True, "Ignored") for i in range(2)]
		self.assertEqual(
			rules.code_action_summary("ignore", "x.y", results, 5, limit=2),
			"Ignored 2 failures of x.y. Stopped at 2 per call; 3 more open failures of x.y were not reached: run it again.",
		)
		self.assertTrue(rules.code_action_summary("ignore", "x.y", results, 3, limit=2).endswith("1 more open failure of x.y was not reached: run it again."))

	def test_nothing_open(self):
		self.assertEqual(rules.code_action_summary("requeue", "x.y", [], 0), "No open failures of x.y.")
		self.assertEqual(rules.code_action_summary("requeue", "x.y", [], 0, shop="a.myshopify.com"), "No open failures of x.y for a.myshopify.com.")

	def test_the_cap_is_a_sane_number(self):
		self.assertGreater(rules.CODE_ACTION_LIMIT, 0)
		self.assertLessEqual(rules.CODE_ACTION_LIMIT, 1000)


if __name__ == "__main__":
	unittest.main()
