def log = new File(basedir, 'build.log').text
assert log.contains('guarded.suppressions:')
assert log.contains('does-not-exist.txt does not exist')
