# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document

from shopsync.settings_rules import FLOWS, settings_problems


class ShopsyncSettings(Document):
	"""Per-site switches the runner reads before each event (DESIGN §6, §7)."""

	def validate(self):
		self.validate_consistency()

	def validate_consistency(self):
		fields = {f"sync_{flow}": self.get(f"sync_{flow}") for flow in FLOWS}
		fields.update(
			company=self.company,
			fulfillment_authority=self.fulfillment_authority,
			location_warehouses=[row.as_dict() for row in self.location_warehouses],
		)
		problems = settings_problems(fields)
		if problems:
			# All problems in one message, so they are fixed in one pass.
			frappe.throw(problems, as_list=True)
