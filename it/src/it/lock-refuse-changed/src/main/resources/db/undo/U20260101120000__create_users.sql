DROP TABLE create_users;
