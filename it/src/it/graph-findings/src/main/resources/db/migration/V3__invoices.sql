CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    payment_id bigint REFERENCES payments (id)
);

CREATE TABLE tags (id bigint PRIMARY KEY);
CREATE TABLE item_tags (item_id bigint NOT NULL, tag_id bigint NOT NULL REFERENCES tags (id));
