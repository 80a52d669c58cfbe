-- runs in every schema the application owns
CREATE TABLE ${schema}.feature_flag (
    name text PRIMARY KEY,
    enabled boolean NOT NULL DEFAULT false
);
GRANT SELECT ON ${schema}.feature_flag TO ${reader_role};
DROP TABLE ${schema}.feature_toggle;
