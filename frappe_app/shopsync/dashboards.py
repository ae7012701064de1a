"""Connections: the Sync Logs and Sync Failures of an ERPNext document, in its form's Connections area.

No frappe import on purpose (STYLE F6): Frappe calls each function below with the doctype's dashboard
data (hooks.py override_doctype_dashboards; frappe.model.meta.Meta.get_dashboard_data) and wraps the
result in a frappe._dict, so a plain dict in and out is all they need.

Sync Log and Sync Failure point at the document through a Dynamic Link pair
(reference_doctype, reference_name). Frappe's dashboard data says so with two keys:
- non_standard_fieldnames {linked doctype: field holding this document's name}, read by
  frappe.desk.notifications.get_external_links and the form's get_document_filter;
- dynamic_links {that field: [this doctype, field holding the doctype]}, which adds
  `reference_doctype = <this doctype>` to the count and to the list the connection opens, so a Sales
  Invoice named like a Sales Order does not borrow its logs. Frappe applies it only to linked doctypes
  that have the field, so ERPNext's own reference_name links (Payment Entry, Journal Entry) are unchanged.
"""

from __future__ import annotations

import copy

GROUP_LABEL = "Shopsync"
LINKED_DOCTYPES = ("Sync Log", "Sync Failure")
NAME_FIELD = "reference_name"
DOCTYPE_FIELD = "reference_doctype"

# The ERPNext forms that show their sync history, and the hook function for each.
CONNECTED_DOCTYPES = {
	"Sales Order": "sales_order",
	"Sales Invoice": "sales_invoice",
	"Payment Entry": "payment_entry",
	"Delivery Note": "delivery_note",
	"Customer": "customer",
}


def add_sync_connections(data: dict | None, doctype: str) -> dict:
	"""The dashboard data of `doctype` with a Shopsync group of Sync Log and Sync Failure.

	Returns a new dict; the input is not changed. Running it on its own result changes nothing.
	"""
	out = copy.deepcopy(dict(data or {}))
	transactions = out.setdefault("transactions", []) or []
	out["transactions"] = transactions
	group = next((g for g in transactions if g.get("label") == GROUP_LABEL), None)
	if group is None:
		group = {"label": GROUP_LABEL, "items": []}
		transactions.append(group)
	items = group.setdefault("items", [])
	for linked in LINKED_DOCTYPES:
		if linked not in items:
			items.append(linked)

	fieldnames = out.get("non_standard_fieldnames") or {}
	out["non_standard_fieldnames"] = fieldnames
	for linked in LINKED_DOCTYPES:
		fieldnames[linked] = NAME_FIELD

	dynamic_links = out.get("dynamic_links") or {}
	out["dynamic_links"] = dynamic_links
	# dynamic_links is keyed by field, not by linked doctype: another app's pair on reference_name
	# applies to its doctypes too, so it is left as it is (a hook that raised would break the form).
	dynamic_links.setdefault(NAME_FIELD, [doctype, DOCTYPE_FIELD])
	return out


def sales_order(data=None):
	return add_sync_connections(data, "Sales Order")


def sales_invoice(data=None):
	return add_sync_connections(data, "Sales Invoice")


def payment_entry(data=None):
	return add_sync_connections(data, "Payment Entry")


def delivery_note(data=None):
	return add_sync_connections(data, "Delivery Note")


def customer(data=None):
	return add_sync_connections(data, "Customer")
