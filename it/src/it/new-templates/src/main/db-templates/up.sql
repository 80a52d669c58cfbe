-- {{description}} / {{slug}} / V{{version}} / {{created}}
-- down: {{downFile}}
INSERT INTO audit (who) VALUES ('${flyway:user}');
