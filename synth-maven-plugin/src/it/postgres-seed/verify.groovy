// Drops the database setup.groovy created, whatever the build did (this script runs after a failed
// build too), then checks the log.
def name = new File(basedir, 'database.name').text.trim()
def c = new org.postgresql.Driver().connect(System.getenv('SYNTH_PG_URL'), new Properties())
try { c.createStatement().execute("DROP DATABASE IF EXISTS $name WITH (FORCE)") } finally { c.close() }
def log = new File(basedir, 'build.log').text
assert log.contains('synth: wrote ') : 'synth:generate did not report what it wrote'
assert !log.contains('password=') : 'a password reached the log'
true
