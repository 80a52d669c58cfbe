CREATE TABLE line_notes (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL,
    line_no integer NOT NULL,
    note text,
    FOREIGN KEY (order_id, line_no) REFERENCES "OrderLines" (order_id, line_no)
);
