"""Consistency checks for Shopsync Settings, kept free of frappe so they test without a site (STYLE F6)."""

from __future__ import annotations

FLOWS = ("orders", "customers", "inventory", "fulfillment")
FULFILLMENT_AUTHORITIES = ("ERPNext", "Shopify")


def settings_problems(settings: dict) -> list[str]:
	"""Every problem at once, so the operator fixes them in one pass.

	`settings` holds the field values; `location_warehouses` is a list of row dicts.
	"""
	problems: list[str] = []
	enabled = [flow for flow in FLOWS if settings.get(f"sync_{flow}")]
	if enabled and not settings.get("company"):
		problems.append(f"Set the Company before turning on sync for {', '.join(enabled)}.")
	rows = settings.get("location_warehouses") or []
	if settings.get("sync_inventory") and not rows:
		problems.append(
			"Map at least one Shopify location to a warehouse before turning on inventory sync: "
			"stock per location is computed from the mapped warehouses."
		)
	if settings.get("fulfillment_authority") not in FULFILLMENT_AUTHORITIES:
		problems.append(f"Fulfillment Authority must be one of {', '.join(FULFILLMENT_AUTHORITIES)}.")
	problems.extend(location_map_problems(rows))
	return problems


def location_map_problems(rows: list[dict]) -> list[str]:
	"""A location may take stock from several warehouses, but a warehouse feeds one location:
	mapped to two, its stock would be published twice."""
	problems: list[str] = []
	seen_pairs: set[tuple[str, str]] = set()
	location_of: dict[str, str] = {}
	for index, row in enumerate(rows, start=1):
		location = (row.get("shopify_location_id") or "").strip()
		warehouse = row.get("warehouse") or ""
		if not location or not warehouse:
			problems.append(f"Row {index}: both Shopify Location ID and Warehouse are needed.")
			continue
		if (location, warehouse) in seen_pairs:
			problems.append(f"Row {index}: location {location} is already mapped to {warehouse}.")
			continue
		seen_pairs.add((location, warehouse))
		other = location_of.setdefault(warehouse, location)
		if other != location:
			problems.append(
				f"Row {index}: warehouse {warehouse} already feeds location {other}; "
				"one warehouse can feed only one location."
			)
	return problems
