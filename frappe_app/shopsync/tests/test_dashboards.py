"""Connections: the Shopsync group on ERPNext forms, as Frappe's dashboard data reads it."""

import copy
import importlib
import unittest

from shopsync import dashboards, hooks
from shopsync.tests.app_files import APP_PACKAGE, doctype_files, fields_by_name, imported_modules, load_json, parse_python

# What ERPNext's sales_order_dashboard.get_data() looks like (abridged): reference_name is already
# the field for Payment Entry, which has no parent reference_doctype.
SALES_ORDER = {
	"fieldname": "sales_order",
	"non_standard_fieldnames": {"Delivery Note": "against_sales_order", "Payment Entry": "reference_name"},
	"internal_links": {"Quotation": ["items", "prevdoc_docname"]},
	"transactions": [
		{"label": "Fulfillment", "items": ["Sales Invoice", "Delivery Note"]},
		{"label": "Payment", "items": ["Payment Entry", "Payment Request"]},
	],
}


def group(data):
	(found,) = [g for g in data["transactions"] if g["label"] == dashboards.GROUP_LABEL]
	return found


class TestAddSyncConnections(unittest.TestCase):
	def test_appends_a_shopsync_group_and_keeps_the_others(self):
		data = dashboards.add_sync_connections(SALES_ORDER, "Sales Order")
		self.assertEqual(data["transactions"][:2], SALES_ORDER["transactions"])
		self.assertEqual(data["transactions"][2], {"label": "Shopsync", "items": ["Sync Log", "Sync Failure"]})
		self.assertEqual(data["fieldname"], "sales_order")
		self.assertEqual(data["internal_links"], SALES_ORDER["internal_links"])

	def test_links_through_the_dynamic_link_pair(self):
		data = dashboards.add_sync_connections(SALES_ORDER, "Sales Order")
		self.assertEqual(data["non_standard_fieldnames"], {
			"Delivery Note": "against_sales_order",
			"Payment Entry": "reference_name",
			"Sync Log": "reference_name",
			"Sync Failure": "reference_name",
		})
		# frappe.desk.notifications.get_dynamic_link_filters: {fieldname: [doctype value, doctype field]}.
		self.assertEqual(data["dynamic_links"], {"reference_name": ["Sales Order", "reference_doctype"]})

	def test_does_not_change_its_input(self):
		before = copy.deepcopy(SALES_ORDER)
		dashboards.add_sync_connections(SALES_ORDER, "Sales Order")
		self.assertEqual(SALES_ORDER, before)

	def test_idempotent(self):
		once = dashboards.add_sync_connections(SALES_ORDER, "Sales Order")
		self.assertEqual(dashboards.add_sync_connections(once, "Sales Order"), once)

	def test_joins_an_existing_shopsync_group(self):
		data = dashboards.add_sync_connections({"transactions": [{"label": "Shopsync", "items": ["Sync Log"]}]}, "Customer")
		self.assertEqual(data["transactions"], [{"label": "Shopsync", "items": ["Sync Log", "Sync Failure"]}])

	def test_empty_dashboard_data(self):
		for data in (None, {}, {"transactions": None, "non_standard_fieldnames": None, "dynamic_links": None}):
			with self.subTest(data=data):
				out = dashboards.add_sync_connections(data, "Customer")
				self.assertEqual(group(out)["items"], ["Sync Log", "Sync Failure"])
				self.assertEqual(out["dynamic_links"], {"reference_name": ["Customer", "reference_doctype"]})

	def test_leaves_another_apps_dynamic_link_on_the_same_field(self):
		data = {"dynamic_links": {"reference_name": ["Sales Order", "voucher_type"]}}
		out = dashboards.add_sync_connections(data, "Sales Order")
		self.assertEqual(out["dynamic_links"], {"reference_name": ["Sales Order", "voucher_type"]})


class TestHookWiring(unittest.TestCase):
	def test_every_connected_doctype_has_its_own_function(self):
		self.assertEqual(set(hooks.override_doctype_dashboards), set(dashboards.CONNECTED_DOCTYPES))
		self.assertEqual(set(dashboards.CONNECTED_DOCTYPES), {"Sales Order", "Sales Invoice", "Payment Entry", "Delivery Note", "Customer"})
		for doctype, path in hooks.override_doctype_dashboards.items():
			with self.subTest(doctype=doctype):
				module_path, _, name = path.rpartition(".")
				function = getattr(importlib.import_module(module_path), name)
				# Frappe calls hook(data=data) and names the doctype only through the hook's key.
				out = function(data={"transactions": []})
				self.assertEqual(out["dynamic_links"]["reference_name"], [doctype, "reference_doctype"])
				self.assertEqual(group(out)["items"], ["Sync Log", "Sync Failure"])

	def test_linked_doctypes_carry_the_dynamic_link_pair(self):
		for doctype in dashboards.LINKED_DOCTYPES:
			fields = fields_by_name(load_json(doctype_files()[doctype]))
			with self.subTest(doctype=doctype):
				self.assertEqual(fields[dashboards.DOCTYPE_FIELD]["fieldtype"], "Link")
				self.assertEqual(fields[dashboards.DOCTYPE_FIELD]["options"], "DocType")
				self.assertEqual(fields[dashboards.NAME_FIELD]["fieldtype"], "Dynamic Link")
				self.assertEqual(fields[dashboards.NAME_FIELD]["options"], dashboards.DOCTYPE_FIELD)

	def test_never_imports_frappe(self):
		imported = imported_modules(parse_python(APP_PACKAGE / "dashboards.py"))
		self.assertEqual({m for m in imported if m.split(".")[0] == "frappe"}, set())


if __name__ == "__main__":
	unittest.main()
