-- The test database after migrations the model has not seen: a wider name, a new NOT NULL column,
-- a new nullable column, a new column with a default, a dropped column and a new table.
CREATE TABLE IF NOT EXISTS customers (id INT PRIMARY KEY, name VARCHAR(200), country VARCHAR(2),
  signup_date DATE, tier VARCHAR(6) NOT NULL, score DECIMAL(5,2), active BOOLEAN DEFAULT TRUE);
CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id),
  amount DECIMAL(10,2), ordered_on DATE);
CREATE TABLE IF NOT EXISTS audit_log (id INT PRIMARY KEY, note VARCHAR(100));
