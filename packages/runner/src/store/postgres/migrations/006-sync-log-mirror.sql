-- When the event was last mirrored to ERPNext's Sync Log: an event finished again later (a retry, a
-- replay) is mirrored again, so the Desk always shows the event's latest status.
ALTER TABLE inbox ADD COLUMN mirrored_at TIMESTAMPTZ;
CREATE INDEX inbox_unmirrored ON inbox (mirrored_at, finished_at);
