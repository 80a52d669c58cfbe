CREATE TABLE api_tokens (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id bigint NULL,
    token varchar(64) NOT NULL,
    revoked tinyint(1) NOT NULL DEFAULT 0,
    CONSTRAINT tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
