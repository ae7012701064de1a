"""The runner's heartbeat entry, and the Running / Silent rule shared with the list script (issue 14)."""

import json
import re
import unittest
from datetime import datetime

from shopsync import runner_health
from shopsync.log_entries import Invalid
from shopsync.runner_health import RUNNING, SILENT, RunnerHealth, parse_runner_health, runner_indicator, runner_result, runner_state, silent_runners
from shopsync.tests.app_files import APP_PACKAGE, DOCTYPE_DIR

LIST_JS = DOCTYPE_DIR / "sync_runner" / "sync_runner_list.js"
CASES = json.loads((APP_PACKAGE / "tests" / "runner_state_cases.json").read_text(encoding="utf-8"))["cases"]
INVALID_CASES = json.loads((APP_PACKAGE / "tests" / "runner_health_invalid_cases.json").read_text(encoding="utf-8"))["cases"]
NOW = datetime(2026, 12, 5, 3, 0, 0)


def entry(**overrides):
	base = {
		"runner_name": "web-1:8787",
		"version": "0.1.0",
		"shops": ["a.myshopify.com", "b.myshopify.com"],
		"started_at": "2026-12-05T02:00:00Z",
		"heartbeat_seconds": 60,
		"pending": 3,
		"claimed": 1,
		"open_failures": 2,
		"retrying_failures": 0,
		"erpnext_outage": False,
		"flows": [
			{"flow": "orders", "last_success": "2026-12-05T02:59:00.250Z", "topic": "orders/paid"},
			{"flow": "customers", "last_success": "2026-12-05T02:58:00Z", "topic": "customers/update"},
		],
	}
	base.update(overrides)
	return {k: v for k, v in base.items() if v is not ...}


def parse(raw, zone="UTC"):
	return parse_runner_health(raw, zone)


class TestParse(unittest.TestCase):
	def test_a_full_entry(self):
		health = parse(entry())
		self.assertIsInstance(health, RunnerHealth)
		self.assertEqual(health.runner_name, "web-1:8787")
		self.assertEqual(
			health.fields,
			{
				"runner_name": "web-1:8787",
				"version": "0.1.0",
				"shops": "a.myshopify.com\nb.myshopify.com",
				"started_at": "2026-12-05 02:00:00.000000",
				"heartbeat_seconds": 60,
				"pending": 3,
				"claimed": 1,
				"open_failures": 2,
				"retrying_failures": 0,
				"erpnext_outage": 0,
			},
		)
		# Sorted by flow, so the same report always gives the same table.
		self.assertEqual(
			health.flows,
			(
				{"flow": "customers", "last_success": "2026-12-05 02:58:00.000000", "topic": "customers/update"},
				{"flow": "orders", "last_success": "2026-12-05 02:59:00.250000", "topic": "orders/paid"},
			),
		)

	def test_the_shops_whose_shopify_is_unreachable_one_per_line(self):
		health = parse(entry(shopify_outages=["b.myshopify.com", "a.myshopify.com"]))
		self.assertEqual(health.fields["shopify_outages"], "b.myshopify.com\na.myshopify.com")
		# None unreachable clears the field; an older runner that does not send it leaves it alone.
		self.assertEqual(parse(entry(shopify_outages=[])).fields["shopify_outages"], "")
		self.assertNotIn("shopify_outages", parse(entry()).fields)

	def test_datetimes_are_converted_to_the_sites_zone(self):
		health = parse(entry(), "Europe/Berlin")
		self.assertEqual(health.fields["started_at"], "2026-12-05 03:00:00.000000")

	def test_only_name_and_interval_are_required(self):
		health = parse({"runner_name": "r", "heartbeat_seconds": 5})
		self.assertEqual((health.fields, health.flows), ({"runner_name": "r", "heartbeat_seconds": 5}, ()))

	def test_bad_entries_say_why(self):
		# The ERPNext simulator refuses the same entries with the same words (test/erpnext-sim-runner-health.unit.test.ts).
		for case in INVALID_CASES:
			with self.subTest(case["label"]):
				self.assertEqual(parse(case["entry"]), Invalid(case["reason"]))

	def test_the_runner_cannot_set_its_own_heartbeat_time(self):
		labels = {case["label"]: case for case in INVALID_CASES}
		self.assertEqual(labels["the runner cannot set its own heartbeat time"]["reason"], "unknown field(s): last_heartbeat")


class TestState(unittest.TestCase):
	def test_shared_cases(self):
		for case in CASES:
			with self.subTest(case["why"], case=case):
				now = datetime.fromisoformat(case["now"])
				self.assertEqual(runner_state(case["last_heartbeat"], case["heartbeat_seconds"], now), case["expected"])

	def test_datetimes_as_frappe_returns_them(self):
		self.assertEqual(runner_state(datetime(2026, 12, 5, 2, 58), 60, NOW), RUNNING)
		self.assertEqual(runner_state(datetime(2026, 12, 5, 2, 56, 59), 60, NOW), SILENT)

	def test_silent_runners_are_named_in_order(self):
		rows = [("b", datetime(2026, 12, 5, 2, 0), 60), ("a", None, 60), ("c", datetime(2026, 12, 5, 2, 59), 60)]
		self.assertEqual(silent_runners(rows, NOW), ["a", "b"])

	def test_indicator_filters_to_the_runner(self):
		self.assertEqual(runner_indicator(RUNNING, "web-1:8787"), ("Running", "green", "name,=,web-1:8787"))
		self.assertEqual(runner_indicator(SILENT, "r")[1], "red")


class TestListScriptMirrorsTheRule(unittest.TestCase):
	"""sync_runner_list.js repeats the rule; the jest test runs the same CASES through it."""

	def setUp(self):
		self.js = LIST_JS.read_text(encoding="utf-8")

	def test_constants_are_equal(self):
		beats = re.search(r"const SILENT_AFTER_BEATS = (\d+);", self.js)
		colors = re.search(r"const RUNNER_STATE_COLORS = (\{.*?\});", self.js)
		self.assertEqual(int(beats.group(1)), runner_health.SILENT_AFTER_BEATS)
		self.assertEqual(json.loads(colors.group(1)), runner_health.RUNNER_STATE_COLORS)

	def test_indicator_filter_is_the_same(self):
		expected = runner_indicator(RUNNING, "NAME")[2].replace("NAME", "${doc.name}")
		self.assertIn(f"`{expected}`", self.js)

	def test_the_rule_compares_like_python(self):
		# At most SILENT_AFTER_BEATS intervals is still Running (<=), as runner_state says.
		self.assertIn("<= SILENT_AFTER_BEATS * seconds", self.js)


class TestResult(unittest.TestCase):
	def test_created_row(self):
		row = {"name": "r", "last_heartbeat": datetime(2026, 12, 5, 3, 0, 1)}
		self.assertEqual(
			runner_result("r", "created", row),
			{"runner_name": "r", "name": "r", "ok": True, "result": "created", "last_heartbeat": "2026-12-05 03:00:01.000000", "message": ""},
		)

	def test_invalid_entry(self):
		self.assertEqual(
			runner_result(["not", "a", "name"], "invalid", message="missing runner_name"),
			{"runner_name": None, "name": None, "ok": False, "result": "invalid", "last_heartbeat": None, "message": "missing runner_name"},
		)


if __name__ == "__main__":
	unittest.main()
