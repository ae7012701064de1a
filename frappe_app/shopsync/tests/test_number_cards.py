"""The workspace's Number Cards: every card it names exists, and filters on real fields or calls a real method."""

import ast
import json
import unittest

from shopsync import rules
from shopsync.tests.app_files import APP_PACKAGE, decorator_names, parse_python, top_level_functions
from shopsync.tests.app_files import (
	MODULE_DIR,
	MODULE_NAME,
	doctype_files,
	fields_by_name,
	frappe_as_json,
	load_json,
	scrub,
	select_options,
)

CARD_DIR = MODULE_DIR / "number_card"
WORKSPACE = MODULE_DIR / "workspace" / "shopsync" / "shopsync.json"

# Columns every document has without being a DocField (frappe.model.default_fields).
STANDARD_FIELDS = frozenset({"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"})
# Filter operators of a Document Type card that need no value from the options (frappe db_query).
STATIC_OPERATORS = frozenset({"=", "!=", "in", "not in"})
# JS expressions a dynamic filter may carry: frappe.dashboard_utils.get_all_filters eval()s f[3] in the browser.
DYNAMIC_EXPRESSIONS = frozenset({"frappe.datetime.get_today()"})
# Number Card Select options in Frappe v15 (frappe/desk/doctype/number_card/number_card.json).
CARD_FUNCTIONS = ("Count", "Sum", "Average", "Minimum", "Maximum")
STATS_INTERVALS = ("Daily", "Weekly", "Monthly", "Yearly")
CARD_TYPES = ("Document Type", "Report", "Custom")


def card_files():
	return {load_json(p)["name"]: p for p in sorted(CARD_DIR.glob("*/*.json"))}


# The runner's health, from its heartbeats (Sync Runner); every other card counts Sync Failures.
RUNNER_CARDS = ("Runner Backlog", "Silent Runners")


