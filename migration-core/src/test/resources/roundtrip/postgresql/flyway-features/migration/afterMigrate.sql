SELECT count(*) FROM ${prefix}accounts;
