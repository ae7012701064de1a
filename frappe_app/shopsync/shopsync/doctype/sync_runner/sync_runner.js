// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// The runner writes this row with every heartbeat; the form only shows it.
frappe.ui.form.on("Sync Runner", {
	refresh(frm) {
		frm.disable_save();
	},
});
