"""shopsync.document_batch: the checks and decisions of apply_documents, without a site."""

import ast
import json
import unittest
from pathlib import Path

from shopsync import document_batch as batch
from shopsync.document_batch import ADOPT, INSERT, STOP, SUBMIT, BatchError, RowNotOffered
from shopsync.tests.app_files import APP_PACKAGE, decorator_names, imported_modules, parse_python, top_level_functions

MAKE_SALES_INVOICE = "erpnext.selling.doctype.sales_order.sales_order.make_sales_invoice"
MAKE_SALES_RETURN = "erpnext.accounts.doctype.sales_invoice.sales_invoice.make_sales_return"


def ensure(key="so:1", **extra):
	return {"key": key, "kind": "ensure_document", "doctype": "Sales Order", "doc": {"customer": {"$ref": "cust:1"}, "shopsync_key": key}, "submit": True, "dependsOn": ["cust:1"], **extra}


def mapped(key="si:1", **extra):
	return {
		"key": key,
		"kind": "ensure_mapped_document",
		"doctype": "Sales Invoice",
		"method": MAKE_SALES_INVOICE,
		"args": {"source_name": {"$ref": "so:1"}},
		"set": {"shopsync_key": key},
		"tableEdits": [],
		"submit": True,
		"dependsOn": ["so:1"],
		**extra,
	}


def update(key="cust:1#update", **extra):
	return {"key": key, "kind": "update_document", "doctype": "Customer", "target": {"$ref": "cust:1"}, "changes": {"customer_name": "Ada", "links": [{"link_name": {"$ref": "cust:1"}}]}, "dependsOn": ["cust:1"], **extra}


def parse(*ops, names=None):
	return batch.parse_operations(list(ops), batch.parse_names(names))


class TestParse(unittest.TestCase):
	def test_reads_both_kinds(self):
		so, si = parse(ensure(revision={"digest": "d", "shape": {}}), mapped(), names={"cust:1": "CUST-1"})
		self.assertEqual((so.kind, so.doctype, so.submit, so.revised), ("ensure_document", "Sales Order", True, True))
		self.assertEqual((si.method, si.args, si.table_edits), (MAKE_SALES_INVOICE, {"source_name": {"$ref": "so:1"}}, ()))

	def test_refuses_a_mapper_outside_the_allow_list(self):
		for method in ("frappe.client.delete", "os.system", "erpnext.selling.doctype.sales_order.sales_order.make_material_request"):
			with self.subTest(method=method), self.assertRaisesRegex(BatchError, "not one of the mappers"):
				parse(mapped(method=method))

	def test_the_allow_list_is_the_mappers_the_core_plans_name(self):
		self.assertEqual(
			batch.MAPPERS,
			{
				MAKE_SALES_INVOICE,
				"erpnext.selling.doctype.sales_order.sales_order.make_delivery_note",
				"erpnext.accounts.doctype.payment_entry.payment_entry.get_payment_entry",
				MAKE_SALES_RETURN,
				"erpnext.stock.doctype.delivery_note.delivery_note.make_sales_return",
			},
		)

	def test_refuses_wrong_shapes(self):
		cases = {
			"operations must be a list": {"key": "x"},
			"must be an object": ["not an op"],
			"key must be a non-empty string": [ensure(key="")],
			"kind must be one of": [ensure(kind="cancel_document")],
			"submit must be true or false": [ensure(submit="1")],
			"doc must be an object": [ensure(doc=[])],
			"doctype must be a non-empty string": [ensure(doctype=None)],
			"args must be an object": [mapped(args="source_name=SO-1")],
			"tableEdits must be a list": [mapped(tableEdits={})],
			"carries no revision": [mapped(revision={"digest": "d"})],
			"listed twice": [ensure(), ensure()],
		}
		for message, raw in cases.items():
			with self.subTest(message=message), self.assertRaisesRegex(BatchError, message):
				batch.parse_operations(raw, {})

	def test_refuses_a_key_whose_name_is_already_given(self):
		with self.assertRaisesRegex(BatchError, "listed twice"):
			parse(ensure(), names={"so:1": "SO-1"})

	def test_refuses_bad_names_and_too_many_operations(self):
		with self.assertRaisesRegex(BatchError, "names must be"):
			batch.parse_names({"cust:1": 7})
		with self.assertRaisesRegex(BatchError, "at most"):
			batch.parse_operations([ensure(key=f"k{i}") for i in range(batch.MAX_OPERATIONS + 1)], {})

	def test_doctypes_once_each(self):
		self.assertEqual(batch.doctypes(parse(ensure(), mapped(), mapped(key="si:2"))), ["Sales Invoice", "Sales Order"])


