-- The first failure of the current series of retries: the retry budget is a time counted from it
-- (cleared when an operator requeues the event, so a requeued event gets a fresh budget).
ALTER TABLE inbox ADD COLUMN retrying_since TIMESTAMPTZ;
-- Expired claims are found by their expiry, without touching the pending backlog.
CREATE INDEX inbox_claim_expiry ON inbox (status, claim_expires_at);
