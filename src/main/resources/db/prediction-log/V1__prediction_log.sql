-- The prediction log of the embedded default, in its own SQLite file (liberty/config/datasource-h2.xml): the same
-- columns and idempotency key as the table of db/migration (V2, V4) that PostgreSQL keeps, so the writer's INSERT ...
-- ON CONFLICT DO NOTHING is the same everywhere. WITHOUT ROWID: the rows live in the key's B-tree, one tree to append
-- to instead of a table and an index. Like H2, no lookup indexes (request_id, logged_at): a lookup scans.
CREATE TABLE prediction_log (
    log_id          VARCHAR(36)              NOT NULL,
    item_index      INTEGER                  NOT NULL,
    request_id      VARCHAR(128)             NOT NULL,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    model_version   VARCHAR(128)             NOT NULL,
    endpoint        VARCHAR(32)              NOT NULL,
    age             INTEGER                  NOT NULL,
    income          DOUBLE PRECISION         NOT NULL,
    category        VARCHAR(128)             NOT NULL,
    prediction      DOUBLE PRECISION         NOT NULL,
    latency_micros  BIGINT                   NOT NULL,
    shadow          BOOLEAN                  NOT NULL DEFAULT FALSE,
    CONSTRAINT prediction_log_pk PRIMARY KEY (log_id, item_index)
) WITHOUT ROWID;
