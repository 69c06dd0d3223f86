-- The versions kept loaded beside the active one (issue 14): a flag per version, so that every replica that shares
-- the database loads the same set, as it follows the active flag. The active version is loaded anyway; its own flag
-- stays FALSE (activation clears it). Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) both understand.
ALTER TABLE model_version ADD COLUMN loaded BOOLEAN NOT NULL DEFAULT FALSE;
