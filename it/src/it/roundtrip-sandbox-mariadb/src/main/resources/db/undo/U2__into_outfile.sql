SELECT 1 INTO OUTFILE '/tmp/migration_it_sbx_outfile';