class TestNumberCards(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.files = card_files()
		cls.cards = {name: load_json(path) for name, path in cls.files.items()}
		cls.failure_fields = fields_by_name(load_json(doctype_files()["Sync Failure"]))

	def test_every_card_is_well_formed(self):
		for name, card in self.cards.items():
			with self.subTest(card=name):
				self.assertIn(card["type"], CARD_TYPES)
				self.assertIn(card["function"], CARD_FUNCTIONS)
				self.assertIn(card["stats_time_interval"], STATS_INTERVALS)
				self.assertRegex(card.get("color") or "", r"^#[0-9A-Fa-f]{6}$")

	def test_written_as_frappe_writes_them(self):
		self.assertTrue(self.cards)
		for name, path in self.files.items():
			card = self.cards[name]
			with self.subTest(card=name):
				self.assertEqual(path.read_text(encoding="utf-8"), frappe_as_json(card))
				self.assertEqual(path.parent.name, scrub(name))
				self.assertEqual(path.stem, scrub(name))
				self.assertEqual((card["doctype"], card["label"], card["module"], card["is_standard"], card["is_public"]), ("Number Card", name, MODULE_NAME, 1, 1))

	def test_count_sync_failures(self):
		for name, card in self.cards.items():
			if name in RUNNER_CARDS:
				continue
			with self.subTest(card=name):
				self.assertEqual((card["type"], card["document_type"], card["function"]), ("Document Type", "Sync Failure", "Count"))
				self.assertIn(card["function"], CARD_FUNCTIONS)
				self.assertIn(card["stats_time_interval"], STATS_INTERVALS)
				self.assertRegex(card.get("color") or "", r"^#[0-9A-Fa-f]{6}$")

	def assert_real_field(self, fieldname):
		self.assertTrue(fieldname in self.failure_fields or fieldname in STANDARD_FIELDS, fieldname)

	def test_static_filters_use_real_fields_and_options(self):
		for name, card in self.cards.items():
			for row in json.loads(card["filters_json"]):
				with self.subTest(card=name, row=row):
					doctype, fieldname, operator, value, _negate = row
					self.assertEqual(doctype, "Sync Failure")
					self.assert_real_field(fieldname)
					self.assertIn(operator, STATIC_OPERATORS)
					field = self.failure_fields.get(fieldname)
					if field and field["fieldtype"] == "Select":
						for v in value if isinstance(value, list) else [value]:
							self.assertIn(v, select_options(field))

	def test_dynamic_filters_are_a_list_of_known_expressions(self):
		for name, card in self.cards.items():
			# get_all_filters spreads filters_json into a list when the dynamic filters are a list.
			dynamic = json.loads(card["dynamic_filters_json"])
			self.assertIsInstance(dynamic, list)
			self.assertIsInstance(json.loads(card["filters_json"]), list)
			for row in dynamic:
				with self.subTest(card=name, row=row):
					doctype, fieldname, _operator, expression = row
					self.assertEqual(doctype, "Sync Failure")
					self.assert_real_field(fieldname)
					self.assertIn(expression, DYNAMIC_EXPRESSIONS)

	def test_one_red_card_of_open_failures_per_category(self):
		by_category = {}
		for name, card in self.cards.items():
			filters = {row[1]: (row[2], row[3]) for row in json.loads(card["filters_json"])}
			if "category" in filters:
				self.assertEqual(filters["status"], ("=", rules.OPEN), name)
				self.assertEqual(card["color"].upper(), "#E24C4C", name)
				by_category[filters["category"][1]] = name
		self.assertEqual(sorted(by_category), sorted(rules.CATEGORIES))

	def test_failures_opened_today_counts_from_the_start_of_the_day(self):
		card = self.cards["Failures Opened Today"]
		self.assertEqual(json.loads(card["filters_json"]), [])
		# creation is a Datetime: "= today" would match midnight only, ">= today" matches the whole day.
		self.assertEqual(json.loads(card["dynamic_filters_json"]), [["Sync Failure", "creation", ">=", "frappe.datetime.get_today()"]])
		# The previous-day comparison of a "since today" count is always 0, so the percentage is switched off.
		self.assertEqual(card["show_percentage_stats"], 0)


class TestRunnerCards(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.cards = {name: load_json(path) for name, path in card_files().items()}
		cls.runner_fields = fields_by_name(load_json(doctype_files()["Sync Runner"]))

	def test_runner_backlog_sums_the_pending_events_of_every_runner(self):
		card = self.cards["Runner Backlog"]
		self.assertEqual((card["type"], card["document_type"], card["function"], card["aggregate_function_based_on"]), ("Document Type", "Sync Runner", "Sum", "pending"))
		self.assertEqual(self.runner_fields["pending"]["fieldtype"], "Int")
		self.assertEqual((json.loads(card["filters_json"]), json.loads(card["dynamic_filters_json"])), ([], []))

	def test_silent_runners_is_counted_on_the_site_by_the_list_rule(self):
		# A dynamic filter is eval()ed in the browser (dashboard_utils.get_all_filters): the browser's clock,
		# and one fixed age for every runner. A Custom card asks the site, which applies each runner's own
		# heartbeat_seconds with its own clock, as the list indicator does (runner_health.runner_state).
		card = self.cards["Silent Runners"]
		self.assertEqual(card["type"], "Custom")
		module, _, function = card["method"].rpartition(".")
		self.assertEqual(module, "shopsync.api")
		fn = top_level_functions(parse_python(APP_PACKAGE / "api.py"))[function]
		self.assertIn("frappe.whitelist", decorator_names(fn))
		# The widget calls the method with `filters` (get_all_filters of filters_json, which it JSON.parses).
		self.assertEqual([a.arg for a in fn.args.args], ["filters"])
		self.assertEqual((json.loads(card["filters_json"]), json.loads(card["dynamic_filters_json"])), ([], []))
		# Number Card.has_permission lets a non-System Manager see a card whose document_type they can read.
		self.assertEqual(card["document_type"], "Sync Runner")
		self.assertIn("silent_runners(", ast.unparse(fn))


class TestWorkspaceCards(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.workspace = load_json(WORKSPACE)
		cls.content = json.loads(cls.workspace["content"])
		cls.cards = card_files()

	def test_workspace_references_only_cards_that_exist(self):
		rows = self.workspace["number_cards"]
		self.assertTrue(rows)
		for row in rows:
			self.assertIn(row["number_card_name"], self.cards)
			self.assertEqual(row["label"], row["number_card_name"])

	def test_every_card_is_on_the_workspace(self):
		self.assertEqual(sorted(r["number_card_name"] for r in self.workspace["number_cards"]), sorted(self.cards))

	def test_content_blocks_match_the_number_cards_table(self):
		blocks = [b["data"]["number_card_name"] for b in self.content if b["type"] == "number_card"]
		self.assertEqual(blocks, [r["label"] for r in self.workspace["number_cards"]])
		self.assertEqual(len({b["id"] for b in self.content}), len(self.content))

	def test_runners_are_one_click_away(self):
		shortcuts = {s["label"]: s for s in self.workspace["shortcuts"]}
		self.assertEqual((shortcuts["Runners"]["type"], shortcuts["Runners"]["link_to"], shortcuts["Runners"]["doc_view"]), ("DocType", "Sync Runner", "List"))
		self.assertIn("Sync Runner", [link.get("link_to") for link in self.workspace["links"] if link["type"] == "Link"])
		self.assertLessEqual(set(RUNNER_CARDS), {r["number_card_name"] for r in self.workspace["number_cards"]})

	def test_no_doctype_shortcut_on_a_single(self):
		singles = {name for name, path in doctype_files().items() if load_json(path).get("issingle")}
		for shortcut in self.workspace["shortcuts"]:
			if shortcut["type"] == "DocType":
				self.assertNotIn(shortcut["link_to"], singles, shortcut["label"])
			self.assertIn(shortcut["link_to"], set(doctype_files()), shortcut["label"])


if __name__ == "__main__":
	unittest.main()
