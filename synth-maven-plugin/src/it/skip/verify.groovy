def log = new File(basedir, 'build.log').text
assert log.contains('synth: skipped (synth.skip)') : 'synth:generate did not say it was skipped'
assert !log.contains('must be between') : 'a skipped goal validated its parameters'
