// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

frappe.ui.form.on("Sync Log", {
	refresh(frm) {
		if (frm.doc.reference_doctype && frm.doc.reference_name) {
			frm.add_custom_button(__("Open {0}", [__(frm.doc.reference_doctype)]), () =>
				frappe.set_route("Form", frm.doc.reference_doctype, frm.doc.reference_name)
			);
		}
		if (frm.doc.status === "Failed") {
			// The failure row, not the log, is where the operator acts.
			frm.add_custom_button(__("Sync Failures"), () =>
				frappe.set_route("List", "Sync Failure", { event_id: frm.doc.event_id })
			);
		}
	},
});
