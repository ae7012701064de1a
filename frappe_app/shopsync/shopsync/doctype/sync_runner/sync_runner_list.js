// Copyright (c) 2026, shopsync contributors
// License: MIT. See license.txt

// A block, so the helpers stay local if Desk evaluates this file more than once.
{
	// Kept equal to SILENT_AFTER_BEATS and RUNNER_STATE_COLORS in shopsync/runner_health.py by tests/test_runner_health.py.
	const SILENT_AFTER_BEATS = 3;
	const RUNNER_STATE_COLORS = {"Running": "green", "Silent": "red"};

	// "YYYY-MM-DD HH:MM:SS[.ffffff]" in the site's time zone, read as if UTC: only differences are used.
	const naiveMs = (text) => {
		if (!text) return null;
		const ms = Date.parse(`${String(text).replace(" ", "T").slice(0, 23)}Z`);
		return Number.isNaN(ms) ? null : ms;
	};

	// runner_health.runner_state: Running while the last heartbeat is at most SILENT_AFTER_BEATS promised intervals old.
	const runnerState = (lastHeartbeat, heartbeatSeconds, siteNow) => {
		const beat = naiveMs(lastHeartbeat);
		const now = naiveMs(siteNow);
		const seconds = Number(heartbeatSeconds);
		if (beat === null || now === null || !Number.isInteger(seconds) || seconds < 1) return "Silent";
		return (now - beat) / 1000 <= SILENT_AFTER_BEATS * seconds ? "Running" : "Silent";
	};

	// last_heartbeat is stored in the site's time zone; the browser's "now" is brought to it.
	const siteNow = () => frappe.datetime.convert_to_system_tz(frappe.datetime.now_datetime());

	frappe.listview_settings["Sync Runner"] = {
		add_fields: ["last_heartbeat", "heartbeat_seconds"],
		get_indicator(doc) {
			const state = runnerState(doc.last_heartbeat, doc.heartbeat_seconds, siteNow());
			return [__(state), RUNNER_STATE_COLORS[state], `name,=,${doc.name}`];
		},
	};
}
