# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class ShopsyncLocationMap(Document):
	"""Row of Shopsync Settings: one Shopify location fed by one warehouse.

	Checked as a whole by shopsync.settings_rules.location_map_problems."""
