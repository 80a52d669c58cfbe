UPDATE users SET email = 'none' WHERE email IS NULL;
