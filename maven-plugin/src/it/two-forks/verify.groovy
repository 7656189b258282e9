def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/guarded').listFiles().findAll { it.name ==~ /races-\d+\.json/ }
assert reports.size() >= 2 : "forkCount=2, reuseForks=false: a report per test JVM, got ${reports}"
assert log.contains('2 data races in 2 fields')
assert log.contains('com.example.Counter.value')
assert log.contains('com.example.Histogram.total')
