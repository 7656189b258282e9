def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/failsafe-reports').isDirectory()
assert log.contains('1 data race in 1 field')
assert log.contains('com.example.Counter.value')
