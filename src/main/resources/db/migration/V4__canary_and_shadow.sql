-- Canary and shadow (issue 15): at most one row per kind ('canary', 'shadow'), naming a registered version and its
-- share of the unversioned traffic (canary weight) or of all scoring calls (shadow fraction). Every replica reads it
-- in the same poll as the active flag. Deleting a version deletes its setting. The prediction log flags the rows a
-- shadow version scored (they never reached a caller). Written in the SQL that PostgreSQL and H2 (PostgreSQL mode)
-- both understand.
CREATE TABLE model_rollout (
    kind        VARCHAR(16)      NOT NULL PRIMARY KEY,
    version     VARCHAR(128)     NOT NULL REFERENCES model_version (version) ON DELETE CASCADE,
    share       DOUBLE PRECISION NOT NULL,
    CONSTRAINT model_rollout_kind CHECK (kind IN ('canary', 'shadow')),
    CONSTRAINT model_rollout_share CHECK (share >= 0 AND share <= 1)
);
ALTER TABLE prediction_log ADD COLUMN shadow BOOLEAN NOT NULL DEFAULT FALSE;