class TestUpdates(unittest.TestCase):
	def test_reads_an_update(self):
		(op,) = parse(update())
		self.assertEqual((op.kind, op.doctype, op.target, op.submit), ("update_document", "Customer", "cust:1", False))
		self.assertEqual(op.changes["customer_name"], "Ada")

	def test_refuses_an_update_of_the_wrong_shape(self):
		for message, raw in {"target must be a reference": update(target="CUST-1"), "changes must be an object": update(changes=[]), "doctype must be": update(doctype="")}.items():
			with self.subTest(message=message), self.assertRaisesRegex(BatchError, message):
				parse(raw)

	def test_updates_need_write_not_create(self):
		ops = parse(ensure(), update(), update(key="u2", doctype="Contact"), names={"cust:1": "C-1"})
		self.assertEqual((batch.doctypes(ops), batch.updated_doctypes(ops)), (["Sales Order"], ["Contact", "Customer"]))

	def test_target_name_is_the_name_its_operation_produced(self):
		(op,) = parse(update())
		self.assertEqual(batch.target_name(op, {"cust:1": "C-1"}), "C-1")
		with self.assertRaisesRegex(BatchError, "operation cust:1 has not produced a document yet"):
			batch.target_name(op, {})

	def test_field_changes_only_what_differs_in_the_plans_order(self):
		current = {"customer_name": "Ada", "mobile_no": None, "qty": "2.0", "links": [{"link_name": "C-1", "idx": 1}]}
		wanted = {"links": [{"link_name": "C-1"}], "email_id": "", "qty": 2, "customer_name": "Ada L", "mobile_no": "+1"}
		self.assertEqual(list(batch.field_changes(wanted, current)), ["customer_name", "mobile_no"])

	def test_updated_row(self):
		(op,) = parse(update())
		self.assertEqual(batch.updated(op, "C-1", ["customer_name"]), {"key": "cust:1#update", "doctype": "Customer", "name": "C-1", "step": "updated", "changed": ["customer_name"]})
		self.assertEqual(batch.updated(op, "C-1", [])["step"], "unchanged")


class TestSameFieldValue(unittest.TestCase):
	"""The port against the cases the core's sameFieldValue passes too (test/same-field-value-cases.unit.test.ts)."""

	CASES = json.loads((Path(__file__).parent / "same_field_value_cases.json").read_text())

	def test_every_shared_case(self):
		self.assertGreater(len(self.CASES), 40)
		for case in self.CASES:
			with self.subTest(why=case["why"]):
				self.assertIs(batch.same_field_value(case["wanted"], case.get("stored")), case["same"])

	def test_a_null_wanted_row_fails_as_javascript_does(self):
		with self.assertRaises(TypeError):
			batch.same_field_value([None], [{}])


class TestResolveRefs(unittest.TestCase):
	def test_replaces_refs_at_any_depth(self):
		doc = {"customer": {"$ref": "c"}, "items": [{"against": {"$ref": "s"}, "qty": 1}], "plain": {"a": None}}
		self.assertEqual(batch.resolve_refs(doc, {"c": "C-1", "s": "S-1"}), {"customer": "C-1", "items": [{"against": "S-1", "qty": 1}], "plain": {"a": None}})

	def test_an_unknown_ref_is_refused(self):
		with self.assertRaisesRegex(BatchError, "operation c has not produced a document yet"):
			batch.resolve_refs({"customer": {"$ref": "c"}}, {})


class TestTableEdits(unittest.TestCase):
	def draft(self):
		return {"items": [{"shopify_line_item_id": "1", "qty": 2}, {"shopify_line_item_id": "2", "qty": 1}, {"shopify_line_item_id": 3, "qty": 1}]}

	def edit(self, rows, drop):
		return batch.TableEdit(table="items", match_field="shopify_line_item_id", rows=tuple(rows), drop_unmatched=drop)

	def test_keeps_and_changes_named_rows_first_then_the_rest(self):
		doc = self.draft()
		batch.apply_table_edits(doc, (self.edit([("2", {"qty": -1, "so": {"$ref": "k"}})], False),), {"k": "SO-1"}, "Sales Invoice")
		self.assertEqual(doc["items"], [{"shopify_line_item_id": "2", "qty": -1, "so": "SO-1"}, {"shopify_line_item_id": "1", "qty": 2}, {"shopify_line_item_id": 3, "qty": 1}])

	def test_drops_unmatched_rows_and_matches_like_javascript_string(self):
		doc = self.draft()
		batch.apply_table_edits(doc, (self.edit([("3", {"qty": -1})], True),), {}, "Sales Invoice")
		self.assertEqual(doc["items"], [{"shopify_line_item_id": 3, "qty": -1}])

	def test_a_named_row_missing_is_row_not_offered(self):
		doc = self.draft()
		with self.assertRaises(RowNotOffered) as caught:
			batch.apply_table_edits(doc, (self.edit([("9", {})], True),), {}, "Sales Invoice")
		self.assertEqual(str(caught.exception), "ERPNext's draft Sales Invoice has no items row with shopify_line_item_id 9")
		self.assertEqual((caught.exception.doctype, caught.exception.table, caught.exception.match), ("Sales Invoice", "items", "9"))

	def test_a_missing_table_is_no_rows(self):
		with self.assertRaises(RowNotOffered):
			batch.apply_table_edits({}, (self.edit([("1", {})], False),), {}, "Sales Invoice")


