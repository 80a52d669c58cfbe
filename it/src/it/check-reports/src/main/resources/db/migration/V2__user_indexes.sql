-- migration:allow drop-column reason="nick was never shown; values exported to the support archive"
ALTER TABLE users DROP COLUMN nick;
DROP INDEX IF EXISTS users_email_old;
