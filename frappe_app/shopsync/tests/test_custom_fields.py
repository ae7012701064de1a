"""custom_fields.json, the single table of custom fields (STYLE F3), and install.py around it."""

import sys
import types
import unittest
from unittest import mock

from shopsync import alerts, install
from shopsync.tests.app_files import APP_PACKAGE, VALID_FIELDTYPES, frappe_as_json, imported_modules, load_json, parse_python

KEYED_DOCTYPES = ("Customer", "Sales Order", "Sales Invoice", "Payment Entry", "Delivery Note", "Contact", "Address")
FORMAT_KEYS = {
	"fieldname", "label", "fieldtype", "insert_after", "unique", "no_copy", "read_only",
	"search_index", "allow_on_submit", "print_hide", "description",
}
EXPECTED_FIELDS = {
	"Customer": ["shopify_customer_id", "shopify_shop", "shopsync_key"],
	"Sales Order": ["shopify_order_id", "shopify_order_name", "shopify_shop", "shopsync_key"],
	"Sales Invoice": ["shopify_order_id", "shopify_shop", "shopsync_key"],
	"Payment Entry": ["shopify_order_id", "shopify_shop", "shopsync_key"],
	"Delivery Note": ["shopify_order_id", "shopify_shop", "shopsync_key"],
	"Contact": ["shopify_shop", "shopsync_key"],
	"Address": ["shopify_shop", "shopsync_key"],
	"Item": ["shopify_variant_id"],
	"Sales Order Item": ["shopify_line_item_id"],
	"Sales Invoice Item": ["shopify_line_item_id"],
	"Delivery Note Item": ["shopify_line_item_id"],
}


class TestTable(unittest.TestCase):
	def setUp(self):
		self.table = install.get_custom_fields()

	def field(self, doctype, fieldname):
		return next(f for f in self.table[doctype] if f["fieldname"] == fieldname)

	def test_file_is_the_table_install_reads(self):
		path = APP_PACKAGE / "custom_fields.json"
		self.assertEqual(install.CUSTOM_FIELDS_FILE, path)
		self.assertEqual(self.table, load_json(path))
		self.assertEqual(path.read_text(encoding="utf-8"), frappe_as_json(self.table))

	def test_expected_fields_in_form_order(self):
		self.assertEqual({dt: [f["fieldname"] for f in fields] for dt, fields in self.table.items()}, EXPECTED_FIELDS)

	def test_every_field_has_exactly_the_format_keys(self):
		# The ERPNext simulator reads this file; every row has the same shape.
		for doctype, fields in self.table.items():
			for field in fields:
				with self.subTest(doctype=doctype, field=field["fieldname"]):
					self.assertEqual(set(field), FORMAT_KEYS)
					self.assertTrue(field["label"] and field["description"])
					for flag in FORMAT_KEYS - {"fieldname", "label", "fieldtype", "insert_after", "description"}:
						self.assertIn(field[flag], (0, 1))

	def test_shopsync_key_on_every_keyed_doctype(self):
		for doctype in KEYED_DOCTYPES:
			with self.subTest(doctype=doctype):
				key = self.field(doctype, "shopsync_key")
				self.assertEqual(key["label"], "Shopsync Key")
				self.assertEqual(key["fieldtype"], "Data")
				self.assertEqual((key["unique"], key["no_copy"], key["read_only"], key["print_hide"]), (1, 1, 1, 1))
				self.assertIn("idempotent", key["description"])

	def test_shopify_shop_on_every_keyed_doctype(self):
		for doctype in KEYED_DOCTYPES:
			with self.subTest(doctype=doctype):
				shop = self.field(doctype, "shopify_shop")
				self.assertEqual((shop["label"], shop["fieldtype"], shop["read_only"], shop["no_copy"]), ("Shopify Shop", "Data", 1, 1))

	def test_line_item_ids_survive_erpnext_mappers(self):
		# make_sales_invoice / make_delivery_note / make_sales_return skip no_copy fields; the line id must travel.
		for doctype in ("Sales Order Item", "Sales Invoice Item", "Delivery Note Item"):
			with self.subTest(doctype=doctype):
				self.assertEqual(self.field(doctype, "shopify_line_item_id")["no_copy"], 0)

	def test_fieldnames_unique_per_doctype(self):
		for doctype, fields in self.table.items():
			names = [f["fieldname"] for f in fields]
			self.assertEqual(len(names), len(set(names)), doctype)

	def test_unique_fields_are_data(self):
		# A unique index exists only on varchar columns; Small Text ids would not be enforced.
		for doctype, fields in self.table.items():
			for field in fields:
				self.assertIn(field["fieldtype"], VALID_FIELDTYPES)
				if field["unique"]:
					self.assertEqual(field["fieldtype"], "Data", f"{doctype}.{field['fieldname']}")

	def test_ids_and_keys_are_indexed(self):
		for doctype, fields in self.table.items():
			for field in fields:
				if field["fieldname"].endswith(("_id", "_key")):
					with self.subTest(doctype=doctype, field=field["fieldname"]):
						self.assertTrue(field["unique"] or field["search_index"])

	def test_nothing_but_line_ids_is_copied_to_a_duplicate(self):
		# A duplicated Sales Order carrying the same key would be refused, or worse, adopted. Line ids are
		# the one exception: they are not keys (not unique), and the mappers must carry them to the invoice.
		for doctype, fields in self.table.items():
			for field in fields:
				expected = 0 if field["fieldname"] == "shopify_line_item_id" else 1
				self.assertEqual(field["no_copy"], expected, f"{doctype}.{field['fieldname']}")

	def test_a_variant_maps_to_one_item(self):
		variant = self.field("Item", "shopify_variant_id")
		self.assertEqual((variant["fieldtype"], variant["unique"], variant["no_copy"]), ("Data", 1, 1))

	def test_fields_follow_each_other_after_one_standard_field(self):
		for doctype, fields in self.table.items():
			with self.subTest(doctype=doctype):
				names = [f["fieldname"] for f in fields]
				self.assertNotIn(fields[0]["insert_after"], names)
				self.assertEqual([f["insert_after"] for f in fields[1:]], names[:-1])


