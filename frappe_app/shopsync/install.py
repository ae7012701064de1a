"""Install and uninstall the custom fields in custom_fields.json, symmetrically (STYLE F3).

custom_fields.json is the single table: the ERPNext simulator loads the same file, so the
runner is tested against the fields installed here. frappe is imported inside the functions
that need it, so get_custom_fields() can be tested without a site.
"""

from __future__ import annotations

import json
from pathlib import Path

CUSTOM_FIELDS_FILE = Path(__file__).with_name("custom_fields.json")
RUNNER_ROLE = "Shopsync Runner"
# Who is told when failures need a person (alerts.py); give it to the operators of the integration.
MANAGER_ROLE = "Shopsync Manager"


def get_custom_fields() -> dict[str, list[dict]]:
	"""{doctype: [Custom Field dict, ...]}, the shape create_custom_fields takes."""
	with CUSTOM_FIELDS_FILE.open(encoding="utf-8") as f:
		return json.load(f)


def custom_field_names(custom_fields: dict[str, list[dict]]) -> set[tuple[str, str]]:
	"""(doctype, fieldname) pairs: what install creates and uninstall deletes."""
	return {(doctype, field["fieldname"]) for doctype, fields in custom_fields.items() for field in fields}


def after_install() -> None:
	sync_custom_fields()
	ensure_runner_role()
	ensure_manager_role()


def after_migrate() -> None:
	# after_install runs once; a field added to custom_fields.json (or a role) in a later release
	# reaches existing sites on `bench migrate` through this hook.
	sync_custom_fields()
	ensure_manager_role()


def before_uninstall() -> None:
	delete_custom_fields(get_custom_fields())


def sync_custom_fields() -> None:
	from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

	# update=True makes this idempotent: existing fields take the file's properties.
	create_custom_fields(get_custom_fields(), update=True)


def delete_custom_fields(custom_fields: dict[str, list[dict]]) -> None:
	import frappe

	for doctype, fields in custom_fields.items():
		frappe.db.delete(
			"Custom Field",
			{"dt": doctype, "fieldname": ("in", [field["fieldname"] for field in fields])},
		)
		frappe.clear_cache(doctype=doctype)


def ensure_runner_role() -> None:
	"""The runner's API user gets this role and nothing more from this app.

	Syncing a doctype whose permissions name a missing role already creates it; this makes
	the role's existence explicit and independent of that side effect.
	"""
	_ensure_role(RUNNER_ROLE)


def ensure_manager_role() -> None:
	"""The operators' role: alerts about failures that need a person go to its users."""
	_ensure_role(MANAGER_ROLE)


def _ensure_role(name: str) -> None:
	import frappe

	if frappe.db.exists("Role", name):
		return
	role = frappe.new_doc("Role")
	role.role_name = name
	# As Frappe sets it on the roles it creates from doctype permissions, so both paths agree.
	role.desk_access = 1
	role.insert(ignore_permissions=True)
