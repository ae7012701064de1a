"""Desk files agree with the Python side: list colours, action methods, workspace and chart."""

import ast
import json
import re
import unittest

from shopsync import rules
from shopsync.tests.app_files import (
	DOCTYPE_DIR,
	MODULE_DIR,
	MODULE_NAME,
	decorator_names,
	doctype_files,
	fields_by_name,
	frappe_as_json,
	load_json,
	parse_python,
	scrub,
	select_options,
	top_level_functions,
)

FAILURE_DIR = DOCTYPE_DIR / "sync_failure"
FAILURE_METHODS = "shopsync.shopsync.doctype.sync_failure.sync_failure."
CHART_DIR = MODULE_DIR / "dashboard_chart"


def js_constant(path, name):
	"""The object literal of `const NAME = {...};` (written as JSON so this test can read it)."""
	match = re.search(rf"const {name} = (\{{.*?\}});", path.read_text(encoding="utf-8"))
	if not match:
		raise AssertionError(f"{path.name} has no const {name}")
	return json.loads(match.group(1))


class TestListColours(unittest.TestCase):
	def test_sync_failure_list_uses_the_rules_colours(self):
		path = FAILURE_DIR / "sync_failure_list.js"
		self.assertEqual(js_constant(path, "FAILURE_STATUS_COLORS"), rules.FAILURE_STATUS_COLORS)
		self.assertEqual(js_constant(path, "CATEGORY_COLORS"), rules.CATEGORY_COLORS)

	def test_sync_log_list_uses_the_rules_colours(self):
		self.assertEqual(js_constant(DOCTYPE_DIR / "sync_log" / "sync_log_list.js", "SYNC_LOG_STATUS_COLORS"), rules.SYNC_LOG_STATUS_COLORS)

	def test_open_failure_indicator_filters_like_rules(self):
		# rules.failure_indicator("Open", c)[2] with c spelled as the JS template spells it.
		expected = rules.failure_indicator("Open", "mapping")[2].replace("mapping", "${doc.category}")
		self.assertIn(f"`{expected}`", (FAILURE_DIR / "sync_failure_list.js").read_text(encoding="utf-8"))


	def test_the_status_pill_says_the_status_only(self):
		js = (FAILURE_DIR / "sync_failure_list.js").read_text(encoding="utf-8")
		# The category has its own column and pill: an open failure's label is "Open", not "Open: internal".
		self.assertRegex(js, r"return \[\s*__\(\"Open\"\),")
		self.assertNotRegex(js, r"__\(\"Open\"\)\}?:")
		self.assertEqual(rules.failure_indicator("Open", "internal")[0], "Open")


