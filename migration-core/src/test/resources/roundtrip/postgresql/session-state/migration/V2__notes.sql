-- unqualified: Flyway sets the search path again before each migration
CREATE TABLE notes (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app_accounts (id)
);
