-- coupons are fixed amounts from now on
ALTER TABLE coupons ADD COLUMN amount_cents INT DEFAULT 0 NOT NULL;
ALTER TABLE coupons DROP COLUMN percent_off;
