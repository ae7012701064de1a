// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

frappe.ui.form.on("Shopsync Settings", {
	setup(frm) {
		// Only leaf warehouses of the chosen company hold stock that can be published.
		const leaf_warehouses = () => ({ filters: { company: frm.doc.company, is_group: 0 } });
		frm.set_query("default_warehouse", leaf_warehouses);
		frm.set_query("warehouse", "location_warehouses", leaf_warehouses);
	},
});
