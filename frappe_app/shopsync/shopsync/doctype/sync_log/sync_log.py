# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_to_date, cint, now_datetime

from shopsync.log_entries import json_text


class SyncLog(Document):
	"""One row per Shopify event the runner processed (DESIGN G5), mirrored by api.record_sync_logs."""

	def validate(self):
		self.validate_reference()
		self.validate_evidence()

	def validate_reference(self):
		if bool(self.reference_doctype) != bool(self.reference_name):
			frappe.throw(_("Reference DocType and Reference Name go together."))

	def validate_evidence(self):
		# A Code field with options JSON is not checked by Frappe; broken evidence is no evidence.
		if self.evidence and json_text(self.evidence) is None:
			frappe.throw(_("Evidence must be a JSON object or list."))

	@staticmethod
	def clear_old_logs(days=30):
		"""Log Settings calls this daily (LogType protocol in core/doctype/log_settings)."""
		cutoff = add_to_date(now_datetime(), days=-cint(days))
		frappe.db.delete("Sync Log", {"creation": ("<", cutoff)})
