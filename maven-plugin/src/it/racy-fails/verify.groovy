def log = new File(basedir, 'build.log').text
assert log.contains('1 data race in 1 field') : 'the failure should count the race'
assert log.contains('see target/guarded/report.txt')
assert log.contains('com.example.Counter.value') : 'the output should name the racing field'
def reports = new File(basedir, 'target/guarded').listFiles().findAll { it.name ==~ /races-\d+\.json/ }
assert reports.size() == 1 : "one forked JVM, one report: ${reports}"
assert new File(basedir, 'target/guarded/report.txt').text.contains('com.example.Counter.value')
