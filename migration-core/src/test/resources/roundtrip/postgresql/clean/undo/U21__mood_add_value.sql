-- PostgreSQL cannot drop an enum value: rebuild the type
ALTER TABLE users ALTER COLUMN mood DROP DEFAULT;
ALTER TYPE mood RENAME TO mood_old;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TABLE users ALTER COLUMN mood TYPE mood USING mood::text::mood;
ALTER TABLE users ALTER COLUMN mood SET DEFAULT 'ok';
DROP TYPE mood_old;
