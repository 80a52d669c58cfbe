DROP VIEW popular_crates;
