def log = new File(basedir, 'build.log').text
// ArgLineTest asserts the two system properties and the agent inside the forked JVM; here: it ran and passed.
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert log =~ /argLine set to .*-javaagent:.*guarded-agent.*-Dguarded\.it\.early=kept/
assert log.contains('Guarded: 0 data races')
