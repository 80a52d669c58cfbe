-- Accounts and their owners
CREATE TABLE account (
    id bigserial PRIMARY KEY,
    owner_email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    "comments" text,
    local boolean DEFAULT false
);

CREATE INDEX CONCURRENTLY IF NOT EXISTS account_owner_idx ON account (lower(owner_email::text));
DROP TABLE legacy_account;
