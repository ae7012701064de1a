-- The inbox: one row per distinct webhook delivery (Shopify's X-Shopify-Webhook-Id, per shop).
-- The PostgreSQL twin of ../../migrations/001-inbox.sql: the same tables, columns and indexes. Instants
-- are timestamptz (compared as time whatever the collation); the store reads them back as the same
-- ISO-8601 UTC text the SQLite store returns (postgres/pg-connection.ts).
CREATE TABLE inbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  shop TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  event_id TEXT,
  triggered_at TEXT,
  api_version TEXT,
  resource_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at TIMESTAMPTZ NOT NULL,
  claimed_by TEXT,
  claim_token TEXT,
  claim_expires_at TIMESTAMPTZ,
  reason TEXT,
  finished_at TIMESTAMPTZ,
  UNIQUE (shop, webhook_id)
);
CREATE INDEX inbox_ready ON inbox (status, available_at, id);
CREATE INDEX inbox_resource ON inbox (resource_key, status, id);
-- The claim rule "one claimed event per resource", enforced by the database: two runner processes
-- whose snapshots both find an event of the same order claimable cannot both claim one (the second
-- gets a unique violation and moves on to another order, sql/claim-next-event.ts). SQLite needs no
-- such index: its claim runs in an IMMEDIATE transaction, one writer at a time.
CREATE UNIQUE INDEX inbox_one_claim_per_resource ON inbox (resource_key) WHERE status = 'claimed';

-- Every accepted POST, including duplicates: the evidence that a duplicate arrived and was not applied.
CREATE TABLE deliveries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inbox_id BIGINT NOT NULL REFERENCES inbox (id),
  received_at TIMESTAMPTZ NOT NULL,
  duplicate BOOLEAN NOT NULL
);
CREATE INDEX deliveries_inbox ON deliveries (inbox_id);

-- The trail of each event: received, plan, each operation's request and result, the final status.
-- data is the JSON text as written (not jsonb, which would reorder keys and drop duplicates).
CREATE TABLE evidence (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inbox_id BIGINT NOT NULL REFERENCES inbox (id),
  at TIMESTAMPTZ NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX evidence_event ON evidence (inbox_id, id);

-- Operation keys known to be applied, and the ERPNext document each one made or adopted.
CREATE TABLE operations (
  op_key TEXT PRIMARY KEY,
  doctype TEXT NOT NULL,
  doc_name TEXT NOT NULL,
  inbox_id BIGINT,
  applied_at TIMESTAMPTZ NOT NULL
);

-- Parked problems, with their category and the sentence the operator reads. One open failure per
-- resource and code: a second event hitting the same problem counts as an occurrence, not a new row.
CREATE TABLE failures (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_key TEXT NOT NULL,
  inbox_id BIGINT NOT NULL REFERENCES inbox (id),
  code TEXT NOT NULL,
  category TEXT NOT NULL,
  retryable BOOLEAN NOT NULL,
  message TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  occurrences INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX failures_open ON failures (resource_key, code) WHERE status = 'open';