def fake_frappe(existing_roles=()):
	"""Just enough of frappe for install.py, recording what it is asked to do."""
	calls = {"created": None, "update": None, "deleted": [], "cleared": [], "inserted_roles": []}

	def create_custom_fields(custom_fields, ignore_validate=False, update=True):
		calls["created"], calls["update"] = custom_fields, update

	def delete(doctype, filters):
		operator, fieldnames = filters["fieldname"]
		calls["deleted"] += [(doctype, filters["dt"], operator, name) for name in fieldnames]

	def new_doc(doctype):
		doc = types.SimpleNamespace(doctype=doctype)
		doc.insert = lambda ignore_permissions=False: calls["inserted_roles"].append((doc.role_name, doc.desk_access))
		return doc

	frappe = types.ModuleType("frappe")
	frappe.db = types.SimpleNamespace(delete=delete, exists=lambda doctype, name: name in existing_roles)
	frappe.clear_cache = lambda doctype=None: calls["cleared"].append(doctype)
	frappe.new_doc = new_doc
	custom_field = types.ModuleType("frappe.custom.doctype.custom_field.custom_field")
	custom_field.create_custom_fields = create_custom_fields
	modules = {"frappe": frappe, "frappe.custom.doctype.custom_field.custom_field": custom_field}
	for parent in ("frappe.custom", "frappe.custom.doctype", "frappe.custom.doctype.custom_field"):
		modules[parent] = types.ModuleType(parent)
	return modules, calls


class TestInstallSymmetry(unittest.TestCase):
	def run_with_fake(self, fn, existing_roles=()):
		modules, calls = fake_frappe(existing_roles)
		with mock.patch.dict(sys.modules, modules):
			fn()
		return calls

	def test_uninstall_deletes_exactly_what_install_creates(self):
		created = self.run_with_fake(install.after_install)
		deleted = self.run_with_fake(install.before_uninstall)
		self.assertEqual(install.custom_field_names(created["created"]), {(dt, name) for _, dt, _, name in deleted["deleted"]})
		self.assertEqual(install.custom_field_names(created["created"]), install.custom_field_names(install.get_custom_fields()))
		self.assertTrue(all(doctype == "Custom Field" and op == "in" for doctype, _, op, _ in deleted["deleted"]))
		self.assertEqual(sorted(deleted["cleared"]), sorted(EXPECTED_FIELDS))

	def test_install_and_migrate_update_existing_fields(self):
		for hook in (install.after_install, install.after_migrate):
			with self.subTest(hook=hook.__name__):
				calls = self.run_with_fake(hook)
				self.assertEqual(calls["created"], install.get_custom_fields())
				self.assertIs(calls["update"], True)

	def test_runner_role_is_created_once(self):
		self.assertEqual(self.run_with_fake(install.ensure_runner_role)["inserted_roles"], [("Shopsync Runner", 1)])
		self.assertEqual(self.run_with_fake(install.ensure_runner_role, existing_roles={"Shopsync Runner"})["inserted_roles"], [])

	def test_manager_role_is_created_on_install_and_on_migrate_once(self):
		self.assertEqual(self.run_with_fake(install.ensure_manager_role)["inserted_roles"], [("Shopsync Manager", 1)])
		self.assertEqual(self.run_with_fake(install.ensure_manager_role, existing_roles={"Shopsync Manager"})["inserted_roles"], [])
		self.assertEqual(self.run_with_fake(install.after_migrate)["inserted_roles"], [("Shopsync Manager", 1)])
		self.assertEqual(install.MANAGER_ROLE, alerts.ALERT_ROLE)

	def test_install_module_imports_frappe_only_inside_functions(self):
		tree = parse_python(APP_PACKAGE / "install.py")
		self.assertFalse({m for m in imported_modules(tree, top_level_only=True) if m.startswith("frappe")})


if __name__ == "__main__":
	unittest.main()
