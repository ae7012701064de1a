// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// A block, so the helpers stay local if Desk evaluates this file more than once.
{
	const text = (value) => {
		if (value === null || value === undefined) return "";
		if (typeof value === "string") return value;
		try {
			return JSON.stringify(value);
		} catch (e) {
			return String(value);
		}
	};
	const clip = (value, max = 160) => {
		const s = text(value);
		return s.length > max ? `${s.slice(0, max - 1)}…` : s;
	};
	const escape = (value) => text(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	const obj = (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {});
	const join = (parts) => parts.filter((part) => part !== null && part !== undefined && part !== "").join(" · ");

	// The plan's operations by key: the request each operation row answers.
	const requestsOf = (rows) => {
		const requests = {};
		for (const row of rows) {
			const operations = obj(row).kind === "plan" ? obj(obj(row).data).operations : null;
			for (const op of Array.isArray(operations) ? operations : []) {
				if (obj(op).key) requests[op.key] = op;
			}
		}
		return requests;
	};

	// One entry per evidence kind: [title, lines]. A kind not listed shows its data as short JSON.
	const STEPS = {
		received: (d) => [__("Received"), [join([d.topic, d.webhookId && `webhook ${d.webhookId}`])]],
		plan: (d) => {
			const operations = Array.isArray(d.operations) ? d.operations : [];
			return [
				__("Plan"),
				[
					join([d.outcome || d.kind, d.verdict, d.reason, operations.length ? __("{0} operation(s)", [operations.length]) : ""]),
					...operations.map((op) => `${text(obj(op).kind)} ${text(obj(op).doctype)}`),
				],
			];
		},
		operation: (d, requests) => {
			const request = obj(requests[d.key]);
			const lines = [];
			if (request.kind) lines.push(`${__("Request")}: ${join([request.kind, request.doctype])}`);
			const answer = join([d.step, d.doctype && `${d.doctype} ${text(d.name)}`, d.submitted ? __("submitted") : "", d.reason]);
			lines.push(`${__("Answer")}: ${answer || clip(d)}`);
			if (Array.isArray(d.changed) && d.changed.length) lines.push(`${__("Changed")}: ${d.changed.map(text).join(", ")}`);
			return [__("Operation"), lines];
		},
		result: (d) => [__("Result"), [join([d.status, d.reason])]],
	};

	// The evidence as list items (received → plan → each request and answer → result); never throws.
	const timelineHtml = (json) => {
		let rows;
		try {
			rows = JSON.parse(json || "[]");
		} catch (e) {
			rows = null;
		}
		if (!Array.isArray(rows)) return `<p class="text-muted">${escape(__("The evidence is not a list; see Raw Evidence."))}</p>`;
		if (!rows.length) return `<p class="text-muted">${escape(__("No evidence was recorded."))}</p>`;
		const requests = requestsOf(rows);
		const items = rows.map((raw) => {
			const row = obj(raw);
			const data = obj(row.data);
			let title;
			let lines;
			try {
				[title, lines] = Object.prototype.hasOwnProperty.call(STEPS, row.kind) ? STEPS[row.kind](data, requests) : [text(row.kind) || __("Step"), [clip(row.data)]];
			} catch (e) {
				[title, lines] = [text(row.kind), [clip(row.data)]];
			}
			const when = text(row.at).replace("T", " ").slice(0, 19);
			const body = lines.filter(Boolean).map((line) => `<div>${escape(clip(line, 300))}</div>`).join("");
			return `<li class="mb-2"><span class="text-muted small">${escape(when)}</span> <b>${escape(title)}</b>${body}</li>`;
		});
		return `<ol class="shopsync-timeline list-unstyled">${items.join("")}</ol>`;
	};

	frappe.ui.form.on("Sync Log", {
		refresh(frm) {
			// Every field is read-only: the runner writes the log, and nothing here is for editing.
			frm.disable_save();
			const field = frm.get_field && frm.get_field("evidence_timeline");
			if (field && field.$wrapper) field.$wrapper.html(timelineHtml(frm.doc.evidence));
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
}
