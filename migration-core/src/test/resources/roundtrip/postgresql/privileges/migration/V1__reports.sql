CREATE TABLE reports (id bigint PRIMARY KEY, title text NOT NULL);
GRANT SELECT ON reports TO PUBLIC;
