-- Nothing to do in PostgreSQL: SQLite's 010 moves the payload out of the inbox row because SQLite
-- rewrites a whole record on every UPDATE, while PostgreSQL keeps a large value TOASTed apart from its
-- row and carries it over untouched when other columns are updated. The file exists so both stores'
-- migrations stay numbered and named alike (test/store-postgres.int.test.ts checks it).
SELECT 1;
