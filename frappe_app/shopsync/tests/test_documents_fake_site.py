"""shopsync.documents.apply_documents against just enough of frappe to run it (no site).

What Frappe itself does (the transaction, Document.insert/submit, the mapper) is faked; what is
checked is documents.py's own part: permission first, look-up, adopt / insert / submit / stop,
the mapper allow-list and in-process call, an update's compare-then-save, and the errors it raises.
"""

import importlib
import json
import sys
import types
import unittest
from unittest import mock

MAKE_SALES_INVOICE = "erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice"


class FakeSite:
	def __init__(self, allowed=("Customer", "Sales Order", "Sales Invoice")):
		self.rows = {}  # (doctype, name) -> dict
		self.allowed = set(allowed)
		self.writable = {"Customer", "Contact"}
		self.calls = []
		self.messages = []
		self.counter = 0

	def module(self):
		site = self
		frappe = types.ModuleType("frappe")

		class ValidationError(Exception):
			pass

		class PermissionError(Exception):  # noqa: A001 - frappe's own name
			pass

		def throw(msg, exc=ValidationError, title=None):
			site.messages.append(("throw", msg))
			raise exc(msg)

		class Doc:
			def __init__(self, data):
				self.__dict__.update(data)

			def insert(self):
				site.counter += 1
				self.name = f"{self.doctype}-{site.counter}"
				self.docstatus = 0
				site.calls.append(("insert", self.doctype, self.name))
				site.rows[(self.doctype, self.name)] = dict(self.__dict__)

			def submit(self):
				self.docstatus = 1
				site.calls.append(("submit", self.doctype, self.name))
				site.rows[(self.doctype, self.name)]["docstatus"] = 1

			def as_dict(self, no_nulls=False):
				return {k: v for k, v in self.__dict__.items() if not (no_nulls and v is None)}

			def update(self, changes):
				# BaseDocument.update: a list given for a table field becomes the whole table.
				self.__dict__.update(json.loads(json.dumps(changes)))

			def save(self):
				site.calls.append(("save", self.doctype, self.name))
				site.rows[(self.doctype, self.name)] = dict(self.__dict__)

		def get_doc(arg, name=None, for_update=False):
			if isinstance(arg, dict):
				return Doc(arg)
			site.calls.append(("get_doc", arg, name, for_update))
			return Doc(json.loads(json.dumps(site.rows[(arg, name)])))

		def get_value(doctype, filters, fields, as_dict=False):
			site.calls.append(("get_value", doctype, filters["shopsync_key"]))
			for (dt, name), row in site.rows.items():
				if dt == doctype and row.get("shopsync_key") == filters["shopsync_key"]:
					return {"name": name, "docstatus": row["docstatus"]}
			return None

		def make_sales_invoice(source_name):
			order = site.rows[("Sales Order", source_name)]
			return Doc({"doctype": "Sales Invoice", "name": None, "__islocal": 1, "customer": order["customer"], "items": [{"so_detail": "row-1", "shopify_line_item_id": "11", "qty": 2}]})

		make_sales_invoice.whitelisted = True
		attrs = {MAKE_SALES_INVOICE: make_sales_invoice}

		def is_whitelisted(fn):
			if not getattr(fn, "whitelisted", False):
				raise PermissionError("not whitelisted")

		frappe.ValidationError = ValidationError
		frappe.PermissionError = PermissionError
		frappe._ = lambda text: text
		frappe.throw = throw
		frappe.msgprint = lambda msg, title=None, indicator=None: site.messages.append((indicator, msg))
		frappe.parse_json = lambda value: json.loads(value) if isinstance(value, str) else value
		frappe.whitelist = lambda **kwargs: (lambda fn: fn)
		frappe.has_permission = lambda doctype, ptype: site.calls.append(("has_permission", doctype, ptype)) or doctype in (site.allowed if ptype == "create" else site.writable)
		frappe.as_json = lambda obj: json.dumps(obj, default=str)
		frappe.db = types.SimpleNamespace(get_value=get_value)
		frappe.get_doc = get_doc
		frappe.new_doc = lambda doctype, **data: Doc({**data, "doctype": doctype})
		frappe.get_attr = lambda path: attrs[path]
		frappe.is_whitelisted = is_whitelisted
		frappe.call = lambda fn, **kwargs: fn(**kwargs)
		return frappe


def customer(key="customer:1"):
	return {"key": key, "kind": "ensure_document", "doctype": "Customer", "doc": {"customer_name": "A", "shopsync_key": key}, "submit": False, "dependsOn": []}


def sales_order(key="sales-order:1", **extra):
	return {"key": key, "kind": "ensure_document", "doctype": "Sales Order", "doc": {"customer": {"$ref": "customer:1"}, "shopsync_key": key}, "submit": True, "dependsOn": ["customer:1"], **extra}


