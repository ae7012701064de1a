# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class SyncRunnerFlow(Document):
	"""Per flow of a Sync Runner, when an event of it was last applied; replaced by every heartbeat."""
