DROP TABLE report_rows;
