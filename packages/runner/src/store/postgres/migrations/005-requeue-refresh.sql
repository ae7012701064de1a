-- An operator's requeue asks for the resource's latest state from Shopify before planning; retry
-- re-applies the stored payload as it is. The flag travels with the claim to the worker.
ALTER TABLE inbox ADD COLUMN refresh_first BOOLEAN NOT NULL DEFAULT FALSE;
