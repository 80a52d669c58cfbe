SET lock_timeout = '10s';
