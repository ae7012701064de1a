// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// A block, so the constants stay local if Desk evaluates this file more than once.
{
	// Kept equal to FAILURE_STATUS_COLORS and CATEGORY_COLORS in shopsync/rules.py by tests/test_desk.py.
	const FAILURE_STATUS_COLORS = {"Open": "red", "Retry Requested": "orange", "Retrying": "blue", "Resolved": "green", "Ignored": "gray"};
	const CATEGORY_COLORS = {"transient": "yellow", "rate_limited": "yellow", "auth": "red", "mapping": "orange", "validation": "orange", "conflict": "purple", "drift": "cyan", "internal": "red"};
	const METHODS = "shopsync.shopsync.doctype.sync_failure.sync_failure.";
	const BULK_ACTIONS = [
		["Retry", "request_retry"],
		["Requeue", "request_requeue"],
		["Ignore", "ignore"],
	];

	frappe.listview_settings["Sync Failure"] = {
		add_fields: ["status", "category"],
		// The operator's queue: what still needs a decision.
		filters: [["status", "=", "Open"]],
		get_indicator(doc) {
			// The pill says the status only; an open failure takes its category's colour and filter,
			// since the category says what to do (rules.failure_indicator).
			if (doc.status === "Open" && CATEGORY_COLORS[doc.category]) {
				return [
					__("Open"),
					CATEGORY_COLORS[doc.category],
					`status,=,Open|category,=,${doc.category}`,
				];
			}
			return [__(doc.status), FAILURE_STATUS_COLORS[doc.status] || "gray", `status,=,${doc.status}`];
		},
		onload(listview) {
			// Each method takes the selected names and answers per name; rejected rows are
			// listed in one message by the server.
			for (const [label, method] of BULK_ACTIONS) {
				listview.page.add_action_item(__(label), () => listview.call_for_selected_items(METHODS + method));
			}
		},
	};
}
