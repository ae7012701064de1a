// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// A block, so the constant stays local if Desk evaluates this file more than once.
{
	// Kept equal to SYNC_LOG_STATUS_COLORS in shopsync/rules.py by tests/test_desk.py.
	const SYNC_LOG_STATUS_COLORS = {"Received": "blue", "Applied": "green", "Duplicate": "gray", "Superseded": "gray", "Echo": "gray", "Skipped": "yellow", "Failed": "red", "Shadow": "purple"};

	frappe.listview_settings["Sync Log"] = {
		add_fields: ["status"],
		get_indicator(doc) {
			return [__(doc.status), SYNC_LOG_STATUS_COLORS[doc.status] || "gray", `status,=,${doc.status}`];
		},
	};
}
