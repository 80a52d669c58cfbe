CREATE TABLE create_users (id BIGINT);
