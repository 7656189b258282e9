def log = new File(basedir, 'build.log').text
assert log.contains('Guarded: 0 data races')
def text = new File(basedir, 'target/guarded/report.txt')
assert text.isFile()
assert text.text.contains('0 data races')
def sarif = new File(basedir, 'target/guarded/guarded.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
assert json.runs[0].tool.driver.name == 'Guarded'
assert json.runs[0].results.isEmpty()
