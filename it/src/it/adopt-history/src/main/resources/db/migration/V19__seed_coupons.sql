INSERT INTO coupons (code, percent_off) VALUES ('WELCOME10', 10);
INSERT INTO coupons (code, percent_off) VALUES ('SPRING20', 20);
