UPDATE orders SET total_cents = 0;
