-- needs the table V1 creates: fails on an empty database
UPDATE customer SET name = TRIM(name) WHERE name <> TRIM(name);
