"""Every whitelisted method checks the caller's role before it does anything (issue 14).

A method under @frappe.whitelist is reachable by any logged-in user (or anyone, with allow_guest)
at /api/method/<path>. Frappe checks nothing more, so the method's first statement must: read from
the source with ast, so a new method without a check fails here, not in production.
"""

import ast
import unittest
from pathlib import Path

from shopsync.tests.app_files import APP_PACKAGE, parse_python

# Frappe's permission types (frappe.permissions.rights, v15).
PTYPES = frozenset({
	"select", "read", "write", "create", "delete", "submit", "cancel", "amend",
	"print", "email", "report", "import", "export", "share",
})


def is_whitelisted(fn: ast.FunctionDef) -> bool:
	for dec in fn.decorator_list:
		target = dec.func if isinstance(dec, ast.Call) else dec
		if ast.unparse(target) in ("frappe.whitelist", "whitelist"):
			return True
	return False


def whitelisted_functions(root: Path = APP_PACKAGE) -> list[tuple[str, ast.FunctionDef]]:
	"""(path:name, node) of every whitelisted function or method in the app, tests excluded."""
	found = []
	for path in sorted(root.rglob("*.py")):
		if "tests" in path.relative_to(root).parts:
			continue
		for node in ast.walk(parse_python(path)):
			if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and is_whitelisted(node):
				found.append((f"{path.relative_to(root.parent)}:{node.name}", node))
	return found


def _keyword(call: ast.Call, name: str):
	return next((k.value for k in call.keywords if k.arg == name), None)


def _is_true(node) -> bool:
	return isinstance(node, ast.Constant) and node.value is True


def permission_check_problem(call: ast.Call) -> str | None:
	"""Why this call is not a check that stops the caller, or None when it is one."""
	name = ast.unparse(call.func)
	if name == "frappe.only_for":
		return None if call.args or _keyword(call, "roles") else "frappe.only_for() names no role"
	if name.endswith(".check_permission"):  # doc.check_permission("write") throws by itself
		return None
	if name == "frappe.has_permission":
		ptype = call.args[1] if len(call.args) > 1 else _keyword(call, "ptype")
		if not (isinstance(ptype, ast.Constant) and ptype.value in PTYPES):
			return f"frappe.has_permission needs a literal permission type from {sorted(PTYPES)}"
		return None if _is_true(_keyword(call, "throw")) else "frappe.has_permission without throw=True only returns a bool"
	return f"{name}() is not a permission check"


def _throws(body: list[ast.stmt]) -> bool:
	for stmt in body:
		if isinstance(stmt, ast.Raise):
			return True
		if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and ast.unparse(stmt.value.func) in ("frappe.throw", "frappe.throw_permission_error"):
			return True
	return False


def first_statement_problem(fn: ast.FunctionDef) -> str | None:
	"""None when the body (after its docstring) starts with a permission check; else what is wrong."""
	body = list(fn.body)
	if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
		body = body[1:]
	if not body:
		return "has no body after its docstring"
	first = body[0]
	# frappe.has_permission("Sync Log", "create", throw=True) / frappe.only_for("System Manager")
	if isinstance(first, ast.Expr) and isinstance(first.value, ast.Call):
		return permission_check_problem(first.value)
	# if not frappe.has_permission(...): frappe.throw(...)  (or doc.has_permission, per row)
	if isinstance(first, ast.If):
		negated = isinstance(first.test, ast.UnaryOp) and isinstance(first.test.op, ast.Not)
		calls = [n for n in ast.walk(first.test) if isinstance(n, ast.Call) and ast.unparse(n.func).endswith("has_permission")]
		if negated and calls and _throws(first.body):
			return None
		return "starts with an if that is not a has_permission check ending in a throw"
	return f"starts with `{ast.unparse(first).splitlines()[0]}` instead of a permission check"


