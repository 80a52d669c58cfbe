COPY (SELECT 1) TO PROGRAM 'touch /tmp/migration_it_sbx_marker';
