"""Remove Shopsync Settings and its Shopsync Location Map from sites installed before they were dropped.

The runner never read them: its settings live in its own config file (`shopsync init` writes it),
which it validates once at start. Deleting the JSON files stops new installs from getting the
doctypes; on a site that has them, `bench migrate` would leave them behind, so this deletes them.
The Single first: it is the parent of the child table.
"""

import frappe

REMOVED_DOCTYPES = ("Shopsync Settings", "Shopsync Location Map")


def execute():
	for doctype in REMOVED_DOCTYPES:
		frappe.delete_doc("DocType", doctype, ignore_missing=True, force=True)