class TestMappedDocument(unittest.TestCase):
	def test_set_is_merged_draft_only_fields_dropped_then_rows_edited(self):
		(op,) = parse(
			mapped(
				method=MAKE_SALES_RETURN,
				doctype="Sales Invoice",
				set={"shopsync_key": "cn:1", "is_return": 1, "return_against": {"$ref": "si:1"}},
				tableEdits=[{"table": "items", "matchField": "shopify_line_item_id", "rows": [{"match": "1", "set": {"qty": -1}}], "dropUnmatched": True}],
			)
		)
		draft = {"name": "new-sales-invoice-1", "__islocal": 1, "__unsaved": 1, "owner": "a", "creation": "c", "modified": "m", "modified_by": "b", "customer": "C", "items": [{"shopify_line_item_id": "1", "qty": -2}, {"shopify_line_item_id": "2", "qty": -1}]}
		doc = batch.mapped_document(draft, op, {"si:1": "SINV-1"})
		self.assertEqual(doc, {"customer": "C", "shopsync_key": "cn:1", "is_return": 1, "return_against": "SINV-1", "items": [{"shopify_line_item_id": "1", "qty": -1}]})
		self.assertIn("name", draft)  # the mapper's draft itself is left alone


class TestDecide(unittest.TestCase):
	def test_each_case(self):
		(plain,) = parse(ensure())
		(revised,) = parse(ensure(revision={"digest": "d"}))
		(draft_only,) = parse(ensure(submit=False))
		cases = [
			(plain, None, INSERT),
			(revised, None, INSERT),
			(plain, {"name": "SO-1", "docstatus": 1}, ADOPT),
			(plain, {"name": "SO-1", "docstatus": 0}, SUBMIT),
			(draft_only, {"name": "SO-1", "docstatus": 0}, ADOPT),
			(plain, {"name": "SO-1", "docstatus": 2}, STOP),
			(draft_only, {"name": "SO-1", "docstatus": 2}, STOP),
			(revised, {"name": "SO-1", "docstatus": 1}, STOP),
		]
		for op, found, expected in cases:
			with self.subTest(op=op.key, submit=op.submit, revised=op.revised, found=found):
				self.assertEqual(batch.decide(op, found), expected)

	def test_applied_row(self):
		(op,) = parse(ensure())
		self.assertEqual(batch.applied(op, "SO-1", 1, "inserted", True), {"key": "so:1", "doctype": "Sales Order", "name": "SO-1", "docstatus": 1, "step": "inserted", "submitted": True})


class TestThinFrappePart(unittest.TestCase):
	"""documents.py needs a site to run; its contract is read from source, as test_app does for api.py."""

	def test_document_batch_imports_no_frappe(self):
		self.assertFalse({m for m in imported_modules(parse_python(APP_PACKAGE / "document_batch.py")) if m.split(".")[0] == "frappe"})

	def test_whitelisted_for_post_and_checks_permission_before_anything_else(self):
		fn = top_level_functions(parse_python(APP_PACKAGE / "documents.py"))["apply_documents"]
		self.assertIn("frappe.whitelist", decorator_names(fn))
		self.assertIn("methods=['POST']", ast.unparse(fn.decorator_list[0]))
		self.assertEqual([a.arg for a in fn.args.args], ["operations", "names"])
		first = fn.body[1] if isinstance(fn.body[0], ast.Expr) and isinstance(fn.body[0].value, ast.Constant) else fn.body[0]
		# Every doctype the operations create, before any read or write (test_whitelist_permissions pins the form).
		self.assertIn("frappe.has_permission(doctype, 'create') for doctype in _doctypes(operations, names)", ast.unparse(first))
		self.assertIn("frappe.PermissionError", ast.unparse(first))

	def test_never_ignores_permissions(self):
		source = (APP_PACKAGE / "documents.py").read_text()
		self.assertNotIn("ignore_permissions", source)
		self.assertNotIn("flags.ignore", source)


if __name__ == "__main__":
	unittest.main()
