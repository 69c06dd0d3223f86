-- The embedded database (H2) keeps only the idempotency key of the prediction log. Its two lookup indexes
-- (request_id, logged_at) doubled the writer's work: H2 copies a B-tree page and writes an undo-log entry per index
-- for every row (measured: 12 KB -> 6 KB allocated per logged row without them, bench/README.md). Look a request up
-- with a scan on the embedded database, or use PostgreSQL, which keeps both indexes.
DROP INDEX IF EXISTS prediction_log_request_id;
DROP INDEX IF EXISTS prediction_log_logged_at;
