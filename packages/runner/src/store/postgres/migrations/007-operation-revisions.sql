-- The content revision a document was brought to (a Sales Order follows its order's edits): an
-- operation recorded again with another revision points at the amendment that replaced the document.
ALTER TABLE operations ADD COLUMN revision TEXT;
