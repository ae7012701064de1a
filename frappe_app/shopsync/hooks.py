app_name = "shopsync"
app_title = "Shopsync"
app_publisher = "shopsync contributors"
app_description = "Replay-safe ERPNext <-> Shopify sync: Sync Log, Sync Failure and the unique custom fields behind idempotent writes"
app_email = "shopsync@example.com"
app_license = "mit"

# Custom fields go on ERPNext doctypes (Customer, Sales Order, Item, ...).
required_apps = ["erpnext"]

after_install = "shopsync.install.after_install"
after_migrate = "shopsync.install.after_migrate"
before_uninstall = "shopsync.install.before_uninstall"

# Log Settings adds Sync Log with this retention; SyncLog.clear_old_logs does the pruning.
# Sync Failure is deliberately absent: it is not a log.
default_log_clearing_doctypes = {"Sync Log": 30}

# Connections: Sales Order, Sales Invoice, Payment Entry, Delivery Note and Customer forms list their
# Sync Logs and Sync Failures (reference_doctype / reference_name); see dashboards.py.
override_doctype_dashboards = {
	"Sales Order": "shopsync.dashboards.sales_order",
	"Sales Invoice": "shopsync.dashboards.sales_invoice",
	"Payment Entry": "shopsync.dashboards.payment_entry",
	"Delivery Note": "shopsync.dashboards.delivery_note",
	"Customer": "shopsync.dashboards.customer",
}

# One alert per new failure code or pile-up, and one per runner that fell silent, to the Shopsync
# Manager role; see alerts.py. The runner does the sync work; these jobs only read Sync Failures and
# Sync Runners and write Notification Logs.
scheduler_events = {
	"hourly": ["shopsync.alerts.send_failure_alerts", "shopsync.alerts.send_runner_alerts"],
}
