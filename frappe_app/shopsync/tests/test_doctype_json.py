"""The doctype JSON files: the contract the app installs and the ERPNext simulator loads (DESIGN §6)."""

import unittest

from shopsync import rules
from shopsync.tests.app_files import (
	DOCTYPE_DIR,
	MODULE_NAME,
	NO_VALUE_FIELDTYPES,
	VALID_FIELDTYPES,
	doctype_files,
	fields_by_name,
	frappe_as_json,
	load_json,
	scrub,
	select_options,
)

RUNNER = "Shopsync Runner"

# Fields the runner and the Desk rely on, with their types.
REQUIRED_FIELDS = {
	"Sync Log": {
		"event_id": "Data", "shop": "Data", "topic": "Data", "resource_key": "Data", "webhook_id": "Data",
		"status": "Select", "reason": "Small Text", "received_at": "Datetime", "finished_at": "Datetime",
		"reference_doctype": "Link", "reference_name": "Dynamic Link", "payload_hash": "Data", "evidence": "Code",
	},
	"Sync Failure": {
		"failure_key": "Data", "event_id": "Data", "shop": "Data", "topic": "Data", "resource_key": "Data",
		"category": "Select", "code": "Data", "message": "Small Text", "suggested_action": "Small Text",
		"retry_safe": "Check", "attempts": "Int", "status": "Select", "requested_action": "Select",
		"reference_doctype": "Link", "reference_name": "Dynamic Link", "details": "Code",
		"first_seen": "Datetime", "last_seen": "Datetime",
	},
	"Sync Runner": {
		"runner_name": "Data", "version": "Data", "shops": "Small Text", "started_at": "Datetime",
		"last_heartbeat": "Datetime", "heartbeat_seconds": "Int", "erpnext_outage": "Check",
		"shopify_outages": "Small Text", "pending": "Int",
		"claimed": "Int", "open_failures": "Int", "retrying_failures": "Int", "flows": "Table",
	},
	"Sync Runner Flow": {"flow": "Data", "last_success": "Datetime", "topic": "Data"},
}
# The doctypes the runner writes through api.py; Sync Runner Flow is a table of Sync Runner.
RUNNER_WRITTEN = ("Sync Log", "Sync Failure", "Sync Runner")
LOGS = ("Sync Log", "Sync Failure")
LINK_TARGETS = {
	("Sync Log", "reference_doctype"): "DocType",
	("Sync Failure", "reference_doctype"): "DocType",
}
# Select fields whose options must be exactly what the Python side uses.
SELECT_OPTIONS = {
	("Sync Log", "status"): list(rules.SYNC_LOG_STATUSES),
	("Sync Failure", "status"): list(rules.FAILURE_STATUSES),
	("Sync Failure", "category"): list(rules.CATEGORIES),
	("Sync Failure", "requested_action"): ["", *rules.REQUESTED_ACTION_LABELS.values()],
}


