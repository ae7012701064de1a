"""App wiring: hooks, packaging, pure modules, and the controllers' contracts read from source."""

import ast
import importlib
import re
import tomllib
import unittest

import shopsync
from shopsync import hooks
from shopsync.tests.app_files import (
	APP_PACKAGE,
	DOCTYPE_DIR,
	MODULE_DIR,
	MODULE_NAME,
	classes,
	decorator_names,
	doctype_files,
	imported_modules,
	methods,
	parse_python,
	scrub,
	top_level_functions,
)

PURE_MODULES = ("rules.py", "log_entries.py", "failure_entries.py", "runner_health.py")


def controller(doctype):
	path = doctype_files()[doctype].with_suffix(".py")
	return classes(parse_python(path))[doctype.replace(" ", "")], parse_python(path)


class TestHooks(unittest.TestCase):
	def test_app_metadata(self):
		self.assertEqual(hooks.app_name, "shopsync")
		self.assertEqual(hooks.app_license, "mit")
		self.assertEqual(hooks.required_apps, ["erpnext"])

	def test_install_hooks_resolve_to_functions(self):
		for hook in ("after_install", "after_migrate", "before_uninstall"):
			with self.subTest(hook=hook):
				module_path, _, function = getattr(hooks, hook).rpartition(".")
				self.assertTrue(callable(getattr(importlib.import_module(module_path), function)))

	def test_hooks_hold_only_live_hooks(self):
		# STYLE F2: no commented-out hooks like the boilerplate's.
		source = (APP_PACKAGE / "hooks.py").read_text(encoding="utf-8")
		self.assertEqual(re.findall(r"^#\s*\w+\s*=", source, re.M), [])
		# The runner, not ERPNext, does the sync work: the only scheduled jobs read Sync Failures and
		# Sync Runners and notify people (alerts.py), once an hour.
		self.assertEqual(hooks.scheduler_events, {"hourly": ["shopsync.alerts.send_failure_alerts", "shopsync.alerts.send_runner_alerts"]})

	def test_sync_log_is_cleared_by_log_settings_and_sync_failure_is_not(self):
		self.assertEqual(hooks.default_log_clearing_doctypes, {"Sync Log": 30})
		sync_log, _ = controller("Sync Log")
		clear = methods(sync_log)["clear_old_logs"]
		self.assertIn("staticmethod", decorator_names(clear))
		self.assertEqual([a.arg for a in clear.args.args], ["days"])
		self.assertEqual(ast.literal_eval(clear.args.defaults[0]), 30)
		sync_failure, _ = controller("Sync Failure")
		self.assertNotIn("clear_old_logs", methods(sync_failure))


