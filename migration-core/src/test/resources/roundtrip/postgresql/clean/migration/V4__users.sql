CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mail email NOT NULL,
    name varchar(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
