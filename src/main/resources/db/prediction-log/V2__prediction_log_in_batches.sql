-- The writer's batch becomes one row: SQLite's per-row insert (twelve binds and a B-tree step for every prediction)
-- was half of the prediction log's cost on the writer thread, which shares the cores with the requests
-- (bench/README.md, "The embedded prediction log, one row per batch"). prediction_log_batch holds each batch's
-- records as a JSON array of arrays, in the column order of the view below, which gives them back one row each with
-- the columns of PostgreSQL's table: readers (an operator's sqlite3, the tests) still query prediction_log.
-- The key is the batch's first record: a batch sent again (the writer's retry, a spool file replayed after a crash)
-- is ignored, as the rows' key made it before. The rows of V1 stay, in prediction_log_rows.
ALTER TABLE prediction_log RENAME TO prediction_log_rows;

CREATE TABLE prediction_log_batch (
    first_log_id      VARCHAR(36) NOT NULL,
    first_item_index  INTEGER     NOT NULL,
    records           TEXT        NOT NULL,
    CONSTRAINT prediction_log_batch_pk PRIMARY KEY (first_log_id, first_item_index)
) WITHOUT ROWID;

CREATE VIEW prediction_log AS
SELECT log_id, item_index, request_id, logged_at, model_version, endpoint, age, income, category, prediction,
       latency_micros, shadow
  FROM prediction_log_rows
UNION ALL
SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
       json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]'), json_extract(r.value, '$[5]'),
       json_extract(r.value, '$[6]'), json_extract(r.value, '$[7]'), json_extract(r.value, '$[8]'),
       json_extract(r.value, '$[9]'), json_extract(r.value, '$[10]'), json_extract(r.value, '$[11]')
  FROM prediction_log_batch b, json_each(b.records) r;
