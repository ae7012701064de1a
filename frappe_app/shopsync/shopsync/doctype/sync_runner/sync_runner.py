# Copyright (c) 2026, shopsync contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class SyncRunner(Document):
	"""One row per runner instance, written by its heartbeat (api.record_runner_health).

	Running or Silent is not stored: it depends on the time of reading (runner_health.runner_state).
	"""
