CREATE TABLE ${schema}.audit (id bigint PRIMARY KEY, note text);
ALTER TABLE ${schema}.audit CHANGE `note` `remark` text;
DROP TABLE ${schema}.audit_old;
