CREATE TABLE `crates` (
    `id` int NOT NULL AUTO_INCREMENT,
    `owner_id` bigint NOT NULL,
    `name` varchar(100) NOT NULL,
    `downloads` int NOT NULL DEFAULT 0,
    PRIMARY KEY (`id`),
    CONSTRAINT crates_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT downloads_positive CHECK (downloads >= 0)
);
