DROP INDEX versions_live_idx;
