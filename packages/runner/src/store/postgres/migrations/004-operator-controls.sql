-- Operator controls and retention (issue 6).
-- A failure is live while open or retrying: one live failure per resource and code. A retry that fails
-- again with the same code reopens the same row (one more occurrence) instead of adding another.
DROP INDEX failures_open;
CREATE UNIQUE INDEX failures_live ON failures (resource_key, code) WHERE status IN ('open', 'retrying');
ALTER TABLE failures ADD COLUMN resolved_at TIMESTAMPTZ;

-- The failure an event is currently parked with (kept while a retry of it is pending), so a failure is
-- resolved exactly when none of its events is failed or waiting any more. NULL for every other event,
-- which keeps the partial index out of the ingress path.
ALTER TABLE inbox ADD COLUMN failure_id BIGINT REFERENCES failures (id);
UPDATE inbox SET failure_id = (SELECT f.id FROM failures f WHERE f.inbox_id = inbox.id) WHERE status = 'failed';
CREATE INDEX inbox_failure ON inbox (failure_id) WHERE failure_id IS NOT NULL;
