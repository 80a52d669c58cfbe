CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    note text DEFAULT 'n/a; pending'
);
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES account (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
/* the old column is gone: nothing reads it since 4.2 */
ALTER TABLE account DROP COLUMN local;
