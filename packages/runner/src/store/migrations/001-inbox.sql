-- The inbox: one row per distinct webhook delivery (Shopify's X-Shopify-Webhook-Id, per shop).
-- Timestamps are ISO-8601 UTC strings, which compare correctly as text in every SQL engine.
CREATE TABLE inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  shop TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  event_id TEXT,
  triggered_at TEXT,
  api_version TEXT,
  resource_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at TEXT NOT NULL,
  claimed_by TEXT,
  claim_token TEXT,
  claim_expires_at TEXT,
  reason TEXT,
  finished_at TEXT,
  UNIQUE (shop, webhook_id)
);
CREATE INDEX inbox_ready ON inbox (status, available_at, id);
CREATE INDEX inbox_resource ON inbox (resource_key, status, id);

-- Every accepted POST, including duplicates: the evidence that a duplicate arrived and was not applied.
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox_id INTEGER NOT NULL REFERENCES inbox (id),
  received_at TEXT NOT NULL,
  duplicate INTEGER NOT NULL
);
CREATE INDEX deliveries_inbox ON deliveries (inbox_id);

-- The trail of each event: received, plan, each operation's request and result, the final status.
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox_id INTEGER NOT NULL REFERENCES inbox (id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX evidence_event ON evidence (inbox_id, id);

-- Operation keys known to be applied, and the ERPNext document each one made or adopted.
CREATE TABLE operations (
  op_key TEXT PRIMARY KEY,
  doctype TEXT NOT NULL,
  doc_name TEXT NOT NULL,
  inbox_id INTEGER,
  applied_at TEXT NOT NULL
);

-- Parked problems, with their category and the sentence the operator reads. One open failure per
-- resource and code: a second event hitting the same problem counts as an occurrence, not a new row.
CREATE TABLE failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  resource_key TEXT NOT NULL,
  inbox_id INTEGER NOT NULL REFERENCES inbox (id),
  code TEXT NOT NULL,
  category TEXT NOT NULL,
  retryable INTEGER NOT NULL,
  message TEXT NOT NULL,
  details TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  occurrences INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE UNIQUE INDEX failures_open ON failures (resource_key, code) WHERE status = 'open';
