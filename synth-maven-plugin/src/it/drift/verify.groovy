

def log = new File(basedir, 'build.log').text
[
  'schema drift: column customers.name changed from ',
  'schema drift: column customers.tier (CHARACTER VARYING(6) NOT NULL) is new in the target: filled by the fallback generator',
  'schema drift: column customers.score (DECIMAL(5,2)) is new in the target: filled with type-appropriate values',
  'schema drift: column customers.active (BOOLEAN) is new in the target: filled by its default',
  'schema drift: column orders.status is gone from the target: it is not written',
  'schema drift: table audit_log is new in the target (not in the model): it is left empty',
  "places (listed above) and <failOnDrift> is true",
].each { assert log.contains(it) : "build.log lacks: $it" }

// The first build filled the migrated database; the second refused before touching it.
def url = "jdbc:h2:file:${basedir}/target/db/shop;DATABASE_TO_LOWER=TRUE"
def c = new org.h2.Driver().connect(url, new Properties())
try {
  def q = { sql -> def rs = c.createStatement().executeQuery(sql); rs.next(); rs.getLong(1) }
  assert q('SELECT COUNT(*) FROM customers') == 30
  assert q('SELECT COUNT(*) FROM customers WHERE tier IS NULL OR score IS NULL') == 0
  assert q('SELECT COUNT(*) FROM customers WHERE active') == 30
  assert q('SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id WHERE c.id IS NULL') == 0
  assert q('SELECT COUNT(*) FROM orders') > 0
} finally {
  c.close()
}
