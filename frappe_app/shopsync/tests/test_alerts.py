"""When the Shopsync Manager role is alerted: a new failure code, or open failures piling up; never per failure."""

import importlib
import unittest
from datetime import datetime

from shopsync import alerts, hooks
from shopsync.alerts import AlertState, decide_alert
from shopsync.tests.app_files import APP_PACKAGE, imported_modules, parse_python

T1 = datetime(2026, 12, 5, 1, 2, 3)
T2 = datetime(2026, 12, 5, 1, 30, 0)


def failures(code, n, created=T1):
	return [(code, created)] * n


class TestNewCodes(unittest.TestCase):
	def test_first_check_alerts_on_every_open_code(self):
		d = decide_alert(failures("erpnext.server_error", 2) + failures("shopify.auth", 1), None)
		self.assertTrue(d.alert)
		self.assertEqual(d.new_codes, ("erpnext.server_error", "shopify.auth"))
		self.assertEqual(d.open_count, 3)
		self.assertEqual(d.state, AlertState(frozenset({"erpnext.server_error", "shopify.auth"}), False))

	def test_nothing_open_and_nothing_known_is_quiet(self):
		d = decide_alert([], None)
		self.assertFalse(d.alert)
		self.assertEqual((d.open_count, d.new_codes, d.state), (0, (), AlertState()))

	def test_more_failures_of_a_known_code_do_not_alert(self):
		state = AlertState(frozenset({"erpnext.server_error"}))
		d = decide_alert(failures("erpnext.server_error", 20), state)
		self.assertFalse(d.alert)
		self.assertEqual(d.state, state)

	def test_a_new_code_alerts_once(self):
		state = AlertState(frozenset({"erpnext.server_error"}))
		d = decide_alert(failures("erpnext.server_error", 3) + failures("mapping.unknown_sku", 2, T2), state)
		self.assertTrue(d.alert)
		self.assertEqual(d.new_codes, ("mapping.unknown_sku",))
		self.assertFalse(d.crossed_threshold)
		again = decide_alert(failures("erpnext.server_error", 3) + failures("mapping.unknown_sku", 5, T2), d.state)
		self.assertFalse(again.alert)

	def test_a_code_that_closed_alerts_again_when_it_comes_back(self):
		state = AlertState(frozenset({"erpnext.server_error"}))
		cleared = decide_alert([], state)
		self.assertFalse(cleared.alert)
		self.assertEqual(cleared.state.codes, frozenset())
		self.assertTrue(decide_alert(failures("erpnext.server_error", 1), cleared.state).alert)

	def test_failures_without_a_code_count_as_one_code(self):
		d = decide_alert([(None, T1), ("", T1)], None)
		self.assertEqual(d.new_codes, (alerts.NO_CODE,))
		self.assertEqual(d.lines, (f"{alerts.NO_CODE}: 2 open since 2026-12-05 01:02",))


class TestThreshold(unittest.TestCase):
	def known(self, over=False):
		return AlertState(frozenset({"erpnext.server_error"}), over)

	def test_reaching_the_threshold_alerts(self):
		below = decide_alert(failures("erpnext.server_error", 9), self.known(), threshold=10)
		self.assertFalse(below.alert)
		d = decide_alert(failures("erpnext.server_error", 10), below.state, threshold=10)
		self.assertTrue(d.alert)
		self.assertTrue(d.crossed_threshold)
		self.assertEqual(d.new_codes, ())
		self.assertTrue(d.state.over_threshold)
		self.assertEqual(d.subject, "Shopsync: open failures reached 10. 10 open failures.")

	def test_staying_above_does_not_alert_again(self):
		d = decide_alert(failures("erpnext.server_error", 40), self.known(over=True), threshold=10)
		self.assertFalse(d.alert)
		self.assertTrue(d.state.over_threshold)

	def test_hovering_around_the_threshold_does_not_alert_every_hour(self):
		d = decide_alert(failures("erpnext.server_error", 8), self.known(over=True), threshold=10)
		self.assertFalse(d.alert)
		self.assertTrue(d.state.over_threshold)
		self.assertFalse(decide_alert(failures("erpnext.server_error", 10), d.state, threshold=10).alert)

	def test_rearms_below_half_the_threshold(self):
		d = decide_alert(failures("erpnext.server_error", 4), self.known(over=True), threshold=10)
		self.assertFalse(d.state.over_threshold)
		self.assertTrue(decide_alert(failures("erpnext.server_error", 10), d.state, threshold=10).crossed_threshold)

	def test_new_code_and_threshold_in_one_alert(self):
		d = decide_alert(failures("erpnext.server_error", 9) + failures("shopify.auth", 1), self.known(), threshold=10)
		self.assertTrue(d.alert)
		self.assertEqual(d.subject, "Shopsync: 1 new failure code (shopify.auth); open failures reached 10. 10 open failures.")

	def test_threshold_must_be_positive(self):
		with self.assertRaises(ValueError):
			decide_alert([], None, threshold=0)


class TestMessage(unittest.TestCase):
	def test_lines_name_each_new_code_with_its_count_and_earliest_failure(self):
		d = decide_alert([("b.code", T2), ("b.code", T1), ("a.code", T2)], None)
		self.assertEqual(d.lines, ("a.code: 1 open since 2026-12-05 01:30", "b.code: 2 open since 2026-12-05 01:02"))
		self.assertEqual(d.subject, "Shopsync: 2 new failure codes (a.code, b.code). 3 open failures.")

	def test_many_new_codes_are_cut(self):
		d = decide_alert([(f"code.{i:02d}", T1) for i in range(12)], None)
		self.assertEqual(d.subject, "Shopsync: 12 new failure codes (code.00, code.01, code.02, …). 12 open failures.")
		self.assertEqual(len(d.lines), alerts.MAX_LISTED_CODES + 1)
		self.assertEqual(d.lines[-1], "… and 2 more new codes")

	def test_string_timestamps_as_frappe_may_return_them(self):
		d = decide_alert([("a", "2026-12-05 01:30:00.000000"), ("a", "2026-12-05 01:02:03.000000")], None)
		self.assertEqual(d.lines, ("a: 2 open since 2026-12-05 01:02",))


class TestState(unittest.TestCase):
	def test_round_trip(self):
		state = AlertState(frozenset({"b", "a"}), True)
		self.assertEqual(state.to_json(), '{"codes": ["a", "b"], "over_threshold": true}')
		self.assertEqual(AlertState.from_json(state.to_json()), state)

	def test_missing_or_unreadable_state_is_a_first_check(self):
		for text in (None, "", "not json", "[]", '{"codes": "a", "over_threshold": false}', '{"codes": [1], "over_threshold": false}', '{"codes": []}'):
			with self.subTest(text=text):
				self.assertIsNone(AlertState.from_json(text))


class TestWiring(unittest.TestCase):
	def test_the_hourly_hook_resolves(self):
		for path in hooks.scheduler_events["hourly"]:
			module_path, _, name = path.rpartition(".")
			self.assertTrue(callable(getattr(importlib.import_module(module_path), name)))

	def test_no_frappe_import_at_module_level(self):
		tree = parse_python(APP_PACKAGE / "alerts.py")
		self.assertEqual({m for m in imported_modules(tree, top_level_only=True) if m.split(".")[0] == "frappe"}, set())

	def test_alerts_go_to_the_shopsync_manager_role(self):
		self.assertEqual(alerts.ALERT_ROLE, "Shopsync Manager")


if __name__ == "__main__":
	unittest.main()
