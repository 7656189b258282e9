def log = new File(basedir, 'build.log').text
assert log.contains('1 data race in 1 field') : 'the failure should count the race'
assert log.contains('see target/guarded/report.txt')
assert log.contains('com.example.Counter.value') : 'the output should name the racing field'
def reports = new File(basedir, 'target/guarded').listFiles().findAll { it.name ==~ /races-\d+\.json/ }
assert reports.size() == 1 : "one forked JVM, one report: ${reports}"
assert new File(basedir, 'target/guarded/report.txt').text.contains('com.example.Counter.value')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/guarded/guarded.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 1
assert sarif.runs[0].results[0].ruleId == 'data-race'
def html = new File(basedir, 'target/guarded/report.html').text
assert html.contains('<span class="hit">') : 'the racing source line is shown'
assert html.contains('value++;')