def sales_invoice(key="sales-invoice:1", **extra):
	return {"key": key, "kind": "ensure_mapped_document", "doctype": "Sales Invoice", "method": MAKE_SALES_INVOICE, "args": {"source_name": {"$ref": "sales-order:1"}}, "set": {"shopsync_key": key}, "tableEdits": [], "submit": True, "dependsOn": ["sales-order:1"], **extra}


def customer_update(key="customer:1#update", **changes):
	wanted = changes or {"customer_name": "B", "shopsync_key": "customer:1"}
	return {"key": key, "kind": "update_document", "doctype": "Customer", "target": {"$ref": "customer:1"}, "changes": wanted, "dependsOn": ["customer:1"]}


class FakeSiteCase(unittest.TestCase):
	def setUp(self):
		self.site = FakeSite()
		patcher = mock.patch.dict(sys.modules, {"frappe": self.site.module()})
		patcher.start()
		self.addCleanup(patcher.stop)
		sys.modules.pop("shopsync.documents", None)
		self.documents = importlib.import_module("shopsync.documents")
		self.addCleanup(sys.modules.pop, "shopsync.documents", None)

	def apply(self, operations, names=None):
		return self.documents.apply_documents(operations=json.dumps(operations), names=json.dumps(names or {}))


class TestApplyDocumentsOnAFakeSite(FakeSiteCase):
	def test_inserts_submits_and_maps_in_order_after_checking_every_doctype(self):
		answer = self.apply([customer(), sales_order(), sales_invoice()])
		self.assertIsNone(answer["stopped_at"])
		self.assertEqual([(r["key"], r["step"], r["docstatus"], r["submitted"]) for r in answer["applied"]], [("customer:1", "inserted", 0, False), ("sales-order:1", "inserted", 1, True), ("sales-invoice:1", "inserted", 1, True)])
		writes = [c for c in self.site.calls if c[0] != "get_value"]
		self.assertEqual(writes[:3], [("has_permission", "Customer", "create"), ("has_permission", "Sales Invoice", "create"), ("has_permission", "Sales Order", "create")])
		self.assertEqual(writes[3:], [("insert", "Customer", "Customer-1"), ("insert", "Sales Order", "Sales Order-2"), ("submit", "Sales Order", "Sales Order-2"), ("insert", "Sales Invoice", "Sales Invoice-3"), ("submit", "Sales Invoice", "Sales Invoice-3")])
		self.assertEqual(self.site.rows[("Sales Order", "Sales Order-2")]["customer"], "Customer-1")
		invoice = self.site.rows[("Sales Invoice", "Sales Invoice-3")]
		self.assertNotIn("__islocal", invoice)
		self.assertEqual((invoice["customer"], invoice["shopsync_key"]), ("Customer-1", "sales-invoice:1"))

	def test_permission_refused_before_any_read_or_write(self):
		self.site.allowed = {"Customer"}
		with self.assertRaisesRegex(Exception, "No permission to create Sales Invoice, Sales Order") as caught:
			self.apply([customer(), sales_order(), sales_invoice()])
		self.assertEqual(type(caught.exception).__name__, "PermissionError")
		self.assertEqual({c[0] for c in self.site.calls}, {"has_permission"})

	def test_adopts_submits_a_draft_and_stops_at_cancelled_or_revised(self):
		self.apply([customer(), sales_order()])
		self.site.rows[("Customer", "Customer-1")]["docstatus"] = 0
		again = self.apply([customer(), sales_order(), sales_invoice()])
		self.assertEqual([r["step"] for r in again["applied"]], ["adopted", "adopted", "inserted"])
		self.apply([customer("customer:2")])
		self.site.rows[("Customer", "Customer-4")]["docstatus"] = 0
		draft = self.apply([{**customer("customer:2"), "submit": True}])
		self.assertEqual(draft["applied"][0]["submitted"], True)
		revised = self.apply([customer(), sales_order(revision={"digest": "d"}), sales_invoice()])
		self.assertEqual((len(revised["applied"]), revised["stopped_at"]), (1, "sales-order:1"))
		self.site.rows[("Sales Order", "Sales Order-2")]["docstatus"] = 2
		cancelled = self.apply([sales_order()], {"customer:1": "Customer-1"})
		self.assertEqual(cancelled, {"applied": [], "stopped_at": "sales-order:1"})

	def test_a_missing_row_is_row_not_offered_and_names_the_operation(self):
		edits = [{"table": "items", "matchField": "shopify_line_item_id", "rows": [{"match": "99", "set": {}}], "dropUnmatched": True}]
		with self.assertRaises(Exception) as caught:
			self.apply([customer(), sales_order(), sales_invoice(tableEdits=edits)])
		self.assertEqual(type(caught.exception).__name__, "RowNotOfferedError")
		self.assertIsInstance(caught.exception, self.documents.frappe.ValidationError)
		self.assertIn(("blue", "shopsync: operation sales-invoice:1 (Sales Invoice) failed; nothing of this request was kept"), self.site.messages)

	def test_another_method_is_refused_before_anything_is_called(self):
		with self.assertRaisesRegex(Exception, "frappe.client.delete is not one of the mappers"):
			self.apply([sales_invoice(method="frappe.client.delete")])
		self.assertEqual({c[0] for c in self.site.calls}, set())

	def test_an_error_inside_frappe_goes_on_unchanged(self):
		def broken_insert(doc):
			raise KeyError("boom")

		with mock.patch.object(type(self.documents.frappe.get_doc({"doctype": "X"})), "insert", broken_insert):
			with self.assertRaises(KeyError):
				self.apply([customer()])
		self.assertIn(("blue", "shopsync: operation customer:1 (Customer) failed; nothing of this request was kept"), self.site.messages)


