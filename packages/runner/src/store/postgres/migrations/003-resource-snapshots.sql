-- The newest payload applied per resource: refunds/create carries only the refund, so its plan is
-- made from the order's latest state kept here (DESIGN: plans from the latest state, not the topic).
ALTER TABLE resource_versions ADD COLUMN snapshot TEXT;
