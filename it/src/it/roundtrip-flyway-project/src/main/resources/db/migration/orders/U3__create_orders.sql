-- in the same directory as its up, as Flyway Teams expects it
DROP TABLE ${prefix}_orders;
