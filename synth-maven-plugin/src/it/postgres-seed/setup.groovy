// Creates a database of this test's own on the shared server and hands its URL to the build.
def server = System.getenv('SYNTH_PG_URL')
def m = server =~ /^(jdbc:postgresql:\/\/[^\/?]+\/)([^?]*)\?(.*)$/
assert m.matches() : "cannot read SYNTH_PG_URL $server"
def params = m.group(3).split('&').collectEntries { def kv = it.split('=', 2); [(kv[0]): kv.length > 1 ? kv[1] : ''] }
def name = 'synth_plugin_it_' + Long.toHexString(System.nanoTime())
def c = new org.postgresql.Driver().connect(server, new Properties())
try { c.createStatement().execute("CREATE DATABASE $name") } finally { c.close() }
// Into this build's copy of the POM (under target/): the URL and the login, apart, so that the
// URL in the build's log holds no password.
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text
    .replace('PG_DATABASE_URL', m.group(1) + name)
    .replace('PG_USER', params['user'] ?: '')
    .replace('PG_PASSWORD', params['password'] ?: '')
new File(basedir, 'database.name').text = name
true  // a pre-build script that returns anything else fails the build
