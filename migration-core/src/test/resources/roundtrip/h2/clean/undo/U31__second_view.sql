DROP VIEW token_owners;
