CREATE FUNCTION order_total(o orders) RETURNS numeric
    LANGUAGE sql
    BEGIN ATOMIC
        SELECT sum(amount) FROM order_line WHERE order_id = o.id;
    END;
CREATE TABLE order_line (order_id bigint REFERENCES orders (id), amount numeric(12, 2) CHECK (amount >= 0));
ALTER TABLE order_line DROP COLUMN amount;