class DoctypeCase(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.paths = doctype_files()
		cls.doctypes = {name: load_json(path) for name, path in cls.paths.items()}


class TestFiles(DoctypeCase):
	def test_the_app_has_its_doctypes(self):
		# Its settings live in the runner's config file, not in a doctype the runner would not read.
		self.assertEqual(set(self.doctypes), {"Sync Log", "Sync Failure", "Sync Runner", "Sync Runner Flow"})
		self.assertEqual(set(self.doctypes), set(REQUIRED_FIELDS))

	def test_written_as_frappe_writes_them(self):
		for name, path in self.paths.items():
			with self.subTest(doctype=name):
				text = path.read_text(encoding="utf-8")
				self.assertEqual(text, frappe_as_json(load_json(path)), "re-export with frappe.as_json format")

	def test_folder_and_file_are_named_after_the_doctype(self):
		for name, path in self.paths.items():
			with self.subTest(doctype=name):
				self.assertEqual(path.parent.name, scrub(name))
				self.assertEqual(path.stem, scrub(name))

	def test_each_folder_is_a_package_with_a_controller(self):
		for name, path in self.paths.items():
			with self.subTest(doctype=name):
				folder = path.parent
				self.assertTrue((folder / "__init__.py").exists())
				self.assertTrue((folder / f"{folder.name}.py").exists())
				if not self.doctypes[name].get("istable"):
					self.assertTrue((folder / f"{folder.name}.js").exists())

	def test_list_views_exist_for_the_logs(self):
		for folder in ("sync_log", "sync_failure", "sync_runner"):
			self.assertTrue((DOCTYPE_DIR / folder / f"{folder}_list.js").exists(), folder)

	def test_no_doctype_test_file_needs_frappe_in_ci(self):
		# CI runs without frappe; bench-style test_*.py files here would be discovered and fail.
		self.assertEqual(sorted(p.name for p in DOCTYPE_DIR.rglob("test_*.py")), [])


class TestStructure(DoctypeCase):
	def test_top_level_keys(self):
		for name, doc in self.doctypes.items():
			with self.subTest(doctype=name):
				self.assertEqual(doc["doctype"], "DocType")
				self.assertEqual(doc["name"], name)
				self.assertEqual(doc["module"], MODULE_NAME)
				self.assertTrue(doc["fields"])
				self.assertIn("permissions", doc)

	def test_field_order_matches_fields(self):
		for name, doc in self.doctypes.items():
			with self.subTest(doctype=name):
				self.assertEqual(doc["field_order"], [f["fieldname"] for f in doc["fields"]])

	def test_fieldnames_are_unique_snake_case(self):
		for name, doc in self.doctypes.items():
			names = [f["fieldname"] for f in doc["fields"]]
			with self.subTest(doctype=name):
				self.assertEqual(len(names), len(set(names)))
				for fieldname in names:
					self.assertRegex(fieldname, r"^[a-z][a-z0-9_]*$")

	def test_every_fieldtype_is_valid(self):
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				with self.subTest(doctype=name, field=field["fieldname"]):
					self.assertIn(field["fieldtype"], VALID_FIELDTYPES)

	def test_value_fields_have_labels(self):
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				if field["fieldtype"] not in NO_VALUE_FIELDTYPES:
					with self.subTest(doctype=name, field=field["fieldname"]):
						self.assertTrue(field.get("label"))

	def test_required_fields_and_types(self):
		for name, expected in REQUIRED_FIELDS.items():
			fields = fields_by_name(self.doctypes[name])
			for fieldname, fieldtype in expected.items():
				with self.subTest(doctype=name, field=fieldname):
					self.assertIn(fieldname, fields)
					self.assertEqual(fields[fieldname]["fieldtype"], fieldtype)

	def test_unique_fields_are_data(self):
		# MariaDB gets a unique index only on varchar columns; on text columns `unique` is not enforced.
		uniques = {}
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				if field.get("unique"):
					uniques[(name, field["fieldname"])] = field["fieldtype"]
		self.assertEqual(uniques, {("Sync Log", "event_id"): "Data", ("Sync Failure", "failure_key"): "Data", ("Sync Runner", "runner_name"): "Data"})

	def test_link_targets(self):
		for (doctype, fieldname), target in LINK_TARGETS.items():
			with self.subTest(doctype=doctype, field=fieldname):
				self.assertEqual(fields_by_name(self.doctypes[doctype])[fieldname]["options"], target)

	def test_dynamic_links_point_at_a_doctype_link_of_the_same_doctype(self):
		for name, doc in self.doctypes.items():
			fields = fields_by_name(doc)
			for field in doc["fields"]:
				if field["fieldtype"] == "Dynamic Link":
					with self.subTest(doctype=name, field=field["fieldname"]):
						source = fields[field["options"]]
						self.assertEqual((source["fieldtype"], source["options"]), ("Link", "DocType"))

	def test_tables_point_at_a_child_doctype_of_the_app(self):
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				if field["fieldtype"] == "Table":
					with self.subTest(doctype=name, field=field["fieldname"]):
						self.assertEqual(self.doctypes[field["options"]].get("istable"), 1)

	def test_code_fields_hold_json(self):
		for name in ("Sync Log", "Sync Failure"):
			for field in self.doctypes[name]["fields"]:
				if field["fieldtype"] == "Code":
					self.assertEqual(field.get("options"), "JSON", f"{name}.{field['fieldname']}")

	def test_check_defaults_are_0_or_1(self):
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				if field["fieldtype"] == "Check" and "default" in field:
					self.assertIn(field["default"], ("0", "1"), f"{name}.{field['fieldname']}")


class TestSelectOptions(DoctypeCase):
	def test_options_are_exactly_what_the_python_side_uses(self):
		for (doctype, fieldname), expected in SELECT_OPTIONS.items():
			with self.subTest(doctype=doctype, field=fieldname):
				self.assertEqual(select_options(fields_by_name(self.doctypes[doctype])[fieldname]), expected)

	def test_every_select_default_is_an_option(self):
		for name, doc in self.doctypes.items():
			for field in doc["fields"]:
				if field["fieldtype"] == "Select" and "default" in field:
					with self.subTest(doctype=name, field=field["fieldname"]):
						self.assertIn(field["default"], select_options(field))

	def test_a_failure_starts_open_and_a_log_received(self):
		self.assertEqual(fields_by_name(self.doctypes["Sync Failure"])["status"]["default"], rules.OPEN)
		self.assertEqual(fields_by_name(self.doctypes["Sync Log"])["status"]["default"], "Received")


class TestKindsAndPermissions(DoctypeCase):
	def perms(self, doctype):
		return {p["role"]: {k for k, v in p.items() if k != "role" and v} for p in self.doctypes[doctype]["permissions"]}

	def test_nobody_adds_one_by_hand(self):
		# Only the runner writes them (through api.py); the form's buttons are the operator's levers.
		for name in RUNNER_WRITTEN:
			with self.subTest(doctype=name):
				self.assertEqual(self.doctypes[name].get("in_create"), 1)

	def test_system_manager_reads_acts_and_deletes_but_does_not_create(self):
		# write stays: Retry / Requeue / Ignore save the failure under the operator's permission.
		for name in LOGS:
			with self.subTest(doctype=name):
				self.assertLessEqual({"read", "write", "delete"}, self.perms(name)["System Manager"])
				self.assertNotIn("create", self.perms(name)["System Manager"])

	def test_system_manager_reads_and_deletes_a_runner_but_does_not_write_it(self):
		# Only the runner's heartbeat writes it; a retired runner's row is deleted by hand.
		perms = self.perms("Sync Runner")["System Manager"]
		self.assertLessEqual({"read", "delete"}, perms)
		self.assertEqual(perms & {"create", "write", "submit"}, set())

	def test_runner_has_only_what_it_needs(self):
		for name in RUNNER_WRITTEN:
			self.assertEqual(self.perms(name)[RUNNER], {"create", "read", "write"}, name)

	def test_no_other_roles(self):
		for name in RUNNER_WRITTEN:
			self.assertEqual(set(self.perms(name)), {"System Manager", RUNNER}, name)

	def test_the_flows_table_has_no_permissions_of_its_own(self):
		# A child table is read and written through its parent.
		flow = self.doctypes["Sync Runner Flow"]
		self.assertEqual((flow.get("istable"), flow["permissions"]), (1, []))


if __name__ == "__main__":
	unittest.main()


def list_view(doc):
	return [f["fieldname"] for f in doc["fields"] if f.get("in_list_view")]


def standard_filters(doc):
	return {f["fieldname"] for f in doc["fields"] if f.get("in_standard_filter")}


class TestScannableLists(DoctypeCase):
	"""Each row names its subject, not a hash or a cut-off sentence (issue 14)."""

	def test_rows_are_titled_by_their_subject(self):
		for name, doc in ((n, self.doctypes[n]) for n in LOGS):
			with self.subTest(doctype=name):
				fields = fields_by_name(doc)
				self.assertEqual(doc["title_field"], "subject")
				self.assertEqual(fields["subject"]["fieldtype"], "Data")
				self.assertIn("subject", doc["search_fields"].split(","))

	def test_subject_links_are_read_only_data_and_an_admin_url(self):
		for name, doc in ((n, self.doctypes[n]) for n in LOGS):
			fields = fields_by_name(doc)
			for fieldname in ("subject", "shopify_id", "shopify_admin_url"):
				with self.subTest(doctype=name, field=fieldname):
					self.assertEqual(fields[fieldname]["fieldtype"], "Data")
					self.assertEqual(fields[fieldname].get("read_only"), 1)
			self.assertEqual(fields["shopify_admin_url"].get("options"), "URL")

	def test_sync_failure_list_columns_and_filters(self):
		doc = self.doctypes["Sync Failure"]
		self.assertEqual(list_view(doc), ["subject", "code", "summary", "attempts", "last_seen"])
		fields = fields_by_name(doc)
		self.assertEqual(fields["summary"]["fieldtype"], "Data")
		self.assertEqual(fields["attempts"]["label"], "Occurrences")
		self.assertLessEqual({"category", "code", "shop"}, standard_filters(doc))

	def test_sync_log_list_columns_and_a_unique_name(self):
		doc = self.doctypes["Sync Log"]
		self.assertEqual(list_view(doc), ["subject", "status", "topic"])
		# The subject repeats (an order has many events): the name stays a hash, the title is the subject.
		self.assertEqual((doc["autoname"], doc["naming_rule"]), ("hash", "Random"))

	def test_sync_log_evidence_is_a_timeline_with_the_raw_json_folded_away(self):
		doc = self.doctypes["Sync Log"]
		fields = fields_by_name(doc)
		self.assertEqual(fields["evidence_timeline"]["fieldtype"], "HTML")
		order = doc["field_order"]
		raw = order.index("section_break_raw")
		self.assertEqual(fields["section_break_raw"]["fieldtype"], "Section Break")
		self.assertEqual(fields["section_break_raw"].get("collapsible"), 1)
		self.assertLess(order.index("evidence_timeline"), raw)
		self.assertEqual(order[raw + 1 :], ["evidence"])


class TestSyncRunner(DoctypeCase):
	"""One row per runner instance, named by its runner name, shown read-only (issue 14)."""

	def test_named_by_the_runner_name(self):
		doc = self.doctypes["Sync Runner"]
		self.assertEqual((doc["autoname"], doc["naming_rule"]), ("field:runner_name", "By fieldname"))
		field = fields_by_name(doc)["runner_name"]
		self.assertEqual((field.get("reqd"), field.get("unique")), (1, 1))

	def test_flows_are_a_table_of_sync_runner_flow(self):
		self.assertEqual(fields_by_name(self.doctypes["Sync Runner"])["flows"]["options"], "Sync Runner Flow")

	def test_every_value_field_is_read_only(self):
		# The form only shows what the runner reported; sync_runner.js disables saving too.
		for name in ("Sync Runner", "Sync Runner Flow"):
			for field in self.doctypes[name]["fields"]:
				if field["fieldtype"] not in NO_VALUE_FIELDTYPES:
					with self.subTest(doctype=name, field=field["fieldname"]):
						self.assertEqual(field.get("read_only"), 1)
		self.assertIn("frm.disable_save()", (DOCTYPE_DIR / "sync_runner" / "sync_runner.js").read_text(encoding="utf-8"))

	def test_the_list_shows_the_health_at_a_glance(self):
		self.assertEqual(list_view(self.doctypes["Sync Runner"]), ["runner_name", "version", "last_heartbeat", "pending", "open_failures"])
