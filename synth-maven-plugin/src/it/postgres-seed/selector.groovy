// Runs only with a PostgreSQL server (SYNTH_PG_URL, from .ci/servers); with CI=true a missing one fails.
def server = System.getenv('SYNTH_PG_URL')
if (server == null || server.isBlank()) {
  if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
    throw new IllegalStateException('postgres-seed needs a PostgreSQL server named by SYNTH_PG_URL, and CI=true forbids skipping')
  }
  println '[postgres-seed] skipped: no PostgreSQL server named by SYNTH_PG_URL (run . .ci/servers)'
  return false
}
return true
