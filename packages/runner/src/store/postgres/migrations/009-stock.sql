-- Where the ERPNext Stock Ledger tail stands per shop: the newest `creation` read and the entry names
-- read inside the overlap window (JSON), so a late-committed entry is taken once and none twice.
-- creation is ERPNext's own text (microseconds, site time zone), kept as it reads.
CREATE TABLE stock_cursor (
  shop TEXT PRIMARY KEY,
  creation TEXT,
  seen TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- The echo ledger: every quantity shopsync set in Shopify, so the inventory_levels/update it causes
-- ends as an echo, not as drift. Kept a day (the echo window is minutes).
CREATE TABLE stock_pushes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shop TEXT NOT NULL,
  inventory_item_id TEXT NOT NULL,
  location_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  inbox_id BIGINT,
  pushed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_pushes_level ON stock_pushes (shop, inventory_item_id, location_id, pushed_at);
CREATE INDEX stock_pushes_age ON stock_pushes (pushed_at);

-- The oversell guard reads the orders not booked yet by status and topic.
CREATE INDEX inbox_shop_topic_status ON inbox (shop, topic, status);

-- The oversell guard reads each order's line items out of its payload, which is the webhook body as
-- received: a body that is not JSON reads as NULL here instead of failing the whole query (SQLite's
-- json_valid; PostgreSQL 15 has no IS JSON).
CREATE FUNCTION shopsync_try_jsonb(body TEXT) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN body::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
