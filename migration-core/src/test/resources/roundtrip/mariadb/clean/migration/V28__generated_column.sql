ALTER TABLE versions ADD COLUMN num_len int AS (char_length(num)) VIRTUAL;
