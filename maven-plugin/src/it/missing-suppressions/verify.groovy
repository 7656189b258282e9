def log = new File(basedir, 'build.log').text
assert log.contains('guarded.suppressions: suppress=')
assert log.contains('does-not-exist.txt: cannot read the file: it does not exist')
