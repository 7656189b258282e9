def log = new File(basedir, 'build.log').text
assert log.contains('attached the race detector at run time')
assert log.contains('Tests run: 2, Failures: 1')
assert log.contains('race detected during execution of test racyIncrement()')
assert log.contains('com.example.Counter.value')
// One race, printed in full once (by the agent); the failure message and surefire's summary carry one line.
assert log.count('WARNING: Guarded: data race on field com.example.Counter.value') == 1 : 'the full report is printed once'
assert log.count('was started at:') == 2 : 'two racing threads, each start stack printed once'
assert log.contains('test-framework frames omitted')
assert !log.contains('    at org.junit.platform.') && !log.contains('    at org.apache.maven.surefire.') : 'thread-start stacks stop at the test framework'
