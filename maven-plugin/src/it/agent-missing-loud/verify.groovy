def log = new File(basedir, 'build.log').text
assert log.contains('the Guarded agent did not run: no report in target/guarded although tests ran')
assert log.contains('@{argLine}')
