CREATE MATERIALIZED VIEW crate_stats AS SELECT owner_id, count(*) AS n FROM crates GROUP BY owner_id;
