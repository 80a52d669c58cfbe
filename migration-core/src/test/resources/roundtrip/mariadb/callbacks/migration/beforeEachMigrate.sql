SET SESSION lock_wait_timeout = 10;
