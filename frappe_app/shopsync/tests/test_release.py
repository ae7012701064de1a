"""What a release and an upgrade rely on: one version for the app and the runner, patches that run.

`bench migrate` after an update runs the patches listed in patches.txt (each once per site), syncs the
doctype JSON, then after_migrate; none of them may lose custom fields or data.
"""

import importlib
import json
import sys
import types
import unittest
from pathlib import Path
from unittest import mock

import shopsync
from shopsync import install
from shopsync.tests.app_files import APP_PACKAGE
from shopsync.tests.test_custom_fields import fake_frappe

REPOSITORY = APP_PACKAGE.parent.parent  # the monorepo root; absent on the frappe-app branch


def listed_patches() -> list[str]:
	lines = (APP_PACKAGE / "patches.txt").read_text(encoding="utf-8").splitlines()
	return [line.strip() for line in lines if line.strip() and not line.strip().startswith(("#", "["))]


class TestOneVersion(unittest.TestCase):
	def test_the_app_version_is_the_runners(self):
		# The runner reports its version to the Desk (Sync Runner) and doctor compares it with this one.
		manifests = [REPOSITORY / "package.json", REPOSITORY / "packages" / "runner" / "package.json"]
		if not all(path.exists() for path in manifests):
			self.skipTest("not in the shopsync repository (the frappe-app branch holds only the app): no runner to compare with")
		for path in manifests:
			with self.subTest(manifest=str(path.relative_to(REPOSITORY))):
				self.assertEqual(json.loads(path.read_text(encoding="utf-8"))["version"], shopsync.__version__)

	def test_the_version_line_is_the_one_bench_and_flit_read(self):
		# bench's get_version_from_string and flit's dynamic version both want a plain string literal.
		source = (APP_PACKAGE / "__init__.py").read_text(encoding="utf-8")
		self.assertIn(f'__version__ = "{shopsync.__version__}"\n', source)
		self.assertRegex(shopsync.__version__, r"^\d+\.\d+\.\d+$")


class TestPatches(unittest.TestCase):
	def test_each_listed_patch_imports_and_has_execute(self):
		stub = types.ModuleType("frappe")
		for patch in listed_patches():
			with self.subTest(patch=patch):
				self.assertTrue(patch.startswith("shopsync.patches."), patch)
				sys.modules.pop(patch, None)
				with mock.patch.dict(sys.modules, {"frappe": stub}):
					module = importlib.import_module(patch)
				sys.modules.pop(patch, None)
				self.assertTrue(callable(getattr(module, "execute", None)))

	def test_every_patch_module_is_listed_once(self):
		# A patch file missing from patches.txt never runs; a line listed twice is a typo.
		patches = listed_patches()
		self.assertEqual(len(patches), len(set(patches)))
		on_disk = {f"shopsync.patches.{path.stem}" for path in (APP_PACKAGE / "patches").glob("*.py") if path.stem != "__init__"}
		self.assertEqual(on_disk, set(patches))


class TestMigrateKeepsData(unittest.TestCase):
	def test_after_migrate_adds_and_updates_custom_fields_and_deletes_none(self):
		# create_custom_fields(update=True) inserts new fields and updates existing ones in place: the
		# columns and their values stay. Only before_uninstall deletes, and only the file's fields.
		modules, calls = fake_frappe(())
		with mock.patch.dict(sys.modules, modules):
			install.after_migrate()
		self.assertEqual(calls["deleted"], [])
		self.assertEqual(calls["created"], install.get_custom_fields())
		self.assertIs(calls["update"], True)


if __name__ == "__main__":
	unittest.main()
