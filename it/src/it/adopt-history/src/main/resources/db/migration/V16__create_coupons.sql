CREATE TABLE coupons (
    code VARCHAR(32) PRIMARY KEY,
    percent_off INT NOT NULL
);
