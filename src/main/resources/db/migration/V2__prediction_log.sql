-- One row per scored instance. (log_id, item_index) is the idempotency key: the writer inserts with
-- ON CONFLICT DO NOTHING, so a batch replayed from the spool after a partial failure is never doubled.
-- log_id is made by the server for each scoring call; request_id is the caller's X-Request-ID and may repeat.
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
    CONSTRAINT prediction_log_pk PRIMARY KEY (log_id, item_index)
);
CREATE INDEX prediction_log_request_id ON prediction_log (request_id);
CREATE INDEX prediction_log_logged_at ON prediction_log (logged_at);
