"""Consistency checks of Shopsync Settings."""

import unittest

from shopsync.settings_rules import location_map_problems, settings_problems

GOOD = {
	"sync_orders": 1,
	"sync_inventory": 1,
	"company": "ACME",
	"fulfillment_authority": "ERPNext",
	"location_warehouses": [
		{"shopify_location_id": "111", "warehouse": "Stores - ACME"},
		{"shopify_location_id": "111", "warehouse": "Backroom - ACME"},
		{"shopify_location_id": "222", "warehouse": "Outlet - ACME"},
	],
}


class TestSettings(unittest.TestCase):
	def test_consistent_settings_have_no_problem(self):
		self.assertEqual(settings_problems(GOOD), [])

	def test_all_flows_off_needs_nothing_but_an_authority(self):
		self.assertEqual(settings_problems({"fulfillment_authority": "Shopify"}), [])

	def test_every_problem_is_reported_at_once(self):
		problems = settings_problems({"sync_customers": 1, "sync_inventory": 1, "fulfillment_authority": "Both"})
		self.assertEqual(len(problems), 3)
		self.assertIn("Set the Company before turning on sync for customers, inventory.", problems)
		self.assertTrue(any("Map at least one Shopify location" in p for p in problems))
		self.assertTrue(any("Fulfillment Authority must be one of ERPNext, Shopify" in p for p in problems))


class TestLocationMap(unittest.TestCase):
	def test_a_location_may_take_several_warehouses(self):
		self.assertEqual(location_map_problems(GOOD["location_warehouses"]), [])

	def test_a_warehouse_feeds_one_location_only(self):
		rows = [{"shopify_location_id": "111", "warehouse": "Stores"}, {"shopify_location_id": "222", "warehouse": "Stores"}]
		self.assertEqual(
			location_map_problems(rows),
			["Row 2: warehouse Stores already feeds location 111; one warehouse can feed only one location."],
		)

	def test_duplicate_and_incomplete_rows(self):
		rows = [
			{"shopify_location_id": "111", "warehouse": "Stores"},
			{"shopify_location_id": " 111 ", "warehouse": "Stores"},
			{"shopify_location_id": "", "warehouse": "Outlet"},
		]
		self.assertEqual(
			location_map_problems(rows),
			[
				"Row 2: location 111 is already mapped to Stores.",
				"Row 3: both Shopify Location ID and Warehouse are needed.",
			],
		)


if __name__ == "__main__":
	unittest.main()
