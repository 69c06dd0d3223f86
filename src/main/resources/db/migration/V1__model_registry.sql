-- Model versions: the bundle itself (a few KB to MB) is kept in the database, so that every replica that shares
-- it can load any version. Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.
CREATE TABLE model_version (
    version     VARCHAR(128)             NOT NULL PRIMARY KEY,
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    registered  TIMESTAMP WITH TIME ZONE NOT NULL,
    checksum    VARCHAR(64)              NOT NULL,
    metadata    TEXT                     NOT NULL,
    bundle      BYTEA                    NOT NULL,
    active      BOOLEAN                  NOT NULL DEFAULT FALSE
);
