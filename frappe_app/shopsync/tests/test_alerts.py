"""When the Shopsync Manager role is alerted: a new failure code, or open failures piling up; never per failure."""

import importlib
import unittest
from datetime import datetime

from shopsync import alerts, hooks
from shopsync.alerts import AlertState, decide_alert, decide_runner_alert, silent_state_from_json, silent_state_to_json
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


NOW = datetime(2026, 12, 5, 3, 0, 0)
FRESH = datetime(2026, 12, 5, 2, 59, 0)
OLD = datetime(2026, 12, 5, 2, 0, 0)


class TestSilentRunners(unittest.TestCase):
	def test_a_runner_that_falls_silent_alerts_once(self):
		first = decide_runner_alert([("web-1", OLD, 60), ("web-2", FRESH, 60)], frozenset(), NOW)
		self.assertTrue(first.alert)
		self.assertEqual((first.newly_silent, first.silent), (("web-1",), frozenset({"web-1"})))
		self.assertEqual(first.subject, "Shopsync: 1 runner has stopped sending heartbeats (web-1).")
		self.assertEqual(first.lines, ("web-1: last heartbeat 2026-12-05 02:00:00",))
		# An hour later it is still silent: no second alert for the same silence.
		later = datetime(2026, 12, 5, 4, 0, 0)
		again = decide_runner_alert([("web-1", OLD, 60), ("web-2", datetime(2026, 12, 5, 3, 59), 60)], first.silent, later)
		self.assertFalse(again.alert)
		self.assertEqual(again.silent, frozenset({"web-1"}))

	def test_a_runner_that_beats_again_alerts_again_on_its_next_silence(self):
		silent = decide_runner_alert([("web-1", OLD, 60)], None, NOW)
		back = decide_runner_alert([("web-1", FRESH, 60)], silent.silent, NOW)
		self.assertFalse(back.alert)
		self.assertEqual(back.silent, frozenset())
		self.assertTrue(decide_runner_alert([("web-1", OLD, 60)], back.silent, NOW).alert)

	def test_all_running_is_quiet(self):
		d = decide_runner_alert([("web-1", FRESH, 60)], None, NOW)
		self.assertEqual((d.alert, d.silent), (False, frozenset()))

	def test_each_runner_is_judged_by_its_own_interval(self):
		# One hour old: silent for a 60 s promise, alive for a 1800 s one.
		d = decide_runner_alert([("fast", OLD, 60), ("slow", OLD, 1800)], frozenset(), NOW)
		self.assertEqual(d.newly_silent, ("fast",))

	def test_a_deleted_runner_is_forgotten(self):
		d = decide_runner_alert([], frozenset({"retired"}), NOW)
		self.assertEqual((d.alert, d.silent), (False, frozenset()))

	def test_several_at_once_and_one_that_never_beat(self):
		d = decide_runner_alert([("c", OLD, 60), ("a", None, 60), ("b", OLD, 60), ("d", OLD, 60)], None, NOW)
		self.assertEqual(d.subject, "Shopsync: 4 runners have stopped sending heartbeats (a, b, c, …).")
		self.assertEqual(d.lines[0], "a: last heartbeat never")

	def test_state_round_trip_and_unreadable_state(self):
		self.assertEqual(silent_state_from_json(silent_state_to_json(frozenset({"b", "a"}))), frozenset({"a", "b"}))
		self.assertEqual(silent_state_to_json(frozenset({"b", "a"})), '["a", "b"]')
		for text in (None, "", "nope", "{}", "[1]"):
			with self.subTest(text=text):
				self.assertIsNone(silent_state_from_json(text))

	def test_its_state_is_kept_apart_from_the_failure_alerts(self):
		self.assertNotEqual(alerts.RUNNER_STATE_KEY, alerts.STATE_KEY)


class TestWiring(unittest.TestCase):
	def test_the_hourly_hooks_resolve(self):
		self.assertIn("shopsync.alerts.send_runner_alerts", hooks.scheduler_events["hourly"])
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
