"""Paths and readers shared by the tests; no frappe needed."""

from __future__ import annotations

import ast
import json
from pathlib import Path

APP_PACKAGE = Path(__file__).resolve().parent.parent  # frappe_app/shopsync
MODULE_NAME = "Shopsync"
MODULE_DIR = APP_PACKAGE / "shopsync"  # frappe.scrub("Shopsync")
DOCTYPE_DIR = MODULE_DIR / "doctype"

# DocField fieldtype options in Frappe v15 (notes/frappe-erpnext.md §10).
VALID_FIELDTYPES = frozenset({
	"Autocomplete", "Attach", "Attach Image", "Barcode", "Button", "Check", "Code", "Color", "Column Break",
	"Currency", "Data", "Date", "Datetime", "Duration", "Dynamic Link", "Float", "Fold", "Geolocation",
	"Heading", "HTML", "HTML Editor", "Icon", "Image", "Int", "JSON", "Link", "Long Text", "Markdown Editor",
	"Password", "Percent", "Phone", "Read Only", "Rating", "Section Break", "Select", "Signature",
	"Small Text", "Tab Break", "Table", "Table MultiSelect", "Text", "Text Editor", "Time",
})
NO_VALUE_FIELDTYPES = frozenset({"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Image", "Fold", "Heading"})


def frappe_as_json(obj) -> str:
	"""What frappe.as_json writes (indent=1, sorted keys, ", " / ": "), plus the newline export adds."""
	return json.dumps(obj, indent=1, sort_keys=True, separators=(",", ": ")) + "\n"


def scrub(name: str) -> str:
	"""frappe.scrub: the folder and file name of a document."""
	return name.replace(" ", "_").replace("-", "_").lower()


def load_json(path: Path):
	return json.loads(path.read_text(encoding="utf-8"))


def doctype_files() -> dict[str, Path]:
	"""{doctype name: path of its JSON} for every doctype folder of the module."""
	found = {}
	for folder in sorted(p for p in DOCTYPE_DIR.iterdir() if p.is_dir() and not p.name.startswith("__")):
		path = folder / f"{folder.name}.json"
		if path.exists():
			found[load_json(path)["name"]] = path
	return found


def fields_by_name(doctype: dict) -> dict[str, dict]:
	return {f["fieldname"]: f for f in doctype["fields"]}


def select_options(field: dict) -> list[str]:
	return field.get("options", "").split("\n")


def parse_python(path: Path) -> ast.Module:
	return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_modules(tree: ast.Module, top_level_only: bool = False) -> set[str]:
	nodes = tree.body if top_level_only else list(ast.walk(tree))
	names: set[str] = set()
	for node in nodes:
		if isinstance(node, ast.Import):
			names.update(alias.name for alias in node.names)
		elif isinstance(node, ast.ImportFrom) and node.module:
			names.add(node.module)
	return names


def decorator_names(node: ast.FunctionDef) -> set[str]:
	"""'frappe.whitelist' for @frappe.whitelist(...), 'staticmethod' for @staticmethod."""
	names = set()
	for dec in node.decorator_list:
		target = dec.func if isinstance(dec, ast.Call) else dec
		names.add(ast.unparse(target))
	return names


def top_level_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
	return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
	return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def methods(cls: ast.ClassDef) -> dict[str, ast.FunctionDef]:
	return {n.name: n for n in cls.body if isinstance(n, ast.FunctionDef)}
