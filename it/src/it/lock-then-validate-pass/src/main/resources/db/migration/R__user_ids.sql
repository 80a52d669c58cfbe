CREATE OR REPLACE VIEW user_ids AS SELECT id FROM create_users;
