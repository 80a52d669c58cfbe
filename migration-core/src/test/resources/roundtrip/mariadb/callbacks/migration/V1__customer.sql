CREATE TABLE ${prefix}_customer (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL);
-- named after the user: the down drops it under the name its own placeholders give
CREATE TABLE seen_by_${flyway:user} (id INT);
