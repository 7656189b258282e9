def log = new File(basedir, 'build.log').text
assert log.contains('attached the race detector at run time')
assert log.contains('Tests run: 2, Failures: 1')
assert log.contains('race detected during execution of test racyIncrement()')
assert log.contains('com.example.Counter.value')