class TestActionMethods(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.functions = top_level_functions(parse_python(FAILURE_DIR / "sync_failure.py"))
		cls.list_js = (FAILURE_DIR / "sync_failure_list.js").read_text(encoding="utf-8")
		cls.form_js = (FAILURE_DIR / "sync_failure.js").read_text(encoding="utf-8")

	def test_js_calls_the_controller_module(self):
		for js in (self.list_js, self.form_js):
			self.assertIn(f'const METHODS = "{FAILURE_METHODS}";', js)

	def test_list_bulk_actions_call_whitelisted_methods_taking_names(self):
		block = re.search(r"const BULK_ACTIONS = \[(.*?)\];", self.list_js, re.S).group(1)
		methods = re.findall(r'\["(\w+)", "(\w+)"\]', block)
		self.assertEqual([label for label, _ in methods], ["Retry", "Requeue", "Ignore"])
		for _label, method in methods:
			with self.subTest(method=method):
				self.assert_whitelisted_names_method(method)
		self.assertIn("listview.call_for_selected_items(METHODS + method)", self.list_js)

	def test_form_buttons_are_the_operator_actions(self):
		buttons = re.findall(r'\{ action: "(\w+)", label: "(\w+)", method: "(\w+)" \}', self.form_js)
		self.assertEqual([action for action, _, _ in buttons], list(rules.OPERATOR_ACTIONS))
		for _action, _label, method in buttons:
			self.assert_whitelisted_names_method(method)
		# The form asks the controller which actions apply instead of repeating the rules.
		self.assertIn("__onload.allowed_actions", self.form_js)

	def test_group_by_code_actions_are_operator_actions_applied_row_by_row(self):
		block = re.search(r"const CODE_ACTIONS = \[(.*?)\];", self.list_js, re.S).group(1)
		self.assertEqual(re.findall(r'action: "(\w+)"', block), [rules.REQUEUE, rules.IGNORE])
		self.assertIn('METHODS + "act_on_code"', self.list_js)
		self.assertIn('METHODS + "failure_groups"', self.list_js)
		act = self.functions["act_on_code"]
		self.assertIn("frappe.whitelist", decorator_names(act))
		self.assertEqual([a.arg for a in act.args.args], ["code", "action", "shop"])
		source = ast.unparse(act)
		# Each row through the same path as the bulk actions: its permission, then the status machine.
		self.assertIn("_apply_one(name, action)", source)
		self.assertIn("limit_page_length=rules.CODE_ACTION_LIMIT", source)
		self.assertIn("rules.code_action_summary(", source)
		self.assertIn("rules.failure_groups(", ast.unparse(self.functions["failure_groups"]))

	def test_read_only_forms_have_no_save_button(self):
		for path in (FAILURE_DIR / "sync_failure.js", DOCTYPE_DIR / "sync_log" / "sync_log.js"):
			with self.subTest(form=path.name):
				self.assertRegex(path.read_text(encoding="utf-8"), r"refresh\(frm\) \{\n(\t+//.*\n)?\t+frm\.disable_save\(\);")

	def assert_whitelisted_names_method(self, method):
		self.assertIn(method, self.functions)
		fn = self.functions[method]
		self.assertIn("frappe.whitelist", decorator_names(fn))
		self.assertEqual([a.arg for a in fn.args.args], ["names"])


class TestWorkspace(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.path = MODULE_DIR / "workspace" / "shopsync" / "shopsync.json"
		cls.workspace = load_json(cls.path)
		cls.content = json.loads(cls.workspace["content"])
		cls.app_doctypes = set(doctype_files())

	def test_written_as_frappe_writes_it(self):
		self.assertEqual(self.path.read_text(encoding="utf-8"), frappe_as_json(self.workspace))
		self.assertEqual((self.workspace["doctype"], self.workspace["module"], self.workspace["public"]), ("Workspace", MODULE_NAME, 1))
		self.assertEqual(self.path.parent.name, scrub(self.workspace["name"]))

	def test_shortcuts_link_to_app_doctypes_and_count_real_statuses(self):
		for shortcut in self.workspace["shortcuts"]:
			with self.subTest(shortcut=shortcut["label"]):
				self.assertEqual(shortcut["type"], "DocType")
				self.assertIn(shortcut["link_to"], self.app_doctypes)
				if "stats_filter" in shortcut:
					(operator, status), = json.loads(shortcut["stats_filter"]).values()
					self.assertEqual(operator, "=")
					self.assertIn(status, rules.FAILURE_STATUSES)
					self.assertIn("{}", shortcut["format"])

	def test_open_failures_are_counted(self):
		counted = [json.loads(s["stats_filter"]) for s in self.workspace["shortcuts"] if s["link_to"] == "Sync Failure" and "stats_filter" in s]
		self.assertIn({"status": ["=", rules.OPEN]}, counted)

	def test_content_blocks_match_shortcuts_cards_and_charts(self):
		def named(kind, key):
			return [b["data"][key] for b in self.content if b["type"] == kind]

		self.assertEqual(named("shortcut", "shortcut_name"), [s["label"] for s in self.workspace["shortcuts"]])
		self.assertEqual(named("chart", "chart_name"), [c["label"] for c in self.workspace["charts"]])
		cards = [link["label"] for link in self.workspace["links"] if link["type"] == "Card Break"]
		self.assertEqual(named("card", "card_name"), cards)
		self.assertEqual(len({b["id"] for b in self.content}), len(self.content))

	def test_card_links_are_counted_and_exist(self):
		links = self.workspace["links"]
		for index, link in enumerate(links):
			if link["type"] == "Card Break":
				following = []
				for item in links[index + 1 :]:
					if item["type"] != "Link":
						break
					following.append(item)
				self.assertEqual(link["link_count"], len(following), link["label"])
			else:
				self.assertIn(link["link_to"], self.app_doctypes)

	def test_charts_exist_and_group_open_failures_by_category(self):
		failure_fields = fields_by_name(load_json(doctype_files()["Sync Failure"]))
		for ref in self.workspace["charts"]:
			path = CHART_DIR / scrub(ref["chart_name"]) / f"{scrub(ref['chart_name'])}.json"
			chart = load_json(path)
			with self.subTest(chart=ref["chart_name"]):
				self.assertEqual(path.read_text(encoding="utf-8"), frappe_as_json(chart))
				self.assertEqual((chart["doctype"], chart["name"], chart["module"], chart["is_standard"]), ("Dashboard Chart", ref["chart_name"], MODULE_NAME, 1))
				self.assertEqual((chart["chart_type"], chart["document_type"]), ("Group By", "Sync Failure"))
				# Without a colour the Desk logs '"" is not a valid color' on every visit.
				self.assertRegex(chart.get("color") or "", r"^#[0-9A-Fa-f]{6}$")
				self.assertEqual(failure_fields[chart["group_by_based_on"]]["fieldtype"], "Select")
				for doctype, fieldname, operator, value, _ in json.loads(chart["filters_json"]):
					self.assertEqual(doctype, "Sync Failure")
					self.assertIn(value, select_options(failure_fields[fieldname]))


if __name__ == "__main__":
	unittest.main()
