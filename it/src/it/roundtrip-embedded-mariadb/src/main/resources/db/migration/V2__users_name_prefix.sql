-- a prefix index and two clauses in one ALTER TABLE: H2's MySQL mode runs neither
ALTER TABLE users ADD COLUMN email VARCHAR(200), ADD INDEX users_name_prefix (name(10));
