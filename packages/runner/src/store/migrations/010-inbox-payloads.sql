-- The payload (~8.5 KB for an order) in a table of its own (issue 15). SQLite rewrites a whole record,
-- overflow pages included, on every UPDATE, and an inbox row is updated several times per event
-- (claim, settle, mirrored_at): with the payload inline, each of those put the payload's pages into
-- the WAL again. Measured in-process on 4,000 8.5 KB orders (FULL, group commits of 25): claim +
-- finish + mark-mirrored wrote 29.1 WAL pages per event with the payload inline, 19.7 without it;
-- accepting wrote 3.60 and 3.65. Written once when the delivery is accepted, read by the claim and
-- the operator, and deleted by retention just before its event (foreign_keys is on).
CREATE TABLE inbox_payloads (
  inbox_id INTEGER PRIMARY KEY REFERENCES inbox (id),
  payload TEXT NOT NULL
);
INSERT INTO inbox_payloads (inbox_id, payload) SELECT id, payload FROM inbox;
ALTER TABLE inbox DROP COLUMN payload;