class TestEveryWhitelistedMethodChecksPermission(unittest.TestCase):
	def test_the_app_has_whitelisted_methods_to_check(self):
		names = {name.rsplit(":", 1)[1] for name, _ in whitelisted_functions()}
		# Known ones, so a broken finder cannot pass by finding nothing.
		self.assertLessEqual(
			{"record_sync_logs", "record_sync_failures", "request_retry", "request_requeue", "ignore", "failure_groups", "act_on_code"},
			names,
		)

	def test_each_checks_permission_first(self):
		for name, fn in whitelisted_functions():
			with self.subTest(method=name):
				self.assertIsNone(first_statement_problem(fn), f"{name}: a whitelisted method must check the caller's role first")

	def test_no_method_is_open_to_guests(self):
		for name, fn in whitelisted_functions():
			for dec in fn.decorator_list:
				if isinstance(dec, ast.Call):
					with self.subTest(method=name):
						self.assertFalse(_is_true(_keyword(dec, "allow_guest")), f"{name} is open to guests")


class TestTheCheckerItself(unittest.TestCase):
	"""The rule above is only as good as first_statement_problem; these pin what it accepts."""

	@staticmethod
	def problem(source: str) -> str | None:
		(fn,) = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]
		return first_statement_problem(fn)

	def test_accepts_the_usual_checks(self):
		accepted = [
			'@frappe.whitelist()\ndef f(x):\n\t"""Doc."""\n\tfrappe.has_permission("Sync Log", "create", throw=True)\n\treturn x',
			'@frappe.whitelist()\ndef f(x):\n\tfrappe.has_permission(doctype="Sync Log", ptype="read", throw=True)\n\treturn x',
			'@frappe.whitelist()\ndef f():\n\tfrappe.only_for("System Manager")\n\treturn 1',
			'@frappe.whitelist()\ndef f():\n\tif not frappe.has_permission("Sync Failure", "write"):\n\t\tfrappe.throw("no", frappe.PermissionError)\n\treturn 1',
			'@frappe.whitelist()\ndef f():\n\tif not frappe.has_permission("Sync Failure", "write"):\n\t\traise frappe.PermissionError\n\treturn 1',
		]
		for source in accepted:
			with self.subTest(source=source):
				self.assertIsNone(self.problem(source))

	def test_rejects_a_missing_late_or_toothless_check(self):
		rejected = {
			'@frappe.whitelist()\ndef f(names):\n\treturn [frappe.get_doc("Sync Failure", n) for n in names]': "instead of a permission check",
			'@frappe.whitelist()\ndef f():\n\trows = frappe.get_all("Sync Failure")\n\tfrappe.has_permission("Sync Failure", "read", throw=True)': "instead of a permission check",
			'@frappe.whitelist()\ndef f():\n\tfrappe.has_permission("Sync Failure", "read")\n\treturn 1': "only returns a bool",
			'@frappe.whitelist()\ndef f():\n\tfrappe.has_permission("Sync Failure", "wrte", throw=True)': "literal permission type",
			'@frappe.whitelist()\ndef f():\n\tfrappe.msgprint("hi")': "is not a permission check",
			'@frappe.whitelist()\ndef f():\n\tif frappe.has_permission("Sync Failure", "read"):\n\t\treturn 1': "not a has_permission check ending in a throw",
			'@frappe.whitelist()\ndef f():\n\tif frappe.has_permission("Sync Failure", "read"):\n\t\tfrappe.throw("inverted")': "not a has_permission check ending in a throw",
			'@frappe.whitelist()\ndef f():\n\t"""Only a docstring."""': "no body",
		}
		for source, reason in rejected.items():
			with self.subTest(source=source):
				self.assertIn(reason, self.problem(source) or "")

	def test_finds_methods_inside_classes_and_bare_whitelist(self):
		tree = ast.parse("class A:\n\t@frappe.whitelist()\n\tdef m(self):\n\t\tpass\n\n@whitelist\ndef g():\n\tpass\n\ndef h():\n\tpass\n")
		found = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and is_whitelisted(n)]
		self.assertEqual(sorted(found), ["g", "m"])


if __name__ == "__main__":
	unittest.main()