class TestPackaging(unittest.TestCase):
	def test_version_and_flit(self):
		self.assertEqual(shopsync.__version__, "0.1.0")
		project = tomllib.loads((APP_PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
		self.assertEqual(project["project"]["name"], "shopsync")
		self.assertEqual(project["project"]["dynamic"], ["version"])
		self.assertEqual(project["build-system"]["build-backend"], "flit_core.buildapi")

	def test_module_list_matches_the_module_folder(self):
		modules = (APP_PACKAGE / "modules.txt").read_text(encoding="utf-8").split()
		self.assertEqual(modules, [MODULE_NAME])
		self.assertEqual(MODULE_DIR.name, scrub(MODULE_NAME))
		self.assertTrue((MODULE_DIR / "__init__.py").exists())
		self.assertTrue((DOCTYPE_DIR / "__init__.py").exists())

	def test_patches_file_has_both_sections(self):
		lines = (APP_PACKAGE / "patches.txt").read_text(encoding="utf-8").splitlines()
		self.assertLess(lines.index("[pre_model_sync]"), lines.index("[post_model_sync]"))

	def test_every_patch_is_a_module_with_execute(self):
		lines = (APP_PACKAGE / "patches.txt").read_text(encoding="utf-8").splitlines()
		patches = [line for line in lines if line and not line.startswith(("#", "["))]
		self.assertIn("shopsync.patches.delete_shopsync_settings", patches)
		for patch in patches:
			with self.subTest(patch=patch):
				path = APP_PACKAGE.parent.joinpath(*patch.split(".")).with_suffix(".py")
				self.assertIn("execute", top_level_functions(parse_python(path)))


class TestPurity(unittest.TestCase):
	def test_rule_modules_never_import_frappe(self):
		# STYLE F6: CI tests these without a site.
		for name in PURE_MODULES:
			with self.subTest(module=name):
				imported = imported_modules(parse_python(APP_PACKAGE / name))
				self.assertEqual({m for m in imported if m.split(".")[0] == "frappe"}, set())


class TestControllers(unittest.TestCase):
	def test_class_names_follow_frappe(self):
		for doctype in doctype_files():
			with self.subTest(doctype=doctype):
				cls, _ = controller(doctype)
				self.assertEqual([ast.unparse(b) for b in cls.bases], ["Document"])

	def test_retry_not_allowed_is_a_typed_validation_error(self):
		_, tree = controller("Sync Failure")
		error = classes(tree)["RetryNotAllowedError"]
		self.assertEqual([ast.unparse(b) for b in error.bases], ["frappe.ValidationError"])
		raised = {
			ast.unparse(kw.value)
			for node in ast.walk(tree)
			if isinstance(node, ast.Call) and ast.unparse(node.func) == "frappe.throw"
			for kw in node.keywords
			if kw.arg == "exc"
		}
		self.assertIn("RetryNotAllowedError", raised)

	def test_validate_is_a_checklist_of_named_steps(self):
		# STYLE F5: validate() only calls self.<step>(), and every step exists.
		for doctype in ("Sync Log", "Sync Failure"):
			with self.subTest(doctype=doctype):
				cls, _ = controller(doctype)
				body = methods(cls)["validate"].body
				steps = [ast.unparse(stmt.value.func) for stmt in body if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)]
				self.assertEqual(len(steps), len(body))
				for step in steps:
					self.assertTrue(step.startswith("self."))
					self.assertIn(step.removeprefix("self."), methods(cls))

	def test_status_changes_go_through_the_rules(self):
		cls, _ = controller("Sync Failure")
		source = ast.unparse(methods(cls)["validate_status_change"])
		self.assertIn("rules.check_status_change", source)
		self.assertIn("rules.next_status", ast.unparse(methods(cls)["apply_action"]))

	def test_record_sync_logs_is_whitelisted_with_explicit_arguments(self):
		fn = top_level_functions(parse_python(APP_PACKAGE / "api.py"))["record_sync_logs"]
		self.assertIn("frappe.whitelist", decorator_names(fn))
		self.assertEqual([a.arg for a in fn.args.args], ["entries"])

	def test_record_sync_failures_is_whitelisted_and_moves_status_through_the_controller(self):
		tree = parse_python(APP_PACKAGE / "api.py")
		fn = top_level_functions(tree)["record_sync_failures"]
		self.assertIn("frappe.whitelist", decorator_names(fn))
		self.assertEqual([a.arg for a in fn.args.args], ["entries"])
		self.assertIn("frappe.has_permission('Sync Failure', 'create', throw=True)", ast.unparse(fn))
		# Every status change is a SyncFailure.apply_action, so validate() checks each step.
		self.assertIn("apply_action", ast.unparse(tree))
		assigned = [ast.unparse(t) for node in ast.walk(tree) if isinstance(node, ast.Assign) for t in node.targets]
		self.assertFalse([t for t in assigned if t.endswith(".status")])


class TestRunnerHealthMethod(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.functions = top_level_functions(parse_python(APP_PACKAGE / "api.py"))

	def test_record_runner_health_is_a_post_taking_one_entry(self):
		fn = self.functions["record_runner_health"]
		self.assertIn("@frappe.whitelist(methods=['POST'])", ast.unparse(fn))
		self.assertEqual([a.arg for a in fn.args.args], ["entry"])

	def test_permission_is_checked_before_anything_else(self):
		body = [ast.unparse(stmt) for stmt in self.functions["record_runner_health"].body if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))]
		self.assertEqual(body[:2], ["frappe.has_permission('Sync Runner', 'create', throw=True)", "frappe.has_permission('Sync Runner', 'write', throw=True)"])

	def test_the_entry_is_parsed_by_the_pure_module_and_the_heartbeat_is_the_sites_clock(self):
		self.assertIn("parse_runner_health(", ast.unparse(self.functions["record_runner_health"]))
		upsert = ast.unparse(self.functions["_upsert_runner"])
		self.assertIn("'last_heartbeat': now_datetime()", upsert)
		# The flows table is replaced, not appended to, so a resent heartbeat leaves the same rows.
		self.assertIn("doc.set('flows', rows)", upsert)
		self.assertNotIn("append(", upsert)


if __name__ == "__main__":
	unittest.main()
