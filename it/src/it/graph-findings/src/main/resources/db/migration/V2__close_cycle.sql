-- c -> b -> a, and now a -> c
ALTER TABLE a
    ADD CONSTRAINT a_c_fk FOREIGN KEY (c_id) REFERENCES c (id);
