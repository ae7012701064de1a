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

	// Per group in the "Group by code" dialog; each calls act_on_code with the group's code.
	const CODE_ACTIONS = [
		{ action: "requeue", label: "Requeue all", verb: "Requeue" },
		{ action: "ignore", label: "Ignore all", verb: "Ignore" },
	];
	const esc = (value) => frappe.utils.escape_html(value === null || value === undefined ? "" : String(value));
	const when = (value) => String(value || "").replace("T", " ").slice(0, 16);

	const groupHtml = (group) => {
		const line = [
			`${group.count} × ${group.code}`,
			group.category,
			group.latest ? __("last seen {0}", [when(group.latest)]) : "",
		].filter(Boolean).join(" · ");
		const details = [
			group.retry_safe ? __("{0} retry-safe", [group.retry_safe]) : "",
			(group.shops || []).join(", "),
			group.oldest ? __("open since {0}", [when(group.oldest)]) : "",
		].filter(Boolean).join(" · ");
		return `<div><b>${esc(line)}</b></div>`
			+ `<div class="text-muted small">${esc(details)}</div>`
			+ `<div class="small">${esc(group.sample)}</div>`;
	};

	const actOnCode = (listview, dialog, group, { action, verb }) => {
		const question = __("{0} all {1} open failures of {2}?", [__(verb), group.count, esc(group.code)]);
		frappe.confirm(question, () =>
			frappe.xcall(METHODS + "act_on_code", { code: group.code, action }).then((answer) => {
				dialog.hide();
				// The server's one sentence names every row that did not change and why.
				frappe.msgprint({ title: __("Group by code"), message: esc(answer && answer.message), indicator: "blue" });
				listview.refresh();
			})
		);
	};

	const showGroups = (listview) =>
		frappe.xcall(METHODS + "failure_groups").then((answer) => {
			const groups = (answer && answer.groups) || [];
			if (!groups.length) {
				frappe.msgprint(__("No open failures."));
				return;
			}
			const fields = [];
			let dialog; // the buttons' clicks run after it is built
			groups.forEach((group, i) => {
				if (i) fields.push({ fieldtype: "Section Break", fieldname: `section_${i}` });
				fields.push({ fieldtype: "HTML", fieldname: `group_${i}`, options: groupHtml(group) });
				for (const spec of CODE_ACTIONS) {
					fields.push({ fieldtype: "Column Break", fieldname: `column_${spec.action}_${i}` });
					fields.push({
						fieldtype: "Button",
						fieldname: `${spec.action}_${i}`,
						label: __(spec.label),
						click: () => actOnCode(listview, dialog, group, spec),
					});
				}
			});
			if (answer.note) {
				fields.push({ fieldtype: "Section Break", fieldname: "section_note" });
				fields.push({ fieldtype: "HTML", fieldname: "note", options: `<p class="text-muted">${esc(answer.note)}</p>` });
			}
			dialog = new frappe.ui.Dialog({ title: __("Open failures by code"), size: "large", fields });
			dialog.show();
		});

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
			// Frappe v15's sidebar group-by takes its fields from each user's settings only, so the
			// grouping by code is this dialog, with an action for all the failures of one code.
			listview.page.add_inner_button(__("Group by code"), () => showGroups(listview));
		},
	};
}
