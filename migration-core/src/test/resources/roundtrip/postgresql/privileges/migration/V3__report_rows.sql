CREATE TABLE report_rows (report_id bigint NOT NULL REFERENCES reports (id), line text);
