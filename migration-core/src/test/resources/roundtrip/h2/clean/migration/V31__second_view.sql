CREATE VIEW token_owners AS SELECT t.id, u.name FROM api_tokens t JOIN users u ON u.id = t.user_id;
