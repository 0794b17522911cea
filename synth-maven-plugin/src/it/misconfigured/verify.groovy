def log = new File(basedir, 'build.log').text
def expected = '<scale> (-Dsynth.scale) must be between 0.01 and 1000.0, was 5000.0'
def line = log.readLines().find { it.contains('Failed to execute goal io.syndata:synth-maven-plugin') }
assert line != null : 'the build did not fail in synth:generate'
assert line.contains(expected) : "the failure does not name the parameter: $line"
