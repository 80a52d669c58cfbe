CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    client_id bigint NOT NULL REFERENCES clients (id),
    corrects_id bigint REFERENCES billing.invoices (id)
);
