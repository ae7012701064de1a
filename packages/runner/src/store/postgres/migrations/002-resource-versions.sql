-- The newest Shopify version (updated_at) applied per resource: an older event is superseded.
-- version is Shopify's text as received; version_ms the instant it names, which is what is compared.
CREATE TABLE resource_versions (
  resource_key TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  version_ms BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Which resource's event applied an operation: evidence for "what did this order's events write?".
ALTER TABLE operations ADD COLUMN resource_key TEXT;
CREATE INDEX operations_resource ON operations (resource_key);
