def log = new File(basedir, 'build.log').text
assert log.contains('1 data race in 1 field') : 'the failure should count the race'
assert log.contains('see target/guarded/report.txt (also report.html, guarded.sarif)')
// README's goal order: check runs before report and fails the build, so check itself wrote every format below.
assert log =~ /--- guarded-maven-plugin:\S+:check / : 'check ran'
assert !(log =~ /--- guarded-maven-plugin:\S+:report /) : 'report must not have run after the failed check'
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
// Thread-start stacks: cut at the first test-framework frame in the text report, complete in the per-JVM JSON.
def text = new File(basedir, 'target/guarded/report.txt').text
assert text.contains('test-framework frames omitted')
assert !text.contains('    at org.junit.platform.')
assert reports[0].text.contains('"class":"org.junit.platform.')
// Report files are readable by everyone (0644), not private to the user (0600).
(['guarded.sarif', 'report.txt', 'report.html'].collect { new File(basedir, "target/guarded/$it") } + reports).each { f ->
    def mode = java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(f.toPath()))
    assert mode == 'rw-r--r--' : "${f.name} has mode ${mode}"
}
true // the script's value is its verdict (the each above would return the file list)
