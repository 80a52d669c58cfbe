ALTER TABLE versions DROP COLUMN num_len;