class TestUpdatesOnAFakeSite(FakeSiteCase):
	"""update_document in the same request: read in-process, compare, save only what differs."""

	def writes(self):
		return [c for c in self.site.calls if c[0] in ("insert", "submit", "save")]

	def test_an_update_after_its_ensure_saves_only_the_differing_fields(self):
		answer = self.apply([customer(), customer_update()])
		self.assertEqual(answer["stopped_at"], None)
		self.assertEqual(answer["applied"][1], {"key": "customer:1#update", "doctype": "Customer", "name": "Customer-1", "step": "updated", "changed": ["customer_name"]})
		self.assertEqual(self.writes(), [("insert", "Customer", "Customer-1"), ("save", "Customer", "Customer-1")])
		self.assertIn(("get_doc", "Customer", "Customer-1", True), self.site.calls)
		self.assertEqual(self.site.rows[("Customer", "Customer-1")]["customer_name"], "B")
		# No key look-up for the update: it is not remembered by key.
		self.assertEqual([c for c in self.site.calls if c[0] == "get_value"], [("get_value", "Customer", "customer:1")])

	def test_sent_again_it_is_unchanged_and_saves_nothing(self):
		self.apply([customer(), customer_update()])
		self.site.calls.clear()
		again = self.apply([customer(), customer_update()])
		self.assertEqual([(r["step"], r.get("changed")) for r in again["applied"]], [("adopted", None), ("unchanged", [])])
		self.assertEqual(self.writes(), [])

	def test_the_target_may_be_a_name_the_runner_holds_and_a_later_operation_may_refer_to_the_update(self):
		self.apply([customer()])
		follow = {**sales_order(), "doc": {"customer": {"$ref": "customer:1#update"}, "shopsync_key": "sales-order:1"}}
		answer = self.apply([customer_update(), follow], {"customer:1": "Customer-1"})
		self.assertEqual([r["step"] for r in answer["applied"]], ["updated", "inserted"])
		self.assertEqual(self.site.rows[("Sales Order", "Sales Order-2")]["customer"], "Customer-1")

	def test_a_table_given_replaces_the_table_whole(self):
		self.apply([customer()])
		self.site.rows[("Customer", "Customer-1")]["links"] = [{"name": "r1", "idx": 1, "link_name": "X", "extra": "kept?"}]
		same = self.apply([customer_update(links=[{"link_name": "X"}])], {"customer:1": "Customer-1"})
		self.assertEqual(same["applied"][0]["step"], "unchanged")
		other = self.apply([customer_update(links=[{"link_name": "Y"}])], {"customer:1": "Customer-1"})
		self.assertEqual(other["applied"][0]["changed"], ["links"])
		self.assertEqual(self.site.rows[("Customer", "Customer-1")]["links"], [{"link_name": "Y"}])

	def test_write_permission_is_checked_before_any_read_or_write(self):
		self.site.writable = set()
		with self.assertRaisesRegex(Exception, "No permission to write Customer") as caught:
			self.apply([customer(), customer_update()])
		self.assertEqual(type(caught.exception).__name__, "PermissionError")
		self.assertEqual({c[0] for c in self.site.calls}, {"has_permission"})

	def test_an_update_whose_target_is_unknown_is_refused_and_named(self):
		with self.assertRaisesRegex(Exception, "operation customer:1 has not produced a document yet") as caught:
			self.apply([customer_update()])
		self.assertEqual(type(caught.exception).__name__, "ValidationError")
		self.assertIn(("blue", "shopsync: operation customer:1#update (Customer) failed; nothing of this request was kept"), self.site.messages)


if __name__ == "__main__":
	unittest.main()
