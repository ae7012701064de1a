// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// A block, so the constants stay local if Desk evaluates this file more than once.
{
	const METHODS = "shopsync.shopsync.doctype.sync_failure.sync_failure.";
	const FORM_ACTIONS = [
		{ action: "retry", label: "Retry", method: "request_retry" },
		{ action: "requeue", label: "Requeue", method: "request_requeue" },
		{ action: "ignore", label: "Ignore", method: "ignore" },
	];

	const run = (frm, label, method) =>
		frappe
			.call({ method: METHODS + method, args: { names: [frm.doc.name] }, freeze: true })
			.then((r) => {
				const [result] = r.message || [];
				if (result && result.ok) {
					frappe.show_alert({ message: __("{0}: done", [__(label)]), indicator: "green" });
				}
				frm.reload_doc();
			});

	frappe.ui.form.on("Sync Failure", {
		refresh(frm) {
			// Every field is read-only: written by the runner, changed only through the buttons.
			frm.disable_save();
			// The controller sends the actions shopsync.rules allows for this status.
			const allowed = (frm.doc.__onload && frm.doc.__onload.allowed_actions) || [];
			for (const { action, label, method } of FORM_ACTIONS) {
				if (allowed.includes(action)) {
					frm.add_custom_button(__(label), () => run(frm, label, method), __("Actions"));
				}
			}
			if (frm.doc.reference_doctype && frm.doc.reference_name) {
				frm.add_custom_button(__("Open {0}", [__(frm.doc.reference_doctype)]), () =>
					frappe.set_route("Form", frm.doc.reference_doctype, frm.doc.reference_name)
				);
			}
			if (frm.doc.event_id) {
				frm.add_custom_button(__("Sync Log"), () =>
					frappe.set_route("List", "Sync Log", { event_id: frm.doc.event_id })
				);
			}
		},
	});
}
